export interface GlossaryEntry {
  term: string;
  gloss: string;
}

/** `인공범용지능(AGI)`, `'소라'(Sora)`, `웨이보(중국판 트위터)`: a word glued to a short parenthesis. */
const GLOSSED = /['‘"“]?([\p{L}\p{N}][\p{L}\p{N}·\-]*?)['’"”]?\(([^()]{1,25})\)/gu;
const NOT_A_GLOSS = /현지\s*시간|^\d|[0-9]{4}|^(?:사진|영상|자료|제공|왼쪽|오른쪽|가운데|앞줄|뒷줄|종합|상보|속보|1보|2보)$|기자|=/;

/** Term/gloss pairs mined from parenthetical glosses, first occurrence of each term. */
export function mineGlossary(paragraphs: string[]): GlossaryEntry[] {
  const entries = new Map<string, GlossaryEntry>();
  for (const paragraph of paragraphs) {
    for (const m of paragraph.matchAll(GLOSSED)) {
      const term = m[1]!.trim();
      const gloss = m[2]!.trim();
      if (NOT_A_GLOSS.test(gloss) || /\d$/.test(term) || term.length < 2) continue;
      const key = `${term}\u0000${gloss}`.toLowerCase();
      if (!entries.has(key)) entries.set(key, { term, gloss });
    }
  }
  return [...entries.values()];
}
