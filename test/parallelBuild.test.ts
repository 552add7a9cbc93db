import { copyFileSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import MiniSearch from 'minisearch';
import { describe, expect, it } from 'vitest';
import { readQuestions } from '../bench/corpora.ts';
import { syntheticArticles } from '../bench/synthetic.ts';
import { buildFromSeeds, SHARD_PARAGRAPHS, type BuildOptions } from '../src/library/build.ts';
import { claimNext, withLimit } from '../src/library/indexClaims.ts';
import { startIndexThread } from '../src/library/indexThread.ts';
import { readSeedFiles } from '../src/library/seeds.ts';
import { ask } from '../src/search/ask.ts';
import { readSnapshot, writeSnapshot } from '../src/library/snapshot.ts';
import { INDEX_OPTIONS, paragraphDocs, ShardedIndexer, type ParagraphDoc } from '../src/search/paragraphIndex.ts';
import { documentIdsOf, freezePostings } from '../src/search/postings.ts';
import { joinShards, mergeShards, shardOf, shardProblem, type IndexShard, type JoinedIndex } from '../src/search/shards.ts';
import { ALL_ARTICLES, factorsOf, FIXTURES, loadArticle } from './helpers.ts';

const bundled = ALL_ARTICLES.map(loadArticle);
const docs = [...bundled, ...[...syntheticArticles(bundled, 25)].map((f) => loadArticle(writeTemp(f.file, f.text)))].flatMap(paragraphDocs);

function writeTemp(name: string, text: string): string {
  const path = join(mkdtempSync(join(tmpdir(), 'gisa-shard-')), name);
  writeFileSync(path, text);
  return path;
}

function indexOf(part: ParagraphDoc[]): MiniSearch<ParagraphDoc> {
  const index = new MiniSearch<ParagraphDoc>(INDEX_OPTIONS);
  index.addAll(part);
  return index;
}

/** Every term's frozen postings, documents and factors, by term, in term order. */
function frozen(index: MiniSearch | JoinedIndex): Map<string, { docs: number[]; factors: number[] }> {
  const postings = freezePostings(index, 'text');
  const shards = 'shards' in index ? index.shards : [shardOf(index)];
  const terms = [...new Set(shards.flatMap((s) => s.terms))].sort();
  return new Map(terms.map((term) => [term, { docs: [...postings.get(term)!.docs], factors: factorsOf(postings.get(term)!) }]));
}

/** What a shard holds, whatever order its terms are listed in (MiniSearch's is that of its radix tree). */
function contents(shard: IndexShard) {
  const postings = shard.terms.map((term, t) => {
    const [from, to] = [shard.starts[t]!, shard.starts[t + 1]!];
    return [term, [...shard.docs.subarray(from, to)], [...shard.tfs.subarray(from, to)]] as const;
  });
  return { fieldIds: shard.fieldIds, ids: shard.ids, lengths: [...shard.lengths], postings: postings.sort((a, b) => (a[0] < b[0] ? -1 : 1)) };
}

const single = indexOf(docs);
const singleFrozen = frozen(single);

describe('an index built in parts and joined', () => {
  it('has the same terms, postings, factors and documents as one index of all the documents, wherever it is cut', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: docs.length }), { maxLength: 3 }), (cuts) => {
        const bounds = [0, ...cuts.sort((a, b) => a - b), docs.length];
        const shards: IndexShard[] = bounds.slice(1).map((end, i) => shardOf(indexOf(docs.slice(bounds[i], end))));
        const joined = joinShards(shards);
        expect(frozen(joined)).toEqual(singleFrozen);
        expect([...documentIdsOf(joined)]).toEqual([...documentIdsOf(single)]);
        // Merged into one shard (as a snapshot holds it), it is the index MiniSearch builds of all the documents.
        const merged = mergeShards(joined);
        expect(shardProblem(merged)).toBeNull();
        expect(contents(merged)).toEqual(contents(shardOf(single)));
      }),
      { numRuns: 6 },
    );
  });

  it('reads back from a snapshot as one shard, the same index', async () => {
    const half = Math.floor(docs.length / 2);
    const joined = joinShards([shardOf(indexOf(docs.slice(0, half))), shardOf(indexOf(docs.slice(half)))]);
    const dir = mkdtempSync(join(tmpdir(), 'gisa-snap-'));
    await writeSnapshot(dir, { manifest: {}, failures: [], articles: bundled, index: joined });
    const read = await readSnapshot(dir);
    if (!read.ok) throw new Error(read.reason);
    expect(read.snapshot.index.shards.map(contents)).toEqual([contents(shardOf(single))]);
    expect(frozen(read.snapshot.index)).toEqual(singleFrozen);
    expect(read.snapshot.articles).toEqual(bundled);
  });

  it('are cut every so many paragraphs as they are indexed, and join into the same index', () => {
    let collections = 0;
    const indexer = new ShardedIndexer(50, () => collections++);
    for (const doc of docs) indexer.add(doc);
    // Told after each full part is cut, not for the last part, which `finish` cuts.
    expect(collections).toBe(Math.floor(docs.length / 50));
    const shards = indexer.finish();
    expect(shards.map((s) => s.ids.length)).toEqual(Array.from({ length: Math.ceil(docs.length / 50) }, (_, i) => Math.min(50, docs.length - 50 * i)));
    expect(frozen(joinShards(shards))).toEqual(singleFrozen);
    expect(new ShardedIndexer(50).finish().map((s) => s.ids.length)).toEqual([0]);
  });

  it('refuses a shard of an index with documents removed, whose numbering has gaps', () => {
    const index = indexOf(docs.slice(0, 5));
    index.discard(docs[1]!.id);
    expect(() => shardOf(index)).toThrow(/numbered 0, 1, 2/);
  });
});

describe('claims shared between the index thread and the main thread', () => {
  it('hands out each paragraph once, up to the limit, and none once the limit is reached', () => {
    const claims = new BigInt64Array(new SharedArrayBuffer(8));
    Atomics.store(claims, 0, withLimit(0, 3));
    expect([claimNext(claims), claimNext(claims), claimNext(claims), claimNext(claims)]).toEqual([0, 1, 2, null]);
  });
});

/** Seed files in a temp folder: the bundled articles and `extra` synthetic ones. */
async function seedFolder(extra: number) {
  const dir = mkdtempSync(join(tmpdir(), 'gisa-par-'));
  for (const path of ALL_ARTICLES) copyFileSync(path, join(dir, path.split('/').pop()!));
  for (const name of readdirSync(FIXTURES).slice(0, 10)) copyFileSync(join(FIXTURES, name), join(dir, `fixture_${name}`));
  for (const f of syntheticArticles(bundled, extra)) writeFileSync(join(dir, f.file), f.text);
  return readSeedFiles(dir, 2 ** 21);
}

describe('a build on two threads', () => {
  const questions = readQuestions('test/golden/ask.json').answerable.map((q) => q.q);

  async function compare(options: Partial<BuildOptions>) {
    const files = await seedFolder(60);
    const alone = await buildFromSeeds(files, new Map(), { maxBytes: 2 ** 21, parallelFromFiles: Infinity });
    const errors: unknown[] = [];
    const two = await buildFromSeeds(files, new Map(), { maxBytes: 2 ** 21, parallelFromFiles: 2, onThreadError: (e) => errors.push(e), ...options });
    expect(frozen(two.index)).toEqual(frozen(alone.index));
    expect([...documentIdsOf(two.index)]).toEqual([...documentIdsOf(alone.index)]);
    expect(two.report).toEqual(alone.report);
    for (const q of questions) expect(ask(two.corpus, q, { limit: 5 })).toEqual(ask(alone.corpus, q, { limit: 5 }));
    return errors;
  }

  it('builds exactly the index one thread builds, and answers the same', async () => {
    let split = -1;
    const errors = await compare({
      startThread: () => {
        const thread = startIndexThread({ shardParagraphs: SHARD_PARAGRAPHS });
        return { ...thread, finish: (total) => (split = thread.finish(total)) };
      },
    });
    expect(errors).toEqual([]);
    // The thread indexed some paragraphs and left the main thread some.
    expect(split).toBeGreaterThan(0);
  });

  it('builds the same index when each thread cuts its part into many MiniSearch indexes as it goes', async () => {
    let split = -1;
    let fromThread = 0;
    const errors = await compare({
      shardParagraphs: 97,
      startThread: () => {
        const thread = startIndexThread({ shardParagraphs: 97 });
        return {
          ...thread,
          finish: (total) => (split = thread.finish(total)),
          shards: async () => {
            const shards = await thread.shards();
            fromThread = shards.length;
            return shards;
          },
        };
      },
    });
    expect(errors).toEqual([]);
    expect(fromThread).toBe(Math.ceil(split / 97));
    expect(fromThread).toBeGreaterThan(2);
  });

  it('builds the same index on one thread cut into many MiniSearch indexes', async () => {
    expect(await compare({ parallelFromFiles: Infinity, shardParagraphs: 50 })).toEqual([]);
  });

  it('indexes the thread’s part itself when the thread fails, and reports why', async () => {
    const errors = await compare({ startThread: () => startIndexThread({ shardParagraphs: SHARD_PARAGRAPHS }, new URL('./no-such-worker.ts', import.meta.url)) });
    expect(errors).toHaveLength(1);
  });
});
