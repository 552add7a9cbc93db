import type { Article } from '../src/ingest/article.ts';
import type { Corpus } from '../src/search/corpus.ts';

const MAX_SUGGESTIONS = 8;
const MAX_TOPICS = 5;

/** Articles whose topics are offered when nothing matched at all: the newest few, not all of a big library. */
const FALLBACK_ARTICLES = 3;

/**
 * What to offer instead of an answer: the recurring topics of the given articles (the nearest misses), else
 * of the newest articles, then who speaks in them.
 */
export function suggestionsFor(corpus: Corpus, near: Article[]): string[] {
  const inScope = near.length > 0 ? near : newest(corpus.articles, FALLBACK_ARTICLES);
  const perArticle = inScope.map((a) => corpus.topics(a));
  const merged: string[] = [];
  // Round-robin so every article contributes its strongest topics first.
  for (let rank = 0; merged.length < MAX_SUGGESTIONS && perArticle.some((t) => t.length > rank); rank++) {
    for (const topics of perArticle) {
      const topic = topics[rank];
      if (topic && !merged.includes(topic)) merged.push(topic);
    }
  }
  // From the articles themselves: filtering the whole speaker directory cost 10 ms in a 10,000-article library.
  const speakers = [...new Set(inScope.flatMap(namedSpeakersByQuotes))];
  const topics = merged.slice(0, MAX_TOPICS);
  return [...topics, ...speakers.filter((s) => !topics.includes(s)).slice(0, MAX_SUGGESTIONS - topics.length)];
}

/** The named people an article quotes, the most quoted first. */
function namedSpeakersByQuotes(article: Article): string[] {
  const quotes = new Map<string, number>();
  for (const q of article.quotes) quotes.set(q.speaker, (quotes.get(q.speaker) ?? 0) + 1);
  return article.speakers
    .filter((s) => s.named)
    .sort((a, b) => (quotes.get(b.id) ?? 0) - (quotes.get(a.id) ?? 0))
    .map((s) => s.name);
}

/**
 * The `count` most recently published articles, in one pass: sorting 10,000 articles with `localeCompare` on
 * every unanswered question took 100 ms. ISO timestamps order as plain strings; an undated article comes last.
 */
function newest(articles: Article[], count: number): Article[] {
  const top: Article[] = [];
  for (const article of articles) {
    const at = article.published ?? '';
    let i = top.length;
    while (i > 0 && (top[i - 1]!.published ?? '') < at) i--;
    if (i < count) {
      top.splice(i, 0, article);
      if (top.length > count) top.pop();
    }
  }
  return top;
}
