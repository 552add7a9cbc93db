import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { parseArticle, type Article } from '../ingest/article.ts';
import { IngestError } from '../ingest/errors.ts';

export interface SeedFailure {
  file: string;
  message: string;
}

export interface SeedScan {
  articles: Article[];
  failures: SeedFailure[];
}

const ARTICLE_FILE = /\.txt$/i;

/** Names of the article files in a seeds folder, sorted so ids and order are stable. */
export async function listSeedFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  return entries
    .filter((e) => e.isFile() && ARTICLE_FILE.test(e.name) && !e.name.startsWith('.'))
    .map((e) => e.name)
    .sort();
}

/** Parses every article file; a bad file is reported by name with its reason and the others still load. */
export async function scanSeeds(dir: string, maxBytes: number): Promise<SeedScan> {
  const articles: Article[] = [];
  const failures: SeedFailure[] = [];
  for (const name of await listSeedFiles(dir)) {
    try {
      const path = join(dir, name);
      const size = (await stat(path)).size;
      // Check the size before reading: a huge file must not be pulled into memory.
      if (size > maxBytes) throw new IngestError('too-large', `the file is ${size} bytes, over the ${maxBytes}-byte limit`);
      articles.push(parseArticle(name, await readFile(path), { maxBytes }));
    } catch (error) {
      failures.push({ file: name, message: describeFailure(error) });
    }
  }
  return { articles: dedupeIds(articles, failures), failures };
}

function describeFailure(error: unknown): string {
  if (error instanceof IngestError) return error.message;
  if (error instanceof Error && 'code' in error) return `cannot read the file (${String(error.code)})`;
  return error instanceof Error ? error.message : String(error);
}

/** Two files that map to one id (`a b.txt`, `a_b.txt`) would shadow each other: keep the first, report the rest. */
function dedupeIds(articles: Article[], failures: SeedFailure[]): Article[] {
  const seen = new Set<string>();
  return articles.filter((a) => {
    if (!seen.has(a.id)) {
      seen.add(a.id);
      return true;
    }
    failures.push({ file: a.file, message: `its id '${a.id}' is already used by another file` });
    return false;
  });
}
