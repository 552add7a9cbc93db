import type { Article } from '../ingest/article.ts';
import type { Corpus } from './corpus.ts';
import { intentBoost, questionIntent, type Intent } from './intent.ts';
import { coordination, coverage, isFound, maskOfWord, wordMatch, type QueryPlan } from './query.ts';
import { matchDocument, scoredTerms, type ScoredTerm } from './retrieve.ts';
import { speakersNamedIn } from './speakers.ts';
import { splitWords } from './tokenize.ts';

/** The ranking techniques beyond BM25 and coverage, each switchable so `npm run eval` can measure it. */
export interface Techniques {
  /** Question verbs find the text's own (`만들다` → `개발`, `공개`): src/search/synonyms.json. */
  synonyms: boolean;
  /** A paragraph reads the one before it (subjects are named once, then referred to) and is found through it. */
  context: boolean;
  /** Prefer paragraphs where one sentence holds the question's words together, not scattered. */
  sentences: boolean;
  /** `누가`/`who` questions prefer paragraphs that name someone the article quotes. */
  answerType: boolean;
  /** Question words standing next to each other in the text (`반도체 수출`, `MS의 지원`) mark a real answer. */
  proximity: boolean;
  /** Prefer articles about the question: its words recur across the article, not in one stray paragraph. */
  focus: boolean;
  /** A question about what a quoted person said (`AI 정신병원은 뭐라고 했어?`) looks at their quotes. */
  speaker: boolean;
}

export const ALL_TECHNIQUES: Techniques = {
  synonyms: true,
  context: true,
  sentences: true,
  answerType: true,
  proximity: true,
  focus: true,
  speaker: true,
};

/** How much of the previous paragraph's (or the headline's) match a paragraph inherits as its context. */
const CONTEXT_SHARE = 0.5;
/** A paragraph whose best sentence holds none of the question keeps this share of its score. */
const SENTENCE_FLOOR = 0.5;
/** `누가` wants a name: a paragraph naming someone the article quotes beats a nameless one by this much. */
const ANSWER_TYPE_BOOST = 4;
/** Score multiplier added when every pair of neighbouring question words also stands together in the text. */
const PROXIMITY_BOOST = 0.5;
/** Words apart that still count as together: `마이크로소프트(MS)의 지원` puts `의` between `ms` and `지원`. */
const PROXIMITY_WINDOW = 2;
/** Score multiplier added for an article whose every paragraph holds the question's words. */
const FOCUS_BOOST = 8;
/** A paragraph quoting the person the question names, against one that does not. */
const SPEAKER_BOOST = 2;

const WHO_QUESTION = /누가|누구|어느\s*(?:회사|기업|업체|사람|나라)|\bwho\b/i;
/** Questions about what someone said: `뭐라고 했어`, `…다고 했어`, `발언`, `입장`. */
const SAYING_QUESTION = /뭐라|[다라냐]고\s*(?:했|하|말)|말했|말한|말하|발언|밝혔|밝힌|밝히|주장|입장|평가했|예측|전망했|\b(?:say|said|says)\b/i;

/** A question ready for re-ranking: its postings resolved, and per-article work remembered across paragraphs. */
export interface PreparedQuery {
  corpus: Corpus;
  plan: QueryPlan;
  terms: ScoredTerm[];
  techniques: Techniques;
  intent: Intent;
  wantsWho: boolean;
  /** `article#n` of paragraphs quoting a speaker the question names. */
  quoting: Set<string>;
  focus(article: Article): number;
}

export interface Ranked {
  article: Article;
  n: number;
  score: number;
  coverage: number;
  sentence: string;
}

export function prepareQuery(corpus: Corpus, plan: QueryPlan, question: string, techniques: Techniques): PreparedQuery {
  const terms = scoredTerms(corpus.fields, plan);
  const quoting = new Set<string>();
  if (techniques.speaker && SAYING_QUESTION.test(question)) {
    for (const entry of speakersNamedIn(corpus.speakerLookup, splitWords(question))) {
      for (const quote of entry.quotes) quoting.add(`${quote.article}#${quote.paragraph}`);
    }
  }
  const foci = new Map<Article, number>();
  const query: PreparedQuery = {
    corpus,
    plan,
    terms,
    techniques,
    intent: questionIntent(question),
    wantsWho: techniques.answerType && WHO_QUESTION.test(question),
    quoting,
    focus(article) {
      let value = foci.get(article);
      if (value === undefined) foci.set(article, (value = articleFocus(query, article)));
      return value;
    },
  };
  return query;
}

/** The article-focus multiplier of a candidate (1 when focus is off). */
export function focusFactor(query: PreparedQuery, article: Article | undefined): number {
  return article && query.techniques.focus ? 1 + FOCUS_BOOST * query.focus(article) : 1;
}

/** The final score of one candidate paragraph, with the sentence that best answers. */
export function rerank(query: PreparedQuery, doc: number): Ranked | null {
  const { corpus, plan, techniques } = query;
  const article = corpus.docs.article(doc);
  const n = corpus.docs.paragraph(doc);
  const paragraph = article?.paragraphs[n - 1];
  if (!article || !paragraph) return null;
  // Its own match includes its headline, indexed with it (`반도체` in the title, not in the paragraph).
  const own = matchDocument(query.terms, doc);
  const previous = techniques.context && n > 1 ? corpus.docs.docOf(article.id, n - 1) : undefined;
  // The previous paragraph lends only what this one lacks, so a paragraph never outranks its own source.
  const before = previous === undefined ? { bm25: 0, mask: 0 } : matchDocument(query.terms, previous, own.mask);
  if (own.mask === 0 && before.mask === 0) return null;
  const context = before.mask | titleBits(query, doc);
  const covered = coverage(plan, own.mask | before.mask);

  // One pass over the paragraph's words gives both each sentence's match and where the matches stand.
  const positions: number[] = [];
  let sentence = paragraph.sentences[0]!;
  let sentenceCoverage = -1;
  for (const s of paragraph.sentences) {
    let mask = 0;
    for (const word of splitWords(s)) {
      const wordMask = maskOfWord(plan, word);
      mask |= wordMask;
      positions.push(wordMask);
    }
    const c = coverage(plan, mask | context);
    if (c > sentenceCoverage) [sentence, sentenceCoverage] = [s, c];
  }

  let score = (own.bm25 + CONTEXT_SHARE * before.bm25) * coordination(covered) * intentBoost(query.intent, paragraph.text);
  if (techniques.sentences) score *= SENTENCE_FLOOR + (1 - SENTENCE_FLOOR) * sentenceCoverage;
  if (query.wantsWho && namesSomeone(corpus, article, paragraph.text)) score *= ANSWER_TYPE_BOOST;
  if (query.quoting.has(`${article.id}#${n}`)) score *= SPEAKER_BOOST;
  if (techniques.proximity) score *= 1 + PROXIMITY_BOOST * proximity(plan, positions);
  score *= focusFactor(query, article);
  return { article, n, score, coverage: covered, sentence };
}

/**
 * Share of the question's word pairs found close together (0..1), from the token bits of each printed word.
 * Chance matches are scattered; an answer repeats the question's phrases (`중국으로의 수출은`).
 */
function proximity(plan: QueryPlan, positions: number[]): number {
  const pairs = plan.words.length - 1;
  if (pairs <= 0) return 0;
  // Which question words each printed word finds, as bits over the question's words.
  const found = positions.map((mask) => {
    let bits = 0;
    if (mask !== 0) plan.words.forEach((w, i) => isFound(w, mask) && (bits |= 1 << i));
    return bits;
  });
  const together = new Set<number>();
  for (let i = 0; i < found.length; i++) {
    if (found[i] === 0) continue;
    // j = i: one printed word can hold two question words (`오픈AI가` for `오픈 AI`).
    for (let j = i; j <= i + PROXIMITY_WINDOW && j < found.length; j++) {
      for (let a = 0; a < plan.words.length; a++) {
        if (!(found[i]! & (1 << a))) continue;
        for (let b = 0; b < plan.words.length; b++) {
          if (b !== a && found[j]! & (1 << b)) together.add(Math.min(a, b) * 64 + Math.max(a, b));
        }
      }
    }
  }
  return Math.min(1, together.size / pairs);
}

/**
 * How much an article is about the question (0..1): for each question word, the share of the article's
 * paragraphs (and title) that hold it, averaged. An article about 소라 mentions it throughout; a stray match
 * in an article about something else mentions it once.
 */
function articleFocus(query: PreparedQuery, article: Article): number {
  const { corpus, plan } = query;
  const textTerms = query.terms.filter((t) => t.field.name === 'text');
  const masks: number[] = [];
  for (const p of article.paragraphs) {
    const doc = corpus.docs.docOf(article.id, p.n);
    if (doc === undefined) continue;
    if (masks.length === 0) masks.push(titleBits(query, doc));
    masks.push(matchDocument(textTerms, doc).mask);
  }
  if (masks.length === 0) return 0;
  let sum = 0;
  for (const word of plan.words) sum += masks.reduce((found, m) => found + wordMatch(word, m), 0) / masks.length;
  return sum / plan.words.length;
}

/** The question tokens a document's headline holds. */
function titleBits(query: PreparedQuery, doc: number): number {
  let mask = 0;
  for (const term of query.terms) if (term.field.name === 'title' && term.postings.has(doc)) mask |= term.bit;
  return mask;
}

export function nextDocument(corpus: Corpus, doc: number): number | undefined {
  const article = corpus.docs.article(doc);
  return article ? corpus.docs.docOf(article.id, corpus.docs.paragraph(doc) + 1) : undefined;
}

function namesSomeone(corpus: Corpus, article: Article, text: string): boolean {
  return (corpus.speakerNames.get(article.id) ?? []).some((name) => text.includes(name));
}
