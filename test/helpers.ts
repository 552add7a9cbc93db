import { copyFileSync, mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { parseArticle, type Article } from '../src/ingest/article.ts';
import { Library } from '../src/library/library.ts';
import { createLogger } from '../src/log.ts';
import type { PostingList } from '../src/search/postings.ts';

export const REPO = join(import.meta.dirname, '..');
export const SEED_FILE = join(REPO, 'seeds', '000_747bf3bd7eb8621c.txt');
export const FIXTURES = join(REPO, 'test', 'fixtures', 'articles');

export function loadArticle(path: string): Article {
  return parseArticle(path, readFileSync(path));
}

export const loadSeed = (): Article => loadArticle(SEED_FILE);

/** Every posting's BM25 factor of a frozen list, in order. */
export const factorsOf = (list: PostingList): number[] => Array.from(list.codes, (code) => list.factors[code]!);

/** A page in the shape the ingest reads: headline, outlet line, body paragraphs between blank lines, a footer. */
export const newsPage = (title: string, paragraphs: string[]): Buffer =>
  Buffer.from([title, '한빛일보 | 입력 2024.03.01 (09:00)', '', ...paragraphs.flatMap((p) => [p, '']), 'ⓒ 한빛일보'].join('\n'));
export const loadFixture = (name: string): Article => loadArticle(join(FIXTURES, name));

/** A real Library over copies of the given article files in a fresh temp seeds folder. */
export async function openLibrary(files: string[], options: { maxArticleBytes?: number } = {}) {
  const root = mkdtempSync(join(tmpdir(), 'gisa-lib-'));
  const seedsDir = join(root, 'seeds');
  mkdirSync(seedsDir);
  for (const f of files) copyFileSync(f, join(seedsDir, basename(f)));
  const opened = await Library.open({
    seedsDir,
    dataDir: join(root, 'data'),
    maxArticleBytes: options.maxArticleBytes ?? 2 * 1024 * 1024,
    logger: createLogger('silent'),
  });
  return { ...opened, root, seedsDir, dataDir: join(root, 'data') };
}

export const fixture = (name: string): string => join(FIXTURES, name);
export const ALL_ARTICLES = [SEED_FILE, ...['yonhap_chip_exports.txt', 'daily_market_digital.txt', 'newsis_summit.txt', 'hankyung_ai_chips.txt'].map(fixture)];
