import { bm25, bm25UpperBound, inverseDocumentFrequency, type Postings } from './postings.ts';
import { coordination, coverage, type QueryPlan } from './query.ts';

/** A document that may answer the question: its BM25 sum and which of the question's tokens it holds. */
export interface Candidate {
  doc: number;
  bm25: number;
  mask: number;
  /** bm25 × coordination(coverage) of the question's words by the document's own tokens. */
  score: number;
}

export interface RetrieveOptions {
  /** How many of the best documents to return. */
  limit: number;
  /** Only documents this accepts are considered (an `article` filter). */
  accept?: (doc: number) => boolean;
}

/** A question token with its postings resolved once per query (a radix-tree walk each time otherwise). */
export interface ScoredTerm {
  bit: number;
  weight: number;
  idf: number;
  postings: Map<number, number>;
  /** The most this term can add to a document's score. */
  bound: number;
}

/** The question's tokens that occur in the index, with their postings and IDF, rarest (highest bound) first. */
export function scoredTerms(postings: Postings, plan: QueryPlan): ScoredTerm[] {
  const terms: ScoredTerm[] = [];
  for (const term of plan.terms) {
    const list = postings.get(term.token);
    if (!list || list.size === 0) continue;
    const idf = inverseDocumentFrequency(list.size, postings.documentCount);
    terms.push({ bit: term.bit, weight: term.weight, idf, postings: list, bound: term.weight * bm25UpperBound(idf) });
  }
  return terms.sort((a, b) => b.bound - a.bound);
}

/** A document's BM25 over the given terms (but those in `except`) and which of them it holds. */
export function matchDocument(postings: Postings, terms: ScoredTerm[], doc: number, except = 0): { bm25: number; mask: number } {
  let score = 0;
  let mask = 0;
  let length = -1;
  for (const term of terms) {
    if ((term.bit & except) !== 0) continue;
    const tf = term.postings.get(doc);
    if (tf === undefined) continue;
    if (length < 0) length = postings.length(doc);
    score += term.weight * bm25(tf, term.idf, length, postings.averageLength);
    mask |= term.bit;
  }
  return { bm25: score, mask };
}

/**
 * The `limit` best documents for a query, scored as Σ weight × BM25 × coordination(coverage of its own text),
 * without scoring every match.
 *
 * Terms are read rarest first (highest possible contribution first). Before each term, the best score a document
 * not yet seen could still reach is bounded: the remaining terms' BM25 bounds, times the coverage of the words
 * those terms can still find. Once the `limit`-th best document in hand scores above that, no unseen document
 * can displace it: the remaining (common, low-IDF) terms are only looked up for documents in hand, and documents
 * that can no longer make the cut are dropped. This is the "continue" strategy of Moffat and Zobel (1996) with a
 * coverage-aware bound; the result is the exact top `limit`, which a property test checks against brute force.
 */
export function retrieve(postings: Postings, plan: QueryPlan, terms: ScoredTerm[], options: RetrieveOptions): Candidate[] {
  const { limit, accept } = options;
  const averageLength = postings.averageLength;
  // From term i on: the most BM25 still to add, and the token bits still to be found.
  const remaining: number[] = new Array(terms.length + 1).fill(0);
  const reachable: number[] = new Array(terms.length + 1).fill(0);
  for (let i = terms.length - 1; i >= 0; i--) {
    remaining[i] = remaining[i + 1]! + terms[i]!.bound;
    reachable[i] = reachable[i + 1]! | terms[i]!.bit;
  }
  const best = (bm25Sum: number, mask: number): number => bm25Sum * coordination(coverage(plan, mask));

  const found = new Map<number, { bm25: number; mask: number }>();
  let threshold = 0;
  for (let i = 0; i < terms.length; i++) {
    const term = terms[i]!;
    const unseenBound = best(remaining[i]!, reachable[i]!);
    if (found.size >= limit && unseenBound >= threshold) threshold = kthScore(found, best, limit);
    if (found.size < limit || unseenBound >= threshold) {
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
      if (best(entry.bm25 + remaining[i]!, entry.mask | reachable[i]!) < threshold) {
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
    const score = best(entry.bm25, entry.mask);
    if (score > 0) scored.push({ doc, bm25: entry.bm25, mask: entry.mask, score });
  }
  return scored.sort((a, b) => b.score - a.score || a.doc - b.doc).slice(0, limit);
}

/** The `k`-th best score so far: a lower bound of the k-th best final score, since scores only grow. */
function kthScore(found: Map<number, { bm25: number; mask: number }>, best: (bm25: number, mask: number) => number, k: number): number {
  const scores: number[] = [];
  for (const entry of found.values()) scores.push(best(entry.bm25, entry.mask));
  scores.sort((a, b) => b - a);
  return scores[k - 1] ?? 0;
}
