import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

/**
 * Below this many paragraphs, what a load leaves scattered is a few MB: not worth a collection that moves
 * everything (about 1 s at 200,000 paragraphs).
 */
export const COMPACT_FROM_PARAGRAPHS = 20_000;

/** V8's `gc`, once taken; null where this Node does not hand it over (compacting is then skipped). */
let gcFunction: (() => void) | null | undefined;

/** V8's `gc`, taken from a new context once `--expose-gc` is set, so `npm start` needs no flag. */
function fullCollection(): (() => void) | null {
  if (gcFunction === undefined) {
    setFlagsFromString('--expose-gc');
    const gc: unknown = runInNewContext('typeof gc === "function" ? gc : null');
    gcFunction = typeof gc === 'function' ? (gc as () => void) : null;
  }
  return gcFunction;
}

/**
 * An ordinary full collection, where a large load or build has just let go of a lot: V8 would collect it only
 * once the heap had grown well past it, while the next step allocates as much again. At 10,005 articles:
 * - reading a snapshot, after its header's text and then its raw articles (about 170 ms each): the peak of a cold
 *   start 0.93–1.03 → 0.83–0.85 GB resident;
 * - building, in each thread after each 20,000 paragraphs' MiniSearch index is copied and dropped (see
 *   SHARD_PARAGRAPHS; about 0.2 s each): the peak of a build 1.44–1.51 → 1.04–1.11 GB, and no slower.
 */
export function releaseGarbage(): void {
  fullCollection()?.();
}

/**
 * Moves everything the heap keeps onto as few pages as it fills, and gives the rest back to the system.
 *
 * Loading a snapshot or building an index allocates several times what the corpus keeps (1.1 GB for 230 MB at
 * 10,005 articles). An ordinary collection frees it but leaves what is kept scattered over half-empty pages, which
 * V8 gives back only once the process has been idle for a while, and a busy bot may never be: 535 MB of heap for
 * 230 MB in use, RSS 780 MB. A collection that moves every live object leaves 267 MB of heap and RSS 513 MB.
 *
 * Compacting is switched on for this one collection only, as every later full collection would otherwise move the
 * whole heap. Returns whether it ran: a Node that will not hand `gc` over only keeps the pages longer.
 */
export function compactHeap(): boolean {
  const collect = fullCollection();
  if (collect === null) return false;
  setFlagsFromString('--compact-on-every-full-gc');
  try {
    collect();
  } finally {
    setFlagsFromString('--no-compact-on-every-full-gc');
  }
  return true;
}
