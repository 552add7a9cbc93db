import { describe, expect, it } from 'vitest';
import { modifierStem, predicateStem, spellingsOf } from '../src/search/conjugation.ts';
import { coverage, PARTIAL_WORD, planQuery } from '../src/search/query.ts';

describe('the stem of a predicate closing a question', () => {
  it('undoes a contracted vowel, with or without the past and a polite ending', () => {
    expect(predicateStem('넓혀')).toBe('넓히');
    expect(predicateStem('늘려요')).toBe('늘리');
    expect(predicateStem('넓혔어요')).toBe('넓히');
    expect(predicateStem('바꿨어')).toBe('바꾸');
    expect(predicateStem('바꿔')).toBe('바꾸');
    expect(predicateStem('바뀌었어')).toBe('바뀌');
    expect(predicateStem('나왔대')).toBe('나오');
    expect(predicateStem('먹었어')).toBeNull(); // one syllable left
    expect(predicateStem('봤대')).toBeNull(); // one syllable: too common a piece to stand for 보다
  });

  it('drops the ㄹ of `-ㄹ까`, `-ㄹ래` and `-ㄹ지` from the stem', () => {
    expect(predicateStem('사라질까')).toBe('사라지');
    expect(predicateStem('넓힐까요')).toBe('넓히');
    expect(predicateStem('바꿀지')).toBe('바꾸');
  });

  it('reads no verb into nouns ending in `과`, `화`, `해` or a consonant', () => {
    for (const noun of ['결과', '대화', '피해', '올해', '전망', '가능성', '출시일']) expect(predicateStem(noun)).toBeNull();
  });
});

describe('the stem of a word modifying 것', () => {
  it('drops the ㄴ or ㄹ of the modifier', () => {
    expect(modifierStem('빠른')).toBe('빠르');
    expect(modifierStem('바뀐')).toBe('바뀌');
    expect(modifierStem('늘어날')).toBe('늘어나');
    expect(modifierStem('빠르게')).toBeNull();
  });
});

describe('how prose spells a stem', () => {
  it('gives the stem, its modifiers and its contractions', () => {
    expect(spellingsOf('넓히')).toEqual(['넓히', '넓힌', '넓힐', '넓혀', '넓혔']);
    expect(spellingsOf('바꾸')).toEqual(['바꾸', '바꾼', '바꿀', '바꿔', '바꿨']);
    expect(spellingsOf('빠르')).toEqual(['빠르', '빠른', '빠를']);
  });

  it('finds a 하다 verb by its noun too', () => {
    expect(spellingsOf('확대하')).toEqual(['확대하', '확대한', '확대할', '확대해', '확대했', '확대']);
  });

  it('leaves a stem ending in a consonant as it is', () => {
    expect(spellingsOf('넓')).toEqual(['넓']);
  });
});

describe('a question conjugating its verb', () => {
  const plan = (q: string) => planQuery(q, { expansions: new Map() });
  const found = (q: string, token: string) => {
    const asked = plan(q);
    const bit = asked.bits.get(token);
    return bit !== undefined && asked.words.some((w) => ((w.whole | w.loose) & bit) !== 0);
  };

  it('finds the closing predicate as prose spells it, in part (a rule may misread a noun)', () => {
    expect(found('서울시는 몇 곳으로 넓혀?', '넓힐')).toBe(true);
    expect(found('틱톡은 소라 때문에 사라질까?', '사라진')).toBe(true);
    const asked = plan('사업을 넓혀?');
    expect(coverage(asked, asked.bits.get('사업')! | asked.bits.get('넓힐')!)).toBe((1 + PARTIAL_WORD) / 2);
  });

  it('finds a word modifying 것 by its stem, though it is not the last word', () => {
    expect(found('손오공보다 빠른 건 뭐야?', '빠르')).toBe(true);
    expect(found('손오공보다 빠른 속도', '빠르')).toBe(false);
  });

  it('conjugates no word a particle was stripped from, nor one before the predicate', () => {
    expect(found('업계 우려는?', '우리')).toBe(false);
    expect(found('넓혀 보면 서울시는?', '넓힐')).toBe(false);
  });

  it('finds one syllable before a two-syllable particle as the word, and before 을/를/은/는 in part', () => {
    const wholly = (q: string, token: string) => {
      const asked = plan(q);
      const bit = asked.bits.get(token) ?? 0;
      return asked.words.some((w) => (w.whole & bit) !== 0);
    };
    expect(wholly('서울시는 몇 곳으로 넓혀?', '곳')).toBe(true);
    // `문을` is 문; `가는` is 가다's, not 가: either way, one syllable finds the word in part only.
    expect(found('김정은이 대화 문을 열어놨어?', '문')).toBe(true);
    expect(wholly('김정은이 대화 문을 열어놨어?', '문')).toBe(false);
    expect(wholly('중국으로 가는 반도체 수출', '가')).toBe(false);
    expect(found('사과 가격', '사')).toBe(false);
    expect(found('국가 경쟁력', '국')).toBe(false);
  });

  it('drops 때문, 어느, 뭘로 and 건 as scaffolding', () => {
    expect(plan('어느 회사가 소라 때문에 뭘로 바꾼 건?').words.map((w) => w.stem)).toEqual(['회사', '소라', '바꾼']);
  });
});
