import { describe, expect, it } from 'vitest';
import { parseArticle } from '../src/ingest/article.ts';
import { ask } from '../src/search/ask.ts';
import { buildCorpus } from '../src/search/corpus.ts';
import { intentBoost, questionIntent } from '../src/search/intent.ts';
import { bodyAliases } from '../src/search/rerank.ts';
import { ALL_ARTICLES, FIXTURES, loadArticle, newsPage, summitCallPage } from './helpers.ts';

const bundled = buildCorpus(ALL_ARTICLES.map(loadArticle));
const answered = (corpus: typeof bundled, question: string) => {
  const { answer } = ask(corpus, question);
  return answer && { article: answer.article, paragraph: answer.paragraph };
};

describe('what kind of answer a question asks for', () => {
  it.each([
    ['소라는 언제 공개됐어?', 'time'],
    ['떡집 사장님 나이', 'age'],
    ['김순자는 몇 살이야?', 'age'],
    ['How old is she?', 'age'],
    ['수출은 몇 퍼센트 늘었어?', 'quantity'],
    ['망원시장은 어디에 있어?', 'place'],
    ['Where is the market?', 'place'],
    ['소라는 뭘 할 수 있어?', 'ability'],
    ['What can Sora do?', 'ability'],
    ['Can you tell me who made Sora?', 'other'],
    ['저우훙이는 누구야?', 'other'],
  ] as const)('%s → %s', (question, intent) => {
    expect(questionIntent(question)).toBe(intent);
  });

  it('boosts only a paragraph holding that kind of thing', () => {
    expect(intentBoost('age', '떡집을 운영하는 김순자(68) 씨는')).toBeGreaterThan(1);
    expect(intentBoost('age', '떡집을 운영하는 김순자 씨는 2024년에')).toBe(1);
    expect(intentBoost('place', '서울 마포구 망원시장의 상인들이')).toBeGreaterThan(1);
    expect(intentBoost('place', '망원시장 상인회 최영호 회장은')).toBe(1);
    // Words that end as a place's unit does.
    expect(intentBoost('place', '당시 다시 연구 요구가 나왔다')).toBe(1);
    expect(intentBoost('place', '가능성의 문제')).toBe(1);
    expect(intentBoost('place', '수원시 팔달구 행궁동에서')).toBeGreaterThan(1);
    expect(intentBoost('ability', '최대 1분 길이의 영상을 빠르게 제작할 수 있다')).toBeGreaterThan(1);
    expect(intentBoost('ability', '소라의 등장을 뉴턴의 운동법칙에 견준 것입니다.')).toBe(1);
  });
});

describe('questions answered by the kind of thing they ask for (bundled articles)', () => {
  it('where: the paragraph that places the market, not the one quoting its merchants', () => {
    expect(answered(bundled, '망원시장은 어디에 있어?')).toEqual({ article: 'daily_market_digital', paragraph: 1 });
  });

  it('age: the paragraph giving the age beside the name, found by the role the question uses', () => {
    for (const question of ['떡집 사장님 나이', '떡집 사장님은 몇 살이야?', '김순자는 몇 살이야?']) {
      expect(answered(bundled, question), question).toEqual({ article: 'daily_market_digital', paragraph: 4 });
    }
  });

  it('age: not in the article when no paragraph about the person gives one', () => {
    const outcome = ask(bundled, '저우훙이 나이는?');
    expect(outcome.answer).toBeNull();
    expect(outcome.near).toContain('000_747bf3bd7eb8621c');
  });

  it('where from: `출신`, `소속` after `어디` ask for the place or body the text names', () => {
    expect(answered(bundled, '인예는 어디 소속이야?')).toEqual({ article: '000_747bf3bd7eb8621c', paragraph: 7 });
    expect(answered(bundled, '망원시장은 어느 지역에 있어?')).toEqual({ article: 'daily_market_digital', paragraph: 1 });
  });

  it('how long until: `남았어` finds the 기간 the text gives', () => {
    expect(answered(bundled, 'AGI까지 얼마나 남았어?')).toEqual({ article: '000_747bf3bd7eb8621c', paragraph: 5 });
  });

  it('ability: the paragraph saying what it can do', () => {
    expect(answered(bundled, '소라는 뭘 할 수 있어?')).toEqual({ article: '000_747bf3bd7eb8621c', paragraph: 17 });
  });
});

// Each question's answer is outranked by another paragraph holding its words more often, but for what it asks.
describe('the same on an article of another outlet', () => {
  const article = parseArticle(
    'other_outlet.txt',
    newsPage('지역 도서관 야간 개방 확대', [
      '박영수 교수는 도서관 야간 개방이 청년층의 학습 시간을 늘릴 것이라고 말했다.',
      '시립 도서관 운영위원회는 시립 도서관 개방 시간을 늘린다.',
      '부산 해운대구에 있는 시립 도서관은 올해 초 열람실과 어린이 자료실, 휴게 공간을 새로 단장하고 편의 시설도 갖췄다.',
      '1970년생 박영수(54) 교수는 20년 넘게 공공 도서관 정책을 연구해 왔다.',
      '이용자 설문에서 앱 이용자의 80%가 앱으로 예약한 이용자라고 답했다.',
      '운영위원회는 이용자가 모바일 앱으로 좌석을 예약할 수 있다고 밝혔다.',
    ]),
  );
  const corpus = buildCorpus([article]);

  it.each([
    ['박영수 교수 나이는?', 4],
    ['시립 도서관은 어디에 있어?', 3],
    ['이용자는 앱으로 뭘 할 수 있어?', 6],
  ])('%s → paragraph %i', (question, paragraph) => {
    expect(answered(corpus, question)).toEqual({ article: article.id, paragraph });
  });
});

describe('how news is asked about in other words', () => {
  const library = buildCorpus(
    [...ALL_ARTICLES, ...['mbc_wildfire.txt', 'hankookilbo_pediatrics.txt', 'msit_press_release.txt', 'donga_pension.txt', 'osen_football.txt', 'edaily_jeonse.txt', 'naver_jeonse.txt'].map((f) => `${FIXTURES}/${f}`)].map(loadArticle),
  );

  it('an event that `났어` (happened), or how long it has gone on (`며칠째`): the noun is the topic', () => {
    expect(answered(library, '산불은 어디서 났어?')).toEqual({ article: 'mbc_wildfire', paragraph: 1 });
    expect(answered(library, '산불이 며칠째야?')).toEqual({ article: 'mbc_wildfire', paragraph: 1 });
  });

  it('someone the text describes, by the noun the description ends in (`한 주민`), not by a mention of the word', () => {
    expect(answered(library, '주민은 뭐라고 했어?')).toEqual({ article: 'mbc_wildfire', paragraph: 4 });
  });

  it("what someone said: their own words, where the paragraph refers back to them, over a report naming them", () => {
    // Paragraph 2 names both (`…합의했다고 밝혔다`); 3 and 4 quote each as `권 원내대표는`, `박 원내대표는`.
    expect(answered(library, '권성동은 뭐라고 했어?')).toEqual({ article: 'donga_pension', paragraph: 3 });
    expect(answered(library, '박찬대 원내대표는 뭐라고 했어?')).toEqual({ article: 'donga_pension', paragraph: 4 });
  });

  it('the role asked for: a minister is not an official of the same ministry, a shop owner may be the one who runs it', () => {
    // naver_jeonse quotes a `국토부 관계자`; edaily_jeonse the minister, `박상우 국토교통부 장관`.
    expect(answered(library, '국토부 장관은 뭐라고 했어?')).toEqual({ article: 'edaily_jeonse', paragraph: 3 });
    expect(answered(library, '국토부 관계자는 뭐라고 했어?')).toEqual({ article: 'naver_jeonse', paragraph: 3 });
    expect(answered(library, '떡집 사장님은 뭐라고 했어?')).toEqual({ article: 'daily_market_digital', paragraph: 4 });
  });

  it("two people of one name: each quote is read with its own article's record of who spoke", () => {
    // The speaker directory merges them by name; the CEO is 인예 of `a`, and `b`'s 인예 is a researcher.
    const a = parseArticle(
      'a.txt',
      newsPage('유전자 기업의 AI 전략', [
        '중국 최대 유전자 기업 BGI 화다지인의 CEO 인예는 오픈AI가 챗GPT를 출시했을 때 중국 경쟁사들이 따라잡을 수 있다는 자신감을 느꼈었다고 회고하며 연구 투자를 늘리겠다고 말했다.',
        '회사는 올해 AI 연구소를 세운다.',
      ]),
    );
    const b = parseArticle('b.txt', newsPage('새날전자 신제품', ['새날전자 연구원 인예는 "신제품은 다음 달에 나온다"고 말했다.', '인예는 "가격은 내리겠다"고 말했다.']));
    const outcome = ask(buildCorpus([a, b]), 'CEO 인예는 뭐라고 말했어?');
    expect(outcome.results.map((r) => [r.article, r.paragraph])).toEqual([['a', 1]]);
  });

  it('a foreign leader by the last word of their name, as news refers back to them (`트럼프` of `도널드 트럼프`)', () => {
    const article = parseArticle('summit_call.txt', summitCallPage());
    const corpus = buildCorpus([article]);
    // His two quotes, not the experts' paragraph about him.
    expect(ask(corpus, '트럼프는 뭐라고 했어?').results.map((r) => r.paragraph)).toEqual([4, 2]);
    expect(answered(corpus, 'What did Xi Jinping say?')).toEqual({ article: article.id, paragraph: 3 });
  });

  it('verbs the text words otherwise: `올라` finds `올리는`, `이겼어` finds `꺾었다`', () => {
    expect(answered(library, '보험료율은 얼마로 올라?')).toEqual({ article: 'donga_pension', paragraph: 1 });
    expect(answered(library, '토트넘은 누구를 이겼어?')).toEqual({ article: 'osen_football', paragraph: 2 });
  });

  it('a body by its short name, as the text may print its full one (`산업부` → 산업통상자원부), and its officials', () => {
    expect(answered(library, '심평원 자료는?')).toEqual({ article: 'hankookilbo_pediatrics', paragraph: 3 });
    expect(answered(library, '산업부 입장은?')).toEqual({ article: 'yonhap_chip_exports', paragraph: 4 });
    // An English word's synonyms are common nouns, no one body's name.
    expect(bodyAliases(library, '산업부')).toEqual(['산업통상자원부']);
    expect(bodyAliases(library, 'experts')).toEqual([]);
  });
});
