/**
 * `npm run bench`: speed and memory of gisa-bot against plain MiniSearch (default options) on the same corpus,
 * for the bundled seed and for the bundled articles plus 1,000 and 10,000 synthetic ones
 * (`-- --sizes seed,1000` to choose). Each figure comes from a fresh process (bench/measure.ts).
 * Prints figures; asserts nothing. Quality is `npm run eval`.
 */
import { execFile } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { parseArgs, promisify } from 'node:util';
import { z } from 'zod';
import { GOLDEN_ARTICLE_FILES, ROOT, SEED, writeDistractors } from './corpora.ts';

const run = promisify(execFile);
const { values } = parseArgs({ options: { sizes: { type: 'string', default: 'seed,1000,10000' } } });
const sizes = values.sizes.split(',').map((s) => s.trim());

const Build = z.object({ reindexMs: z.number(), snapshotWriteMs: z.number(), buildMs: z.number(), snapshotBytes: z.number(), articles: z.number(), peakRssMb: z.number() });
const Latency = z.object({ p50: z.number(), p99: z.number(), calls: z.number(), collections: z.number(), longestCollection: z.number() });
const Serve = z.object({ coldStartMs: z.number(), coldStartPeakRssMb: z.number(), ask: Latency, autocomplete: Latency, rssMb: z.number(), heapMb: z.number(), idleRssMb: z.number() });

async function measure(phase: 'build' | 'serve', engine: 'ours' | 'default', seedsDir: string, dataDir: string): Promise<unknown> {
  const { stdout } = await run(
    process.execPath,
    ['--expose-gc', '--max-old-space-size=8192', '--import', 'tsx', join(ROOT, 'bench/measure.ts'), '--phase', phase, '--engine', engine, '--seeds', seedsDir, '--data', dataDir],
    { cwd: ROOT, maxBuffer: 16 * 2 ** 20 },
  );
  return JSON.parse(stdout.trim().split('\n').at(-1)!);
}

const ms = (x: number): string => (x >= 1000 ? `${(x / 1000).toFixed(2)} s` : `${x.toFixed(x < 10 ? 2 : 0)} ms`);
const mb = (x: number): string => `${x.toFixed(x < 10 ? 1 : 0)} MB`;
const count = (x: number): string => String(x);
const ratio = (a: number, b: number): string => (b > 0 ? `${(a / b).toFixed(2)}×` : '-');

console.log(`machine: ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, node ${process.version}`);
// A bench stopped half way (Ctrl-C) would leave up to 600 MB of seeds and snapshots in the temp directory.
let current: string | undefined;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (current) rmSync(current, { recursive: true, force: true });
    process.exit(130);
  });
}
for (const size of sizes) {
  const root = mkdtempSync(join(tmpdir(), 'gisa-bench-'));
  current = root;
  const seedsDir = join(root, 'seeds');
  mkdirSync(seedsDir);
  const files = size === 'seed' ? [SEED] : GOLDEN_ARTICLE_FILES;
  for (const f of files) copyFileSync(f, join(seedsDir, basename(f)));
  if (size !== 'seed') writeDistractors(seedsDir, Number(size));
  const rows: [string, number, number, (x: number) => string, string][] = [];
  const figures: Record<string, { build: z.infer<typeof Build>; serve: z.infer<typeof Serve> }> = {};
  for (const engine of ['ours', 'default'] as const) {
    const dataDir = join(root, `data-${engine}`);
    const build = Build.parse(await measure('build', engine, seedsDir, dataDir));
    const serve = Serve.parse(await measure('serve', engine, seedsDir, dataDir));
    figures[engine] = { build, serve };
  }
  const ours = figures['ours']!;
  const plain = figures['default']!;
  rows.push(
    ['reindex from files, until the new index serves', ours.build.reindexMs, plain.build.reindexMs, ms, '< 5 s at 1,000'],
    ['snapshot write, after it serves', ours.build.snapshotWriteMs, plain.build.snapshotWriteMs, ms, ''],
    ['index build', ours.build.buildMs, plain.build.buildMs, ms, ''],
    ['snapshot size', ours.build.snapshotBytes / 2 ** 20, plain.build.snapshotBytes / 2 ** 20, mb, ''],
    ['cold start from snapshot', ours.serve.coldStartMs, plain.serve.coldStartMs, ms, '< 500 ms (seed)'],
    ['/ask handler p50', ours.serve.ask.p50, plain.serve.ask.p50, ms, ''],
    ['/ask handler p99', ours.serve.ask.p99, plain.serve.ask.p99, ms, '< 5 ms at 10,000'],
    [`garbage collections in ${ours.serve.ask.calls} timed /ask calls`, ours.serve.ask.collections, plain.serve.ask.collections, count, ''],
    ['longest of those', ours.serve.ask.longestCollection, plain.serve.ask.longestCollection, ms, ''],
    ['speaker autocomplete p50', ours.serve.autocomplete.p50, plain.serve.autocomplete.p50, ms, ''],
    ['speaker autocomplete p99', ours.serve.autocomplete.p99, plain.serve.autocomplete.p99, ms, '< 10 ms'],
    ['memory (RSS) while serving', ours.serve.rssMb, plain.serve.rssMb, mb, '< 300 MB at 10,000'],
    ['memory (RSS) after 20 s without questions', ours.serve.idleRssMb, plain.serve.idleRssMb, mb, ''],
    ['peak memory (RSS) of a reindex from files', ours.build.peakRssMb, plain.build.peakRssMb, mb, ''],
    ['peak memory (RSS) of a cold start', ours.serve.coldStartPeakRssMb, plain.serve.coldStartPeakRssMb, mb, ''],
    ['JS heap in use while serving', ours.serve.heapMb, plain.serve.heapMb, mb, ''],
  );
  const label = size === 'seed' ? 'the bundled seed' : `${size} synthetic + ${GOLDEN_ARTICLE_FILES.length} bundled articles`;
  console.log(`\n## ${label} (${ours.build.articles} articles)\n`);
  console.log(`| ${'figure'.padEnd(50)} | ${'gisa-bot'.padStart(9)} | ${'MiniSearch'.padStart(10)} | ours/default | target`);
  console.log(`| ${'-'.repeat(50)} | ${'-'.repeat(9)} | ${'-'.repeat(10)} | ${'-'.repeat(12)} | ------`);
  for (const [name, a, b, format, target] of rows) {
    console.log(`| ${name.padEnd(50)} | ${format(a).padStart(9)} | ${format(b).padStart(10)} | ${ratio(a, b).padStart(12)} | ${target}`);
  }
  rmSync(root, { recursive: true, force: true });
  current = undefined;
}
console.log('\nMiniSearch = plain MiniSearch 7 with default options over the same paragraphs; its /ask = search, top five, cite.');
