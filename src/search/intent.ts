/** What kind of answer a question wants, read from its question words; used to break near-ties. */
export type Intent = 'time' | 'quantity' | 'other';

/** `언제`, and the day of an event asked as a noun (`소라 출시일`, `시행일은?`). */
const TIME_QUESTION = /언제|날짜|며칠|몇\s*일|몇\s*시|날은|날이|시점|(?:출시|공개|발표|개봉|시행|발효|마감|선거|투표)일|\bwhen\b|\bdate\b/i;
const QUANTITY_QUESTION = /몇|얼마|\bhow (?:many|much|long)\b/i;

const TIME_EXPRESSION = /\d+\s*(?:일|월|년|시)|현지\s*시간|지난해|올해|내년|작년|어제|오늘|내일|지난주|이번 주/;
const QUANTITY_EXPRESSION = /\d/;

export function questionIntent(query: string): Intent {
  if (TIME_QUESTION.test(query)) return 'time';
  if (QUANTITY_QUESTION.test(query)) return 'quantity';
  return 'other';
}

/** Score multiplier for a paragraph that holds the kind of thing the question asks for. */
export function intentBoost(intent: Intent, text: string): number {
  if (intent === 'time') return TIME_EXPRESSION.test(text) ? 1.5 : 1;
  if (intent === 'quantity') return QUANTITY_EXPRESSION.test(text) ? 1.15 : 1;
  return 1;
}
