/**
 * Bytes allocated per /ask, by function: what sets how often young-generation collections interrupt questions.
 *   node --max-old-space-size=8192 --import tsx bench/allocation.ts --seeds <dir> --data <dir>
 * (a library `npm run bench` left, or any seeds folder). Samples with V8's heap profiler, counting objects already
 * collected too; the handlers run twice over the question sets first. Prints figures; asserts nothing.
 */
import { Session } from 'node:inspector/promises';
import { parseArgs } from 'node:util';
import { askCommand } from '../commands/ask.ts';
import { parseOptions, type CommandContext } from '../src/command.ts';
import { Library } from '../src/library/library.ts';
import { createLogger } from '../src/log.ts';
import { readQuestions } from './corpora.ts';

const { values } = parseArgs({ options: { seeds: { type: 'string' }, data: { type: 'string' } } });
if (!values.seeds || !values.data) throw new Error('usage: bench/allocation.ts --seeds <dir> --data <dir>');

interface ProfileNode {
  callFrame: { functionName: string; url: string };
  selfSize: number;
  children: ProfileNode[];
}

const questions = ['test/golden/ask.json', 'bench/heldout.json', 'test/golden/hard.json'].flatMap((f) => {
  const set = readQuestions(f);
  return [...set.answerable.map((q) => q.q), ...set.outOfScope];
});
const { library } = await Library.open({ seedsDir: values.seeds, dataDir: values.data, maxArticleBytes: 2 * 2 ** 20, logger: createLogger('silent') });
const ctx: CommandContext = { corpus: library.corpus, library, actor: { id: 'bench', name: 'bench', isModerator: false } };
const run = (q: string) => askCommand.run(ctx, parseOptions(askCommand.options, { question: q }));
for (let r = 0; r < 2; r++) for (const q of questions) run(q);

const session = new Session();
session.connect();
await session.post('HeapProfiler.enable');
await session.post('HeapProfiler.startSampling', { samplingInterval: 512, includeObjectsCollectedByMajorGC: true, includeObjectsCollectedByMinorGC: true });
const ROUNDS = 3;
for (let r = 0; r < ROUNDS; r++) for (const q of questions) run(q);
const { profile } = (await session.post('HeapProfiler.stopSampling')) as unknown as { profile: { head: ProfileNode } };

const self = new Map<string, number>();
const walk = (node: ProfileNode): number => {
  const key = `${node.callFrame.functionName || '(anonymous)'} ${node.callFrame.url.split('/').slice(-2).join('/')}`;
  self.set(key, (self.get(key) ?? 0) + node.selfSize);
  return node.children.reduce((sum, child) => sum + walk(child), node.selfSize);
};
const calls = ROUNDS * questions.length;
const kb = (bytes: number) => `${(bytes / calls / 1024).toFixed(1)} KB`;
console.log(`${library.corpus.articles.length} articles: ${kb(walk(profile.head))} allocated per /ask (${calls} calls), by function:`);
for (const [key, bytes] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 12)) console.log(`  ${kb(bytes).padStart(9)}  ${key}`);
