import type { SearchResult } from 'minisearch';
import type { Article } from '../ingest/article.ts';
import type { Passage } from '../replies.ts';
import { findArticle, type Corpus } from './corpus.ts';
import { intentBoost, questionIntent } from './intent.ts';
import { QUERY_STOPWORDS } from './stopwords.ts';
import { splitWords, tokenizeKorean, wordTokens, type WordTokens } from './tokenize.ts';


export interface AskOutcome {
  /** Stems of the query's content words, after question scaffolding is dropped. */
  terms: string[];
  answer: { text: string; article: string; paragraph: number } | null;
  results: Passage[];
  /** 0..1: share of the query's content words found in the best paragraph. */
  coverage: number;
}

export interface AskOptions {
  limit?: number;
  article?: string;
}

/** Below this share of the query's words, the best paragraph is about something else: say so rather than guess. */
export const MIN_COVERAGE = 0.6;
/** Further passages must score at least this share of the best one and cover half as much of the question. */
const MIN_RELATIVE_SCORE = 0.25;
const MIN_SECONDARY_COVERAGE = MIN_COVERAGE / 2;

/** Content words of a query, English words expanded through the glossary. */
export function queryWords(corpus: Corpus, query: string): WordTokens[] {
  const words: WordTokens[] = [];
  for (const word of splitWords(query)) {
    const tokens = wordTokens(word);
    if (QUERY_STOPWORDS.has(word) || QUERY_STOPWORDS.has(tokens.stem)) continue;
    const expansion = /^[a-z]/.test(word) ? corpus.expansions.get(word) : undefined;
    // Korean queries are not expanded: the glossary only bridges English acronyms into the Korean text.
    if (expansion) tokens.tokens.push(...tokenizeKorean(expansion));
    words.push(tokens);
  }
  return words;
}

export function ask(corpus: Corpus, query: string, options: AskOptions = {}): AskOutcome {
  const words = queryWords(corpus, query);
  const terms = [...new Set(words.map((w) => w.stem))];
  const empty: AskOutcome = { terms, answer: null, results: [], coverage: 0 };
  if (words.length === 0) return empty;

  const filter = options.article ? (r: SearchResult) => r['article'] === options.article : undefined;
  const intent = questionIntent(query);
  const hits = corpus.index
    .search({ combineWith: 'OR', queries: words.flatMap((w) => w.tokens) }, { tokenize: (t) => [t], processTerm: (t) => t, filter })
    .map((h) => {
      const passage = toPassage(corpus, String(h.article), Number(h.paragraph), h.score);
      const coverage = passageCoverage(corpus, words, passage, h.queryTerms);
      // Lucene-style coordination: a paragraph that answers more of the question outranks one that repeats a word.
      const score = passage.score * intentBoost(intent, passage.text) * coverage;
      return { passage: { ...passage, score: round(score) }, coverage };
    })
    .sort((a, b) => b.passage.score - a.passage.score);
  const top = hits[0];
  if (!top) return empty;
  if (top.coverage < MIN_COVERAGE) return { ...empty, coverage: top.coverage };

  const minScore = top.passage.score * MIN_RELATIVE_SCORE;
  const results = hits
    .filter((h) => h.passage.score >= minScore && h.coverage >= MIN_SECONDARY_COVERAGE)
    .slice(0, options.limit ?? 5)
    .map((h) => h.passage);
  const best = results[0]!;
  const article = findArticle(corpus, best.article)!;
  return {
    terms,
    answer: { text: bestSentence(article, best.paragraph, words), article: best.article, paragraph: best.paragraph },
    results,
    coverage: top.coverage,
  };
}

/** Coverage of a paragraph, reading its article's title as context (`반도체` in the headline, not in every paragraph). */
function passageCoverage(corpus: Corpus, words: WordTokens[], passage: Passage, matched: string[]): number {
  const context = corpus.titleTokens.get(passage.article) ?? [];
  return wordCoverage(words, new Set([...matched, ...context]));
}

/** A word counts as found when its stem matched, or at least half of its bigrams did. */
function wordCoverage(words: WordTokens[], matched: Set<string>): number {
  const found = words.filter((w) => isWordFound(w, matched)).length;
  return found / words.length;
}

function isWordFound(word: WordTokens, matched: Set<string>): boolean {
  if (matched.has(word.word) || matched.has(word.stem)) return true;
  const parts = word.tokens.filter((t) => t !== word.word && t !== word.stem);
  if (parts.length === 0) return false;
  return parts.filter((t) => matched.has(t)).length / parts.length >= 0.5;
}

function toPassage(corpus: Corpus, articleId: string, n: number, score: number): Passage {
  const article = findArticle(corpus, articleId)!;
  const paragraph = article.paragraphs[n - 1]!;
  return { article: articleId, title: article.title, paragraph: n, text: paragraph.text, score: round(score) };
}

/** The sentence of a paragraph that covers most query words; the earliest wins ties. */
export function bestSentence(article: Article, n: number, words: WordTokens[]): string {
  const sentences = article.paragraphs[n - 1]!.sentences;
  let best = sentences[0]!;
  let bestScore = -1;
  for (const sentence of sentences) {
    const score = wordCoverage(words, new Set(tokenizeKorean(sentence)));
    if (score > bestScore) {
      best = sentence;
      bestScore = score;
    }
  }
  return best;
}

const round = (n: number): number => Math.round(n * 1000) / 1000;
