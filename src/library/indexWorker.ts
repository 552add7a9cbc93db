/**
 * Runs in a worker thread (see indexThread.ts): indexes the paragraphs it is handed, in order, claiming each one
 * first (see indexClaims.ts). Once the main thread has set the split and it has reached it, it replies with its
 * index as shards (see ShardedIndexer), the arrays moved rather than copied. An error ends the thread; the builder
 * then indexes its paragraphs itself.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { z } from 'zod';
import { ShardedIndexer, type ParagraphDoc } from '../search/paragraphIndex.ts';
import { shardBuffers } from '../search/shards.ts';
import { releaseGarbage } from './compactHeap.ts';
import { claimedOf, claimNext, limitOf } from './indexClaims.ts';

const StartSchema = z.object({ claims: z.instanceof(BigInt64Array), shardParagraphs: z.number().int().positive() });
const MessageSchema = z.object({
  docs: z.array(z.object({ id: z.string(), article: z.string(), paragraph: z.number().int(), text: z.string() })),
});

const { claims, shardParagraphs } = StartSchema.parse(workerData);
const indexer = new ShardedIndexer(shardParagraphs, releaseGarbage);
const received: ParagraphDoc[] = [];
let indexed = 0;

parentPort?.on('message', (message: unknown) => {
  for (const doc of MessageSchema.parse(message).docs) received.push(doc);
  // Only the thread claims, so the next claim is always the next paragraph not yet indexed.
  while (indexed < received.length) {
    const next = claimNext(claims);
    if (next === null) break;
    indexer.add(received[next]!);
    indexed++;
  }
  const word = Atomics.load(claims, 0);
  if (claimedOf(word) < limitOf(word)) return;
  const shards = indexer.finish();
  parentPort!.postMessage(shards, shards.flatMap(shardBuffers));
  parentPort!.close();
});
