import type MiniSearch from 'minisearch';

/**
 * Read-only access to MiniSearch's inverted index, so a query can score only the documents that can still reach
 * the top few (see retrieve.ts) instead of every match, which `MiniSearch#search` always does (about 3.5 µs a
 * match: 100 ms for a common word in 200,000 paragraphs). MiniSearch keeps these fields private, so the shape is
 * checked once when the view is made, and `minisearch` is pinned to the version this was written against.
 */
export interface Postings {
  /** Document (MiniSearch short id) → term frequency, in ascending id order; undefined when the term is unknown. */
  get(term: string): Map<number, number> | undefined;
  documentCount: number;
  averageLength: number;
  /** Token count of a document's text. */
  length(doc: number): number;
  /** The external id (`article#n`) of a document. */
  externalId(doc: number): string | undefined;
  /** Every live document, as [short id, external id]. */
  documents(): IterableIterator<[number, string]>;
}

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
 * A view of one indexed field (ours index only `text`). Document lengths are copied into a typed array, read for
 * every scored posting: the index must not change after the view is made (ours never does; a reindex builds anew).
 */
export function postingsOf(index: object, field = 'text'): Postings {
  const internals = internalsOf(index);
  const fieldId = internals._fieldIds[field];
  if (fieldId === undefined) throw new Error(`the index has no field '${field}'`);
  let size = 0;
  for (const doc of internals._fieldLength.keys()) size = Math.max(size, doc + 1);
  const lengths = new Float64Array(size);
  for (const [doc, perField] of internals._fieldLength) lengths[doc] = perField[fieldId] ?? 0;
  return {
    get: (term) => internals._index.get(term)?.get(fieldId),
    get documentCount() {
      return internals._documentCount;
    },
    get averageLength() {
      return internals._avgFieldLength[fieldId] ?? 0;
    },
    length: (doc) => lengths[doc] ?? 0,
    externalId: (doc) => internals._documentIds.get(doc),
    documents: () => internals._documentIds.entries(),
  };
}

/** MiniSearch's BM25+ defaults, so our scores read like its scores. */
const BM25 = { k: 1.2, b: 0.7, d: 0.5 };

export const inverseDocumentFrequency = (matching: number, total: number): number =>
  Math.log(1 + (total - matching + 0.5) / (matching + 0.5));

export function bm25(tf: number, idf: number, length: number, averageLength: number): number {
  const { k, b, d } = BM25;
  return idf * (d + (tf * (k + 1)) / (tf + k * (1 - b + (b * length) / (averageLength || 1))));
}
