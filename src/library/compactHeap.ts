import { getHeapSpaceStatistics, setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

/**
 * Below this many paragraphs, what a load leaves scattered is a few MB: not worth a collection that moves
 * everything (about 1 s at 200,000 paragraphs).
 */
export const COMPACT_FROM_PARAGRAPHS = 20_000;

/** V8's `gc`: a full collection, or a young one with `{ type: 'minor' }`. */
type Collect = (options?: { type: 'minor' | 'major' }) => void;

/** V8's `gc`, once taken; null where this Node does not hand it over (compacting is then skipped). */
let gcFunction: Collect | null | undefined;

/** V8's `gc`, taken from a new context once `--expose-gc` is set, so `npm start` needs no flag. */
function v8Gc(): Collect | null {
  if (gcFunction === undefined) {
    setFlagsFromString('--expose-gc');
    const gc: unknown = runInNewContext('typeof gc === "function" ? gc : null');
    gcFunction = typeof gc === 'function' ? (gc as Collect) : null;
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
  v8Gc()?.();
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
  const collect = v8Gc();
  if (collect === null) return false;
  setFlagsFromString('--compact-on-every-full-gc');
  try {
    collect();
  } finally {
    setFlagsFromString('--no-compact-on-every-full-gc');
  }
  return true;
}

/** A young generation this small has been given back (V8's smallest is 1 MB; it grows from there as needed). */
const SETTLED_BYTES = 4 * 2 ** 20;

/**
 * V8 grows its young generation to 32 MB while a large load or build allocates fast, and shrinks it only at a
 * collection that follows a few seconds of little allocation (its allocation rate over the last 5 s): a bot that
 * then idles runs no collection, and keeps 27 MB it does not use. So after a large load, a young collection (1 to
 * 3 ms) every `every` ms until the generation is small again, `attempts` times at most (10 minutes): the first
 * that follows a quiet spell lets V8 give the memory back (10,005 articles: RSS 381 → 344 MB). While questions keep
 * the process busy, V8 keeps the generation, and an attempt costs one more scavenge than the questions make.
 * The timers never keep the process alive; a reindex during a settling starts another, which stops as soon as
 * either has done it. Returns whether V8's `gc` is at hand.
 */
export function settleYoungGeneration({ every = 7_000, attempts = 86 } = {}): boolean {
  const collect = v8Gc();
  if (collect === null) return false;
  let left = attempts;
  const attempt = () => {
    if (youngGenerationBytes() <= SETTLED_BYTES) return;
    collect({ type: 'minor' });
    if (youngGenerationBytes() > SETTLED_BYTES && --left > 0) setTimeout(attempt, every).unref();
  };
  setTimeout(attempt, every).unref();
  return true;
}

/** What V8 has reserved for its young generation (new space), in bytes. */
export const youngGenerationBytes = (): number => getHeapSpaceStatistics().find((s) => s.space_name === 'new_space')?.space_size ?? 0;
