/**
 * Term → term id for a frozen index: an open-addressing hash table of ids over one string holding every term.
 * A `Map<string, number>` of the 321,000 terms at 10,000 articles kept each as its own string and entry (about
 * 20 MB of heap); this keeps 2 bytes a character, and 10 to 16 bytes a term (its offset and its share of the
 * table), in three flat allocations.
 */
export interface TermDictionary {
  /** The term's id (its index in the list it was built from), or -1. */
  id(term: string): number;
}

/** Ids for `terms[t]` where `include(t)`; the terms must be distinct. */
export function termDictionary(terms: readonly string[], include: (t: number) => boolean = () => true): TermDictionary {
  const offsets = new Int32Array(terms.length + 1);
  for (let t = 0; t < terms.length; t++) offsets[t + 1] = offsets[t]! + terms[t]!.length;
  // One flat string: `join` makes a tree of pieces that V8 flattens on the first read, once, here.
  const text = terms.join('');
  if (text.length > 0) text.charCodeAt(0);
  let count = 0;
  for (let t = 0; t < terms.length; t++) if (include(t)) count++;
  // At most two thirds full: about 2 probes on average for a term that is there, 5 for one that is not.
  const slots = new Int32Array(2 ** Math.ceil(Math.log2(count * 1.5 + 2))).fill(-1);
  const mask = slots.length - 1;

  const sameAs = (t: number, term: string, from: number, to: number): boolean => {
    const start = offsets[t]!;
    if (offsets[t + 1]! - start !== to - from) return false;
    for (let i = 0; i < to - from; i++) if (text.charCodeAt(start + i) !== term.charCodeAt(from + i)) return false;
    return true;
  };
  for (let t = 0; t < terms.length; t++) {
    if (!include(t)) continue;
    let at = hashOf(text, offsets[t]!, offsets[t + 1]!) & mask;
    for (; slots[at] !== -1; at = (at + 1) & mask) {
      if (sameAs(slots[at]!, text, offsets[t]!, offsets[t + 1]!)) throw new Error(`the term '${terms[t]}' is listed twice`);
    }
    slots[at] = t;
  }
  return {
    id(term) {
      for (let at = hashOf(term, 0, term.length) & mask; slots[at] !== -1; at = (at + 1) & mask) {
        if (sameAs(slots[at]!, term, 0, term.length)) return slots[at]!;
      }
      return -1;
    },
  };
}

/** FNV-1a over UTF-16 code units. */
function hashOf(s: string, from: number, to: number): number {
  let h = 0x811c9dc5;
  for (let i = from; i < to; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h >>> 0;
}
