import type { APIActionRowComponent, APIComponentInMessageActionRow, APIEmbed } from 'discord-api-types/v10';
import { LIMITS, truncateAtSentence } from '../limits.ts';
import { highlight, neutralizeMentions } from '../sanitize.ts';

/** A reply ready for discord.js: embeds, buttons, and who (if anyone) may be pinged. */
export interface DiscordMessage {
  content?: string;
  embeds: APIEmbed[];
  components: APIActionRowComponent<APIComponentInMessageActionRow>[];
  ephemeral: boolean;
}

export const COLORS = { answer: 0x2f6fed, none: 0x8a8f98, quote: 0x15a36a, article: 0x6b4fbb, error: 0xd13b3b } as const;

/** Highlighted, escaped text that fits `max` even after markup is added: truncate the raw text, then mark it up. */
export function fitHighlighted(text: string, terms: string[], max: number): string {
  let budget = max;
  for (;;) {
    const marked = highlight(truncateAtSentence(text, budget), terms);
    if (marked.length <= max || budget <= 1) return marked.slice(0, max);
    budget -= marked.length - max;
  }
}

function embedLength(embed: APIEmbed): number {
  return (
    (embed.title?.length ?? 0) +
    (embed.description?.length ?? 0) +
    (embed.footer?.text.length ?? 0) +
    (embed.author?.name.length ?? 0) +
    (embed.fields ?? []).reduce((n, f) => n + f.name.length + f.value.length, 0)
  );
}

/**
 * Enforces per-field limits, then the 6000-character and 10-embed totals by dropping trailing fields and embeds.
 * Also the last line of defence against pings: embeds never carry an intended mention, so none survives.
 */
export function fitEmbeds(embeds: APIEmbed[]): APIEmbed[] {
  const fitted: APIEmbed[] = [];
  let total = 0;
  for (const raw of embeds.slice(0, LIMITS.embeds).map(neutralizeEmbed)) {
    const embed: APIEmbed = {
      ...raw,
      title: raw.title === undefined ? undefined : truncateAtSentence(raw.title, LIMITS.embedTitle),
      description: raw.description === undefined ? undefined : truncateAtSentence(raw.description, LIMITS.embedDescription),
      footer: raw.footer && { ...raw.footer, text: truncateAtSentence(raw.footer.text, LIMITS.footer) },
      fields: raw.fields?.slice(0, LIMITS.embedFields).map((f) => ({
        ...f,
        name: truncateAtSentence(f.name, LIMITS.fieldName),
        value: truncateAtSentence(f.value, LIMITS.fieldValue),
      })),
    };
    while (total + embedLength(embed) > LIMITS.embedTotal && embed.fields && embed.fields.length > 0) embed.fields.pop();
    if (total + embedLength(embed) > LIMITS.embedTotal) break;
    total += embedLength(embed);
    fitted.push(embed);
  }
  return fitted;
}

function neutralizeEmbed(embed: APIEmbed): APIEmbed {
  return {
    ...embed,
    title: embed.title && neutralizeMentions(embed.title),
    description: embed.description && neutralizeMentions(embed.description),
    footer: embed.footer && { ...embed.footer, text: neutralizeMentions(embed.footer.text) },
    fields: embed.fields?.map((f) => ({ ...f, name: neutralizeMentions(f.name), value: neutralizeMentions(f.value) })),
  };
}

export { embedLength };
