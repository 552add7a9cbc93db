import type { Article } from '../ingest/article.ts';
import type { Passage } from '../replies.ts';
import type { Corpus } from './corpus.ts';
import { intentBoost, questionIntent, type Intent } from './intent.ts';
import { bm25, inverseDocumentFrequency } from './postings.ts';
import { coordination, coverage, isFound, maskOfText, planQuery, type QueryPlan } from './query.ts';
import { retrieve } from './retrieve.ts';
import { splitWords } from './tokenize.ts';

export interface AskOutcome {
  /** Stems of the query's content words, after question scaffolding is dropped. */
  terms: string[];
  answer: { text: string; article: string; paragraph: number } | null;
  results: Passage[];
  /** 0..1: share of the query's content words found in the best paragraph (with its context). */
  coverage: number;
  /** When nothing answers: the articles of the nearest misses, whose topics make good suggestions. */
  near: string[];
}

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
}

export const ALL_TECHNIQUES: Techniques = { synonyms: true, context: true, sentences: true, answerType: true, proximity: true, focus: true };

export interface AskOptions {
  limit?: number;
  article?: string;
  techniques?: Partial<Techniques>;
}

/** Below this share of the query's words, the best paragraph is about something else: say so rather than guess. */
export const MIN_COVERAGE = 0.6;
/** Further passages must score at least this share of the best one and cover half as much of the question. */
const MIN_RELATIVE_SCORE = 0.25;
const MIN_SECONDARY_COVERAGE = MIN_COVERAGE / 2;
/** Candidates taken from the index; re-ranking reorders them, it never reaches past them. */
const RETRIEVE_DEPTH = 200;
/** Of those, the ones re-ranked sentence by sentence, after the cheaper article-focus pass. */
const RERANK_DEPTH = 30;
/** How much of the previous paragraph's match a paragraph inherits as its context. */
const CONTEXT_SHARE = 0.5;
/** A paragraph whose best sentence holds none of the question keeps this share of its score. */
const SENTENCE_FLOOR = 0.5;
const ANSWER_TYPE_BOOST = 4;
/** Paragraphs whose articles suggest topics when the question is not answered. */
const NEAR_MISSES = 3;
/** Score multiplier when every pair of neighbouring question words also stands together in the text. */
const PROXIMITY_BOOST = 0.5;
/** Score multiplier for an article whose every paragraph holds the question's words. */
const FOCUS_BOOST = 8;
/** Words apart that still count as together: `마이크로소프트(MS)의 지원` puts `의` between `ms` and `지원`. */
const PROXIMITY_WINDOW = 2;

const WHO_QUESTION = /누가|누구|어느\s*(?:회사|기업|업체|사람|나라)|\bwho\b/i;

interface Ranked {
  article: Article;
  n: number;
  score: number;
  coverage: number;
  sentence: string;
}

export function ask(corpus: Corpus, query: string, options: AskOptions = {}): AskOutcome {
  const techniques = { ...ALL_TECHNIQUES, ...options.techniques };
  const plan = planQuery(query, { expansions: corpus.expansions, synonyms: techniques.synonyms ? corpus.synonyms : undefined });
  const terms = [...new Set(plan.words.map((w) => w.stem))];
  const empty: AskOutcome = { terms, answer: null, results: [], coverage: 0, near: [] };
  if (plan.words.length === 0) return empty;

  const titleMasks = new Map<Article, number>();
  const titleMask = (article: Article | undefined): number => {
    if (!article) return 0;
    let mask = titleMasks.get(article);
    if (mask === undefined) titleMasks.set(article, (mask = maskOfText(plan, article.title)));
    return mask;
  };
  const only = options.article;
  const focusOf = memo((a: Article) => focus(corpus, plan, a));
  const retrieved = retrieve(corpus.postings, plan, {
    limit: RETRIEVE_DEPTH,
    accept: only ? (doc) => corpus.docs.article(doc)?.id === only : undefined,
    context: (doc) => titleMask(corpus.docs.article(doc)),
  });
  if (retrieved.length === 0) return empty;
  // A stray match in an article about something else is the commonest wrong answer in a big library.
  const focused = (doc: number) => 1 + (techniques.focus ? FOCUS_BOOST * focusOf(corpus.docs.article(doc)!) : 0);
  const candidates = retrieved
    .map((c) => ({ ...c, score: c.score * focused(c.doc) }))
    .sort((a, b) => b.score - a.score)
    .slice(0, RERANK_DEPTH);

  const docs = new Set(candidates.map((c) => c.doc));
  if (techniques.context) {
    // The paragraph after a match may be the one that answers, naming its subject only in the match.
    for (const c of candidates) {
      const next = nextDoc(corpus, c.doc);
      if (next !== undefined) docs.add(next);
    }
  }
  const intent = questionIntent(query);
  const wantsWho = techniques.answerType && WHO_QUESTION.test(query);
  const ranked = [...docs]
    .map((doc) => rank(corpus, plan, doc, { techniques, intent, wantsWho, titleMask, focus: focusOf }))
    .filter((r): r is Ranked => r !== null)
    .sort((a, b) => b.score - a.score || a.n - b.n);

  const top = ranked[0];
  if (!top) return empty;
  if (top.coverage < MIN_COVERAGE) {
    return { ...empty, coverage: top.coverage, near: [...new Set(ranked.slice(0, NEAR_MISSES).map((r) => r.article.id))] };
  }
  const minScore = top.score * MIN_RELATIVE_SCORE;
  const kept = ranked.filter((r) => r.score >= minScore && r.coverage >= MIN_SECONDARY_COVERAGE).slice(0, options.limit ?? 5);
  return {
    terms,
    answer: { text: top.sentence, article: top.article.id, paragraph: top.n },
    results: kept.map((r) => ({
      article: r.article.id,
      title: r.article.title,
      paragraph: r.n,
      text: r.article.paragraphs[r.n - 1]!.text,
      score: round(r.score),
    })),
    coverage: top.coverage,
    near: [],
  };
}

interface RankContext {
  techniques: Techniques;
  intent: Intent;
  wantsWho: boolean;
  titleMask: (article: Article | undefined) => number;
  focus: (article: Article) => number;
}

/** The final score of one candidate paragraph, with the sentence that best answers. */
function rank(corpus: Corpus, plan: QueryPlan, doc: number, ctx: RankContext): Ranked | null {
  const article = corpus.docs.article(doc);
  const n = corpus.docs.paragraph(doc);
  const paragraph = article?.paragraphs[n - 1];
  if (!article || !paragraph) return null;
  const own = matchDoc(corpus, plan, doc);
  const previous = ctx.techniques.context && n > 1 ? corpus.docs.docOf(article.id, n - 1) : undefined;
  // The previous paragraph lends only what this one lacks, so a paragraph never outranks its own source.
  const before = previous === undefined ? { bm25: 0, mask: 0 } : matchDoc(corpus, plan, previous, own.mask);
  if (own.mask === 0 && before.mask === 0) return null;
  const title = ctx.titleMask(article);
  const context = title | before.mask;
  const covered = coverage(plan, own.mask | context);
  // The headline lends its words the same way (`반도체` in the title, not in the paragraph about exports).
  const fromTitle = titleScore(corpus, plan, title & ~own.mask & ~before.mask);

  let sentence = paragraph.sentences[0]!;
  let sentenceCoverage = -1;
  for (const s of paragraph.sentences) {
    const c = coverage(plan, maskOfText(plan, s) | context);
    if (c > sentenceCoverage) [sentence, sentenceCoverage] = [s, c];
  }
  let score = (own.bm25 + CONTEXT_SHARE * (before.bm25 + fromTitle)) * coordination(covered) * intentBoost(ctx.intent, paragraph.text);
  if (ctx.techniques.sentences) score *= SENTENCE_FLOOR + (1 - SENTENCE_FLOOR) * sentenceCoverage;
  if (ctx.wantsWho && namesSomeone(corpus, article, paragraph.text)) score *= ANSWER_TYPE_BOOST;
  if (ctx.techniques.proximity) score *= 1 + PROXIMITY_BOOST * proximity(plan, paragraph.text);
  if (ctx.techniques.focus) score *= 1 + FOCUS_BOOST * ctx.focus(article);
  return { article, n, score, coverage: covered, sentence };
}

/** A document's BM25 for the query's tokens (but `except`) and the tokens it holds, by looking each one up. */
function matchDoc(corpus: Corpus, plan: QueryPlan, doc: number, except = 0): { bm25: number; mask: number } {
  const { postings } = corpus;
  let score = 0;
  let mask = 0;
  for (const term of plan.terms) {
    if ((term.bit & except) !== 0) continue;
    const list = postings.get(term.token);
    const tf = list?.get(doc);
    if (!list || tf === undefined) continue;
    const idf = inverseDocumentFrequency(list.size, postings.documentCount);
    score += term.weight * bm25(tf, idf, postings.length(doc), postings.averageLength);
    mask |= term.bit;
  }
  return { bm25: score, mask };
}

/**
 * Share of the question's word pairs found close together in the text (0..1). Chance matches are scattered;
 * an answer repeats the question's phrases (`중국으로의 수출은` for `중국으로의 반도체 수출은`).
 */
function proximity(plan: QueryPlan, text: string): number {
  const pairs = plan.words.length - 1;
  if (pairs <= 0) return 0;
  // Which question words each text word finds, as bits over the question's words.
  const positions: number[] = [];
  for (const word of splitWords(text)) {
    const mask = maskOfText(plan, word);
    let found = 0;
    if (mask !== 0) plan.words.forEach((w, i) => isFound(w, mask) && (found |= 1 << i));
    positions.push(found);
  }
  const together = new Set<string>();
  for (let i = 0; i < positions.length; i++) {
    if (positions[i] === 0) continue;
    // j = i: one printed word can hold two question words (`오픈AI가` for `오픈 AI`).
    for (let j = i; j <= i + PROXIMITY_WINDOW && j < positions.length; j++) {
      for (let a = 0; a < plan.words.length; a++) {
        if (!(positions[i]! & (1 << a))) continue;
        for (let b = 0; b < plan.words.length; b++) if (b !== a && positions[j]! & (1 << b)) together.add(a < b ? `${a}:${b}` : `${b}:${a}`);
      }
    }
  }
  return Math.min(1, together.size / pairs);
}

/**
 * How much an article is about the question (0..1): for each question word, the share of the article's
 * paragraphs (or its title) that hold it, averaged. An article about 소라 mentions it throughout; a stray
 * match elsewhere mentions it once.
 */
function focus(corpus: Corpus, plan: QueryPlan, article: Article): number {
  const masks = article.paragraphs.map((p) => {
    const doc = corpus.docs.docOf(article.id, p.n);
    return doc === undefined ? 0 : matchDoc(corpus, plan, doc).mask;
  });
  masks.push(maskOfText(plan, article.title));
  let sum = 0;
  for (const word of plan.words) sum += masks.filter((m) => isFound(word, m)).length / masks.length;
  return sum / plan.words.length;
}

function memo<K, V>(fn: (key: K) => V): (key: K) => V {
  const cache = new Map<K, V>();
  return (key) => {
    if (!cache.has(key)) cache.set(key, fn(key));
    return cache.get(key)!;
  };
}

/** BM25 of the question tokens in `mask`, as if each occurred once in a paragraph of average length. */
function titleScore(corpus: Corpus, plan: QueryPlan, mask: number): number {
  const { postings } = corpus;
  let score = 0;
  for (const term of plan.terms) {
    if ((term.bit & mask) === 0) continue;
    const idf = inverseDocumentFrequency(postings.get(term.token)?.size ?? 0, postings.documentCount);
    score += term.weight * bm25(1, idf, postings.averageLength, postings.averageLength);
  }
  return score;
}

function nextDoc(corpus: Corpus, doc: number): number | undefined {
  const article = corpus.docs.article(doc);
  return article ? corpus.docs.docOf(article.id, corpus.docs.paragraph(doc) + 1) : undefined;
}

function namesSomeone(corpus: Corpus, article: Article, text: string): boolean {
  return (corpus.speakerNames.get(article.id) ?? []).some((name) => text.includes(name));
}

const round = (n: number): number => Math.round(n * 1000) / 1000;
