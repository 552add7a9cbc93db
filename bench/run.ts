/**
 * `npm run bench`: retrieval quality against MiniSearch's defaults, and speed as the corpus grows.
 * Prints figures; asserts nothing (speed targets live here, not in tests).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import MiniSearch, { type Options } from 'minisearch';
import { parseArticle, type Article } from '../src/ingest/article.ts';
import { ask } from '../src/search/ask.ts';
import { buildCorpus, paragraphDocs, type ParagraphDoc } from '../src/search/corpus.ts';
import { matchSpeakers } from '../src/search/speakers.ts';

const root = join(import.meta.dirname, '..');
const files = [
  join(root, 'seeds/000_747bf3bd7eb8621c.txt'),
  ...['yonhap_chip_exports.txt', 'daily_market_digital.txt', 'newsis_summit.txt'].map((f) => join(root, 'test/fixtures/articles', f)),
];
interface QuestionSet {
  answerable: { q: string; article: string; paragraph: number }[];
  outOfScope: string[];
}
const sets: [string, QuestionSet][] = [
  ['golden (tuned on)', JSON.parse(readFileSync(join(root, 'test/golden/ask.json'), 'utf8')) as QuestionSet],
  ['held-out', JSON.parse(readFileSync(join(root, 'bench/heldout.json'), 'utf8')) as QuestionSet],
];
const golden = sets[0]![1];

const time = <T>(fn: () => T): [T, number] => {
  const start = performance.now();
  const value = fn();
  return [value, performance.now() - start];
};
const percentile = (xs: number[], p: number): number => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(p * xs.length))]!;
const ms = (x: number): string => `${x.toFixed(3)} ms`;

const [articles, parseMs] = time(() => files.map((f) => parseArticle(f, readFileSync(f))));
console.log(`ingest: ${articles.length} articles in ${ms(parseMs)} (${ms(parseMs / articles.length)} each)`);

// Quality: our tokenizer vs MiniSearch's defaults on the same paragraphs and golden questions.
const corpus = buildCorpus(articles);
const hit = (top: { article: string; paragraph: number } | undefined, g: { article: string; paragraph: number }) =>
  top?.article === g.article && top.paragraph === g.paragraph;
for (const [name, set] of sets) {
  const ours = set.answerable.filter((g) => hit(ask(corpus, g.q).results[0], g)).length;
  const abstained = set.outOfScope.filter((q) => ask(corpus, q).results.length === 0).length;
  console.log(`\n${name}: ${set.answerable.length} questions, ${set.outOfScope.length} out of scope`);
  console.log(`  gisa-bot tokenizer      R@1 ${(ours / set.answerable.length).toFixed(3)}   abstains on ${abstained}/${set.outOfScope.length} out-of-scope`);
  for (const [label, searchOptions] of [
    ['MiniSearch default', {}],
    ['default + prefix/fuzzy', { prefix: true, fuzzy: 0.2 }],
  ] as const) {
    const options: Options<ParagraphDoc> = { fields: ['text'], storeFields: ['article', 'paragraph'], searchOptions };
    const index = new MiniSearch<ParagraphDoc>(options);
    index.addAll(articles.flatMap(paragraphDocs));
    const hits = set.answerable.filter((g) => {
      const top = index.search(g.q)[0];
      return hit(top && { article: String(top['article']), paragraph: Number(top['paragraph']) }, g);
    }).length;
    const junk = set.outOfScope.filter((q) => index.search(q).length > 0).length;
    console.log(`  ${label.padEnd(23)} R@1 ${(hits / set.answerable.length).toFixed(3)}   returns results for ${junk}/${set.outOfScope.length} out-of-scope`);
  }
}

// Speed as the corpus grows: copies of the four articles under distinct ids.
console.log('\nspeed (golden questions, per query):');
for (const copies of [1, 25, 100]) {
  const many: Article[] = Array.from({ length: copies }, (_, i) => articles.map((a) => ({ ...a, id: `${a.id}-${i}` }))).flat();
  const [big, buildMs] = time(() => buildCorpus(many));
  const latencies = golden.answerable.map((g) => time(() => ask(big, g.q))[1]);
  const completions = ['ㅈㅇ', '저우', '블로거', '관계자', ''].map((v) => time(() => matchSpeakers(big.speakers, v).slice(0, 25))[1]);
  const paragraphs = many.reduce((n, a) => n + a.paragraphs.length, 0);
  console.log(
    `  ${String(many.length).padStart(4)} articles / ${String(paragraphs).padStart(5)} paragraphs: build ${ms(buildMs)}, ` +
      `/ask p50 ${ms(percentile(latencies, 0.5))} p95 ${ms(percentile(latencies, 0.95))}, ` +
      `autocomplete max ${ms(Math.max(...completions))}`,
  );
}
