import { createHash } from 'node:crypto';
import { open, readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { parseArticle, type Article } from '../ingest/article.ts';
import { UserError } from '../errors.ts';
import { IngestError } from '../ingest/errors.ts';
import { readExactly } from './readExactly.ts';

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
 * Reads every seed file, refusing oversized ones before pulling them into memory, into one block for all of them.
 * Read one by one, 10,000 files' bytes (60 MB) were 10,000 allocations that glibc kept resident after they were
 * let go, interleaved with what loading kept: RSS while serving held them. One block that large is its own
 * mapping, given back to the system once no file's bytes are in use. Several files at a time: one after another,
 * each read waited a round trip through libuv's thread pool (about 0.25 s for 1,000 files; 0.16 s so).
 */
export async function readSeedFiles(dir: string, maxBytes: number): Promise<SeedFile[]> {
  const names = await listSeedFiles(dir);
  const sizes = await inBatches(names, (file) => stat(join(dir, file)).then(
    (s) => s.size,
    (error: unknown) => `cannot read the file (${errorCode(error)})`,
  ));
  const offsets: number[] = [];
  let total = 0;
  for (const size of sizes) {
    offsets.push(total);
    if (typeof size === 'number' && size <= maxBytes) total += size;
  }
  const block = new Uint8Array(total);
  return inBatches(names, async (file, i): Promise<SeedFile> => {
    const size = sizes[i]!;
    if (typeof size === 'string') return { file, sha256: null, error: size };
    if (size > maxBytes) return { file, sha256: null, error: `the file is ${size} bytes, over the ${maxBytes}-byte limit` };
    return readSeedFile(join(dir, file), file, block.subarray(offsets[i]!, offsets[i]! + size), maxBytes);
  });
}

const READS_AT_ONCE = 16;

async function inBatches<T, R>(items: T[], each: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const results: R[] = [];
  for (let start = 0; start < items.length; start += READS_AT_ONCE) {
    results.push(...(await Promise.all(items.slice(start, start + READS_AT_ONCE).map((item, k) => each(item, start + k)))));
  }
  return results;
}

/** Reads a file into `into`, sized as it was listed; one that changed size since is read again on its own. */
async function readSeedFile(path: string, file: string, into: Uint8Array, maxBytes: number): Promise<SeedFile> {
  try {
    const handle = await open(path);
    try {
      if ((await readExactly(handle, into, 0)) && (await handle.stat()).size === into.length) return { file, sha256: sha256(into), bytes: into };
    } finally {
      await handle.close();
    }
    const bytes = await readFile(path);
    if (bytes.length > maxBytes) return { file, sha256: null, error: `the file is ${bytes.length} bytes, over the ${maxBytes}-byte limit` };
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
