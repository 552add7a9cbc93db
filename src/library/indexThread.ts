import { Worker } from 'node:worker_threads';
import { z } from 'zod';
import type { ParagraphDoc } from '../search/paragraphIndex.ts';
import type { IndexShard } from '../search/shards.ts';
import { claimedOf, NO_LIMIT, withLimit } from './indexClaims.ts';

/**
 * A second thread that indexes paragraphs from the front while the main thread parses the seeds. Paragraphs are
 * handed over as they are parsed; once all are, the thread keeps indexing up to a split point and the main thread
 * indexes the rest, so both finish about together whether parsing took long (new files) or no time (unchanged).
 */
export interface IndexThread {
  /** Hands over the next paragraphs, in document order. */
  send(docs: ParagraphDoc[]): void;
  /**
   * All `total` paragraphs are handed over: the thread will index the first `split` (those it has indexed already
   * and half of the rest), the caller the others. Returns `split`.
   */
  finish(total: number): number;
  /** The thread's index of the first `split` paragraphs, in shards of consecutive paragraphs, each numbered from 0. */
  shards(): Promise<IndexShard[]>;
  /** Stops the thread, whether or not it replied. */
  close(): Promise<void>;
}

const ENTRY = new URL('./indexWorker.ts', import.meta.url);

const ShardSchema = z.object({
  fieldIds: z.record(z.string(), z.number().int().nonnegative()),
  ids: z.array(z.string()),
  lengths: z.instanceof(Int32Array),
  terms: z.array(z.string()),
  starts: z.instanceof(Int32Array),
  docs: z.instanceof(Int32Array),
  tfs: z.instanceof(Int32Array),
});

/**
 * Starts the thread at once, so that it loads its modules (about 0.4 s) while the first seeds are parsed. A
 * TypeScript entry registers tsx in the thread first: a worker does not inherit the parent's `--import tsx` loader.
 */
export function startIndexThread(options: { shardParagraphs: number }, entry: URL = ENTRY): IndexThread {
  // The thread's claims (see indexClaims.ts), shared so that the split can be set while it works.
  const claims = new BigInt64Array(new SharedArrayBuffer(8));
  Atomics.store(claims, 0, withLimit(0, NO_LIMIT));
  // tsx resolved here, as the thread's eval script would resolve it from the working directory.
  const start = entry.pathname.endsWith('.ts')
    ? `import(${JSON.stringify(import.meta.resolve('tsx/esm/api'))}).then(({ register }) => { register(); return import(${JSON.stringify(entry.href)}); });`
    : `import(${JSON.stringify(entry.href)});`;
  const worker = new Worker(start, { eval: true, workerData: { claims, shardParagraphs: options.shardParagraphs } });
  let failed = false;
  const reply = new Promise<unknown>((resolve, reject) => {
    worker.once('message', resolve);
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`the index thread stopped (exit code ${code}) before it replied`)));
  });
  // Read by `finish`; a thread that fails early must be neither an unhandled rejection nor handed more work.
  reply.catch(() => (failed = true));
  return {
    send: (docs) => worker.postMessage({ docs }),
    finish: (total) => {
      for (;;) {
        const current = Atomics.load(claims, 0);
        const claimed = claimedOf(current);
        const split = failed ? claimed : Math.max(claimed, Math.min(total, Math.ceil((claimed + total) / 2)));
        if (Atomics.compareExchange(claims, 0, current, withLimit(claimed, split)) === current) {
          worker.postMessage({ docs: [] });
          return split;
        }
      }
    },
    shards: async () => z.array(ShardSchema).min(1).parse(await reply),
    close: async () => {
      await worker.terminate();
    },
  };
}
