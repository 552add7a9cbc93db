import { describe, expect, it } from 'vitest';
import { parseArticle } from '../src/ingest/article.ts';
import { ask } from '../src/search/ask.ts';
import { ALL_TECHNIQUES, prepareQuery } from '../src/search/rerank.ts';
import { buildCorpus } from '../src/search/corpus.ts';
import { speakersNamedIn } from '../src/search/speakers.ts';
import { splitWords } from '../src/search/tokenize.ts';
import { coverage, PARTIAL_WORD, planQuery, STATEMENT } from '../src/search/query.ts';
import { loadFixture, newsPage } from './helpers.ts';

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

describe('the copula closing a question', () => {
  it('is cut from the last word only, after two syllables (`언제까지야` is a question word; `분야` a noun)', () => {
    expect(plan('벚꽃 축제 언제까지야?').words.map((w) => w.stem)).toEqual(['벚꽃', '축제']);
    expect(plan('소라 개발자가 누구예요?').words.map((w) => w.stem)).toEqual(['소라', '개발자']);
    expect(plan('AI 분야').words.map((w) => w.stem)).toEqual(['ai', '분야']);
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

describe('a question about what someone said', () => {
  const saying = (q: string) => planQuery(q, { expansions: new Map(), sayings: true });

  it('lets a reported statement stand in part for its closing noun', () => {
    const asked = saying('통일부 입장은?');
    expect(coverage(asked, bitsOf(asked, '통일부', '입장'))).toBe(1);
    expect(coverage(asked, bitsOf(asked, '통일부') | STATEMENT)).toBe((1 + PARTIAL_WORD) / 2);
    expect(coverage(asked, bitsOf(asked, '통일부'))).toBe(1 / 2);
    expect(coverage(asked, bitsOf(asked, '입장'))).toBe(1 / 2);
  });

  it('reads the noun as itself when it does not close the question, or is the whole question', () => {
    expect(saying('관객 입장 시간은?').words.some((w) => w.whole & STATEMENT)).toBe(false);
    expect(saying('입장은?').words[0]!.whole & STATEMENT).toBe(0);
    expect(planQuery('통일부 입장은?', { expansions: new Map() }).words[1]!.whole & STATEMENT).toBe(0);
  });

  it('lets a reported statement stand in part for the role after the speaker', () => {
    const asked = saying('떡집 사장님은 뭐라고 했어?');
    expect(coverage(asked, bitsOf(asked, '떡집') | STATEMENT)).toBe((1 + PARTIAL_WORD) / 2);
    expect(coverage(asked, bitsOf(asked, '떡집', '사장님'))).toBe(1);
    // Not a question about saying, or nothing else named: the role is a word like any other.
    expect(saying('떡집 사장님 이름').words.some((w) => w.whole & STATEMENT)).toBe(false);
    expect(saying('관계자는 뭐라고 했어?').words.some((w) => w.whole & STATEMENT)).toBe(false);
  });
});


describe('a rare name is not matched by common pieces of other words', () => {
  // The second article holds 발언 and two pieces of 화다지인 (다지, 지인) in unrelated words; the first names the
  // company and its CEO. Both cover two of the question's three words if a piece counts as the word.
  const filler = ['회사는 올해 매출이 늘었다고 설명했다.', '주민들은 공사 일정을 물었다.', '시장에서는 가격이 안정될 것으로 내다봤다.', '관계자는 다음 달 결과를 발표한다고 밝혔다.'];
  const named = parseArticle('named.txt', newsPage('유전자 기업 경영진 인터뷰', [
    '중국 최대 유전자 기업 BGI 화다지인의 CEO 인예는 새 장비를 소개했다.',
    ...filler,
  ]));
  const pieces = parseArticle('pieces.txt', newsPage('지역 소식', [
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
    parseArticle(`${id}.txt`, newsPage(`${id} 기사`, [`${term}(${acronym}) 관련 발표가 나왔다.`, `${term} 업계는 반응을 살폈다.`]));

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

describe('asking what someone said by organisation or role', () => {
  const corpus = buildCorpus([
    parseArticle('talks.txt', newsPage('남북 대화 전망', [
      '통일부는 지난해 대북 지원 예산을 늘렸다.',
      '통일부 당국자는 "북한의 의도를 면밀히 분석하고 있다"고 밝혔다.',
      '시장에서 20년째 떡집을 운영하는 김순자(68) 씨는 "손님이 늘어 좋다"고 웃었다.',
      '한국유통연구원 정민재 연구위원은 상인 교육을 장기적으로 지원해야 한다고 조언했다.',
    ])),
  ]);
  const top = (q: string, speaker = true) => ask(corpus, q, { techniques: { speaker } }).results[0]?.paragraph;

  it('answers with the statement: `입장` is what was said, `사장님` only says who', () => {
    expect(top('통일부 입장은?')).toBe(2);
    expect(top('떡집 사장님은 뭐라고 했어?')).toBe(3);
  });

  it('does not answer them without that reading (the text holds neither 입장 nor 사장님)', () => {
    expect(top('통일부 입장은?', false)).toBeUndefined();
    expect(top('떡집 사장님은 뭐라고 했어?', false)).toBeUndefined();
  });

  it('still abstains when only a piece of the name is in a quoted paragraph', () => {
    expect(top('교육부 장관 발언')).toBeUndefined();
  });
});

describe('what the speaker the question names said, against a paragraph holding its words', () => {
  // The market article quotes 서울시 관계자 without the word 입장; the concert article is about 입장 (entry), names
  // 서울시 once, and reports what someone else said.
  const corpus = buildCorpus([
    parseArticle('market.txt', newsPage('전통시장 디지털 전환 속도', [
      '서울 시내 전통시장의 디지털 전환이 최근 들어 눈에 띄게 빨라지고 있다.',
      '상인들은 간편결제 단말기 사용법을 익히는 교육을 더 늘려 달라고 요청했다.',
      '서울시 관계자는 "올해 안에 시내 전통시장 50곳으로 사업을 넓힐 계획"이라고 밝혔다.',
      '주말이면 젊은 손님들이 시장을 찾는 모습도 부쩍 늘어났다.',
    ])),
    parseArticle('concert.txt', newsPage('공연장 입장 관리 강화', [
      '다음 달부터 대형 공연장의 입장 절차가 모바일 티켓 확인 방식으로 바뀐다.',
      '관객이 몰리는 주말에는 입장 대기 시간이 한 시간을 넘기기도 했다.',
      '주최 측은 서울시 공연장의 입장 인원이 늘었다고 설명했다.',
      '입장권 가격은 올해도 지난해와 같은 수준으로 유지된다.',
    ])),
  ]);

  it('answers `서울시 입장은?` with 서울시\'s statement: it holds 입장 in full, and 입장 is no topic to focus on', () => {
    expect(ask(corpus, '서울시 입장은?').results[0]).toMatchObject({ article: 'market', paragraph: 3 });
  });

  it('still answers a question about 입장 itself from the concert article', () => {
    expect(ask(corpus, '공연장 입장 인원은 늘었어?').results[0]).toMatchObject({ article: 'concert', paragraph: 3 });
  });

  it('is not answered by anyone\'s statement when the one asked about is not found: `국방부` is not `국방 예산`', () => {
    const opinions = buildCorpus([
      parseArticle('budget.txt', newsPage('국방 예산 두고 시민 의견 엇갈려', [
        '내년 예산안 심사를 앞두고 시민들의 의견이 크게 엇갈리고 있다.',
        '회사원 김모 씨는 "아직 어느 쪽으로도 입장을 정하지 못했다"고 말했다.',
      ])),
    ]);
    expect(ask(opinions, '국방부 입장은?').results).toEqual([]);
    expect(ask(opinions, '김모 씨 입장은?').results[0]).toMatchObject({ article: 'budget', paragraph: 2 });
  });

  it('is not answered by someone else\'s statement that mentions who is asked about', () => {
    const founder = buildCorpus([
      parseArticle('founder.txt', newsPage('영상 AI 등장', [
        '보안 기업 창립자 김한결은 "새 영상 AI가 광고 업계를 완전히 흔들 것"이라고 내다봤다.',
        '새 영상 AI는 지난주 공개됐다.',
      ])),
      parseArticle('industry.txt', newsPage('반도체 지원 방안', ['업계는 "환영한다"면서도 집행 속도가 관건이라고 밝혔다.'])),
    ]);
    expect(ask(founder, '업계 반응은?').results[0]).toMatchObject({ article: 'industry', paragraph: 1 });
    const alone = buildCorpus([founder.articles[0]!]);
    expect(ask(alone, '업계 반응은?').results).toEqual([]);
  });

  it('finds their statement in a quote that goes on from the paragraph naming them, without their name', () => {
    const interview = buildCorpus([
      parseArticle('ceo.txt', newsPage('바이오 업계 AI 도입', [
        '유전자 기업 대표 박서준은 "처음에는 새 장비가 필요 없다고 생각했다"고 말했다.',
        '하지만 "AI 장비가 실험 기간을 절반으로 줄였다"며 "연구의 전환점"이라고 밝혔다.',
      ])),
    ]);
    expect(ask(interview, '박서준은 장비를 뭐라고 평가했어?').results.map((r) => r.paragraph)).toContain(2);
  });
});

describe('who a role describes: `떡집 사장님` is whoever the text says runs a 떡집', () => {
  // The market article names the owner only as 김순자 씨; the street article quotes someone else beside a 떡집.
  const corpus = buildCorpus([
    parseArticle('market.txt', newsPage('전통시장 디지털 전환', [
      '서울 시내 전통시장의 디지털 전환이 빨라지고 있다.',
      '시장에서 20년째 떡집을 운영하는 김순자(68) 씨는 "QR코드 결제를 배우는 데 일주일이 걸렸다"고 웃었다.',
    ])),
    parseArticle('street.txt', newsPage('골목 상권 되살아나', [
      '주말마다 골목 떡집 앞에 긴 줄이 생긴다.',
      '골목에서 만난 주민 이모 씨는 "떡집 줄이 너무 길어 한참 기다렸다"고 말했다.',
    ])),
  ]);

  it('answers from the quote of the one described, not from a paragraph that holds 떡집 and quotes another', () => {
    expect(ask(corpus, '떡집 사장님은 뭐라고 했어?').results[0]).toMatchObject({ article: 'market', paragraph: 2 });
  });

  it('reads a description only before a role: `떡집은 뭐라고 했어?` names no one', () => {
    expect(speakersNamedIn(corpus.speakerLookup, splitWords('떡집은 뭐라고 했어?'))).toEqual([]);
    expect(speakersNamedIn(corpus.speakerLookup, splitWords('떡집 사장님은 뭐라고 했어?')).map((e) => e.speaker.name)).toEqual(['김순자']);
    expect(speakersNamedIn(corpus.speakerLookup, splitWords('떡집의 사장님은 뭐라고 했어?')).map((e) => e.speaker.name)).toEqual(['김순자']);
  });
});

describe('the question\'s own phrase in the text', () => {
  it('pairs the content words printed side by side, particles kept, not across scaffolding', () => {
    expect(plan('사우스차이나모닝포스트에 따르면?').phrases).toEqual([['사우스차이나모닝포스트에', '따르면']]);
    expect(plan('오픈AI는 소라를 언제 공개했어?').phrases).toEqual([['오픈ai는', '소라를']]);
  });

  // The longer paragraph holds the phrase; the shorter one holds both words apart, and BM25 prefers it.
  const corpus = buildCorpus([
    parseArticle('phrase.txt', newsPage('중국 반응', [
      '홍콩 사우스차이나모닝포스트에 따르면 한 재계 인사는 미국과 중국의 기술 격차가 더 벌어질 가능성도 제기했습니다.',
    ])),
    parseArticle('apart.txt', newsPage('지역 소식', ['사우스차이나모닝포스트와 주민들을 따르면 된다.'])),
  ]);
  const top = (phrases: boolean) => ask(corpus, '사우스차이나모닝포스트에 따르면?', { techniques: { phrases } }).results[0]?.article;

  it('ranks the paragraph that prints it first, which BM25 alone would not', () => {
    expect(top(true)).toBe('phrase');
    expect(top(false)).toBe('apart');
  });
});

describe('a question only the headline answers', () => {
  const corpus = buildCorpus([
    parseArticle('medical.txt', newsPage('의료개혁 흔들림 없이…의대 증원 2000명 유지', [
      '대통령은 1일 대국민 담화에서 "의료개혁은 흔들림 없이 추진하겠다"고 말했다.',
      '대한의사협회는 즉각 반발했다.',
    ])),
    parseArticle('other.txt', newsPage('반도체 수출 석 달 연속 증가', ['반도체 수출이 석 달 연속 증가세를 이어갔다.'])),
  ]);

  it('answers from the headline, cited as paragraph 0, when no paragraph holds the words', () => {
    const outcome = ask(corpus, '의대 증원 몇 명?');
    expect(outcome.answer).toEqual({ text: '의료개혁 흔들림 없이…의대 증원 2000명 유지', article: 'medical', paragraph: 0 });
    expect(outcome.results[0]).toMatchObject({ article: 'medical', paragraph: 0 });
  });

  it('keeps to the filtered article, and still answers from a paragraph that holds the words', () => {
    expect(ask(corpus, '의대 증원 몇 명?', { article: 'other' }).answer).toBeNull();
    expect(ask(corpus, '반도체 수출 증가').answer).toMatchObject({ article: 'other', paragraph: 1 });
  });
});

describe('a Q&A interview', () => {
  const corpus = buildCorpus([loadFixture('sedaily_interview.txt')]);

  it('answers with the interviewee\'s answer, found through the question before it, never with the question', () => {
    expect(ask(corpus, '경쟁사와 차이는?').answer).toMatchObject({ paragraph: 5, text: expect.stringContaining('데이터센터') });
    expect(ask(corpus, '채용 계획은?').results.map((r) => r.paragraph)).not.toContain(6);
  });
});

describe('who someone is: the paragraph that introduces them', () => {
  // 30 articles quote 홍길동: each introduces him in its first paragraph that names him, and quotes him later.
  const articles = Array.from({ length: 30 }, (_, i) =>
    parseArticle(`hong${i}.txt`, newsPage(`지역 축제 소식 ${i}`, [
      `올해 축제에는 관광객 ${i + 1}만 명이 다녀갔다.`,
      `축제 조직위원회 위원장 홍길동 교수는 "내년에는 규모를 두 배로 늘리겠다"고 말했다.`,
      `홍길동은 "주민들의 참여가 큰 힘이 됐다"고 덧붙였다.`,
      `서울시 관계자는 "지원을 이어가겠다"고 밝혔다.`,
    ])),
  );
  const corpus = buildCorpus(articles);
  const prepared = (q: string) => prepareQuery(corpus, planQuery(q, { expansions: corpus.expansions, synonyms: corpus.synonyms, sayings: true }), q, ALL_TECHNIQUES);

  it('answers `홍길동은 누구야?` from the paragraph that gives his title, not the later one that only quotes him', () => {
    const outcome = ask(corpus, '홍길동은 누구야?');
    expect(outcome.answer?.paragraph).toBe(2);
    expect(outcome.answer?.text).toContain('위원장 홍길동 교수');
  });

  it('re-ranks at most 20 such paragraphs, and only for a question that asks about the name alone', () => {
    expect(prepared('홍길동은 누구야?').introducing.size).toBe(20);
    expect(prepared('홍길동은 축제에 대해 누구와 이야기했어?').introducing.size).toBe(0);
    // `서울시` names the organisation of `서울시 관계자`, not him.
    expect(prepared('서울시는 누구야?').introducing.size).toBe(0);
  });
});

describe('what something is: the paragraph that first names it', () => {
  // The first paragraph defines 누리봇; the third, shorter, mentions it again and wins on BM25 alone.
  const corpus = buildCorpus([
    parseArticle('robot.txt', newsPage('안내 로봇 시범 운영', [
      '서울시가 시청 민원실에 질문에 답하는 안내 로봇 누리봇을 시범 배치하고 민원인들의 반응을 살피기로 했다.',
      '시민들은 대기 시간이 줄었다며 대체로 반기는 분위기였다.',
      '누리봇 운영은 다음 달까지 이어진다.',
    ])),
  ]);

  it('answers `누리봇이 뭐야?` from where the article first names it', () => {
    expect(ask(corpus, '누리봇이 뭐야?').answer?.paragraph).toBe(1);
    expect(ask(corpus, '누리봇이 뭐야?', { techniques: { answerType: false } }).answer?.paragraph).toBe(3);
  });

  it('reads a question as asking what something is only from its question word', () => {
    const prepared = (q: string) => prepareQuery(corpus, planQuery(q, { expansions: new Map() }), q, ALL_TECHNIQUES);
    expect(prepared('누리봇이 뭐야?').asksWhatItIs).toBe(true);
    expect(prepared('누리봇이란?').asksWhatItIs).toBe(true);
    expect(prepared('What is Nuribot?').asksWhatItIs).toBe(true);
    expect(prepared('누리봇 운영 기간은?').asksWhatItIs).toBe(false);
  });
});
