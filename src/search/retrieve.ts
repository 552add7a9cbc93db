import { bm25, bm25UpperBound, inverseDocumentFrequency, type Postings } from './postings.ts';
import { coordination, coverage, type QueryPlan } from './query.ts';

/** A document that may answer the question: its BM25 sum and which of the question's tokens it holds. */
export interface Candidate {
  doc: number;
  bm25: number;
  mask: number;
  /** bm25 × coordination(coverage) of the question's words (the document's own tokens plus its context). */
  score: number;
}

export interface RetrieveOptions {
  /** How many of the best documents to return. */
  limit: number;
  /** Only documents this accepts are considered (an `article` filter). */
  accept?: (doc: number) => boolean;
  /** Token bits a document gets from its surroundings (its article's title), counted for coverage only. */
  context?: (doc: number) => number;
}

interface ScoredTerm {
  bit: number;
  weight: number;
  idf: number;
  postings: Map<number, number>;
  bound: number;
}

/**
 * The `limit` best documents for a query, scored as Σ weight × BM25 × coverage, without scoring every match.
 *
 * Terms are read rarest first (highest possible contribution first). Once the best `limit` documents found so far
 * all score above what every remaining term together could add, no unseen document can reach them: the remaining
 * (common, low-IDF) terms are then only looked up for the documents already in hand, and documents that can no
 * longer make the cut are dropped. This is the "continue" strategy of Moffat and Zobel (1996); the result is the
 * exact top `limit` for this scoring, since coverage ≤ 1 keeps BM25 an upper bound of the final score.
 */
export function retrieve(postings: Postings, plan: QueryPlan, options: RetrieveOptions): Candidate[] {
  const { limit, accept, context } = options;
  const total = postings.documentCount;
  const averageLength = postings.averageLength;
  const terms: ScoredTerm[] = [];
  for (const term of plan.terms) {
    const list = postings.get(term.token);
    if (!list || list.size === 0) continue;
    const idf = inverseDocumentFrequency(list.size, total);
    terms.push({ bit: term.bit, weight: term.weight, idf, postings: list, bound: term.weight * bm25UpperBound(idf) });
  }
  terms.sort((a, b) => b.bound - a.bound);
  const remaining: number[] = new Array(terms.length + 1).fill(0);
  for (let i = terms.length - 1; i >= 0; i--) remaining[i] = remaining[i + 1]! + terms[i]!.bound;

  const found = new Map<number, { bm25: number; mask: number }>();
  const contextOf = context ?? (() => 0);
  let threshold = 0;
  for (let i = 0; i < terms.length; i++) {
    const term = terms[i]!;
    if (remaining[i]! >= threshold && found.size >= limit) threshold = kthScore(found, plan, contextOf, limit);
    const closed = found.size >= limit && remaining[i]! < threshold;
    if (!closed) {
      for (const [doc, tf] of term.postings) {
        const score = term.weight * bm25(tf, term.idf, postings.length(doc), averageLength);
        const entry = found.get(doc);
        if (entry) {
          entry.bm25 += score;
          entry.mask |= term.bit;
        } else if (!accept || accept(doc)) {
          found.set(doc, { bm25: score, mask: term.bit });
        }
      }
      continue;
    }
    for (const [doc, entry] of found) {
      // Even with every remaining term, this document cannot reach the current top: forget it.
      if (entry.bm25 + remaining[i]! < threshold) {
        found.delete(doc);
        continue;
      }
      const tf = term.postings.get(doc);
      if (tf === undefined) continue;
      entry.bm25 += term.weight * bm25(tf, term.idf, postings.length(doc), averageLength);
      entry.mask |= term.bit;
    }
  }

  const scored: Candidate[] = [];
  for (const [doc, entry] of found) {
    const score = entry.bm25 * coordination(coverage(plan, entry.mask | contextOf(doc)));
    if (score > 0) scored.push({ doc, bm25: entry.bm25, mask: entry.mask, score });
  }
  return scored.sort((a, b) => b.score - a.score || a.doc - b.doc).slice(0, limit);
}

/** The `k`-th best score so far: a lower bound of the k-th best final score, since scores only grow. */
function kthScore(found: Map<number, { bm25: number; mask: number }>, plan: QueryPlan, context: (doc: number) => number, k: number): number {
  const scores: number[] = [];
  for (const [doc, entry] of found) scores.push(entry.bm25 * coordination(coverage(plan, entry.mask | context(doc))));
  scores.sort((a, b) => b - a);
  return scores[k - 1] ?? 0;
}
