import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

/**
 * Below this many paragraphs, what a load leaves scattered is a few MB: not worth a collection that moves
 * everything (about 1 s at 200,000 paragraphs).
 */
export const COMPACT_FROM_PARAGRAPHS = 20_000;

let collect: (() => void) | undefined;

/**
 * Moves everything the heap keeps onto as few pages as it fills, and gives the rest back to the system.
 *
 * Loading a snapshot or building an index allocates several times what the corpus keeps (1.1 GB for 230 MB at
 * 10,005 articles). An ordinary collection frees it but leaves what is kept scattered over half-empty pages, which
 * V8 gives back only once the process has been idle for a while, and a busy bot may never be: 535 MB of heap for
 * 230 MB in use, RSS 780 MB. A collection that moves every live object leaves 267 MB of heap and RSS 513 MB.
 *
 * V8's `gc` is taken from a new context once `--expose-gc` is set, so `npm start` needs no flag; compacting is
 * switched on for this one collection only, as every later full collection would otherwise move the whole heap.
 */
export function compactHeap(): void {
  if (!collect) {
    setFlagsFromString('--expose-gc');
    collect = runInNewContext('gc') as () => void;
  }
  setFlagsFromString('--compact-on-every-full-gc');
  try {
    collect();
  } finally {
    setFlagsFromString('--no-compact-on-every-full-gc');
  }
}
