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

/** A made-up call between two foreign leaders: one named in full, then by family name and title (`트럼프 대통령은`). */
export const summitCallPage = (): Buffer =>
  newsPage('미중 정상 통화', [
    '미국과 중국 정상이 전화 통화를 했다고 백악관이 밝혔다.',
    '도널드 트럼프 미국 대통령은 "관세를 더 올리겠다"고 말했다.',
    '시진핑 중국 국가주석은 "대화로 풀자"고 답했다.',
    '트럼프 대통령은 "중국이 먼저 양보해야 한다"고 강조했다.',
    '전문가들은 트럼프 대통령의 관세 정책이 시장에 부담이 될 것이라고 분석했다.',
  ]);
