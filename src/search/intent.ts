/** What kind of answer a question wants, read from its question words; used to break near-ties. */
export type Intent = 'time' | 'age' | 'quantity' | 'place' | 'ability' | 'other';

/** `언제`, and the day of an event asked as a noun (`소라 출시일`, `시행일은?`). */
const TIME_QUESTION = /언제|날짜|며칠|몇\s*일|몇\s*시|날은|날이|시점|(?:출시|공개|발표|개봉|시행|발효|마감|선거|투표)일|\bwhen\b|\bdate\b/i;
/** Asked before quantity: `몇 살` is a number, but news prints an age its own way. */
export const AGE_QUESTION = /나이|몇\s*살|연세|\bhow old\b|\bage\b/i;
const QUANTITY_QUESTION = /몇|얼마|\bhow (?:many|much|long)\b/i;
const PLACE_QUESTION = /어디|어느\s*(?:곳|지역|나라|도시|동네)|\bwhere\b/i;
/** `소라는 뭘 할 수 있어?`: what something can do, which news says as `…할 수 있다`. */
const ABILITY_QUESTION = /수\s*있(?:어|나|니|을까|는지|음|습니까|나요|어요)|할\s*줄|가능해|\bwhat can\b|\bcan\b.*\bdo\b/i;

const TIME_EXPRESSION = /\d+\s*(?:일|월|년|시)|현지\s*시간|지난해|올해|내년|작년|어제|오늘|내일|지난주|이번 주/;
/** `김순자(68) 씨`, `68세`, `7살`: news gives an age after the name, in brackets, or in years. */
const AGE_EXPRESSION = /[\uac00-\ud7a3]\((?:\d{1,3}|\d{1,3}세)\)|\d{1,3}\s*세(?:의|인|로|가|에|이던|였던|\s|$)|\d{1,3}\s*살/;
const QUANTITY_EXPRESSION = /\d/;
/**
 * Regions of Korea, the North's and the capitals news names most, and places as addresses print them: where a
 * market, a summit or a launch is, the answer names one of these (`서울 마포구 망원시장`, `쓰촨성의 블로거`). A unit
 * alone (`…시`, `…구`, `…성`) is not enough: `당시`, `다시`, `연구`, `가능성` end so too.
 */
const PLACE_EXPRESSION = new RegExp(
  [
    '서울|부산|대구|인천|광주|대전|울산|세종|경기|강원|충북|충남|충청|전북|전남|전라|경북|경남|경상|제주|수도권',
    '평양|판문점|개성|북한|한국|중국|미국|일본|대만|홍콩|베트남|러시아|인도|유럽|영국|프랑스|독일',
    '베이징|상하이|선전|광저우|항저우|쓰촨|광둥|저장성|장쑤|산둥|도쿄|오사카|워싱턴|뉴욕|런던|파리|실리콘밸리',
    '[\\uac00-\\ud7a3]{1,4}(?:특별시|광역시|특별자치도|자치구)',
    '[\\uac00-\\ud7a3]{2,4}[시군구]\\s[\\uac00-\\ud7a3]{2,4}[구동읍면리](?=[\\s의에])',
  ].join('|'),
);
/** `…할 수 있다`, `…될 수 있었다`. */
const ABILITY_EXPRESSION = /[\uac00-\ud7a3]\s수\s*있/;

/** Words asking for an age (`나이`, `몇 살이야` → `살이`): an age in the text holds them (see STATEMENT in query.ts). */
const AGE_NOUNS = new Set(['나이', '연세', '살', '살이', '세', 'age', 'old']);
export const isAgeNoun = (stem: string): boolean => AGE_NOUNS.has(stem);

/** The paragraph gives someone's age. */
export const holdsAge = (text: string): boolean => AGE_EXPRESSION.test(text);

export function questionIntent(query: string): Intent {
  if (TIME_QUESTION.test(query)) return 'time';
  if (AGE_QUESTION.test(query)) return 'age';
  if (QUANTITY_QUESTION.test(query)) return 'quantity';
  if (PLACE_QUESTION.test(query)) return 'place';
  if (ABILITY_QUESTION.test(query)) return 'ability';
  return 'other';
}

/** Score multiplier for a paragraph that holds the kind of thing the question asks for. */
export function intentBoost(intent: Intent, text: string): number {
  switch (intent) {
    case 'time':
      return TIME_EXPRESSION.test(text) ? 1.5 : 1;
    case 'age':
      return holdsAge(text) ? 1.5 : 1;
    case 'quantity':
      return QUANTITY_EXPRESSION.test(text) ? 1.15 : 1;
    case 'place':
      return PLACE_EXPRESSION.test(text) ? 1.5 : 1;
    case 'ability':
      return ABILITY_EXPRESSION.test(text) ? 1.5 : 1;
    case 'other':
      return 1;
  }
}
