import type { Article } from '../ingest/article.ts';
import { assembleCorpus, type Corpus } from '../search/corpus.ts';
import { paragraphDocs, ShardedIndexer, type ParagraphDoc } from '../search/paragraphIndex.ts';
import { joinShards, mergeShards, type IndexShard, type JoinedIndex } from '../search/shards.ts';
import { releaseGarbage } from './compactHeap.ts';
import { startIndexThread, type IndexThread } from './indexThread.ts';
import { parseSeed, type SeedFailure, type SeedFile } from './seeds.ts';
import type { Manifest } from './snapshot.ts';

export interface Built {
  corpus: Corpus;
  /** The index the corpus was frozen from, its parts merged: kept only until the snapshot is written. */
  index: JoinedIndex;
  manifest: Manifest;
  failures: SeedFailure[];
  report: {
    articles: number;
    paragraphs: number;
    quotes: number;
    added: string[];
    changed: string[];
    removed: string[];
    unchanged: string[];
    errors: SeedFailure[];
  };
}

export interface BuildOptions {
  maxBytes: number;
  /** The files the index being replaced was built from, to tell a changed file from an added one. */
  previousManifest?: Manifest;
  /** From this many seed files, a second thread indexes part of the paragraphs (tests lower it). */
  parallelFromFiles?: number;
  /** Starts that thread (tests give one that fails, to see the main thread take its part over). */
  startThread?: () => IndexThread;
  /** Told why the thread failed, when the main thread indexed its part instead. */
  onThreadError?: (error: unknown) => void;
  /** Paragraphs per MiniSearch index before it is copied into arrays and a new one started (tests lower it). */
  shardParagraphs?: number;
}

/**
 * MiniSearch keeps about 56 bytes a posting, arrays 8: each thread copies its index into arrays and starts a new
 * one every this many paragraphs (about 1,000 articles), rather than holding all its part as MiniSearch's maps,
 * and collects the one it dropped (see releaseGarbage). The parts join into the same index whatever the cut
 * (test/parallelBuild.test.ts), and are merged once (see mergeShards). At 10,005 articles the peak RSS of a build
 * fell from 1.59–1.70 GB to 1.38–1.46 GB with the cuts, and to 1.04–1.11 GB with the collections.
 */
export const SHARD_PARAGRAPHS = 20_000;

/**
 * Below this, a second thread costs more to start (about 0.4 s of loading) than it saves: indexing 100 articles
 * takes about 0.3 s. On this 2-core machine, two threads took building 1,005 articles from 4.7–4.9 to 4.2–4.3 s,
 * and 10,005 from 66 to 48 s (`npm run bench` prints the reindex). Not twice as fast: V8's collector already
 * works on the second core, and both threads slow down when they run together.
 */
export const PARALLEL_FROM_FILES = 100;

/**
 * Parses new and changed files, reuses unchanged ones, and keeps serving the old version of a file that
 * changed into something unreadable: a bad edit reports an error and loses nothing.
 *
 * With many files, a second thread indexes paragraphs from the front as they are parsed, and this one indexes the
 * rest once parsing is done (see indexThread.ts); the two MiniSearch indexes are joined as one (see shards.ts).
 * If the thread fails, this one indexes its part too: the build is slower, never different.
 */
export async function buildFromSeeds(files: SeedFile[], previous: Map<string, Article>, options: BuildOptions): Promise<Built> {
  const { parallelFromFiles = PARALLEL_FROM_FILES, shardParagraphs = SHARD_PARAGRAPHS } = options;
  const startThread = options.startThread ?? (() => startIndexThread({ shardParagraphs }));
  const thread = files.length >= parallelFromFiles ? startThread() : null;
  try {
    return await parseAndIndex(files, previous, { ...options, shardParagraphs }, thread);
  } finally {
    await thread?.close();
  }
}

async function parseAndIndex(
  files: SeedFile[],
  previous: Map<string, Article>,
  options: BuildOptions & { shardParagraphs: number },
  thread: IndexThread | null,
): Promise<Built> {
  const { maxBytes, previousManifest = {}, shardParagraphs, onThreadError = () => undefined } = options;
  const articles: Article[] = [];
  const failures: SeedFailure[] = [];
  const report = { added: [] as string[], changed: [] as string[], unchanged: [] as string[] };
  const ids = new Set<string>();
  const docs: ParagraphDoc[] = [];
  let sent = 0;
  for (const [n, seed] of files.entries()) {
    if (n % PARSE_CHUNK === PARSE_CHUNK - 1) {
      // A message per chunk rather than per article: each costs a structured clone and a wake-up of the thread.
      thread?.send(docs.slice(sent));
      sent = docs.length;
      await nextTurn();
    }
    const old = previous.get(seed.file);
    let article: Article | undefined;
    if (seed.sha256 !== null && old?.sha256 === seed.sha256) {
      article = old;
      report.unchanged.push(seed.file);
    } else if (seed.sha256 !== null) {
      const parsed = parseSeed(seed, maxBytes);
      if ('article' in parsed) {
        article = parsed.article;
        (old || previousManifest[seed.file] ? report.changed : report.added).push(seed.file);
      } else {
        failures.push({ file: seed.file, message: parsed.error });
        article = old;
      }
    } else {
      failures.push({ file: seed.file, message: seed.error });
      article = old;
    }
    if (!article) continue;
    if (ids.has(article.id)) {
      failures.push({ file: seed.file, message: `its id '${article.id}' is already used by another file` });
      continue;
    }
    ids.add(article.id);
    articles.push(article);
    for (const doc of paragraphDocs(article)) docs.push(doc);
  }
  thread?.send(docs.slice(sent));
  const split = thread?.finish(docs.length) ?? 0;
  const fromThread = thread
    ?.shards()
    .then((shards) => {
      const indexed = shards.reduce((n, shard) => n + shard.ids.length, 0);
      if (indexed !== split) throw new Error(`the index thread indexed ${indexed} paragraphs, not ${split}`);
      return shards;
    })
    // Caught at once: the thread may fail while this one is still indexing.
    .catch((error: unknown) => {
      onThreadError(error);
      return null;
    });
  const own = await indexHere(docs.slice(split), shardParagraphs);
  const first = fromThread ? ((await fromThread) ?? (await indexHere(docs.slice(0, split), shardParagraphs))) : [];
  // Merged once here: freezing reads one shard (its documents array becomes the frozen one), as does the snapshot.
  const index = joinShards([mergeShards(joinShards([...first, ...own]))]);
  const present = new Set(files.map((f) => f.file));
  return {
    corpus: assembleCorpus(articles, index),
    index,
    manifest: manifestOf(files),
    failures,
    report: {
      ...report,
      removed: [...previous.keys()].filter((file) => !present.has(file)),
      errors: failures,
      articles: articles.length,
      paragraphs: articles.reduce((n, a) => n + a.paragraphs.length, 0),
      quotes: articles.reduce((n, a) => n + a.quotes.length, 0),
    },
  };
}

/**
 * A rebuild yields to the event loop this often (files parsed, paragraphs indexed: about 10 ms of work each), so
 * queries arriving meanwhile are answered from the old index. `setImmediate`, not MiniSearch's `addAllAsync`,
 * whose `setTimeout(0)` between chunks cost about a second per 1,000 articles.
 */
const PARSE_CHUNK = 10;
const INDEX_CHUNK = 100;
const nextTurn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/** Indexes documents on this thread, a chunk per turn of the event loop, as shards (see SHARD_PARAGRAPHS). */
async function indexHere(docs: ParagraphDoc[], shardParagraphs: number): Promise<IndexShard[]> {
  const shards = new ShardedIndexer(shardParagraphs, releaseGarbage);
  for (let start = 0; start < docs.length; start += INDEX_CHUNK) {
    for (const doc of docs.slice(start, start + INDEX_CHUNK)) shards.add(doc);
    await nextTurn();
  }
  return shards.finish();
}

export function manifestOf(files: SeedFile[]): Manifest {
  return Object.fromEntries(files.flatMap((f) => (f.sha256 ? [[f.file, f.sha256]] : [])));
}

