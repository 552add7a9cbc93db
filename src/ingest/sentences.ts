import { maskQuotes } from './quoteSpans.ts';

const BOUNDARY = /[.!?。…]+["”’')\]]*(?=\s+|$)/g;

/** Sentences of one paragraph; quotes are masked first so `"…했다. 그리고…"` stays one sentence. */
export function splitSentences(paragraph: string): string[] {
  const masked = maskQuotes(paragraph);
  const sentences: string[] = [];
  let start = 0;
  for (const m of masked.matchAll(BOUNDARY)) {
    const end = m.index + m[0].length;
    // `GPT-4.0`, `1.5배`: a dot between digits is not an ending (the lookahead already needs a space).
    const sentence = paragraph.slice(start, end).trim();
    if (sentence) sentences.push(sentence);
    start = end;
  }
  const tail = paragraph.slice(start).trim();
  if (tail) sentences.push(tail);
  return sentences;
}
