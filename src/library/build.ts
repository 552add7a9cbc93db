import MiniSearch from 'minisearch';
import type { Article } from '../ingest/article.ts';
import { assembleCorpus, INDEX_OPTIONS, paragraphDocs, type Corpus, type ParagraphDoc } from '../search/corpus.ts';
import { parseSeed, type SeedFailure, type SeedFile } from './seeds.ts';
import type { Manifest } from './snapshot.ts';

export interface Built {
  corpus: Corpus;
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
  for (const seed of files) {
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
  // Chunked, so queries arriving during a rebuild are answered between chunks.
  await index.addAllAsync(articles.flatMap(paragraphDocs), { chunkSize: 100 });
  const present = new Set(files.map((f) => f.file));
  return {
    corpus: assembleCorpus(articles, index),
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

export function manifestOf(files: SeedFile[]): Manifest {
  return Object.fromEntries(files.flatMap((f) => (f.sha256 ? [[f.file, f.sha256]] : [])));
}

