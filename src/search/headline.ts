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
 * with a filter); null when none can hold more than `need.above` and at least `need.atLeast`. For what a headline
 * says and no paragraph repeats: `의대 증원 몇 명?` of `…의대 증원 2000명 유지`. Reads the headline field's
 * postings: one entry per article holding a token, never every article.
 */
export function bestHeadline(query: PreparedQuery, only: string | undefined, need: { above: number; atLeast: number }): HeadlineMatch | null {
  const { corpus, plan } = query;
  const field = corpus.fields.find((f) => f.name === 'title');
  const keys = field?.postings.keys;
  if (!field || !keys) return null;
  // No headline holds more than all the question's headline tokens together: often not enough.
  const held = coverage(plan, query.terms.reduce((mask, t) => (t.field === field ? mask | t.bit : mask), 0));
  if (held <= need.above || held < need.atLeast) return null;
  let onlyKey = -1;
  if (only !== undefined) {
    const doc = corpus.docs.firstDocOf(only) ?? corpus.docs.docOf(only, 1);
    onlyKey = doc === undefined ? -2 : (keys.of[doc] ?? -2);
  }
  const sums = headlineSums.reserve(keys.count);
  for (const term of query.terms) {
    if (term.field !== field) continue;
    // A keyed field's lists hold keys (headlines): see `freezePostings`.
    const { docs } = term.list;
    for (let i = 0; i < docs.length; i++) {
      const key = docs[i]!;
      if (onlyKey !== -1 && key !== onlyKey) continue;
      sums.add(key, term.bit, term.weight * term.idf);
    }
  }
  let best = -1;
  let bestCoverage = 0;
  let bestWeight = 0;
  for (let i = 0; i < sums.touched; i++) {
    const key = sums.keys[i]!;
    const covered = coverage(plan, sums.masks[key]!);
    const weight = sums.weights[key]!;
    if (best < 0 || covered > bestCoverage || (covered === bestCoverage && (weight > bestWeight || (weight === bestWeight && key < best)))) {
      best = key;
      bestCoverage = covered;
      bestWeight = weight;
    }
  }
  sums.clear();
  if (best < 0) return null;
  const doc = keys.docs[keys.start[best]!];
  const article = doc === undefined ? undefined : corpus.docs.article(doc);
  return article ? { article, coverage: bestCoverage, weight: bestWeight } : null;
}

/** Per-headline token bits and weights, in typed arrays reused across questions (allocation sets GC pauses). */
class HeadlineSums {
  masks = new Int32Array(0);
  weights = new Float64Array(0);
  keys = new Int32Array(0);
  touched = 0;

  reserve(count: number): this {
    if (this.masks.length < count) {
      this.masks = new Int32Array(count);
      this.weights = new Float64Array(count);
      this.keys = new Int32Array(count);
    }
    return this;
  }

  add(key: number, bit: number, weight: number): void {
    if (this.masks[key] === 0) this.keys[this.touched++] = key;
    this.masks[key]! |= bit;
    this.weights[key]! += weight;
  }

  clear(): void {
    for (let i = 0; i < this.touched; i++) {
      this.masks[this.keys[i]!] = 0;
      this.weights[this.keys[i]!] = 0;
    }
    this.touched = 0;
  }
}

const headlineSums = new HeadlineSums();
