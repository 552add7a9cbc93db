/**
 * MiniSearch's inverted index, frozen into typed arrays for serving. Queries read postings directly so they score
 * only the documents that can still reach the top few (see retrieve.ts), instead of every match as
 * `MiniSearch#search` does (about 3.5 µs a match: 100 ms for a common word in 200,000 paragraphs). MiniSearch
 * builds the index; its postings are copied into arrays (shards.ts), which the snapshot holds, and frozen from
 * there, and its own copy is let go: it keeps each posting as an entry of a `Map` per term (about 56 bytes a
 * posting, 446 MB at 10,000 articles), where this keeps 6. A snapshot is never rebuilt as those maps. MiniSearch
 * keeps these fields private, so their shape is checked when copying, and `minisearch` is pinned to the version
 * this was written against.
 */
import type MiniSearch from 'minisearch';
import { internalsOf, joinShards, mergeShards, shardOf, type JoinedIndex } from './shards.ts';
import { termDictionary } from './termDictionary.ts';

/**
 * One term's postings in one field: its documents, ascending, and each one's BM25 factor (the score divided by the
 * IDF, fixed for an index that does not change), as a code into the field's table of factors. Views into the
 * field's arrays: reading them costs a few nanoseconds a posting, where iterating a `Map` and recomputing BM25 cost
 * about 1 µs.
 */
export interface PostingList {
  /** Ascending, so the documents of a range (an article's paragraphs) can be found by binary search. */
  docs: Int32Array;
  /**
   * Each posting's factor, as its place in `factors`. A factor depends only on the term's frequency in the document
   * and the document's length, and the 8 million postings at 10,000 articles hold about 1,200 such pairs: two bytes
   * a posting where the factor itself took four (32 MB). Read in order, as the factors were; working them out
   * from frequencies and lengths instead cost a read of the document's length, out of order, and took the
   * questions 10% longer.
   */
  codes: Uint16Array;
  /** The field's distinct factors, in single precision (shared by all its lists). */
  factors: Float32Array;
  /** The largest factor: the most this term can add to any document, over its IDF and weight. */
  maxFactor: number;
}

export interface Postings {
  /** The term's list; undefined when no document holds it. */
  get(term: string): PostingList | undefined;
  /** Whether any document holds the term, without making a view of its list. */
  has(term: string): boolean;
  /** A document's factor in one of this field's lists, or undefined when it does not hold the term. */
  factor(list: PostingList, doc: number): number | undefined;
  /** How many documents the field's IDF counts. */
  documentCount: number;
  /** One more than the largest document id: the length of an array indexed by document. */
  size: number;
  /** For a keyed view (see `freezePostings`): which key stands for each document, and each key's documents. */
  keys: DocumentKeys | undefined;
}

/**
 * Documents (paragraphs) ↔ the index documents that stand for them (their article's headline): `of[doc]` is the
 * key of a document (-1 for none); a key's documents are `docs[start[key] .. start[key + 1])`.
 */
export interface DocumentKeys {
  of: Int32Array;
  start: Int32Array;
  docs: Int32Array;
  /** How many keys: one more than the largest. */
  count: number;
}

/** An index to freeze: MiniSearch's own, or its postings as arrays (built in parts, or read from a snapshot). */
export type IndexSource = MiniSearch | JoinedIndex;

/** The index as arrays: a MiniSearch index is copied into one shard first (which checks its private fields). */
const joinedOf = (index: IndexSource, field: string): JoinedIndex => {
  if (!('shards' in index)) return joinShards([shardOf(index, field)]);
  if (index.field !== field) throw new Error(`the index has no field '${field}'`);
  return index;
};

/** Every document of an index, as [its short id, its external id]. */
export function documentIdsOf(index: IndexSource): IterableIterator<[number, string]> {
  return 'shards' in index ? index.documentIds() : internalsOf(index)._documentIds.entries();
}

/**
 * Copies one field of a MiniSearch index into typed arrays: every posting's document and BM25 factor, grouped by
 * term. The index must not change afterwards (ours never does: a reindex builds anew).
 *
 * `keys` makes the view answer for other documents than the index's own: `keys[doc]` is the index document that
 * stands for document `doc` (its article's headline for a paragraph), -1 for none. `factor` and `size` are then
 * per such document; lists and counts for IDF stay the index's own, so a headline word's list is read once per
 * article, not once per paragraph (see retrieve.ts).
 */
export function freezePostings(index: IndexSource, field = 'text', keys?: Int32Array): Postings {
  const joined = joinedOf(index, field);
  const own = joined.documentCount;
  const { termIds, starts, docs, codes, factors, maxFactors } = copyPostings(joined);
  const keyed = keys ? documentsByKey(keys, own) : undefined;
  const find = (list: PostingList, doc: number): number | undefined => {
    const at = lowerBound(list.docs, doc);
    return list.docs[at] === doc ? list.factors[list.codes[at]!] : undefined;
  };
  return {
    get: (word) => {
      const id = termIds.id(word);
      if (id < 0) return undefined;
      const [start, end] = [starts[id]!, starts[id + 1]!];
      return { docs: docs.subarray(start, end), codes: codes.subarray(start, end), factors, maxFactor: maxFactors[id]! };
    },
    has: (word) => termIds.id(word) >= 0,
    factor: keys ? (list, doc) => find(list, keys[doc] ?? -1) : find,
    size: keys ? keys.length : own,
    documentCount: own,
    keys: keyed,
  };
}

/**
 * The postings as one set of arrays, grouped by term, with each posting's BM25 factor as a code (see
 * `PostingList.codes`) and each term's largest: the shards merged into one (as a snapshot holds them already, so
 * that nothing is copied then), its documents kept as they are. Apart from `freezePostings` so that its closures,
 * which live as long as the corpus, cannot hold on to the shards.
 */
function copyPostings(joined: JoinedIndex) {
  const { documentCount: own, averageLength } = joined;
  const { terms, starts, docs, tfs, lengths } = mergeShards(joined);
  let capacity = 0;
  for (const length of lengths) capacity += length;
  if (docs.length > capacity) throw new Error('the index holds postings its field lengths do not count');
  const table = new FactorTable(averageLength);
  const codes = new Uint16Array(docs.length);
  const maxFactors = new Float64Array(terms.length);
  for (let t = 0; t < terms.length; t++) {
    const start = starts[t]!;
    const end = starts[t + 1]!;
    let most = 0;
    for (let at = start; at < end; at++) {
      const doc = docs[at]!;
      if (doc < 0 || doc >= own) throw new Error('the index holds postings of documents it does not have');
      // MiniSearch numbers documents as they are added and appends to a term's list, in the pinned version; and
      // shards follow one another. Checked, like the shape of its internals, rather than trusted by the binary
      // searches that rely on it.
      if (at > start && doc <= docs[at - 1]!) throw new Error('this minisearch version lists postings out of document order; update src/search/shards.ts');
      const code = table.code(tfs[at]!, lengths[doc]!);
      codes[at] = code;
      // As stored, so that the bound is the largest factor the list holds, as the top-k search needs.
      if (table.factors[code]! > most) most = table.factors[code]!;
    }
    maxFactors[t] = most;
  }
  const termIds = termDictionary(terms, (t) => starts[t + 1]! > starts[t]!);
  return { termIds, starts, docs, codes, factors: Float32Array.from(table.factors), maxFactors };
}

/** As many factors as a code of two bytes tells apart. */
export const MAX_CODES = 2 ** 16;
/** Term frequencies looked up in an array per document length; rarer, larger ones in a map. */
const SMALL_TF = 16;

/**
 * A field's distinct BM25 factors, each given a code as first met, by (term frequency, document length). Past
 * MAX_CODES distinct pairs (about 1,200 at 10,000 articles; more takes paragraphs of thousands of lengths holding
 * words dozens of times), a pair takes the code of the nearest factor already there: its documents then score a
 * little off, and the bounds of the top-k search, taken from the codes, still hold.
 */
export class FactorTable {
  readonly factors: number[] = [];
  /** By document length: each small term frequency's code plus one (0: none yet). */
  readonly #rows: (Int32Array | undefined)[] = [];
  readonly #large = new Map<string, number>();
  #nearest: { factors: Float64Array; codes: Int32Array } | undefined;

  constructor(private readonly averageLength: number) {}

  code(tf: number, length: number): number {
    if (tf < SMALL_TF) {
      const row = (this.#rows[length] ??= new Int32Array(SMALL_TF));
      return row[tf]! > 0 ? row[tf]! - 1 : (row[tf] = this.#add(tf, length) + 1) - 1;
    }
    const key = `${tf} ${length}`;
    const known = this.#large.get(key);
    if (known !== undefined) return known;
    const code = this.#add(tf, length);
    this.#large.set(key, code);
    return code;
  }

  #add(tf: number, length: number): number {
    const factor = bm25Factor(tf, lengthNorm(length, this.averageLength));
    if (this.factors.length < MAX_CODES) return this.factors.push(factor) - 1;
    return this.#closest(factor);
  }

  /** The code of the factor nearest to `factor`, once the table is full. */
  #closest(factor: number): number {
    if (!this.#nearest) {
      const codes = Int32Array.from(this.factors.keys()).sort((a, b) => this.factors[a]! - this.factors[b]!);
      this.#nearest = { factors: Float64Array.from(codes, (c) => this.factors[c]!), codes };
    }
    const { factors, codes } = this.#nearest;
    let lo = 0;
    let hi = factors.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (factors[mid]! < factor) lo = mid + 1;
      else hi = mid;
    }
    const below = Math.max(0, lo - 1);
    return codes[factor - factors[below]! < factors[lo]! - factor ? below : lo]!;
  }
}

function documentsByKey(keys: Int32Array, own: number): DocumentKeys {
  const start = new Int32Array(own + 1);
  for (const key of keys) if (key >= 0 && key < own) start[key + 1]!++;
  for (let key = 0; key < own; key++) start[key + 1]! += start[key]!;
  const docs = new Int32Array(start[own]!);
  const next = start.slice(0, own);
  keys.forEach((key, doc) => {
    if (key >= 0 && key < own) docs[next[key]!++] = doc;
  });
  return { of: keys, start, docs, count: own };
}

/** The first position in an ascending list holding a value of at least `value`. */
export function lowerBound(list: Int32Array, value: number): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (list[mid]! < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** MiniSearch's BM25+ defaults, so our scores read like its scores. */
const BM25 = { k: 1.2, b: 0.7, d: 0.5 };

export const inverseDocumentFrequency = (matching: number, total: number): number =>
  Math.log(1 + (total - matching + 0.5) / (matching + 0.5));

/**
 * BM25+ over its IDF, for a term frequency and its document's `lengthNorm`: as MiniSearch scores, operation for
 * operation, then rounded to single precision (a relative error under 6e-8, far below any difference in score that
 * ranking or the reply's 3 decimals show).
 */
const bm25Factor = (tf: number, norm: number): number => Math.fround(BM25.d + (tf * (BM25.k + 1)) / (tf + norm));

const lengthNorm = (length: number, averageLength: number): number => BM25.k * (1 - BM25.b + (BM25.b * length) / (averageLength || 1));
