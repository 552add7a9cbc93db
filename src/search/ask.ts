import type { Passage } from '../replies.ts';
import type { Corpus } from './corpus.ts';
import { planQuery } from './query.ts';
import { ALL_TECHNIQUES, nextDocument, prepareQuery, rerank, type Ranked, type Techniques } from './rerank.ts';
import { bestHeadline } from './headline.ts';
import { matchDocument, retrieve } from './retrieve.ts';
import { withHangulNames } from './speakers.ts';

export { ALL_TECHNIQUES, type Techniques } from './rerank.ts';

export interface AskOutcome {
  /** Stems of the query's content words, after question scaffolding is dropped. */
  terms: string[];
  /** The sentence that answers; paragraph 0 when the headline does. */
  answer: { text: string; article: string; paragraph: number } | null;
  results: Passage[];
  /** 0..1: share of the query's content words found in the best paragraph (with its context). */
  coverage: number;
  /** When nothing answers: the articles of the nearest misses, whose topics make good suggestions. */
  near: string[];
}

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
/**
 * Candidates taken from the index and re-ranked sentence by sentence; re-ranking reorders them, it never reaches
 * past them. 20 and 30 (30 re-ranked after a cheaper article-focus pass kept 20) answered the same on every question
 * set, bundled and with 1,000 and 10,000 distractors (`npm run eval`); 20 takes 10% less time at 10,000 articles,
 * both asked each question in turn in one process (as `npm run bench:compare` does).
 */
const RETRIEVE_DEPTH = 20;
/** Paragraphs quoting the person a question names that are re-ranked whatever their wording. */
const MAX_QUOTED_CANDIDATES = 20;
/** Paragraphs whose articles suggest topics when the question is not answered. */
const NEAR_MISSES = 3;

/**
 * The paragraphs that answer a question, best first, and the sentence that answers it; or nothing, with the
 * nearest articles, when no paragraph covers enough of the question.
 *
 * Two stages: exact top-k BM25 × coverage over the index (retrieve.ts), then re-ranking of those and their
 * neighbours, sentence by sentence and with article focus (rerank.ts).
 */
export function ask(corpus: Corpus, asked: string, options: AskOptions = {}): AskOutcome {
  const techniques = { ...ALL_TECHNIQUES, ...options.techniques };
  // Searched as the text prints names: `Kim Jong Un` as 김정은.
  const question = withHangulNames(corpus.speakerLookup, asked);
  const plan = planQuery(question, {
    expansions: corpus.expansions,
    synonyms: techniques.synonyms ? corpus.synonyms : undefined,
    sayings: techniques.speaker,
  });
  const terms = [...new Set(plan.words.map((w) => w.stem))];
  const empty: AskOutcome = { terms, answer: null, results: [], coverage: 0, near: [] };
  if (plan.words.length === 0) return empty;

  const query = prepareQuery(corpus, plan, question, techniques);
  const only = options.article;
  const candidates = retrieve(plan, query.terms, {
    limit: RETRIEVE_DEPTH,
    accept: only ? (doc) => corpus.docs.article(doc)?.id === only : undefined,
  });

  const docs = new Set(candidates.map((c) => c.doc));
  // What the person the question names said is a candidate even when its wording misses the question's.
  // Past MAX_QUOTED_CANDIDATES of them (서울시 and its officials: 59 at 10,000 articles), those matching the
  // question's words best.
  const quoted = [...query.quoting.keys()].filter((doc) => !only || corpus.docs.article(doc)?.id === only);
  if (quoted.length > MAX_QUOTED_CANDIDATES) {
    const weight = new Map(quoted.map((doc) => [doc, matchDocument(query.terms, doc).bm25]));
    quoted.sort((a, b) => weight.get(b)! - weight.get(a)! || a - b);
  }
  for (const doc of quoted.slice(0, MAX_QUOTED_CANDIDATES)) docs.add(doc);
  for (const doc of query.introducing) if (!only || corpus.docs.article(doc)?.id === only) docs.add(doc);
  if (query.asksWhatItIs) {
    // Where each candidate's article first names what is asked about, which may rank below its later mentions.
    for (const article of new Set(candidates.map((c) => corpus.docs.article(c.doc)))) {
      const doc = article && corpus.docs.docOf(article.id, query.firstMention(article));
      if (doc !== undefined) docs.add(doc);
    }
  }
  if (techniques.context) {
    // The paragraph after a match may be the one that answers, naming its subject only in the match.
    for (const c of candidates) {
      const next = nextDocument(corpus, c.doc);
      if (next !== undefined) docs.add(next);
    }
  }
  const ranked = [...docs]
    .map((doc) => rerank(query, doc))
    .filter((r): r is Ranked => r !== null)
    .sort((a, b) => b.score - a.score || a.n - b.n);

  const top = ranked[0];
  const limit = options.limit ?? 5;
  const minScore = (top?.score ?? 0) * MIN_RELATIVE_SCORE;
  const passages = (from: Ranked[]): Passage[] =>
    from
      .filter((r) => r.score >= minScore && r.coverage >= MIN_SECONDARY_COVERAGE)
      .map((r) => ({ article: r.article.id, title: r.article.title, paragraph: r.n, text: r.article.paragraphs[r.n - 1]!.text, score: round(r.score) }));

  // What the headline says and no paragraph repeats (`…의대 증원 2000명 유지`) is answered from the headline,
  // rather than not at all: only when no paragraph answers, as reading headline postings costs up to a millisecond.
  const above = top?.coverage ?? 0;
  const headline = above < MIN_COVERAGE ? bestHeadline(query, only, { above, atLeast: MIN_COVERAGE }) : null;
  if (headline && headline.coverage >= MIN_COVERAGE && headline.coverage > above) {
    const { article } = headline;
    const cited: Passage = { article: article.id, title: article.title, paragraph: 0, text: article.title, score: round(headline.weight) };
    return {
      terms,
      answer: { text: article.title, article: article.id, paragraph: 0 },
      results: [cited, ...passages(ranked)].slice(0, limit),
      coverage: headline.coverage,
      near: [],
    };
  }
  if (!top) return empty;
  // A question about what someone said is answered only where that someone is found, not by any statement
  // (`국방부 입장은?` against a quote beside a headline word holding `국방`).
  if (top.coverage < MIN_COVERAGE || top.topicCoverage < MIN_COVERAGE) {
    return { ...empty, coverage: top.coverage, near: [...new Set(ranked.slice(0, NEAR_MISSES).map((r) => r.article.id))] };
  }
  return {
    terms,
    answer: { text: top.sentence, article: top.article.id, paragraph: top.n },
    results: passages(ranked).slice(0, limit),
    coverage: top.coverage,
    near: [],
  };
}

const round = (n: number): number => Math.round(n * 1000) / 1000;
