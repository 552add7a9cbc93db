/**
 * MiniSearch's index as arrays, in parts: MiniSearch indexes consecutive runs of the documents (on two threads, see
 * src/library/indexWorker.ts), each run's postings are copied into arrays that a thread can hand over and a
 * snapshot can hold without copying them again, and the parts are joined into one index as freezing reads it.
 * Joined, the parts give the same documents, postings and average length as one MiniSearch index of all the
 * documents in the same order (test/parallelBuild.test.ts).
 */
import type MiniSearch from 'minisearch';

/** A term's postings in one field, as MiniSearch keeps them: each (term frequency, document), documents ascending. */
interface ListSource {
  forEach(visit: (tf: number, doc: number) => void): void;
}

/** The private fields of a MiniSearch instance that copying reads. */
interface Internals {
  _index: { forEach(fn: (term: string, data: { get(fieldId: number): ListSource | undefined }) => void): void };
  _documentIds: Map<number, string>;
  _fieldLength: Map<number, number[]>;
  _fieldIds: Record<string, number>;
}

/** Reads the private fields of MiniSearch's index; throws if they are not as expected. */
export function internalsOf(index: MiniSearch): Internals {
  const candidate = index as unknown as Partial<Internals>;
  const ok =
    typeof candidate._index?.forEach === 'function' &&
    candidate._documentIds instanceof Map &&
    candidate._fieldLength instanceof Map &&
    typeof candidate._fieldIds === 'object';
  if (!ok) throw new Error('this minisearch version stores its index differently; update src/search/shards.ts');
  return candidate as Internals;
}

/** MiniSearch's index of one run of documents, numbered from 0, in arrays. */
export interface IndexShard {
  /** The indexed field's name → id, as MiniSearch numbered it. */
  fieldIds: Record<string, number>;
  /** Each document's external id, by its number. */
  ids: string[];
  /** How many distinct terms each document's field holds (MiniSearch's field length). */
  lengths: Int32Array;
  terms: string[];
  /** A term's postings are `docs`/`tfs` from `starts[term]` to `starts[term + 1]`, documents ascending. */
  starts: Int32Array;
  docs: Int32Array;
  tfs: Int32Array;
}

/** A shard's int32 arrays, in the order the snapshot lays them out. */
export const shardArrays = (shard: IndexShard): Int32Array[] => [shard.lengths, shard.starts, shard.docs, shard.tfs];

/** The buffers `postMessage` can move to another thread instead of copying (each array owns its buffer). */
export const shardBuffers = (shard: IndexShard): ArrayBuffer[] => shardArrays(shard).map((array) => array.buffer as ArrayBuffer);

/** Copies a fresh MiniSearch index of one field (documents added, none removed) into an `IndexShard`. */
export function shardOf(index: MiniSearch, field = 'text'): IndexShard {
  const internals = internalsOf(index);
  const fieldId = internals._fieldIds[field];
  if (fieldId === undefined) throw new Error(`the index has no field '${field}'`);
  if (Object.keys(internals._fieldIds).length !== 1) throw new Error(`a shard holds one field, '${field}' alone`);
  const ids: string[] = [];
  for (const [doc, id] of internals._documentIds) {
    if (doc !== ids.length) throw new Error('a shard is a fresh index: its documents are numbered 0, 1, 2…');
    ids.push(id);
  }
  const lengths = new Int32Array(ids.length);
  let capacity = 0;
  for (const [doc, perField] of internals._fieldLength) capacity += lengths[doc] = perField[fieldId] ?? 0;
  const terms: string[] = [];
  const starts: number[] = [];
  const docs = new Int32Array(capacity);
  const tfs = new Int32Array(capacity);
  let at = 0;
  internals._index.forEach((term, data) => {
    const list = data.get(fieldId);
    if (!list) return;
    terms.push(term);
    starts.push(at);
    list.forEach((tf, doc) => {
      if (at === capacity) throw new Error('the index holds postings its field lengths do not count');
      docs[at] = doc;
      tfs[at++] = tf;
    });
  });
  starts.push(at);
  // Fewer only if a document had an empty token, which our tokenizer never makes: no copy otherwise.
  const [allDocs, allTfs] = at === capacity ? [docs, tfs] : [docs.slice(0, at), tfs.slice(0, at)];
  return { fieldIds: { [field]: fieldId }, ids, lengths, terms, starts: Int32Array.from(starts), docs: allDocs, tfs: allTfs };
}

/** Shards joined into one index, as freezing (postings.ts) and the snapshot read it, through `mergeShards`. */
export interface JoinedIndex {
  readonly shards: readonly IndexShard[];
  /** The indexed field. */
  readonly field: string;
  /** Where each shard's documents start in the joined numbering. */
  readonly offsets: readonly number[];
  readonly documentCount: number;
  /** MiniSearch's average field length over every document, worked out step for step as it does. */
  readonly averageLength: number;
  /** Each term once, with where its postings are in every shard that holds it: (shard, term number) pairs, flat. */
  forEachTerm(visit: (term: string, parts: readonly number[]) => void): void;
  /** Every document, as [its number, its external id]. */
  documentIds(): IterableIterator<[number, string]>;
}

/** The shards' documents one after another, as a single index. */
export function joinShards(shards: IndexShard[]): JoinedIndex {
  const field = Object.keys(shards[0]?.fieldIds ?? { text: 0 })[0]!;
  const fieldId = shards[0]?.fieldIds[field];
  if (shards.some((s) => s.fieldIds[field] !== fieldId)) throw new Error('the shards index different fields');
  const offsets: number[] = [];
  let count = 0;
  for (const shard of shards) {
    offsets.push(count);
    count += shard.ids.length;
  }
  // MiniSearch's running average, step for step, so the BM25 factors match those of one index to the last bit.
  let average = 0;
  let doc = 0;
  for (const shard of shards) for (const length of shard.lengths) average = (average * doc + length) / ++doc;

  return {
    shards,
    field,
    offsets,
    documentCount: count,
    averageLength: average,
    forEachTerm(visit) {
      // Where each later shard holds a term: the first shard's terms need no lookup, being visited in order.
      const positions = shards.map((s, k) => (k === 0 ? null : new Map(s.terms.map((term, i) => [term, i]))));
      const done = shards.map((s) => new Uint8Array(s.terms.length));
      for (let k = 0; k < shards.length; k++) {
        const { terms } = shards[k]!;
        for (let i = 0; i < terms.length; i++) {
          if (done[k]![i]) continue;
          const term = terms[i]!;
          const parts = [k, i];
          for (let j = k + 1; j < shards.length; j++) {
            const at = positions[j]!.get(term);
            if (at === undefined) continue;
            done[j]![at] = 1;
            parts.push(j, at);
          }
          visit(term, parts);
        }
      }
    },
    *documentIds() {
      for (let k = 0; k < shards.length; k++) {
        const { ids } = shards[k]!;
        for (let i = 0; i < ids.length; i++) yield [offsets[k]! + i, ids[i]!];
      }
    },
  };
}

/**
 * The joined index as a single shard: each term once, its postings from every shard one after another, documents
 * renumbered as joined. Joined again, it is the same index (test/parallelBuild.test.ts). Freezing reads this, and
 * a snapshot holds it rather than a build's shards (one per 20,000 paragraphs of each thread): read back as eleven
 * shards at 10,005 articles, a cold start parsed 645,000 terms instead of 321,000, and the arrays freed after
 * freezing, smaller than glibc hands back at once, stayed resident (RSS 535 MB against 472).
 */
export function mergeShards(index: JoinedIndex): IndexShard {
  const { shards, offsets } = index;
  if (shards.length === 1) return shards[0]!;
  const lengths = new Int32Array(index.documentCount);
  let capacity = 0;
  shards.forEach((shard, k) => {
    lengths.set(shard.lengths, offsets[k]);
    capacity += shard.docs.length;
  });
  const terms: string[] = [];
  const starts: number[] = [];
  const docs = new Int32Array(capacity);
  const tfs = new Int32Array(capacity);
  let at = 0;
  index.forEachTerm((term, parts) => {
    terms.push(term);
    starts.push(at);
    for (let p = 0; p < parts.length; p += 2) {
      const shard = shards[parts[p]!]!;
      const offset = offsets[parts[p]!]!;
      const i = parts[p + 1]!;
      for (let from = shard.starts[i]!, end = shard.starts[i + 1]!; from < end; from++) {
        docs[at] = shard.docs[from]! + offset;
        tfs[at++] = shard.tfs[from]!;
      }
    }
  });
  starts.push(at);
  return { fieldIds: shards[0]!.fieldIds, ids: shards.flatMap((s) => s.ids), lengths, terms, starts: Int32Array.from(starts), docs, tfs };
}

/**
 * Why a shard read from outside (a snapshot) cannot be one MiniSearch built, or null. Freezing checks the rest:
 * documents ascending in each list, and no more postings than the field lengths count.
 */
export function shardProblem(shard: IndexShard): string | null {
  const { ids, lengths, terms, starts, docs, tfs } = shard;
  if (lengths.length !== ids.length || starts.length !== terms.length + 1 || tfs.length !== docs.length) return 'its arrays do not match its counts';
  if (new Set(terms).size !== terms.length) return 'a term is listed twice';
  if (starts[0] !== 0 || starts[terms.length] !== docs.length) return 'its term lists do not cover its postings';
  for (let t = 0; t < terms.length; t++) if (starts[t + 1]! <= starts[t]!) return `the list of '${terms[t]}' is empty or out of order`;
  for (let at = 0; at < docs.length; at++) {
    if (docs[at]! < 0 || docs[at]! >= ids.length || tfs[at]! < 1) return `a posting (${docs[at]}: ${tfs[at]}) is not a document and a term frequency`;
  }
  for (const length of lengths) if (length < 0) return 'a field length is negative';
  return null;
}
