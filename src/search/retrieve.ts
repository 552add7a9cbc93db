import type { Field } from './corpus.ts';
import { bm25, inverseDocumentFrequency, type Postings } from './postings.ts';
import { coordination, coverage, type QueryPlan } from './query.ts';

/** A document that may answer the question: its BM25 sum and which of the question's tokens it holds. */
export interface Candidate {
  doc: number;
  bm25: number;
  mask: number;
  /** bm25 × coordination(coverage) of the question's words by the document's own tokens (text and headline). */
  score: number;
}

export interface RetrieveOptions {
  /** How many of the best documents to return. */
  limit: number;
  /** Only documents this accepts are considered (an `article` filter). */
  accept?: (doc: number) => boolean;
}

/** A question token in one field, with its postings resolved once per query (a radix-tree walk each time otherwise). */
export interface ScoredTerm {
  bit: number;
  /** The token's weight (a synonym counts half) times its field's (a headline match counts half). */
  weight: number;
  idf: number;
  postings: Map<number, number>;
  field: Field;
  /** The most this term can add to a document's score. */
  bound: number;
  /**
   * Looked up for documents found through other terms, never a reason to consider a document: headline words
   * (context, not content) and pieces of a word the index knows whole (`예고`, `고편` when `예고편` is indexed).
   */
  lookupOnly: boolean;
}

/** The question's tokens as found in each field, with their postings and IDF, highest possible score first. */
export function scoredTerms(fields: Field[], plan: QueryPlan): ScoredTerm[] {
  const text = fields.find((f) => f.name === 'text');
  const indexedWhole = plan.terms.reduce((bits, t) => (t.pieceOf === 0 && text?.postings.get(t.token)?.size ? bits | t.bit : bits), 0);
  const terms: ScoredTerm[] = [];
  for (const field of fields) {
    for (const term of plan.terms) {
      const list = field.postings.get(term.token);
      if (!list || list.size === 0) continue;
      const idf = inverseDocumentFrequency(list.size, field.postings.documentCount);
      const weight = term.weight * field.weight;
      const lookupOnly = field.name === 'title' || (term.pieceOf & indexedWhole) !== 0;
      terms.push({ bit: term.bit, weight, idf, postings: list, field, bound: weight * idf * maxTermScore(field.postings, list), lookupOnly });
    }
  }
  // Terms that find documents first, rarest first; then the lookup-only ones.
  return terms.sort((a, b) => Number(a.lookupOnly) - Number(b.lookupOnly) || b.bound - a.bound);
}

/**
 * The largest BM25 factor (score / IDF) any document gets for a term: a tight bound lets retrieval stop reading
 * common terms sooner than the tf → ∞ bound would. Worked out once per postings list and remembered with it;
 * a reindex makes new lists, so nothing goes stale.
 */
function maxTermScore(postings: Postings, list: Map<number, number>): number {
  let known = MAX_TERM_SCORE.get(list);
  if (known === undefined) {
    known = 0;
    for (const [doc, tf] of list) known = Math.max(known, bm25(tf, 1, postings.length(doc), postings.averageLength));
    MAX_TERM_SCORE.set(list, known);
  }
  return known;
}

const MAX_TERM_SCORE = new WeakMap<Map<number, number>, number>();

/** One term's BM25 contribution to a document that holds it `tf` times. */
const termScore = (term: ScoredTerm, doc: number, tf: number): number =>
  term.weight * bm25(tf, term.idf, term.field.postings.length(doc), term.field.postings.averageLength);

/** A document's BM25 over the given terms (but those in `except`) and which of them it holds. */
export function matchDocument(terms: ScoredTerm[], doc: number, except = 0): { bm25: number; mask: number } {
  let score = 0;
  let mask = 0;
  for (const term of terms) {
    if ((term.bit & except) !== 0) continue;
    const tf = term.postings.get(doc);
    if (tf === undefined) continue;
    score += termScore(term, doc, tf);
    mask |= term.bit;
  }
  return { bm25: score, mask };
}

/**
 * The `limit` best documents for a query, scored as Σ weight × BM25 × coordination(coverage), over the text and
 * headline fields, among documents that hold at least one finding term (see `lookupOnly`), without scoring every
 * match.
 *
 * Phase 1 reads the finding terms rarest first. Before each, the best score a document not yet found could reach
 * is bounded: the remaining terms' BM25 bounds times the coverage of the words they can still find (headline words
 * of rare tokens are read up front, so they do not loosen the bound). Once the `limit`-th best document in hand
 * scores above that, no unseen document can displace it. Phase 2 then completes the documents in hand one at a
 * time, most promising first, and stops when the next could not reach the top even with every remaining term.
 * This is the "continue" strategy of Moffat and Zobel (1996) with a coverage-aware bound; the result is the exact
 * top `limit`, which a property test checks against scoring every document.
 */
export function retrieve(plan: QueryPlan, terms: ScoredTerm[], options: RetrieveOptions): Candidate[] {
  const { limit, accept } = options;
  const finders = terms.filter((t) => !t.lookupOnly);
  const lookups = terms.filter((t) => t.lookupOnly);
  // Short lookup lists (a rare word in headlines) are read up front, so an unseen document is known not to hold
  // them; the long ones (a common word's headlines) may be held by anyone, and are bounded instead.
  const eager = lookups.filter((t) => t.postings.size <= EAGER_LOOKUP);
  const lazy = lookups.filter((t) => t.postings.size > EAGER_LOOKUP);
  const lazyBound = lazy.reduce((sum, t) => sum + t.bound, 0);
  const lazyReach = lazy.reduce((bits, t) => bits | t.bit, 0);
  // From finder i on: the most BM25 still to add, and the token bits still to be found.
  const remaining: number[] = new Array(finders.length + 1).fill(lazyBound);
  const reachable: number[] = new Array(finders.length + 1).fill(lazyReach);
  for (let i = finders.length - 1; i >= 0; i--) {
    remaining[i] = remaining[i + 1]! + finders[i]!.bound;
    reachable[i] = reachable[i + 1]! | finders[i]!.bit;
  }
  // Coverage depends only on which tokens matched: a question has few distinct masks, so remember them.
  const factors = new Map<number, number>();
  const best = (bm25Sum: number, mask: number): number => {
    let factor = factors.get(mask);
    if (factor === undefined) factors.set(mask, (factor = coordination(coverage(plan, mask))));
    return bm25Sum * factor;
  };

  // What the eager lookups give each document that holds them, added when (if) a finder finds it.
  const pending = new Map<number, Entry>();
  for (const term of eager) {
    for (const [doc, tf] of term.postings) {
      const entry = pending.get(doc) ?? { bm25: 0, mask: 0 };
      entry.bm25 += termScore(term, doc, tf);
      entry.mask |= term.bit;
      pending.set(doc, entry);
    }
  }
  // The best a document not found yet could reach from finder i on (its pending headline words included).
  const unseenBound = (i: number): number => {
    let bound = best(remaining[i]!, reachable[i]!);
    for (const [doc, entry] of pending) {
      if (!found.has(doc)) bound = Math.max(bound, best(entry.bm25 + remaining[i]!, entry.mask | reachable[i]!));
    }
    return bound;
  };

  // Phase 1, term at a time: finders, rarest first, while a document not yet found could still make the top.
  const found = new Map<number, Entry>();
  let threshold = 0;
  let i = 0;
  for (; i < finders.length; i++) {
    const term = finders[i]!;
    if (found.size >= limit) {
      const before = best(remaining[i]!, reachable[i]!);
      if (before >= threshold) threshold = kthScore(found, best, limit);
      if (unseenBound(i) < threshold) break;
    }
    // A document first met here can still gain only the later terms: below the threshold even then, skip it.
    const later = found.size >= limit ? remaining[i + 1]! : Infinity;
    const laterMask = term.bit | reachable[i + 1]!;
    for (const [doc, tf] of term.postings) {
      const score = termScore(term, doc, tf);
      const entry = found.get(doc);
      if (entry) {
        entry.bm25 += score;
        entry.mask |= term.bit;
        continue;
      }
      const held = pending.get(doc);
      const start = { bm25: score + (held?.bm25 ?? 0), mask: term.bit | (held?.mask ?? 0) };
      if (best(start.bm25 + later, start.mask | laterMask) >= threshold && (!accept || accept(doc))) found.set(doc, start);
    }
  }

  // Phase 2, document at a time: the documents in hand, most promising first, complete their scores with the
  // remaining terms until the next one could not reach the current top even with all of them.
  const rest = [...finders.slice(i), ...lazy];
  threshold = kthScore(found, best, limit);
  const pool: { doc: number; entry: Entry; bound: number }[] = [];
  for (const [doc, entry] of found) {
    const bound = best(entry.bm25 + remaining[i]!, entry.mask | reachable[i]!);
    if (bound > 0 && bound >= threshold) pool.push({ doc, entry, bound });
  }
  pool.sort((a, b) => b.bound - a.bound || a.doc - b.doc);
  const top: Candidate[] = [];
  for (const { doc, entry, bound } of pool) {
    if (top.length >= limit && bound < top[limit - 1]!.score) break;
    const extra = rest.length > 0 ? matchDocument(rest, doc) : { bm25: 0, mask: 0 };
    const candidate = { doc, bm25: entry.bm25 + extra.bm25, mask: entry.mask | extra.mask, score: 0 };
    candidate.score = best(candidate.bm25, candidate.mask);
    if (candidate.score > 0) insertRanked(top, candidate, limit);
  }
  return top;
}

/** Lookup lists up to this long are read before retrieval starts (see `retrieve`). */
const EAGER_LOOKUP = 2000;

/** Inserts into a list kept sorted by score (then document), cut to `limit`. */
function insertRanked(top: Candidate[], candidate: Candidate, limit: number): void {
  let at = top.length;
  while (at > 0 && (top[at - 1]!.score < candidate.score || (top[at - 1]!.score === candidate.score && top[at - 1]!.doc > candidate.doc))) at--;
  if (at >= limit) return;
  top.splice(at, 0, candidate);
  if (top.length > limit) top.pop();
}

interface Entry {
  bm25: number;
  mask: number;
}

/** The `k`-th best score so far: a lower bound of the k-th best final score, since scores only grow. */
function kthScore(found: Map<number, Entry>, best: (bm25: number, mask: number) => number, k: number): number {
  if (found.size < k) return 0;
  const scores = new Float64Array(found.size);
  let n = 0;
  for (const entry of found.values()) scores[n++] = best(entry.bm25, entry.mask);
  return selectDescending(scores, k - 1);
}

/** Hoare's quickselect: the value that would sit at `index` if `values` were sorted high to low (reorders it). */
function selectDescending(values: Float64Array, index: number): number {
  let lo = 0;
  let hi = values.length - 1;
  while (lo < hi) {
    const pivot = values[(lo + hi) >> 1]!;
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (values[i]! > pivot) i++;
      while (values[j]! < pivot) j--;
      if (i <= j) {
        const t = values[i]!;
        values[i++] = values[j]!;
        values[j--] = t;
      }
    }
    if (index <= j) hi = j;
    else if (index >= i) lo = i;
    else break;
  }
  return values[index]!;
}
