import { AGE_QUESTION, isAgeNoun } from './intent.ts';
import { isRoleNoun, isStatementNoun, SAYING_QUESTION } from './saying.ts';
import { QUERY_STOPWORDS } from './stopwords.ts';
import { synonymsOf, type SynonymTable } from './synonyms.ts';
import { splitWords, tokensOf, wordTokens, type WordTokens } from './tokenize.ts';
import { modifierStem, predicateStem, spellingsOf } from './conjugation.ts';
import { shortStem, stripParticles } from './particles.ts';

/** `…야`, `…이야`, `…예요`, `…인가요`, `…일까`, after at least two syllables. */
const QUESTION_COPULA = /(?<=[\uac00-\ud7a3]{2})(?:이야|야|이에요|예요|인가요|인가|일까요|일까)$/;
/** Weight of a synonym's matches next to the question's own word: it finds the passage, it should not outrank it. */
export const SYNONYM_WEIGHT = 0.5;
/** Tokens are tracked as bits of one 32-bit mask; a longer question keeps its first 31 distinct tokens. */
export const MAX_QUERY_TOKENS = 31;
/**
 * The 32nd bit: set by re-ranking for a paragraph that holds the kind of answer asked for, a reported statement
 * (or an age, for a question asking one: see `readAsAge`), and held in `whole` by a word that it stands for (`입장`
 * of `통일부 입장은?`, `사장님` of `떡집 사장님은 뭐라고 했어?`): such a word is found by its own letters, or in
 * part (PARTIAL_WORD) by what was said, since the text reports `…고 밝혔다` and names `김순자(68) 씨`. In part, so
 * the paragraph that also holds the word (`교수` of `양성민 교수는`) still ranks first.
 */
export const STATEMENT = 1 << 31;

/** One content word of a question and the token bits that find it. */
export interface QueryWord {
  word: string;
  stem: string;
  /** Bits of tokens that find the word on their own: its stem, its glossary or synonym expansions. */
  whole: number;
  /** Bits of its two-syllable pieces (`오픈`+`ai`, `예고`+`고편`): half of them present also finds the word. */
  parts: number;
  /** Bits of spellings read by rule (`넓힐` for `넓혀`): they find the word in part, as a rule may misread it. */
  loose: number;
  partCount: number;
}

export interface QueryTerm {
  token: string;
  bit: number;
  weight: number;
  /** For a piece of a word (`예고` of `예고편`): the bits that find the whole word. 0 for whole tokens. */
  pieceOf: number;
}

export interface QueryPlan {
  words: QueryWord[];
  terms: QueryTerm[];
  /** Token → its bit, for checking other text (a sentence, a title) against the question. */
  bits: Map<string, number>;
  /** Content words side by side in the question, as printed (`사우스차이나모닝포스트에`, `따르면`). */
  phrases: [string, string][];
}

export interface PlanOptions {
  /** English glossary side → Korean term (`agi` → `인공범용지능`). */
  expansions: ReadonlyMap<string, string>;
  synonyms?: SynonymTable;
  /**
   * Read questions about what someone said as such: a closing statement noun (`통일부 입장은?`) and a role after
   * the speaker's name (`떡집 사장님은 뭐라고 했어?`) are also found by a reported statement (see STATEMENT).
   */
  sayings?: boolean;
}

/** Drops question scaffolding (`누가`, `했어`), expands English through the glossary and words through synonyms. */
export function planQuery(query: string, options: PlanOptions): QueryPlan {
  const bits = new Map<string, number>();
  const terms: QueryTerm[] = [];
  const bitOf = (token: string, weight: number, pieceOf = 0): number => {
    const known = bits.get(token);
    if (known !== undefined) {
      const term = terms.find((t) => t.token === token)!;
      term.weight = Math.max(term.weight, weight);
      // Whole for one word and a piece of another: it is whole.
      term.pieceOf = term.pieceOf && pieceOf ? term.pieceOf | pieceOf : 0;
      return known;
    }
    if (terms.length >= MAX_QUERY_TOKENS) return 0;
    const bit = 1 << terms.length;
    bits.set(token, bit);
    terms.push({ token, bit, weight, pieceOf });
    return bit;
  };

  /** A word's stem as a whole token and its other tokens as pieces of it; adds to `parts`, returns the stem's bit. */
  let parts = 0;
  let partCount = 0;
  const addWord = (stem: string, tokens: readonly string[]): number => {
    const whole = bitOf(stem, 1);
    for (const token of tokens) {
      if (token === stem) continue;
      const bit = bitOf(token, 1, whole);
      // A lone syllable (`주` of `주가`) is searched, but is too common to stand for the word it came from.
      if ([...token].length < 2) continue;
      parts |= bit;
      partCount++;
    }
    return whole;
  };

  const words: QueryWord[] = [];
  const phrases: [string, string][] = [];
  let previous: { word: string; position: number } | undefined;
  const split = splitWords(query);
  // The copula closing a question (`언제까지야`, `누구예요`) is not part of its last word; only a question's, since
  // prose has nouns ending so (`분야`).
  const read = split.map((raw, i) => wordTokens(i === split.length - 1 ? raw.replace(QUESTION_COPULA, '') : raw));
  const isScaffolding = ({ word, stem }: WordTokens, i: number) =>
    QUERY_STOPWORDS.has(word) || QUERY_STOPWORDS.has(stem) || (ASKED_AFTER_WHERE.test(stem) && WHERE.test(read[i - 1]?.word ?? ''));
  const isContent = (tokens: WordTokens, i: number) => !isScaffolding(tokens, i);
  const predicate = read.findLastIndex(isContent);
  for (const [i, raw] of split.entries()) {
    const { word, stem, tokens } = read[i]!;
    if (!isContent(read[i]!, i)) continue;
    parts = 0;
    partCount = 0;
    let whole = addWord(stem, tokens);
    // A name that ends as a particle does (`김정은`) is indexed, printed bare, as the text's tokenizer strips it
    // (`김정`): `김정은은 누구야?` finds the bare form by that stem too.
    const bare = stripParticles(stem);
    if (bare !== stem) whole |= bitOf(bare, 1);
    // One syllable before a particle of two (`곳으로`) is the word, though too short to be a stem. Before `을`,
    // `를`, `은`, `는` (`문을`) it may be, or a verb's (`가는`, `받을`, `좋은`): it finds the word in part. Before
    // `이`, `가`, `과`… it is more likely a noun's first syllable (`국가`, `차이`, `사과`).
    const short = shortStem(word);
    let loose = 0;
    if (short && word.length - short.length >= 2) whole |= bitOf(short, 1);
    else if (short && OBJECT_OR_TOPIC.test(word)) loose |= bitOf(short, 1);
    for (const spelling of conjugatedStem(read, i, predicate)) loose |= bitOf(spelling, SYNONYM_WEIGHT);
    // Korean questions are not glossary-expanded: the glossary bridges English acronyms into the Korean text.
    const expansion = /^[a-z]/.test(word) ? options.expansions.get(word) : undefined;
    // The expansion is a word of its own: its stem finds the question's word, its pieces only help find it, as
    // a word's pieces do. Counted whole, `마이크로소프트`'s six pieces outweighed every other word of `MS 지원`.
    if (expansion) for (const expanded of splitWords(expansion)) whole |= addWord(wordTokens(expanded).stem, tokensOf(expanded));
    if (options.synonyms) {
      for (const synonym of synonymsOf(options.synonyms, word, stem)) whole |= bitOf(synonym, SYNONYM_WEIGHT);
    }
    words.push({ word, stem, whole, parts, partCount, loose: loose & ~whole });
    // As many as re-ranking has bits for (a 6,000-character question has hundreds of words).
    if (previous?.position === i - 1 && phrases.length < MAX_QUERY_TOKENS) phrases.push([previous.word, raw]);
    previous = { word: raw, position: i };
  }
  if (options.sayings) {
    readAsSaying(query, words);
    readAsAge(query, words);
  }
  return { words, terms, bits, phrases };
}

const OBJECT_OR_TOPIC = /[을를은는]$/;
/** `어디 출신이야?`, `어느 소속이야?`: the noun says what kind of place is asked for; the text names the place. */
const WHERE = /^(?:어디|어느)$/;
const ASKED_AFTER_WHERE = /^(?:출신|소속|지역|나라|도시|동네)/;

/** What a word modifying `것` is followed by: `빠른 건`, `바뀐 게`, `늘어난 거`. */
const THING = new Set(['것', '건', '거', '게', '걸', '것은', '것이', '것을']);

/**
 * Other spellings of a verb the question conjugates as prose does not: its closing predicate, bare (`넓혀?` finds
 * `넓힐`), or a word modifying `것` (`빠른 건` finds `빠르다`). Weighted as synonyms and found in part, since a rule
 * may misread a noun (`우려` as `우리`), and a verb the answer need not share (`몇 년 걸려?` of `기간이 단축될`)
 * lets a chance paragraph that holds it cover more. None for a word a particle or ending was stripped from.
 */
function conjugatedStem(read: readonly WordTokens[], i: number, predicate: number): string[] {
  const { word, stem } = read[i]!;
  if (stem !== word || !/^[\uac00-\ud7a3]+$/.test(word)) return [];
  const next = read[i + 1]?.word;
  const verb = (i === predicate ? predicateStem(word) : null) ?? (next !== undefined && THING.has(next) ? modifierStem(word) : null);
  return verb ? spellingsOf(verb).filter((spelling) => spelling !== word) : [];
}

/**
 * See `PlanOptions.sayings`. Only after another word that a statement cannot stand for: `입장은?` alone asks
 * about 입장 itself, and `관객 입장 시간` is not a question about a statement.
 */
function readAsSaying(query: string, words: QueryWord[]): void {
  const last = words.at(-1);
  const statementNoun = words.length >= 2 && last !== undefined && isStatementNoun(last.word, last.stem);
  if (!statementNoun && !SAYING_QUESTION.test(query)) return;
  // The first word is never one: it names who (or what) the question is about.
  words.forEach((w, i) => {
    if (i > 0 && ((statementNoun && w === last) || isRoleNoun(w.word, w.stem))) w.whole |= STATEMENT;
  });
}

/**
 * A question asking someone's age (`떡집 사장님 나이`, `김순자는 몇 살이야?`): news prints the age beside the name
 * (`김순자(68) 씨`), so a paragraph giving one holds the age word, and the role after the name, in part (see
 * STATEMENT); re-ranking sets the bit for a paragraph with an age rather than a statement.
 */
function readAsAge(query: string, words: QueryWord[]): void {
  if (!AGE_QUESTION.test(query)) return;
  words.forEach((w, i) => {
    if (isAgeNoun(w.stem) || (i > 0 && isRoleNoun(w.word, w.stem))) w.whole |= STATEMENT;
  });
}

/** Every word of the question a statement cannot stand for is found whole (see STATEMENT). */
export function namesAllButStatement(plan: QueryPlan, mask: number): boolean {
  let named = false;
  for (const word of plan.words) {
    if ((word.whole & STATEMENT) !== 0) continue;
    if (wordMatch(word, mask) < 1) return false;
    named = true;
  }
  return named;
}

/**
 * A word found only through some of its pieces (`부동` of `부동산`, in `부동층`) counts this much: enough to
 * bridge spacing and compounds (`예고` for `예고편`), not enough to pass for the word, since common pieces
 * turn up in unrelated words.
 */
export const PARTIAL_WORD = 0.5;

/** Share of the question's words a set of matched token bits finds (0..1); see PARTIAL_WORD. */
export function coverage(plan: QueryPlan, mask: number): number {
  if (plan.words.length === 0) return 0;
  let found = 0;
  for (const word of plan.words) found += wordMatch(word, mask);
  return found / plan.words.length;
}

/**
 * 1 when the word itself (or every piece of it) is there, PARTIAL_WORD for half its pieces or more, or for a
 * statement standing for it (see STATEMENT), else 0.
 */
export function wordMatch(word: QueryWord, mask: number): number {
  if ((mask & word.whole & ~STATEMENT) !== 0) return 1;
  const pieces = word.partCount === 0 ? 0 : popcount(mask & word.parts);
  if (pieces > 0 && pieces >= word.partCount) return 1;
  if (pieces > 0 && 2 * pieces >= word.partCount) return PARTIAL_WORD;
  return (mask & (word.whole | word.loose)) !== 0 ? PARTIAL_WORD : 0;
}

/**
 * Coverage as a score factor, squared: a paragraph with every word of the question should beat one that
 * repeats three of four (Lucene's coordination factor, made steeper for a library full of partial matches).
 */
export const coordination = (share: number): number => share * share;

export function isFound(word: QueryWord, mask: number): boolean {
  if ((mask & (word.whole | word.loose)) !== 0) return true;
  return word.partCount > 0 && 2 * popcount(mask & word.parts) >= word.partCount;
}

/** The bits of the question's tokens in one printed word (already split and lower-cased). */
export function maskOfWord(plan: QueryPlan, word: string): number {
  let mask = 0;
  for (const token of tokensOf(word)) mask |= plan.bits.get(token) ?? 0;
  return mask;
}

export function popcount(n: number): number {
  let count = 0;
  for (let v = n >>> 0; v !== 0; v &= v - 1) count++;
  return count;
}
