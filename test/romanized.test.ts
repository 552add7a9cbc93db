import { describe, expect, it } from 'vitest';
import { parseArticle } from '../src/ingest/article.ts';
import { ask } from '../src/search/ask.ts';
import { buildCorpus } from '../src/search/corpus.ts';
import fc from 'fast-check';
import { forEachNameKey, hangulSkeleton, keyRange, latinSkeleton, nameSkeletons } from '../src/search/romanized.ts';
import { matchSpeakers, withHangulNames } from '../src/search/speakers.ts';
import { ALL_ARTICLES, loadArticle, newsPage } from './helpers.ts';

describe('a Korean name and its English spellings reduce to the same consonants', () => {
  it.each([
    ['김정은', 'Kim Jong Un'],
    ['김정은', 'Kim Jong-un'],
    ['윤석열', 'Yoon Suk Yeol'],
    ['박지현', 'Park Ji-hyun'],
    ['최영호', 'Choi Young-ho'],
    ['김순자', 'Kim Soon-ja'],
    ['이재명', 'Lee Jae-myung'],
    ['노무현', 'Roh Moo-hyun'],
    ['안철수', 'Ahn Cheol-soo'],
    ['오세훈', 'Oh Se-hoon'],
    ['류현진', 'Ryu Hyun-jin'],
    ['저우훙이', 'Zhou Hongyi'],
  ])('%s ~ %s', (hangul, latin) => {
    expect(nameSkeletons(hangul)).toContain(latinSkeleton(latin.split(' ')));
  });

  it('tells different names apart', () => {
    expect(latinSkeleton(['Kim', 'Jong', 'Un'])).not.toBe(hangulSkeleton('김순자'));
    expect(latinSkeleton(['Park', 'Ji-hyun'])).not.toBe(hangulSkeleton('박지원'));
  });

  it('keys a name as its skeletons would be keyed, without building them (up to seven syllables, past 15 digits)', () => {
    const syllable = fc.integer({ min: 0xac00, max: 0xd7a3 }).map((code) => String.fromCharCode(code));
    fc.assert(
      fc.property(fc.array(syllable, { minLength: 1, maxLength: 7 }), (syllables) => {
        const name = syllables.join('');
        const keys: number[] = [];
        forEachNameKey(name, (key) => keys.push(key));
        expect(keys).toEqual(nameSkeletons(name).map((skeleton) => keyRange(skeleton)[0]));
      }),
      { numRuns: 2000, examples: [[[...'왃셒퍍넁솅쌯퀋']]] },
    );
  });

  it('keys the skeletons beginning with a prefix within its range', () => {
    const [from, to] = keyRange('gmj');
    const [kimJongUn] = keyRange(hangulSkeleton('김정은')!);
    expect(kimJongUn).toBeGreaterThanOrEqual(from);
    expect(kimJongUn).toBeLessThan(to);
    expect(keyRange(hangulSkeleton('김순자')!)[0]).not.toBeLessThan(to);
  });

  it('spells only Hangul names and Latin words', () => {
    expect(hangulSkeleton('오픈AI')).toBeNull();
    expect(latinSkeleton(['GPT-4'])).toBeNull();
  });
});

describe('English questions name Korean people as English spells them', () => {
  const bundled = buildCorpus(ALL_ARTICLES.map(loadArticle));

  it('reads the name as the text prints it, and only a name', () => {
    expect(withHangulNames(bundled.speakerLookup, "What did Kim Jong Un say?")).toBe('What did 김정은 say?');
    expect(withHangulNames(bundled.speakerLookup, "Kim Jong-un's position on talks")).toBe("김정은's position on talks");
    expect(withHangulNames(bundled.speakerLookup, 'What did Samsung Electronics say?')).toBe('What did Samsung Electronics say?');
    // A surname alone is every 김.
    expect(withHangulNames(bundled.speakerLookup, 'What did Kim say?')).toBe('What did Kim say?');
  });

  it.each([
    ['What did Kim Jong Un say?', 'newsis_summit', 2],
    ['What did Park Ji-hyun say?', 'yonhap_chip_exports', 5],
    ['What did Choi Young-ho say?', 'daily_market_digital', 2],
    ['How old is Kim Soon-ja?', 'daily_market_digital', 4],
    // Names English spells its own way come from the synonym table: `TikTok` → 틱톡, `Taiwan` → 대만.
    ['What did Zhou Hongyi say about TikTok?', '000_747bf3bd7eb8621c', 4],
    ['How much did exports to Taiwan grow?', 'yonhap_chip_exports', 3],
  ])('%s → %s paragraph %i', (question, article, paragraph) => {
    const { answer } = ask(bundled, question);
    expect(answer && { article: answer.article, paragraph: answer.paragraph }).toEqual({ article, paragraph });
  });

  it('/quote and its autocomplete find the speaker by an English spelling, whole or begun', () => {
    expect(matchSpeakers(bundled.speakerLookup, 'Kim Jong Un', 5).map((e) => e.speaker.name)).toEqual(['김정은']);
    expect(matchSpeakers(bundled.speakerLookup, 'park ji', 5).map((e) => e.speaker.name)).toEqual(['박지현']);
    expect(matchSpeakers(bundled.speakerLookup, 'kim', 5).map((e) => e.speaker.name)).toEqual(expect.arrayContaining(['김정은', '김순자']));
    // What the name, title or organisation holds comes first: `BGI` is 인예's company.
    expect(matchSpeakers(bundled.speakerLookup, 'bgi', 5)[0]?.speaker.name).toBe('인예');
  });

  it('takes the most prominent of two people spelled alike', () => {
    const article = parseArticle(
      'two_kims.txt',
      newsPage('정치권 원로 회동', [
        '김종인 전 위원장은 "개혁은 지금 시작해야 한다"고 말했다.',
        '김종인 전 위원장은 "야당도 협조해야 한다"고 강조했다.',
        '김정은 위원장은 "대화의 문은 열려 있다"고 밝혔다.',
      ]),
    );
    const corpus = buildCorpus([article]);
    expect(withHangulNames(corpus.speakerLookup, 'What did Kim Jong In say?')).toBe('What did 김종인 say?');
  });
});
