import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { stripParticles } from '../src/search/particles.ts';
import { forEachWord, splitWords, tokenizeKorean, wordTokens } from '../src/search/tokenize.ts';

describe('stripParticles', () => {
  it.each([
    ['저우훙이는', '저우훙이'],
    ['업계를', '업계'],
    ['중국에서는', '중국'],
    ['중국으로의', '중국'],
    ['오픈ai가', '오픈ai'],
    ['공개했습니다', '공개'],
    ['인예', '인예'], // `이`-like endings are kept when the stem would be one syllable
    // A question's verb ending meets the prose's: `시작됐어?` asks about `시작된`, `발표했나요?` about `발표했다`.
    ['시작됐어', '시작'],
    ['시작된', '시작'],
    ['발표했나요', '발표'],
    ['지난해', '지난해'], // not a verb: no ending is cut from it
  ])('%s → %s', (word, stem) => {
    expect(stripParticles(word)).toBe(stem);
  });
});

describe('tokenizeKorean', () => {
  it('normalises to NFC before tokenising', () => {
    const decomposed = '소라'.normalize('NFD');
    expect(tokenizeKorean(decomposed)).toEqual(tokenizeKorean('소라'));
  });

  it('makes spacing variants of 오픈AI meet', () => {
    const glued = new Set(tokenizeKorean('오픈AI가'));
    const spaced = tokenizeKorean('오픈 AI');
    expect(spaced.every((t) => glued.has(t))).toBe(true);
  });

  it('emits the stem, Latin runs whole and Hangul bigrams of the stem, but not the inflected word', () => {
    expect(wordTokens('그래픽처리장치를').tokens).toEqual(expect.arrayContaining(['그래픽처리장치', '그래', '래픽', '장치']));
    expect(wordTokens('그래픽처리장치를').tokens).not.toContain('치를');
    expect(wordTokens('그래픽처리장치를').tokens).not.toContain('그래픽처리장치를');
    expect(tokenizeKorean('GPT-4.0과')).toEqual(expect.arrayContaining(['gpt', '4', 'gpt-4.0']));
  });

  it('answers a repeated word from its memo with the same tokens, in a fresh array', () => {
    const first = wordTokens('반도체를');
    first.tokens.push('mutated');
    expect(wordTokens('반도체를').tokens).toEqual(['반도체', '반도', '도체']);
  });

  it('splits words exactly as the plain regex definition does, for any text', () => {
    const reference = (text: string) =>
      text
        .normalize('NFC')
        .toLowerCase()
        .split(/[^\p{L}\p{N}.\-]+/u)
        .map((w) => w.replace(/^[.\-]+|[.\-]+$/g, ''))
        .filter((w) => w !== '');
    const korean = fc.constantFrom('소라', '오픈AI가', 'GPT-4.0과', '“인용”', '...', '-', ' ', '\n', '(MS)', '1∼2년', 'é', '😀', '①', 'İ', 'ΣΑ', 'Ⓐ', '々', '·');
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'grapheme' }), fc.array(korean).map((xs) => xs.join(''))), (text) => {
        expect(splitWords(text)).toEqual(reference(text));
      }),
      { numRuns: 500 },
    );
  });

  it('hands over as null, uncopied, exactly the words holding none of the wanted characters', () => {
    const text = fc.array(fc.constantFrom('소라를', '오픈AI가', 'MS의', '지원을', '“공개”', ' ', '·', 'İ', '\n', '𠀀가'), { maxLength: 12 }).map((xs) => xs.join(' '));
    const wanted = fc.uniqueArray(fc.constantFrom(...['소', '라', '오', '픈', 'a', 'i', 'm', '지', '원', '공', '개', '𠀀']), { maxLength: 4 });
    fc.assert(
      fc.property(text, wanted, (t, chars) => {
        const onlyWith = new Set(chars.map((c) => c.charCodeAt(0)));
        const seen: (string | null)[] = [];
        forEachWord(t, (w) => seen.push(w), onlyWith);
        const expected = splitWords(t).map((w) => ([...w].some((c) => onlyWith.has(c.charCodeAt(0))) ? w : null));
        expect(seen).toEqual(expected);
      }),
      { numRuns: 300 },
    );
  });

  it('folds quote marks and punctuation away', () => {
    expect(tokenizeKorean('“소라”')).toEqual(tokenizeKorean("'소라'"));
  });
});
