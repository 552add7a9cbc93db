import { escapeMarkdown } from 'discord.js';

/**
 * Article text is untrusted: escape markdown so it renders as printed, and break `@everyone`/`@here` and raw
 * mention syntax with a zero-width space, so it can never ping even if copied into a message.
 */
export function safeText(text: string): string {
  return neutralizeMentions(escapeMarkdown(text));
}

export function neutralizeMentions(text: string): string {
  return text.replace(/@(everyone|here)/g, '@\u200b$1').replace(/<(@[!&]?|#)(\d+)>/g, '<\u200b$1$2>');
}

/** Escapes the text and bolds every occurrence of the searched words (longest first, so stems don't split words). */
export function highlight(text: string, terms: string[]): string {
  const needles = [...new Set(terms.map((t) => t.trim()).filter((t) => t.length >= 2))].sort((a, b) => b.length - a.length);
  if (needles.length === 0) return safeText(text);
  const pattern = new RegExp(needles.map(escapeRegExp).join('|'), 'gi');
  let out = '';
  let last = 0;
  for (const m of text.matchAll(pattern)) {
    out += safeText(text.slice(last, m.index)) + `**${safeText(m[0])}**`;
    last = m.index + m[0].length;
  }
  return out + safeText(text.slice(last));
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
