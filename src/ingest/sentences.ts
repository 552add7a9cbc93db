import { maskQuotes } from './quoteSpans.ts';

const BOUNDARY = /[.!?。…]+["”’')\]]*(?=\s+|$)/g;

/**
 * Where each sentence of one paragraph ends (offsets into it, ascending, exclusive); quotes are masked first so
 * `"…했다. 그리고…"` stays one sentence. A sentence runs from the end of the one before, trimmed (see sentencesOf).
 * Offsets rather than copies: the sentences of 200,000 paragraphs held 22 MB of heap as strings, and repeated every
 * paragraph's text in the snapshot.
 */
export function sentenceEnds(paragraph: string): number[] {
  const masked = maskQuotes(paragraph);
  const ends: number[] = [];
  let start = 0;
  for (const m of masked.matchAll(BOUNDARY)) {
    const end = m.index + m[0].length;
    // `GPT-4.0`, `1.5배`: a dot between digits is not an ending (the lookahead already needs a space).
    if (paragraph.slice(start, end).trim()) ends.push(end);
    start = end;
  }
  if (paragraph.slice(start).trim()) ends.push(paragraph.length);
  return ends;
}

/** The sentences a paragraph's ends mark: each from the previous end (or the start) to its own, trimmed. */
export function sentencesOf(text: string, ends: readonly number[]): string[] {
  return ends.map((end, i) => text.slice(ends[i - 1] ?? 0, end).trim());
}
