import MiniSearch from 'minisearch';
import type { Article } from '../ingest/article.ts';
import { assembleCorpus, INDEX_OPTIONS, paragraphDocs, type Corpus, type ParagraphDoc } from '../search/corpus.ts';
import { parseSeed, type SeedFailure, type SeedFile } from './seeds.ts';
import type { Manifest } from './snapshot.ts';

export interface Built {
  corpus: Corpus;
  /** MiniSearch's index the corpus was frozen from: kept only until the snapshot is written. */
  index: MiniSearch<ParagraphDoc>;
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

/**
 * Parses new and changed files, reuses unchanged ones, and keeps serving the old version of a file that
 * changed into something unreadable: a bad edit reports an error and loses nothing.
 */
export async function buildFromSeeds(
  files: SeedFile[],
  previous: Map<string, Article>,
  maxBytes: number,
  previousManifest: Manifest = {},
): Promise<Built> {
  const articles: Article[] = [];
  const failures: SeedFailure[] = [];
  const report = { added: [] as string[], changed: [] as string[], unchanged: [] as string[] };
  const ids = new Set<string>();
  for (const [n, seed] of files.entries()) {
    if (n % PARSE_CHUNK === PARSE_CHUNK - 1) await nextTurn();
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
  }
  const index = new MiniSearch<ParagraphDoc>(INDEX_OPTIONS);
  const docs = articles.flatMap(paragraphDocs);
  for (let start = 0; start < docs.length; start += INDEX_CHUNK) {
    index.addAll(docs.slice(start, start + INDEX_CHUNK));
    await nextTurn();
  }
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

export function manifestOf(files: SeedFile[]): Manifest {
  return Object.fromEntries(files.flatMap((f) => (f.sha256 ? [[f.file, f.sha256]] : [])));
}

