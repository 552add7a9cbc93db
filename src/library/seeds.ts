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

/**
 * Reads every seed file, refusing oversized ones before pulling them into memory. Several at a time: one after
 * another, each read waited a round trip through libuv's thread pool (about 0.25 s for 1,000 files; 0.16 s so).
 */
export async function readSeedFiles(dir: string, maxBytes: number): Promise<SeedFile[]> {
  const names = await listSeedFiles(dir);
  const files: SeedFile[] = [];
  for (let start = 0; start < names.length; start += READS_AT_ONCE) {
    files.push(...(await Promise.all(names.slice(start, start + READS_AT_ONCE).map((file) => readSeedFile(dir, file, maxBytes)))));
  }
  return files;
}

const READS_AT_ONCE = 16;

async function readSeedFile(dir: string, file: string, maxBytes: number): Promise<SeedFile> {
  const path = join(dir, file);
  try {
    const size = (await stat(path)).size;
    if (size > maxBytes) return { file, sha256: null, error: `the file is ${size} bytes, over the ${maxBytes}-byte limit` };
    const bytes = await readFile(path);
    return { file, sha256: sha256(bytes), bytes };
  } catch (error) {
    return { file, sha256: null, error: `cannot read the file (${errorCode(error)})` };
  }
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
