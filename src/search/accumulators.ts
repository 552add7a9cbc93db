/**
 * Per-query, per-document state for top-k retrieval (retrieve.ts), kept in typed arrays indexed by document and
 * reused across queries.
 */

/** A document's standing in one query. */
export const UNSEEN = 0;
/** Holds lookup tokens only, so far. */
export const PENDING = 1;
/** A candidate: holds a finding token. */
export const FOUND = 2;
/** Found outright for its lookup tokens (see `retrieve`), a candidate only once a finding token is met. */
export const HELD = 3;

/** Document ids in a typed array with room for every document: `Array#push` of 50,000 ids cost more than scoring. */
class DocList {
  readonly items: Int32Array;
  length = 0;
  constructor(capacity: number) {
    this.items = new Int32Array(capacity);
  }
  push(doc: number): void {
    this.items[this.length++] = doc;
  }
}

/**
 * Per-document running sums for one query, in arrays indexed by document: a `Map` entry per matched document
 * cost more than the scoring itself. The arrays are reused across queries (retrieval is synchronous) and only the
 * entries a query touched are cleared after it.
 */
export interface Accumulators {
  bm25: Float64Array;
  mask: Int32Array;
  state: Uint8Array;
  /** Every document whose entries are set, each once. */
  touched: DocList;
  /** The documents admitted as candidates, each once. */
  found: DocList;
  /** Links between documents of a pending group (see retrieve.ts); read only from a group's head. */
  next: Int32Array;
  /** Phase 2 of retrieve.ts: the documents worth completing, and each one's bound (indexed by document). */
  pool: DocList;
  bounds: Float64Array;
  /** The same sums per key (a headline, standing for its article's paragraphs: see `DocumentKeys`). */
  keys: KeySums;
  release(): void;
}

export interface KeySums {
  bm25: Float64Array;
  /** 0 for a key no term of the query holds: the keys with a mask are the touched ones. */
  mask: Int32Array;
  /** How many of a touched key's documents are no longer UNSEEN. */
  met: Int32Array;
  touched: DocList;
  /** Links between keys of a group, as `next` for documents. */
  next: Int32Array;
}

let shared: Accumulators | undefined;
let sharedInUse = false;

/**
 * Accumulators for `size` documents and `keyCount` keys: the shared ones unless in use; `release()` them when
 * the query is done.
 */
export function accumulators(size: number, keyCount: number): Accumulators {
  if (sharedInUse) return makeAccumulators(size, keyCount);
  if (!shared || shared.bm25.length < size || shared.keys.bm25.length < keyCount) shared = makeAccumulators(size, keyCount);
  sharedInUse = true;
  return shared;
}

function makeAccumulators(size: number, keyCount: number): Accumulators {
  const keys: KeySums = {
    bm25: new Float64Array(keyCount),
    mask: new Int32Array(keyCount),
    met: new Int32Array(keyCount),
    touched: new DocList(keyCount),
    next: new Int32Array(keyCount),
  };
  const acc: Accumulators = {
    bm25: new Float64Array(size),
    mask: new Int32Array(size),
    state: new Uint8Array(size),
    touched: new DocList(size),
    found: new DocList(size),
    next: new Int32Array(size),
    pool: new DocList(size),
    bounds: new Float64Array(size),
    keys,
    release() {
      const { bm25, mask, state, touched } = acc;
      if (touched.length > size / 8) {
        bm25.fill(0);
        mask.fill(0);
        state.fill(UNSEEN);
      } else {
        for (let n = 0; n < touched.length; n++) {
          const doc = touched.items[n]!;
          bm25[doc] = 0;
          mask[doc] = 0;
          state[doc] = UNSEEN;
        }
      }
      for (let n = 0; n < keys.touched.length; n++) {
        const key = keys.touched.items[n]!;
        keys.bm25[key] = 0;
        keys.mask[key] = 0;
        keys.met[key] = 0;
      }
      touched.length = 0;
      keys.touched.length = 0;
      acc.found.length = 0;
      acc.pool.length = 0;
      if (acc === shared) sharedInUse = false;
    },
  };
  return acc;
}
