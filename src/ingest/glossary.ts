export interface GlossaryEntry {
  term: string;
  gloss: string;
}

/**
 * `인공범용지능(AGI)`, `'소라'(Sora)`, `웨이보(중국판 트위터)`: a word glued to a short parenthesis. Found from the
 * parenthesis back: a pattern starting with the word tried every position of every paragraph, and took a sixth of
 * the time of reading an article.
 */
const PARENTHESIS = /\(([^()]{1,25})\)/g;
const TERM_CHAR = /^[\p{L}\p{N}·\-]$/u;
const TERM_START = /^[\p{L}\p{N}]$/u;
const CLOSING_QUOTE = /['’"”]/;
const NOT_A_GLOSS = /현지\s*시간|^\d|[0-9]{4}|^(?:사진|영상|자료|제공|왼쪽|오른쪽|가운데|앞줄|뒷줄|종합|상보|속보|1보|2보)$|기자|=/;

/** Term/gloss pairs mined from parenthetical glosses, first occurrence of each term. */
export function mineGlossary(paragraphs: string[]): GlossaryEntry[] {
  const entries = new Map<string, GlossaryEntry>();
  for (const paragraph of paragraphs) {
    for (const m of paragraph.matchAll(PARENTHESIS)) {
      const term = glossedTerm(paragraph, m.index);
      const gloss = m[1]!.trim();
      if (term === null || NOT_A_GLOSS.test(gloss) || /\d$/.test(term) || term.length < 2) continue;
      const key = `${term}\u0000${gloss}`.toLowerCase();
      if (!entries.has(key)) entries.set(key, { term, gloss });
    }
  }
  return [...entries.values()];
}

/** The word (letters, digits, `·`, `-`; from a letter or digit) just before a parenthesis, past a closing quote. */
function glossedTerm(text: string, parenthesis: number): string | null {
  let end = parenthesis;
  if (end > 0 && CLOSING_QUOTE.test(text[end - 1]!)) end--;
  let start = end;
  while (start > 0) {
    const previous = codePointBefore(text, start);
    if (!TERM_CHAR.test(previous)) break;
    start -= previous.length;
  }
  while (start < end) {
    const first = String.fromCodePoint(text.codePointAt(start)!);
    if (TERM_START.test(first)) break;
    start += first.length;
  }
  return start < end ? text.slice(start, end) : null;
}

/** The character (a surrogate pair counts as one) ending at `at`. */
function codePointBefore(text: string, at: number): string {
  const low = text.charCodeAt(at - 1);
  const isPair = low >= 0xdc00 && low <= 0xdfff && at >= 2 && text.charCodeAt(at - 2) >= 0xd800 && text.charCodeAt(at - 2) <= 0xdbff;
  return isPair ? text.slice(at - 2, at) : text[at - 1]!;
}
