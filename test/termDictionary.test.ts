import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { termDictionary } from '../src/search/termDictionary.ts';

// Korean syllables, Latin and digits, and the odd surrogate half: what a term of ours can be made of.
const term = fc.string({ unit: fc.oneof(fc.constantFrom('가', '각', '소', '라', 'a', 'b', '4', '\ud83d'), fc.string({ unit: 'grapheme', maxLength: 1 })), maxLength: 6 });

describe('termDictionary', () => {
  it('finds the id of every included term, and nothing else, as a Map would', () => {
    fc.assert(
      fc.property(fc.uniqueArray(term, { maxLength: 300 }), fc.array(fc.boolean(), { maxLength: 300 }), fc.array(term, { maxLength: 50 }), (terms, kept, others) => {
        const include = (t: number) => kept[t] ?? true;
        const expected = new Map(terms.flatMap((s, t) => (include(t) ? [[s, t] as const] : [])));
        const dictionary = termDictionary(terms, include);
        for (const s of [...terms, ...others]) expect(dictionary.id(s)).toBe(expected.get(s) ?? -1);
      }),
    );
  });

  it('tells terms apart that only their length or last character does', () => {
    const terms = ['소라', '소라는', '소', '', '소란', 'ai', 'a'];
    const dictionary = termDictionary(terms);
    terms.forEach((s, t) => expect(dictionary.id(s)).toBe(t));
    expect(dictionary.id('소라를')).toBe(-1);
    expect(dictionary.id('라')).toBe(-1);
  });

  it('is empty for no terms, and refuses a term listed twice', () => {
    expect(termDictionary([]).id('소라')).toBe(-1);
    expect(() => termDictionary(['소라', '오픈ai', '소라'])).toThrow(/'소라' is listed twice/);
  });
});
