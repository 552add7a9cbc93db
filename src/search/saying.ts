import { shortStem } from './particles.ts';

/** Questions about what someone said: `뭐라고 했어`, `…다고 했어`, `발언`, `입장`, `반응`. */
export const SAYING_QUESTION =
  /뭐라|[다라냐]고\s*(?:했|하|말)|말했|말한|말하|발언|밝혔|밝힌|밝히|주장|입장|반응|의견|견해|해명|평가했|예측|전망했|\b(?:say|said|says)\b/i;

/**
 * Nouns that, ending a question, ask for what someone said (`통일부 입장은?`, `업계 반응은?`): the text reports
 * the statement (`…고 밝혔다`) rather than naming it, so a paragraph that reports one holds the word too.
 */
const STATEMENT_NOUNS = new Set([
  '입장', '반응', '발언', '말', '의견', '주장', '생각', '견해', '답변', '해명', '논평', '언급', '평가',
  // English closes the question with the verb too (`How did the industry react?`)
  'react', 'reacted', 'reaction', 'respond', 'responded', 'response', 'position', 'stance', 'view', 'views', 'opinion', 'comment',
]);

/**
 * Roles that only say who spoke (`떡집 사장님`, `통일부 관계자`, `과기정통부 장관`): after the word that names the
 * speaker, in a question about what someone said, the text need not hold them (it says `김순자(68) 씨`).
 */
const ROLE_NOUNS = new Set([
  '사장', '사장님', '대표', '주인', '관계자', '당국자', '담당자', '대변인', '측', '회장', '장관', '위원장', '교수', '의원',
  '씨', '님', '직원', '상무', '전무', '이사', '연구원', '연구위원', '책임자', '관계자들', '당국',
]);

/** A word's stem, or the single syllable a particle leaves (`말은` → `말`), is in the set. */
const isIn = (set: ReadonlySet<string>, word: string, stem: string): boolean =>
  set.has(stem) || set.has(shortStem(word) ?? '');

export const isStatementNoun = (word: string, stem: string): boolean => isIn(STATEMENT_NOUNS, word, stem);
export const isRoleNoun = (word: string, stem: string): boolean => isIn(ROLE_NOUNS, word, stem);
