import type { SearchResult } from 'minisearch';
import type { Article } from '../ingest/article.ts';
import { findArticle, type Corpus } from './corpus.ts';
import { QUERY_STOPWORDS } from './stopwords.ts';
import { splitWords, tokenizeKorean, wordTokens, type WordTokens } from './tokenize.ts';

export interface Passage {
  article: string;
  title: string;
  paragraph: number;
  text: string;
  score: number;
}

export interface AskOutcome {
  /** Content words of the query, after question scaffolding is dropped. */
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
  const terms = words.map((w) => w.word);
  const empty: AskOutcome = { terms, answer: null, results: [], coverage: 0 };
  if (words.length === 0) return empty;

  const filter = options.article ? (r: SearchResult) => r['article'] === options.article : undefined;
  const hits = corpus.index.search(
    { combineWith: 'OR', queries: words.flatMap((w) => w.tokens) },
    { tokenize: (t) => [t], processTerm: (t) => t, filter },
  );
  const top = hits[0];
  if (!top) return empty;
  const coverage = wordCoverage(words, new Set(top.queryTerms));
  if (coverage < MIN_COVERAGE) return { ...empty, coverage };

  const minScore = top.score * 0.25;
  const results: Passage[] = hits
    .filter((h) => h.score >= minScore && wordCoverage(words, new Set(h.queryTerms)) >= MIN_COVERAGE / 2)
    .slice(0, options.limit ?? 5)
    .map((h) => toPassage(corpus, String(h.article), Number(h.paragraph), h.score));
  const best = results[0]!;
  const article = findArticle(corpus, best.article)!;
  return {
    terms,
    answer: { text: bestSentence(article, best.paragraph, words), article: best.article, paragraph: best.paragraph },
    results,
    coverage,
  };
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
