import { readFileSync } from 'node:fs';
import { z } from 'zod';

const SynonymFileSchema = z.object({
  about: z.string(),
  // English lists a word's forms under one entry (`made`, `make`, `builds`…).
  entries: z.array(z.object({ ask: z.union([z.string().min(1), z.array(z.string().min(1)).min(1)]), text: z.array(z.string().min(1)).min(1) })),
});

const LATIN = /^[a-z]/;

export type SynonymTable = ReadonlyMap<string, readonly string[]>;

/** The bundled table (src/search/synonyms.json): data, so it grows without code changes. */
export function loadSynonyms(path: URL | string = new URL('./synonyms.json', import.meta.url)): SynonymTable {
  const parsed = SynonymFileSchema.parse(JSON.parse(readFileSync(path, 'utf8')));
  return new Map(
    parsed.entries.flatMap((e) => {
      const text = e.text.map((t) => t.normalize('NFC').toLowerCase());
      return (Array.isArray(e.ask) ? e.ask : [e.ask]).map((ask) => [ask.normalize('NFC').toLowerCase(), text] as const);
    }),
  );
}

/**
 * Words the text may use for a question word: entries whose key starts the word (`만들었어` → `만들`).
 * A one-syllable key (`돈`) must be the whole stem, or it would fire on every word that starts with it; an
 * English key (`fell`) the whole word, or it would find `fellow`.
 */
export function synonymsOf(table: SynonymTable, word: string, stem: string): string[] {
  const found: string[] = [];
  for (const [key, replacements] of table) {
    // Hangul keys are NFC: one syllable is one code unit (no spread into an array per entry per question word).
    const matches = key.length === 1 || LATIN.test(key) ? stem === key || word === key : word.startsWith(key);
    if (matches) found.push(...replacements);
  }
  return [...new Set(found)];
}
