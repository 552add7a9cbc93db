import type MiniSearch from 'minisearch';

/**
 * Read-only access to MiniSearch's inverted index, so a query can score only the documents that can still reach
 * the top few (see retrieve.ts) instead of every match, which `MiniSearch#search` always does (about 3.5 µs a
 * match: 100 ms for a common word in 200,000 paragraphs). MiniSearch keeps these fields private, so the shape is
 * checked once when the view is made, and `minisearch` is pinned to the version this was written against.
 */
export interface Postings {
  /** The term's list as MiniSearch keeps it (its own document ids → term frequency); undefined when unknown. */
  get(term: string): Map<number, number> | undefined;
  /** The frequency in one of this field's lists of a document (a paragraph), or undefined. */
  tf(list: Map<number, number>, doc: number): number | undefined;
  documentCount: number;
  /** One more than the largest document id: the length of an array indexed by document. */
  size: number;
  averageLength: number;
  /** Token count of a document's field. */
  length(doc: number): number;
  /** The external id (`article#n`) of one of the index's own documents. */
  externalId(doc: number): string | undefined;
  /** Every live document of the index, as [short id, external id]. */
  documents(): IterableIterator<[number, string]>;
  /**
   * One of this field's lists as typed arrays of the index's own documents, for reading it whole (made on first
   * use, recently used ones kept). For a keyed view those are keys (headlines), not paragraphs: see `keys`.
   */
  scan(list: Map<number, number>): PostingScan;
  /** For a keyed view (see `postingsOf`): which key stands for each document, and each key's documents. */
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

/**
 * A postings list laid out for scanning: its documents and each one's BM25 factor (the score divided by the IDF,
 * fixed for an index that does not change). Iterating a `Map` of 60,000 entries and recomputing BM25 for each
 * costs about 1 µs a posting; this costs a few nanoseconds.
 */
export interface PostingScan {
  /** Ascending, so the documents of a range (an article's paragraphs) can be found by binary search. */
  docs: Int32Array;
  factors: Float64Array;
  /** The largest factor: the most this term can add to any document, over its IDF and weight. */
  maxFactor: number;
}

/** Postings kept as scans per field, for the most recent terms: 12 bytes each, so about 50 MB a field. */
const SCAN_BUDGET = 4_000_000;

interface Internals {
  _index: { get(term: string): Map<number, Map<number, number>> | undefined };
  _documentIds: Map<number, string>;
  _fieldLength: Map<number, number[]>;
  _avgFieldLength: number[];
  _documentCount: number;
  _fieldIds: Record<string, number>;
}

function internalsOf(index: MiniSearch<never> | object): Internals {
  const candidate = index as Partial<Internals>;
  const ok =
    typeof candidate._index?.get === 'function' &&
    candidate._documentIds instanceof Map &&
    candidate._fieldLength instanceof Map &&
    Array.isArray(candidate._avgFieldLength) &&
    typeof candidate._documentCount === 'number' &&
    typeof candidate._fieldIds === 'object';
  if (!ok) throw new Error('this minisearch version stores its index differently; update src/search/postings.ts');
  return candidate as Internals;
}

/**
 * A view of one indexed field (`text`, or `title` of the headline index). Document lengths are copied into a
 * typed array, read for every scored posting: the index must not change after the view is made (ours never does;
 * a reindex builds anew). `scanBudget`: how many postings the view keeps laid out as scans.
 *
 * `keys` makes the view answer for other documents than the index's own: `keys[doc]` is the index document that
 * stands for document `doc` (its article's headline for a paragraph), -1 for none. `tf`, `length` and `size` are
 * then per such document; scans and counts for IDF stay the index's own, so a headline word's list is read once
 * per article, not once per paragraph (see retrieve.ts).
 */
export function postingsOf(index: object, field = 'text', scanBudget = SCAN_BUDGET, keys?: Int32Array): Postings {
  const internals = internalsOf(index);
  const fieldId = internals._fieldIds[field];
  if (fieldId === undefined) throw new Error(`the index has no field '${field}'`);
  let own = 0;
  for (const doc of internals._fieldLength.keys()) own = Math.max(own, doc + 1);
  const lengths = new Float64Array(own);
  for (const [doc, perField] of internals._fieldLength) lengths[doc] = perField[fieldId] ?? 0;
  const keyed = keys ? documentsByKey(keys, own) : undefined;
  const averageLength = () => internals._avgFieldLength[fieldId] ?? 0;
  // Least recently used first (a Map keeps insertion order; a hit is moved to the end).
  const scans = new Map<Map<number, number>, PostingScan>();
  let held = 0;
  const scan = (list: Map<number, number>): PostingScan => {
    let found = scans.get(list);
    if (found) {
      scans.delete(list);
      scans.set(list, found);
      return found;
    }
    found = scanOf(list, lengths, averageLength());
    scans.set(list, found);
    held += found.docs.length;
    for (const [old, { docs }] of scans) {
      if (held <= scanBudget || old === list) break;
      scans.delete(old);
      held -= docs.length;
    }
    return found;
  };
  return {
    get: (term) => internals._index.get(term)?.get(fieldId),
    tf: keys ? (list, doc) => list.get(keys[doc] ?? -1) : (list, doc) => list.get(doc),
    size: keys ? keys.length : own,
    get documentCount() {
      return internals._documentCount;
    },
    get averageLength() {
      return averageLength();
    },
    length: keys ? (doc) => lengths[keys[doc] ?? -1] ?? 0 : (doc) => lengths[doc] ?? 0,
    externalId: (doc) => internals._documentIds.get(doc),
    documents: () => internals._documentIds.entries(),
    scan,
    keys: keyed,
  };
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

function scanOf(list: Map<number, number>, lengths: Float64Array, averageLength: number): PostingScan {
  const docs = new Int32Array(list.size);
  const factors = new Float64Array(list.size);
  let maxFactor = 0;
  let i = 0;
  let ascending = true;
  list.forEach((tf, doc) => {
    const factor = bm25(tf, 1, lengths[doc] ?? 0, averageLength);
    if (factor > maxFactor) maxFactor = factor;
    if (i > 0 && doc < docs[i - 1]!) ascending = false;
    docs[i] = doc;
    factors[i++] = factor;
  });
  // MiniSearch numbers documents as they are added and appends to a term's list, and a loaded index lists them by
  // number: ascending, always, in the pinned version. Checked, like the shape of its internals, rather than
  // trusted by the binary searches that rely on it.
  if (!ascending) throw new Error('this minisearch version lists postings out of document order; update src/search/postings.ts');
  return { docs, factors, maxFactor };
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

export function bm25(tf: number, idf: number, length: number, averageLength: number): number {
  const { k, b, d } = BM25;
  return idf * (d + (tf * (k + 1)) / (tf + k * (1 - b + (b * length) / (averageLength || 1))));
}
