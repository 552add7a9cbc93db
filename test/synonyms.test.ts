import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadSynonyms, synonymsOf } from '../src/search/synonyms.ts';

const write = (body: string): string => {
  const path = join(mkdtempSync(join(tmpdir(), 'gisa-syn-')), 'synonyms.json');
  writeFileSync(path, body);
  return path;
};

describe('the synonym table', () => {
  const table = loadSynonyms();

  it('finds the text verbs for a question verb in any ending', () => {
    expect(synonymsOf(table, '만들었어', '만들었어')).toEqual(expect.arrayContaining(['개발', '공개', '제작']));
    expect(synonymsOf(table, '줄었어', '줄었어')).toContain('감소');
  });

  it('goes one way only: the text verb does not bring back the plain one', () => {
    expect(synonymsOf(table, '공개했어', '공개')).toEqual([]);
  });

  it('matches a one-syllable key only as the whole stem', () => {
    expect(synonymsOf(table, '돈은', '돈')).toContain('비용');
    expect(synonymsOf(table, '돈바스', '돈바스')).toEqual([]);
  });

  it('reads an English question word whole, in each of the forms its entry lists', () => {
    for (const word of ['made', 'make', 'builds', 'developed']) expect(synonymsOf(table, word, word)).toEqual(expect.arrayContaining(['개발', '공개', '만들']));
    expect(synonymsOf(table, 'fell', 'fell')).toContain('감소');
    expect(synonymsOf(table, 'fellow', 'fellow')).toEqual([]);
    expect(synonymsOf(table, 'maker', 'maker')).toEqual([]);
  });

  it('refuses a malformed table with the reason', () => {
    expect(() => loadSynonyms(write('{"about": "x", "entries": [{"ask": "만들"}]}'))).toThrow(/text/);
    expect(() => loadSynonyms(write('not json'))).toThrow();
    expect(() => loadSynonyms(write('{"about": "x", "entries": [{"ask": [], "text": ["개발"]}]}'))).toThrow(/ask/);
  });
});
