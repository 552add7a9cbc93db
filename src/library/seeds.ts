import { createHash } from 'node:crypto';
import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { parseArticle, type Article } from '../ingest/article.ts';
import { UserError } from '../errors.ts';
import { IngestError } from '../ingest/errors.ts';

export interface SeedFailure {
  file: string;
  message: string;
}

/** One seed file as read from disk: its bytes and hash, or why it could not be read. */
export type SeedFile = { file: string; sha256: string; bytes: Uint8Array } | { file: string; sha256: null; error: string };

const ARTICLE_FILE = /\.txt$/i;

export const sha256 = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

/** Names of the article files in a seeds folder, sorted so ids and order are stable. */
export async function listSeedFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true }).catch((error: unknown) => {
    throw new UserError(`the seeds folder ${dir} cannot be read (${errorCode(error)}); check SEEDS_DIR`);
  });
  return entries
    .filter((e) => e.isFile() && ARTICLE_FILE.test(e.name) && !e.name.startsWith('.'))
    .map((e) => e.name)
    .sort();
}

/** Reads every seed file, refusing oversized ones before pulling them into memory. */
export async function readSeedFiles(dir: string, maxBytes: number): Promise<SeedFile[]> {
  const files: SeedFile[] = [];
  for (const file of await listSeedFiles(dir)) {
    const path = join(dir, file);
    try {
      const size = (await stat(path)).size;
      if (size > maxBytes) {
        files.push({ file, sha256: null, error: `the file is ${size} bytes, over the ${maxBytes}-byte limit` });
        continue;
      }
      const bytes = await readFile(path);
      files.push({ file, sha256: sha256(bytes), bytes });
    } catch (error) {
      files.push({ file, sha256: null, error: `cannot read the file (${errorCode(error)})` });
    }
  }
  return files;
}

/** Parses one read file; the only errors are reported, never thrown. */
export function parseSeed(seed: SeedFile & { bytes: Uint8Array }, maxBytes: number): { article: Article } | { error: string } {
  try {
    return { article: parseArticle(seed.file, seed.bytes, { maxBytes }) };
  } catch (error) {
    if (error instanceof IngestError) return { error: error.message };
    // A parser bug on one file must not take the others down with it.
    return { error: `internal error while parsing (${error instanceof Error ? error.message : String(error)})` };
  }
}

function errorCode(error: unknown): string {
  return error instanceof Error && 'code' in error ? String(error.code) : String(error);
}
