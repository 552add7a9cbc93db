import { describe, expect, it } from 'vitest';
import { parseArticle } from '../src/ingest/article.ts';
import { ask } from '../src/search/ask.ts';
import { buildCorpus } from '../src/search/corpus.ts';
import { coverage, PARTIAL_WORD, planQuery } from '../src/search/query.ts';

const plan = (q: string) => planQuery(q, { expansions: new Map() });
const bitsOf = (p: ReturnType<typeof plan>, ...tokens: string[]) => tokens.reduce((m, t) => m | (p.bits.get(t) ?? 0), 0);

describe('coverage of a question word found through its pieces', () => {
  const question = plan('부동산 위기');

  it('counts the word whole when the word or every piece of it is there', () => {
    expect(coverage(question, bitsOf(question, '부동산', '위기'))).toBe(1);
    expect(coverage(question, bitsOf(question, '부동', '동산', '위기'))).toBe(1);
  });

  it('counts half its pieces as PARTIAL_WORD, and fewer as nothing', () => {
    expect(coverage(question, bitsOf(question, '부동', '위기'))).toBe((1 + PARTIAL_WORD) / 2);
    const longer = plan('화다지인');
    expect(coverage(longer, bitsOf(longer, '다지', '지인'))).toBe(PARTIAL_WORD);
    expect(coverage(longer, bitsOf(longer, '지인'))).toBe(0);
  });
});

describe('an English word expanded through the glossary', () => {
  const expanded = planQuery('MS 지원', { expansions: new Map([['ms', '마이크로소프트']]) });

  it('is found by the expansion whole, or by half its pieces as a partial word, never by one piece', () => {
    expect(coverage(expanded, bitsOf(expanded, '마이크로소프트', '지원'))).toBe(1);
    expect(coverage(expanded, bitsOf(expanded, '마이', '이크', '크로', '지원'))).toBe((PARTIAL_WORD + 1) / 2);
    expect(coverage(expanded, bitsOf(expanded, '이크', '지원'))).toBe(1 / 2);
  });

  it('marks the pieces as pieces of the expansion, so they find no paragraph on their own', () => {
    const whole = expanded.bits.get('마이크로소프트')!;
    expect(expanded.terms.filter((t) => t.pieceOf === whole).map((t) => t.token).sort()).toEqual(['로소', '마이', '소프', '이크', '크로', '프트']);
  });
});

/** A page in the shape the ingest reads: headline, outlet line, body paragraphs. */
const page = (title: string, paragraphs: string[]) =>
  Buffer.from([title, '한빛일보 | 입력 2024.03.01 (09:00)', '', ...paragraphs.flatMap((p) => [p, '']), 'ⓒ 한빛일보'].join('\n'));

describe('a rare name is not matched by common pieces of other words', () => {
  // The second article holds 발언 and two pieces of 화다지인 (다지, 지인) in unrelated words; the first names the
  // company and its CEO. Both cover two of the question's three words if a piece counts as the word.
  const filler = ['회사는 올해 매출이 늘었다고 설명했다.', '주민들은 공사 일정을 물었다.', '시장에서는 가격이 안정될 것으로 내다봤다.', '관계자는 다음 달 결과를 발표한다고 밝혔다.'];
  const named = parseArticle('named.txt', page('유전자 기업 경영진 인터뷰', [
    '중국 최대 유전자 기업 BGI 화다지인의 CEO 인예는 새 장비를 소개했다.',
    ...filler,
  ]));
  const pieces = parseArticle('pieces.txt', page('지역 소식', [
    '다지기 공사를 맡은 지인들의 발언이 이어졌고, 다지기 작업과 지인 모임의 발언도 나왔다.',
    ...[...filler].reverse(),
  ]));
  const corpus = buildCorpus([named, pieces]);

  it('ranks the paragraph that names it first', () => {
    const top = ask(corpus, '화다지인 CEO의 발언').results[0];
    expect(top).toMatchObject({ article: 'named', paragraph: 1 });
  });
});

describe('glossary expansions of English questions across articles', () => {
  const glossing = (id: string, term: string, acronym: string) =>
    parseArticle(`${id}.txt`, page(`${id} 기사`, [`${term}(${acronym}) 관련 발표가 나왔다.`, `${term} 업계는 반응을 살폈다.`]));

  it('takes the gloss most articles use, and none when no gloss is used by a quarter of them', () => {
    const corpus = buildCorpus([
      glossing('a', '인공지능', 'AI'),
      glossing('b', '인공지능', 'AI'),
      glossing('c', '조류인플루엔자', 'AI'),
      ...['반도체', '자동차', '배터리', '조선업', '석유화학'].map((term, i) => glossing(`x${i}`, term, 'XYZ')),
    ]);
    expect(corpus.expansions.get('ai')).toBe('인공지능');
    expect(corpus.expansions.has('xyz')).toBe(false);
  });
});
