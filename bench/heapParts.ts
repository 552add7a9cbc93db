/**
 * JS heap held by each part of an opened library: the parts are let go one at a time, in the order printed, and
 * the heap in use is measured after two collections each time. A part's figure is what only it held (what it
 * shares with a part still kept shows under the later part).
 *   node --expose-gc --import tsx bench/heapParts.ts --seeds <dir> --data <dir>
 * (a library `npm run bench` left, or any seeds folder). Prints figures; asserts nothing. The library is unusable
 * afterwards: this is a measurement, not a way to free memory.
 */
import { parseArgs } from 'node:util';
import { Library } from '../src/library/library.ts';
import { createLogger } from '../src/log.ts';

const { values } = parseArgs({ options: { seeds: { type: 'string' }, data: { type: 'string' } } });
if (!values.seeds || !values.data) throw new Error('usage: bench/heapParts.ts --seeds <dir> --data <dir>');
const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error('run with node --expose-gc');

const { library } = await Library.open({ seedsDir: values.seeds, dataDir: values.data, maxArticleBytes: 2 * 2 ** 20, logger: createLogger('silent') });
// Loosened types: each part is replaced with nothing so that the collector can take it.
const corpus = library.corpus as unknown as Record<string, unknown>;
const articles = library.corpus.articles as unknown as Record<string, unknown>[];
const paragraphsOf = (a: Record<string, unknown>) => a.paragraphs as Record<string, unknown>[];

const inUse = (): number => {
  gc();
  gc();
  return process.memoryUsage().heapUsed / 2 ** 20;
};
const MB = (n: number) => `${n.toFixed(1).padStart(6)} MB`;
let before = inUse();
console.log(`heap in use after opening ${library.corpus.articles.length} articles: ${MB(before)}`);
const part = (label: string, drop: () => void) => {
  drop();
  const now = inUse();
  console.log(`${label.padEnd(50)} ${MB(before - now)}`);
  before = now;
};
part('speaker lookup (prefix lists, pieces, names)', () => (corpus.speakerLookup = null));
part('speaker directory', () => (corpus.speakers = null));
part('speaker names by article', () => (corpus.speakerNames = null));
part('glossary expansions', () => (corpus.expansions = null));
part('document table and paragraph kinds', () => ((corpus.docs = null), (corpus.paragraphKinds = null)));
part('postings (term dictionaries; arrays are off-heap)', () => (corpus.fields = null));
part('articles by id', () => (corpus.byId = null));
part("articles' quotes", () => articles.forEach((a) => (a.quotes = null)));
part("articles' speakers", () => articles.forEach((a) => (a.speakers = null)));
part("articles' glossaries", () => articles.forEach((a) => (a.glossary = null)));
part('sentence ends', () => articles.forEach((a) => paragraphsOf(a).forEach((p) => (p.sentenceEnds = null))));
part('paragraph objects (their text kept)', () => articles.forEach((a) => (a.paragraphs = paragraphsOf(a).map((p) => p.text))));
part('paragraph text', () => articles.forEach((a) => (a.paragraphs = null)));
part('articles: the rest (metadata)', () => (corpus.articles = null));
console.log(`left: ${MB(before)} (Node, the loaded modules, and what the library object itself holds)`);
