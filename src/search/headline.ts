import type { Article } from '../ingest/article.ts';
import { coverage } from './query.ts';
import type { PreparedQuery } from './rerank.ts';

export interface HeadlineMatch {
  article: Article;
  /** Share of the question's words the headline holds (see `coverage`). */
  coverage: number;
  /** Σ weight × IDF of the question's tokens it holds: among equal coverage, the rarer words win. */
  weight: number;
}

/**
 * The headline holding most of the question, among those holding any of its tokens (only the filtered article's
 * with a filter). For what a headline says and no paragraph repeats: `의대 증원 몇 명?` of `…의대 증원 2000명 유지`.
 * Reads the headline field's postings: one entry per article holding a token, never every article.
 */
export function bestHeadline(query: PreparedQuery, only?: string): HeadlineMatch | null {
  const { corpus, plan } = query;
  const field = corpus.fields.find((f) => f.name === 'title');
  const keys = field?.postings.keys;
  if (!field || !keys) return null;
  let onlyKey: number | undefined;
  if (only !== undefined) {
    const doc = corpus.docs.firstDocOf(only) ?? corpus.docs.docOf(only, 1);
    onlyKey = doc === undefined ? -1 : keys.of[doc];
  }
  const masks = new Map<number, number>();
  const weights = new Map<number, number>();
  for (const term of query.terms) {
    if (term.field !== field) continue;
    for (const key of term.postings.keys()) {
      if (onlyKey !== undefined && key !== onlyKey) continue;
      masks.set(key, (masks.get(key) ?? 0) | term.bit);
      weights.set(key, (weights.get(key) ?? 0) + term.weight * term.idf);
    }
  }
  let best: { key: number; coverage: number; weight: number } | null = null;
  for (const [key, mask] of masks) {
    const covered = coverage(plan, mask);
    const weight = weights.get(key)!;
    const better = !best || covered > best.coverage || (covered === best.coverage && (weight > best.weight || (weight === best.weight && key < best.key)));
    if (better) best = { key, coverage: covered, weight };
  }
  if (!best) return null;
  const doc = keys.docs[keys.start[best.key]!];
  const article = doc === undefined ? undefined : corpus.docs.article(doc);
  return article ? { article, coverage: best.coverage, weight: best.weight } : null;
}
