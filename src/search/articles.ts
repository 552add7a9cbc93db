import type { Article } from '../ingest/article.ts';
import type { Corpus } from './corpus.ts';

const compact = (s: string): string => s.normalize('NFC').toLowerCase().replace(/\s+/g, '');

/** An article by id, else by a piece of its title (free text typed instead of picking an autocomplete choice). */
export function resolveArticle(corpus: Corpus, text: string): Article | undefined {
  const byId = corpus.articles.find((a) => a.id === text);
  if (byId) return byId;
  const needle = compact(text);
  return needle ? corpus.articles.find((a) => compact(a.title).includes(needle)) : undefined;
}

/** Article choices for autocomplete, title matches first. */
export function matchArticles(corpus: Corpus, text: string, limit = 25): Article[] {
  const needle = compact(text);
  const scored = corpus.articles
    .map((a) => ({ a, rank: !needle ? 1 : compact(a.title).startsWith(needle) ? 0 : compact(a.title).includes(needle) || a.id.includes(needle) ? 1 : 2 }))
    .filter((x) => x.rank < 2);
  return scored.sort((x, y) => x.rank - y.rank).slice(0, limit).map((x) => x.a);
}
