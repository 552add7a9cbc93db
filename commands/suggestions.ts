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
  const ids = new Set(inScope.map((a) => a.id));
  const perArticle = inScope.map((a) => corpus.topics(a));
  const merged: string[] = [];
  // Round-robin so every article contributes its strongest topics first.
  for (let rank = 0; merged.length < MAX_SUGGESTIONS && perArticle.some((t) => t.length > rank); rank++) {
    for (const topics of perArticle) {
      const topic = topics[rank];
      if (topic && !merged.includes(topic)) merged.push(topic);
    }
  }
  const speakers = corpus.speakers
    .filter((e) => e.speaker.named && e.quotes.some((q) => ids.has(q.article)))
    .map((e) => e.speaker.name);
  const room = Math.max(0, MAX_SUGGESTIONS - Math.min(merged.length, MAX_TOPICS));
  return [...merged.slice(0, MAX_TOPICS), ...speakers.filter((s) => !merged.includes(s)).slice(0, room)];
}

function newest(articles: Article[], count: number): Article[] {
  return [...articles].sort((a, b) => (b.published ?? '').localeCompare(a.published ?? '')).slice(0, count);
}
