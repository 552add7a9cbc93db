/**
 * One measurement for `npm run bench`, in its own process so memory figures belong to one engine and one corpus.
 *   --phase build: reindex from the seed files (read, parse, index: until the new index serves), then the
 *     snapshot write that follows it, and the index build alone.
 *   --phase serve: cold start from that snapshot, /ask and autocomplete latency, memory.
 * Prints one JSON line.
 */
import { readFileSync, statSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { PerformanceObserver } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import MiniSearch from 'minisearch';
import { askCommand } from '../commands/ask.ts';
import { quoteCommand } from '../commands/quote.ts';
import { parseOptions, type CommandContext } from '../src/command.ts';
import { ArticleSchema, type Article } from '../src/ingest/article.ts';
import { Library } from '../src/library/library.ts';
import { parseSeed, readSeedFiles } from '../src/library/seeds.ts';
import { SNAPSHOT_FILE } from '../src/library/snapshot.ts';
import { createLogger } from '../src/log.ts';
import { buildCorpus } from '../src/search/corpus.ts';
import { paragraphDocs, type ParagraphDoc } from '../src/search/paragraphIndex.ts';
import { readQuestions } from './corpora.ts';

const { values } = parseArgs({
  options: {
    seeds: { type: 'string' },
    data: { type: 'string' },
    engine: { type: 'string', default: 'ours' },
    phase: { type: 'string', default: 'build' },
  },
});
const seedsDir = values.seeds!;
const dataDir = values.data!;
const MAX_BYTES = 2 * 1024 * 1024;
const logger = createLogger('silent');

const now = () => performance.now();
const percentile = (xs: number[], p: number): number => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(p * xs.length))]!;
const gc = (): void => (globalThis as { gc?: () => void }).gc?.();

const questions = [
  ...['test/golden/ask.json', 'bench/heldout.json', 'test/golden/hard.json'].flatMap((f) => {
    const set = readQuestions(f);
    return [...set.answerable.map((q) => q.q), ...set.outOfScope];
  }),
];
const typed = ['', 'ㅈ', 'ㅈㅇ', 'ㅈㅇㅎㅇ', '저', '저우', '저우훙이', '인예', '블로거', '관계자', '오픈', 'ceo', '김', '최 회장', '교수'];
/** Timed rounds: p99 is then the 17th slowest of 1,660 calls rather than the 5th of 415, so one stray pause of the
 * machine moves it less. */
const ROUNDS = 20;

/** Resident memory, and the part of the JS heap still in use after a collection (RSS keeps freed pages). */
const memory = () => {
  const { rss, heapUsed } = process.memoryUsage();
  return { rssMb: rss / 2 ** 20, heapMb: heapUsed / 2 ** 20 };
};

/**
 * Resident memory once the process has had no question for a while, as a bot has most of the time: V8 gives back
 * its young generation only after a quiet spell (see settleYoungGeneration in src/library/compactHeap.ts).
 */
const IDLE_MS = 20_000;
const idleRssMb = async (): Promise<number> => {
  await new Promise((resolve) => setTimeout(resolve, IDLE_MS));
  return process.memoryUsage().rss / 2 ** 20;
};

/** The most this process has held resident so far: what a machine must have free for the step just taken. */
const peakRss = (): number => process.resourceUsage().maxRSS / 1024;

/**
 * Rounds run before timing. V8 keeps optimising the handlers for a while: after one round, calls of 0.1 ms on the
 * seed still took 2 to 8 ms now and then as compiled code came in (gone with --no-concurrent-recompilation made
 * worse, not garbage collection); after 20 they had settled, as in a bot that has been up for a few thousand
 * questions. Both engines get the same.
 */
const WARM_UP_ROUNDS = 20;

/**
 * p50 and p99 of `run` over the inputs, and the garbage collections during the timed rounds: with a heap of
 * hundreds of MB a young-generation collection takes milliseconds, and the few that land on a call are part of
 * its p99.
 */
async function latencies(run: (input: string) => unknown, inputs: string[], rounds: number) {
  for (let r = 0; r < WARM_UP_ROUNDS; r++) for (const input of inputs) run(input);
  const collections: number[] = [];
  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) collections.push(entry.duration);
  });
  observer.observe({ entryTypes: ['gc'] });
  const samples: number[] = [];
  for (let r = 0; r < rounds; r++) {
    for (const input of inputs) {
      const start = now();
      run(input);
      samples.push(now() - start);
    }
  }
  // Entries are delivered after the synchronous rounds, on a later turn of the event loop.
  await new Promise((resolve) => setTimeout(resolve, 20));
  observer.disconnect();
  return {
    p50: percentile(samples, 0.5),
    p99: percentile(samples, 0.99),
    calls: samples.length,
    collections: collections.length,
    longestCollection: Math.max(0, ...collections),
  };
}

async function parseSeeds(): Promise<Article[]> {
  const files = await readSeedFiles(seedsDir, MAX_BYTES);
  return files.flatMap((f) => (f.sha256 === null ? [] : [parseSeed(f, MAX_BYTES)])).flatMap((r) => ('article' in r ? [r.article] : []));
}

const DEFAULT_OPTIONS = { fields: ['text'], storeFields: ['article', 'paragraph'] };

async function buildOurs() {
  let start = now();
  const { library } = await Library.open({ seedsDir, dataDir, maxArticleBytes: MAX_BYTES, logger });
  const reindexMs = now() - start;
  // The snapshot is written after the new index serves; how long that takes is reported on its own.
  start = now();
  await library.snapshotWritten();
  const snapshotWriteMs = now() - start;
  const peakRssMb = peakRss();
  const articles = library.corpus.articles;
  gc();
  start = now();
  buildCorpus(articles);
  const buildMs = now() - start;
  return { reindexMs, snapshotWriteMs, buildMs, snapshotBytes: statSync(join(dataDir, SNAPSHOT_FILE)).size, articles: articles.length, peakRssMb };
}

async function buildDefault() {
  let start = now();
  const articles = await parseSeeds();
  const parsed = now();
  const index = new MiniSearch<ParagraphDoc>(DEFAULT_OPTIONS);
  index.addAll(articles.flatMap(paragraphDocs));
  const built = now();
  const reindexMs = built - start;
  mkdirSync(dataDir, { recursive: true });
  writeFileSync(join(dataDir, 'default.json'), JSON.stringify({ articles, index }));
  const snapshotWriteMs = now() - built;
  const peakRssMb = peakRss();
  return { reindexMs, snapshotWriteMs, buildMs: built - parsed, snapshotBytes: statSync(join(dataDir, 'default.json')).size, articles: articles.length, peakRssMb };
}

async function serveOurs() {
  const start = now();
  const { library } = await Library.open({ seedsDir, dataDir, maxArticleBytes: MAX_BYTES, logger });
  const coldStartMs = now() - start;
  const coldStartPeakRssMb = peakRss();
  const ctx: CommandContext = { corpus: library.corpus, library, actor: { id: 'bench', name: 'bench', isModerator: false } };
  // Latency in steady state: the garbage of parsing the snapshot is collected first, not during the questions.
  gc();
  const ask = await latencies((q) => askCommand.run(ctx, parseOptions(askCommand.options, { question: q })), questions, ROUNDS);
  const autocomplete = await latencies((v) => quoteCommand.autocomplete!(ctx, 'speaker', v), typed, ROUNDS * 4);
  gc();
  return { coldStartMs, coldStartPeakRssMb, ask, autocomplete, ...memory(), idleRssMb: await idleRssMb() };
}

async function serveDefault() {
  const start = now();
  const raw = JSON.parse(readFileSync(join(dataDir, 'default.json'), 'utf8')) as { articles: unknown[]; index: unknown };
  const articles = raw.articles.map((a) => ArticleSchema.parse(a));
  const index = MiniSearch.loadJS<ParagraphDoc>(raw.index as Parameters<typeof MiniSearch.loadJS>[0], DEFAULT_OPTIONS);
  const speakers = new MiniSearch({ idField: 'key', fields: ['name', 'about'], storeFields: ['name'] });
  speakers.addAll(articles.flatMap((a) => a.speakers.map((s) => ({ key: `${a.id}/${s.id}`, name: s.name, about: s.description }))));
  const coldStartMs = now() - start;
  const coldStartPeakRssMb = peakRss();
  const byId = new Map(articles.map((a) => [a.id, a]));
  gc();
  // The same work a plain handler would do: search, take the top five, cite them, pick a first sentence.
  const ask = await latencies(
    (q) => {
      const hits = index.search(q).slice(0, 5);
      return hits.map((h) => {
        const article = byId.get(String(h['article']))!;
        const paragraph = article.paragraphs[Number(h['paragraph']) - 1]!;
        return { title: article.title, paragraph: paragraph.n, text: paragraph.text, answer: paragraph.text.slice(0, paragraph.sentenceEnds[0]).trim() };
      });
    },
    questions,
    ROUNDS,
  );
  const autocomplete = await latencies((v) => speakers.search(v, { prefix: true, fuzzy: 0.2 }).slice(0, 25), typed, ROUNDS * 4);
  gc();
  return { coldStartMs, coldStartPeakRssMb, ask, autocomplete, ...memory(), idleRssMb: await idleRssMb() };
}

const engine = values.engine === 'default' ? 'default' : 'ours';
const result =
  values.phase === 'build'
    ? engine === 'ours'
      ? await buildOurs()
      : await buildDefault()
    : engine === 'ours'
      ? await serveOurs()
      : await serveDefault();
console.log(JSON.stringify({ engine, phase: values.phase, ...result }));
