/**
 * `npm run bench:compare -- --ref <commit> --seeds DIR --data DIR [--distractors N]`: /ask handler latency of the
 * working tree against another commit, both serving the same seed files in one process, question by question in
 * alternation. With `--distractors N` and no `DIR` yet, `DIR` is made of the bundled articles and N synthetic ones
 * (as `npm run bench` makes them), to be reused by later comparisons.
 * On this machine, runs minutes apart differ by more than most changes do (see the README); alternating in one
 * process puts both versions under the same conditions. Also lists the questions whose replies differ.
 * Prints figures; asserts nothing.
 *
 * The commit's `src/` and `commands/` are extracted under `bench/.compare/<sha>/` (ignored by git), inside the
 * repository so that they resolve the same `node_modules`. Each version keeps its own snapshot: the commit's in
 * `DIR-<sha>` next to `--data`, built on first use.
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import { parseArgs } from 'node:util';
import { GOLDEN_ARTICLE_FILES, readQuestions, ROOT, writeDistractors } from './corpora.ts';

const { values } = parseArgs({
  options: {
    ref: { type: 'string', default: 'HEAD' },
    seeds: { type: 'string' },
    data: { type: 'string' },
    rounds: { type: 'string', default: '10' },
    distractors: { type: 'string' },
  },
});
if (!values.seeds || !values.data) throw new Error('usage: npm run bench:compare -- --ref <commit> --seeds DIR --data DIR');
const rounds = Number(values.rounds);
const WARM_UP_ROUNDS = 10;

/** What is used of a version's modules: typed here, since the other version's are loaded by path. */
interface Version {
  name: string;
  ask(question: string): unknown;
}
interface LibraryModule {
  Library: { open(options: { seedsDir: string; dataDir: string; maxArticleBytes: number; logger: unknown }): Promise<{ library: { corpus: unknown } }> };
}
interface AskModule {
  askCommand: { options: unknown; run(ctx: unknown, options: unknown): unknown };
}
interface CommandModule {
  parseOptions(schema: unknown, raw: unknown): unknown;
}
interface LogModule {
  createLogger(level: string): unknown;
}

async function load(name: string, root: string, dataDir: string): Promise<Version> {
  const importFrom = async <T>(path: string): Promise<T> => (await import(join(root, path))) as T;
  const { Library } = await importFrom<LibraryModule>('src/library/library.ts');
  const { askCommand } = await importFrom<AskModule>('commands/ask.ts');
  const { parseOptions } = await importFrom<CommandModule>('src/command.ts');
  const { createLogger } = await importFrom<LogModule>('src/log.ts');
  const started = performance.now();
  const { library } = await Library.open({ seedsDir: values.seeds!, dataDir, maxArticleBytes: 2 * 2 ** 20, logger: createLogger('silent') });
  console.log(`${name}: serving after ${((performance.now() - started) / 1000).toFixed(1)} s`);
  const ctx = { corpus: library.corpus, library, actor: { id: 'bench', name: 'bench', isModerator: false } };
  return { name, ask: (question) => askCommand.run(ctx, parseOptions(askCommand.options, { question })) };
}

function extract(ref: string): { sha: string; root: string } {
  const sha = execFileSync('git', ['rev-parse', '--verify', `${ref}^{commit}`], { cwd: ROOT, encoding: 'utf8' }).trim();
  const root = join(ROOT, 'bench/.compare', sha);
  if (!existsSync(join(root, 'src'))) {
    mkdirSync(root, { recursive: true });
    execFileSync('sh', ['-c', `git archive ${sha} src commands | tar -x -C "${root}"`], { cwd: ROOT });
  }
  return { sha, root };
}

const questions = ['test/golden/ask.json', 'bench/heldout.json', 'test/golden/hard.json'].flatMap((f) => {
  const set = readQuestions(f);
  return [...set.answerable.map((q) => q.q), ...set.outOfScope];
});

if (values.distractors && !existsSync(values.seeds)) {
  mkdirSync(values.seeds, { recursive: true });
  for (const f of GOLDEN_ARTICLE_FILES) copyFileSync(f, join(values.seeds, basename(f)));
  writeDistractors(values.seeds, Number(values.distractors));
}

const { sha, root } = extract(values.ref);
const short = sha.slice(0, 8);
const versions = [await load(short, root, `${values.data}-${short}`), await load('working tree', ROOT, values.data)];

const differing = questions.filter((q) => JSON.stringify(versions[0]!.ask(q)) !== JSON.stringify(versions[1]!.ask(q)));
(globalThis as { gc?: () => void }).gc?.();
for (let r = 0; r < WARM_UP_ROUNDS; r++) for (const version of versions) for (const q of questions) version.ask(q);

const samples = versions.map(() => [] as number[]);
const fastest = versions.map(() => new Map<string, number>());
for (let r = 0; r < rounds; r++) {
  for (const q of questions) {
    for (let k = 0; k < versions.length; k++) {
      // Each round, the other version goes first.
      const v = (k + r) % versions.length;
      const start = performance.now();
      versions[v]!.ask(q);
      const took = performance.now() - start;
      samples[v]!.push(took);
      fastest[v]!.set(q, Math.min(took, fastest[v]!.get(q) ?? Infinity));
    }
  }
}

const percentile = (xs: number[], p: number): number => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(p * xs.length))]!;
const total = (xs: number[]): number => xs.reduce((a, b) => a + b, 0);
console.log(`\n${questions.length} questions × ${rounds} rounds, alternating\n`);
console.log('| version | total | p50 | p99 |\n| --- | --- | --- | --- |');
versions.forEach((v, i) => {
  const xs = samples[i]!;
  console.log(`| ${v.name} | ${total(xs).toFixed(0)} ms | ${percentile(xs, 0.5).toFixed(2)} ms | ${percentile(xs, 0.99).toFixed(2)} ms |`);
});
console.log(`\nslowest questions (fastest of ${rounds} runs each): ${versions.map((v) => v.name).join(' → ')}`);
const slowest = [...questions].sort((a, b) => Math.max(...fastest.map((f) => f.get(b)!)) - Math.max(...fastest.map((f) => f.get(a)!)));
for (const q of slowest.slice(0, 8)) console.log(`  ${fastest.map((f) => f.get(q)!.toFixed(2)).join(' → ')} ms  ${q}`);
console.log(`\nreplies that differ: ${differing.length}${differing.length ? `\n  ${differing.join('\n  ')}` : ''}`);
