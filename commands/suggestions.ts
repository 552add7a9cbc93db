import type { Corpus } from '../src/search/corpus.ts';

const MAX_SUGGESTIONS = 8;
const MAX_TOPICS = 5;

/** What to offer instead of an answer: the recurring topics of the articles in scope, then who speaks in them. */
export function suggestionsFor(corpus: Corpus, articleId?: string): string[] {
  const inScope = corpus.articles.filter((a) => !articleId || a.id === articleId);
  const perArticle = inScope.map((a) => corpus.topics.get(a.id) ?? []);
  const merged: string[] = [];
  // Round-robin so every article contributes its strongest topics first.
  for (let rank = 0; merged.length < MAX_SUGGESTIONS && perArticle.some((t) => t.length > rank); rank++) {
    for (const topics of perArticle) {
      const topic = topics[rank];
      if (topic && !merged.includes(topic)) merged.push(topic);
    }
  }
  const speakers = corpus.speakers
    .filter((e) => e.speaker.named && e.quotes.some((q) => !articleId || q.article === articleId))
    .map((e) => e.speaker.name);
  const room = Math.max(0, MAX_SUGGESTIONS - Math.min(merged.length, MAX_TOPICS));
  return [...merged.slice(0, MAX_TOPICS), ...speakers.filter((s) => !merged.includes(s)).slice(0, room)];
}
