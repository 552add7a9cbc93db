import type { Field } from './corpus.ts';
import { inverseDocumentFrequency, lowerBound, type DocumentKeys, type PostingList } from './postings.ts';
import { accumulators, FOUND, HELD, PENDING, UNSEEN, type Accumulators } from './accumulators.ts';
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
  /** Its postings in the field, looked up once per question. */
  list: PostingList;
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
  const indexedWhole = plan.terms.reduce((bits, t) => (t.pieceOf === 0 && text?.postings.has(t.token) ? bits | t.bit : bits), 0);
  const terms: ScoredTerm[] = [];
  for (const field of fields) {
    for (const term of plan.terms) {
      const list = field.postings.get(term.token);
      if (!list) continue;
      const idf = inverseDocumentFrequency(list.docs.length, field.postings.documentCount);
      const weight = term.weight * field.weight;
      // A keyed field's lists hold keys, not documents (see freezePostings): it can only be looked up.
      const lookupOnly = field.name === 'title' || field.postings.keys !== undefined || (term.pieceOf & indexedWhole) !== 0;
      terms.push({ bit: term.bit, weight, idf, list, field, bound: weight * idf * list.maxFactor, lookupOnly });
    }
  }
  // Terms that find documents first, rarest first; then the lookup-only ones.
  return terms.sort((a, b) => Number(a.lookupOnly) - Number(b.lookupOnly) || b.bound - a.bound);
}

export interface Match {
  bm25: number;
  mask: number;
}

/**
 * A document's BM25 over the given terms (but those in `except`) and which of them it holds, written `into` a
 * given object: retrieval matches thousands of documents a question and reuses one (read it before the next call).
 */
export function matchDocument(terms: ScoredTerm[], doc: number, except = 0, into: Match = { bm25: 0, mask: 0 }): Match {
  let score = 0;
  let mask = 0;
  for (const term of terms) {
    if ((term.bit & except) !== 0) continue;
    const factor = term.field.postings.factor(term.list, doc);
    if (factor === undefined) continue;
    // Multiplied as lists read whole are (see retrieve), so a document's score is the same whichever way it is found.
    score += term.weight * term.idf * factor;
    mask |= term.bit;
  }
  into.bm25 = score;
  into.mask = mask;
  return into;
}

/** The one `Match` retrieval writes into (retrieval is synchronous). */
const scratch: Match = { bm25: 0, mask: 0 };

/** Which of the given terms a document holds, as their bits. */
export function matchMask(terms: ScoredTerm[], doc: number): number {
  let mask = 0;
  for (const term of terms) if (term.field.postings.factor(term.list, doc) !== undefined) mask |= term.bit;
  return mask;
}

/**
 * `matchMask` for each of the documents `first .. first + count - 1` (an article's paragraphs), read from the
 * terms' lists: one binary search per term for the range instead of one per term and document, since a
 * question's terms are asked about every paragraph of each candidate's article. Only for terms whose lists hold
 * documents (not keys). Returns a reused array: read it before the next call.
 */
export function rangeMasks(terms: ScoredTerm[], first: number, count: number): Int32Array {
  if (masksBuffer.length < count) masksBuffer = new Int32Array(Math.max(count, 2 * masksBuffer.length));
  const masks = masksBuffer;
  masks.fill(0, 0, count);
  const end = first + count;
  for (const term of terms) {
    const { docs } = term.list;
    for (let at = lowerBound(docs, first); at < docs.length && docs[at]! < end; at++) masks[docs[at]! - first]! |= term.bit;
  }
  return masks;
}

let masksBuffer = new Int32Array(64);

/**
 * The `limit` best documents for a query, scored as Σ weight × BM25 × coordination(coverage), over the text and
 * headline fields, among documents that hold at least one finding term (see `lookupOnly`), without scoring every
 * match.
 *
 * Lookup terms are read first: headline words into per-headline sums (a paragraph takes its headline's when
 * first met), pieces of known words into per-document sums; both grouped by which tokens they hold. Phase 1 then
 * reads the finding terms rarest first. Before each, the best score a document not yet found could reach is
 * bounded: the remaining terms' BM25 bounds plus the most a pending group holds, times the coverage of the words
 * they could give it. Once the `limit`-th best exact score of the leaders is above that, no unseen document can
 * displace them. Phase 2 then completes the documents in hand one at a time, most promising first, and stops
 * when the next could not reach the top even with every remaining term.
 * This is the "continue" strategy of Moffat and Zobel (1996) with a coverage-aware bound; the result is the exact
 * top `limit`, which a property test checks against scoring every document.
 */
export function retrieve(plan: QueryPlan, terms: ScoredTerm[], options: RetrieveOptions): Candidate[] {
  const { limit, accept } = options;
  const finders = terms.filter((t) => !t.lookupOnly);
  const lookups = terms.filter((t) => t.lookupOnly);
  // Headline words are read per headline, not per paragraph: a common one is in thousands of articles' headlines,
  // each standing for some 20 paragraphs. A document takes its headline's sums when first met.
  const headlineTerms = lookups.filter((t) => t.field.postings.keys !== undefined);
  // A piece whose list is longer than all the finders' together (`다지` of `화다지인`: 85,000 paragraphs, against
  // 2,400) would cost more to read than the question's own words: it is looked up only for the documents
  // completed, and bounded until then. Bounded, it loosens every bound, so shorter ones are read first as before.
  const finderPostings = finders.reduce((sum, t) => sum + t.list.docs.length, 0);
  const isPiece = (t: ScoredTerm) => t.field.postings.keys === undefined;
  const pieceTerms = lookups.filter((t) => isPiece(t) && t.list.docs.length <= finderPostings);
  const lookedUpLast = lookups.filter((t) => isPiece(t) && t.list.docs.length > finderPostings);
  // From finder i on: the most BM25 still to add, and the token bits still to be found (the pieces looked up last
  // are still to be found at every step).
  const remaining: number[] = new Array(finders.length + 1).fill(lookedUpLast.reduce((sum, t) => sum + t.bound, 0));
  const reachable: number[] = new Array(finders.length + 1).fill(lookedUpLast.reduce((bits, t) => bits | t.bit, 0));
  for (let i = finders.length - 1; i >= 0; i--) {
    remaining[i] = remaining[i + 1]! + finders[i]!.bound;
    reachable[i] = reachable[i + 1]! | finders[i]!.bit;
  }
  /** The terms not read yet from finder i on. */
  const unread = (i: number): ScoredTerm[] => [...finders.slice(i), ...lookedUpLast];
  const factors = coverageFactors.reset(plan);
  const best = (bm25Sum: number, mask: number): number => bm25Sum * factors.of(mask);

  const keys = headlineTerms[0]?.field.postings.keys;
  if (headlineTerms.some((t) => t.field.postings.keys !== keys)) throw new Error('headline terms must share one key mapping');
  const keyOf = keys?.of;

  const acc = accumulators(terms.reduce((most, t) => Math.max(most, t.field.postings.size), 0), keys?.count ?? 0);
  const { bm25, mask, state, touched, found } = acc;
  const keySums = acc.keys;
  /** Starts tracking a document not met before, with what its headline holds. */
  const enter = (doc: number, as: number): void => {
    state[doc] = as;
    touched.push(doc);
    const key = keyOf ? keyOf[doc]! : -1;
    if (key >= 0 && keySums.mask[key] !== 0) {
      bm25[doc] = keySums.bm25[key]!;
      mask[doc] = keySums.mask[key]!;
      keySums.met[key]!++;
    }
  };
  try {
    // What the lookups give each document (or headline) that holds them, counted when (if) a finder finds it.
    for (const term of headlineTerms) {
      const { docs, codes, factors: termFactors } = term.list;
      const weight = term.weight * term.idf;
      for (let j = 0; j < docs.length; j++) {
        const key = docs[j]!;
        if (keySums.mask[key] === 0) keySums.touched.push(key);
        keySums.bm25[key]! += weight * termFactors[codes[j]!]!;
        keySums.mask[key]! |= term.bit;
      }
    }
    for (const term of pieceTerms) {
      const { docs, codes, factors: termFactors } = term.list;
      const weight = term.weight * term.idf;
      for (let j = 0; j < docs.length; j++) {
        const doc = docs[j]!;
        if (state[doc] === UNSEEN) enter(doc, PENDING);
        bm25[doc]! += weight * termFactors[codes[j]!]!;
        mask[doc]! |= term.bit;
      }
    }
    const pending = pendingGroups(acc, accept);
    const headlines = keys ? headlineGroups(acc, keys, accept) : new Map<number, PendingGroup>();
    /** Finds a document outright: what the finders read so far give it (a lookup each). */
    const findOutright = (doc: number, read: ScoredTerm[]): void => {
      const match = matchDocument(read, doc, 0, scratch);
      bm25[doc]! += match.bm25;
      mask[doc]! |= match.mask;
      // Holding only lookup tokens so far, it is a candidate only if a finder read later holds it.
      state[doc] = match.mask !== 0 ? FOUND : HELD;
      found.push(doc);
    };
    // The best a document not found yet could reach from finder i on, with what it holds from lookups. A group
    // is re-scanned only while its bound matters, dropping the documents found since; a small group that could
    // still make the top is found outright (a lookup per term already read), so a handful of paragraphs rich in
    // headline words does not keep every common word's list open.
    const unseenBound = (i: number, threshold: number): number => {
      let bound = best(remaining[i]!, reachable[i]!);
      for (const group of pending.values()) {
        const { held } = group;
        if (best(group.most + remaining[i]!, held | reachable[i]!) <= Math.max(bound, threshold)) continue;
        const left = refreshGroup(acc, group);
        const reach = best(group.most + remaining[i]!, held | reachable[i]!);
        if (left > 0 && left <= FIND_OUTRIGHT && reach >= threshold) {
          const read = finders.slice(0, i);
          for (let doc = group.head; doc !== END; doc = acc.next[doc]!) findOutright(doc, read);
          pending.delete(held);
        } else if (left === 0) pending.delete(held);
        else bound = Math.max(bound, reach);
      }
      // The same for the paragraphs not met yet of articles whose headlines hold question words.
      for (const group of keys ? headlines.values() : []) {
        const { held } = group;
        if (best(group.most + remaining[i]!, held | reachable[i]!) <= Math.max(bound, threshold)) continue;
        const left = refreshHeadlineGroup(acc, keys!, group);
        const reach = best(group.most + remaining[i]!, held | reachable[i]!);
        if (left > 0 && left <= FIND_OUTRIGHT && reach >= threshold) {
          const read = finders.slice(0, i);
          for (let key = group.head; key !== END; key = keySums.next[key]!) {
            for (let at = keys!.start[key]!; at < keys!.start[key + 1]!; at++) {
              const doc = keys!.docs[at]!;
              if (state[doc] !== UNSEEN) continue;
              enter(doc, HELD);
              findOutright(doc, read);
            }
          }
          headlines.delete(held);
        } else if (left === 0) headlines.delete(held);
        else bound = Math.max(bound, reach);
      }
      return bound;
    };

    const { pool, bounds } = acc;
    /** Puts in the pool the documents in hand that could still reach `threshold` with the finders from `from` on. */
    const fillPool = (from: number, threshold: number): number => {
      pool.length = 0;
      for (let n = 0; n < found.length; n++) {
        const doc = found.items[n]!;
        const bound = best(bm25[doc]! + remaining[from]!, mask[doc]! | reachable[from]!);
        if (bound > 0 && bound >= threshold) {
          bounds[doc] = bound;
          pool.push(doc);
        }
      }
      return pool.length;
    };

    // Phase 1, term at a time: finders, rarest first, while a document not yet found could still make the top.
    // Once none can (`closed`), a list is still read whole while that is cheaper than looking each document of the
    // pool up in it in phase 2: it then only adds to documents in hand.
    let threshold = 0;
    let closed = false;
    let i = 0;
    for (; i < finders.length; i++) {
      const term = finders[i]!;
      // Checking costs a pass over the documents in hand: worth it only before a list about as long.
      if (!closed && found.length >= limit && term.list.docs.length * 2 >= found.length) {
        threshold = completedKthScore(acc, unread(i), best, limit, threshold);
        closed = unseenBound(i, threshold) < threshold;
      }
      if (closed) {
        threshold = kthScore(acc, best, limit, threshold);
        if (term.list.docs.length > READ_RATHER_THAN_LOOK_UP * fillPool(i, threshold)) break;
      }
      // A document first met here can still gain only the later terms: below the threshold even then, skip it.
      const later = found.length >= limit ? remaining[i + 1]! : Infinity;
      const laterMask = term.bit | reachable[i + 1]!;
      const { docs, codes, factors: termFactors } = term.list;
      const weight = term.weight * term.idf;
      for (let j = 0; j < docs.length; j++) {
        const doc = docs[j]!;
        const score = weight * termFactors[codes[j]!]!;
        const was = state[doc]!;
        if (was >= FOUND) {
          bm25[doc]! += score;
          mask[doc]! |= term.bit;
          state[doc] = FOUND;
          continue;
        }
        if (closed) continue;
        // Not met yet, it holds what its headline holds (0 for a key no question word is in).
        const key = was === UNSEEN && keyOf ? keyOf[doc]! : -1;
        const sum = score + (key >= 0 ? keySums.bm25[key]! : bm25[doc]!);
        // Coordination is at most 1: most documents a common word brings fall short on BM25 alone.
        if (sum + later < threshold) continue;
        const held = term.bit | (key >= 0 ? keySums.mask[key]! : mask[doc]!);
        if (best(sum + later, held | laterMask) >= threshold && (!accept || accept(doc))) {
          if (was === UNSEEN) enter(doc, FOUND);
          state[doc] = FOUND;
          bm25[doc] = sum;
          mask[doc] = held;
          found.push(doc);
        }
      }
    }

    // Phase 2, document at a time: the documents in hand, most promising first, complete their scores with the
    // remaining terms until the next one could not reach the current top even with all of them.
    const rest = unread(i);
    const restFinders = reachable[i]! & ~reachable[finders.length]!;
    threshold = kthScore(acc, best, limit, threshold);
    fillPool(i, threshold);
    // Most promising first, taken from a heap: only the few completed before the cut are ever put in order.
    const order = new BoundHeap(pool.items, pool.length, bounds);
    const top: Candidate[] = [];
    while (order.size > 0) {
      const doc = order.pop();
      if (top.length >= limit && bounds[doc]! < top[limit - 1]!.score) break;
      const extra = matchDocument(rest, doc, 0, scratch);
      if (state[doc] === HELD && (extra.mask & restFinders) === 0) continue;
      const candidateBm25 = bm25[doc]! + extra.bm25;
      const candidateMask = mask[doc]! | extra.mask;
      const score = best(candidateBm25, candidateMask);
      // Most completed documents fall short of the top: only those that make it become objects.
      if (score <= 0 || (top.length >= limit && score < top[limit - 1]!.score)) continue;
      insertRanked(top, { doc, bm25: candidateBm25, mask: candidateMask, score }, limit);
    }
    return top;
  } finally {
    acc.release();
  }
}

/**
 * Documents holding lookup tokens (and passing the filter), grouped by which: few groups, however many documents.
 * A group's documents are chained through `acc.next` (no array per group: building them cost more than scoring).
 */
interface PendingGroup {
  /** The lookup tokens its documents hold (its key in the map). */
  held: number;
  head: number;
  /** The most BM25 any document of the group holds. */
  most: number;
}

function pendingGroups(acc: Accumulators, accept?: (doc: number) => boolean): Map<number, PendingGroup> {
  const groups = new Map<number, PendingGroup>();
  // A headline word's list holds every paragraph of an article in a row, so neighbours usually share a group.
  let last: PendingGroup | undefined;
  let lastHeld = -1;
  for (let n = 0; n < acc.touched.length; n++) {
    const doc = acc.touched.items[n]!;
    if (accept && !accept(doc)) continue;
    const held = acc.mask[doc]!;
    if (held !== lastHeld || !last) {
      last = groups.get(held);
      if (!last) groups.set(held, (last = { held, head: END, most: 0 }));
      lastHeld = held;
    }
    acc.next[doc] = last.head;
    last.head = doc;
    if (acc.bm25[doc]! > last.most) last.most = acc.bm25[doc]!;
  }
  return groups;
}

/**
 * Articles whose headlines hold question words, grouped by which, standing for their paragraphs not met yet (a
 * paragraph met is tracked on its own: found, or pending with lookup tokens). Keys are chained through
 * `acc.keys.next`. An article filter is applied per headline: all of a headline's documents are one article's.
 */
function headlineGroups(acc: Accumulators, keys: DocumentKeys, accept?: (doc: number) => boolean): Map<number, PendingGroup> {
  const groups = new Map<number, PendingGroup>();
  const sums = acc.keys;
  for (let n = 0; n < sums.touched.length; n++) {
    const key = sums.touched.items[n]!;
    const first = keys.start[key]!;
    if (first === keys.start[key + 1] || (accept && !accept(keys.docs[first]!))) continue;
    const held = sums.mask[key]!;
    let group = groups.get(held);
    if (!group) groups.set(held, (group = { held, head: END, most: 0 }));
    sums.next[key] = group.head;
    group.head = key;
    if (sums.bm25[key]! > group.most) group.most = sums.bm25[key]!;
  }
  return groups;
}

/** Drops the headlines whose paragraphs have all been met; returns how many paragraphs are left. */
function refreshHeadlineGroup(acc: Accumulators, keys: DocumentKeys, group: PendingGroup): number {
  const sums = acc.keys;
  let left = 0;
  let most = 0;
  let kept = END;
  for (let key = group.head; key !== END; ) {
    const after = sums.next[key]!;
    const unmet = keys.start[key + 1]! - keys.start[key]! - sums.met[key]!;
    if (unmet > 0) {
      sums.next[key] = kept;
      kept = key;
      left += unmet;
      if (sums.bm25[key]! > most) most = sums.bm25[key]!;
    }
    key = after;
  }
  group.head = kept;
  group.most = most;
  return left;
}

/** Drops the documents found since from a group and works out its most again; returns how many are left. */
function refreshGroup(acc: Accumulators, group: PendingGroup): number {
  let left = 0;
  let most = 0;
  let kept = END;
  for (let doc = group.head; doc !== END; ) {
    const after = acc.next[doc]!;
    if (acc.state[doc] === PENDING) {
      acc.next[doc] = kept;
      kept = doc;
      left++;
      if (acc.bm25[doc]! > most) most = acc.bm25[doc]!;
    }
    doc = after;
  }
  group.head = kept;
  group.most = most;
  return left;
}

const END = -1;

/**
 * With no new document to admit, a list is read whole unless it is this many times longer than the pool left to
 * complete: a posting read in order costs several times less than looking a document up by binary search. At 10,005
 * articles, 4, 8 and 16 took the same time within noise; never reading (0) took 40% longer on questions whose
 * last lists are a 9,000-long one then a 60,000-long one (`중국으로의 반도체 수출은 줄었어?`).
 */
const READ_RATHER_THAN_LOOK_UP = 8;

/** A group of documents holding the same lookup tokens this small is found outright rather than bounded. */
const FIND_OUTRIGHT = 64;

/** Inserts into a list kept sorted by score (then document), cut to `limit`. */
function insertRanked(top: Candidate[], candidate: Candidate, limit: number): void {
  let at = top.length;
  while (at > 0 && (top[at - 1]!.score < candidate.score || (top[at - 1]!.score === candidate.score && top[at - 1]!.doc > candidate.doc))) at--;
  if (at >= limit) return;
  top.splice(at, 0, candidate);
  if (top.length > limit) top.pop();
}

/**
 * Coordination by which tokens a document holds, remembered per mask: a question has few distinct masks, and this
 * is asked once per posting of a common word, where a `Map` lookup cost more than the rest of the scoring.
 * Open addressing over typed arrays, falling back to computing it once the table is half full.
 */
class CoverageFactors {
  private readonly masks = new Int32Array(FACTOR_SLOTS);
  private readonly used = new Uint8Array(FACTOR_SLOTS);
  private readonly values = new Float64Array(FACTOR_SLOTS);
  private count = 0;
  private plan: QueryPlan = { words: [], terms: [], bits: new Map(), phrases: [] };

  /** Empties the table for another query (one table serves them all: retrieval is synchronous). */
  reset(plan: QueryPlan): this {
    this.plan = plan;
    if (this.count > 0) this.used.fill(0);
    this.count = 0;
    return this;
  }

  of(mask: number): number {
    let slot = Math.imul(mask, 0x9e3779b1) >>> (32 - FACTOR_BITS);
    while (this.used[slot] === 1) {
      if (this.masks[slot] === mask) return this.values[slot]!;
      slot = (slot + 1) & (FACTOR_SLOTS - 1);
    }
    const factor = coordination(coverage(this.plan, mask));
    if (this.count < FACTOR_SLOTS / 2) {
      this.used[slot] = 1;
      this.masks[slot] = mask;
      this.values[slot] = factor;
      this.count++;
    }
    return factor;
  }
}

const FACTOR_BITS = 10;
const FACTOR_SLOTS = 1 << FACTOR_BITS;
const coverageFactors = new CoverageFactors();

/**
 * The `k`-th best score so far: a lower bound of the k-th best final score, since scores only grow. A document
 * whose BM25 alone is under `floor` (a lower bound already known) is skipped: coordination only lowers it. So is
 * one whose BM25 is not above the k-th best met so far: most documents of a common word cost one comparison.
 */
function kthScore(acc: Accumulators, best: (bm25: number, mask: number) => number, k: number, floor = 0): number {
  const { found } = acc;
  const top = leaders.reset(k);
  for (let at = 0; at < found.length; at++) {
    const doc = found.items[at]!;
    const bm25 = acc.bm25[doc]!;
    if (bm25 < floor || (top.full && bm25 <= top.min) || acc.state[doc] !== FOUND) continue;
    top.offer(best(bm25, acc.mask[doc]!));
  }
  return top.full ? Math.max(floor, top.min) : floor;
}

/**
 * A tighter lower bound of the k-th best final score: the k-th best exact score of the 2k documents leading so
 * far, completed with the terms not read yet (a lookup each). Any k documents' exact scores bound the final k-th
 * best, and the leaders' are high, so reading a common word's long list can stop sooner. One pass over the
 * documents in hand finds the leaders; completing them can only raise their scores, so their k-th best partial
 * score needs no pass of its own.
 */
function completedKthScore(acc: Accumulators, unread: ScoredTerm[], best: (bm25: number, mask: number) => number, k: number, floor: number): number {
  const { found } = acc;
  const leading = leadingDocs.reset(2 * k);
  for (let at = 0; at < found.length; at++) {
    const doc = found.items[at]!;
    const bm25 = acc.bm25[doc]!;
    if (bm25 < floor || (leading.full && bm25 <= leading.min) || acc.state[doc] !== FOUND) continue;
    leading.offer(best(bm25, acc.mask[doc]!), doc);
  }
  if (leading.count < k) return floor;
  const top = leaders.reset(k);
  for (let at = 0; at < leading.count; at++) {
    const doc = leading.docAt(at);
    const extra = matchDocument(unread, doc, 0, scratch);
    top.offer(best(acc.bm25[doc]! + extra.bm25, acc.mask[doc]! | extra.mask));
  }
  return Math.max(floor, top.min * ROUNDING_SLACK);
}

/**
 * A completed score adds the same terms in another order than the document's running sum does, so it may come
 * out a rounding error above what the document finally scores: a threshold taken from it would then cut the very
 * document it came from (a top of one, found when a question's last lists were read after closing). Lowering the
 * threshold by far more than any rounding error only ever keeps a document more.
 */
const ROUNDING_SLACK = 1 - 1e-9;

/**
 * Documents by bound, highest first (then lowest id), as a binary max-heap built in place over `docs[0..size)`:
 * building it is linear, and phase 2 pops a few dozen of the thousands a common word leaves in the pool.
 */
class BoundHeap {
  constructor(
    private readonly docs: Int32Array,
    public size: number,
    private readonly bounds: Float64Array,
  ) {
    for (let at = (size >> 1) - 1; at >= 0; at--) this.siftDown(at, docs[at]!);
  }

  pop(): number {
    const first = this.docs[0]!;
    const last = this.docs[--this.size]!;
    if (this.size > 0) this.siftDown(0, last);
    return first;
  }

  private before(a: number, b: number): boolean {
    const ba = this.bounds[a]!;
    const bb = this.bounds[b]!;
    return ba > bb || (ba === bb && a < b);
  }

  private siftDown(at: number, doc: number): void {
    const { docs, size } = this;
    for (;;) {
      const left = 2 * at + 1;
      if (left >= size) break;
      const right = left + 1;
      const child = right < size && this.before(docs[right]!, docs[left]!) ? right : left;
      if (!this.before(docs[child]!, doc)) break;
      docs[at] = docs[child]!;
      at = child;
    }
    docs[at] = doc;
  }
}

/**
 * The `k` highest values offered (with a document each, when given), as a min-heap in reused typed arrays: `min`
 * is the k-th highest once `full`.
 */
class KBest {
  private heap = new Float64Array(64);
  private docs = new Int32Array(64);
  private size = 0;
  private k = 0;

  reset(k: number): this {
    if (this.heap.length < k) {
      this.heap = new Float64Array(k);
      this.docs = new Int32Array(k);
    }
    this.size = 0;
    this.k = k;
    return this;
  }

  get full(): boolean {
    return this.size >= this.k;
  }

  get count(): number {
    return this.size;
  }

  get min(): number {
    return this.heap[0]!;
  }

  /** The document of one of the values held, in no particular order. */
  docAt(at: number): number {
    return this.docs[at]!;
  }

  offer(value: number, doc = -1): void {
    const { heap, docs } = this;
    if (this.size < this.k) {
      // Sift up.
      let at = this.size++;
      while (at > 0) {
        const parent = (at - 1) >> 1;
        if (heap[parent]! <= value) break;
        heap[at] = heap[parent]!;
        docs[at] = docs[parent]!;
        at = parent;
      }
      heap[at] = value;
      docs[at] = doc;
      return;
    }
    if (value <= heap[0]!) return;
    // Replace the least and sift down.
    let at = 0;
    for (;;) {
      const left = 2 * at + 1;
      if (left >= this.k) break;
      const right = left + 1;
      const child = right < this.k && heap[right]! < heap[left]! ? right : left;
      if (heap[child]! >= value) break;
      heap[at] = heap[child]!;
      docs[at] = docs[child]!;
      at = child;
    }
    heap[at] = value;
    docs[at] = doc;
  }
}

const leaders = new KBest();
const leadingDocs = new KBest();

