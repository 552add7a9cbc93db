import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArticle, type Article } from '../src/ingest/article.ts';

export const REPO = join(import.meta.dirname, '..');
export const SEED_FILE = join(REPO, 'seeds', '000_747bf3bd7eb8621c.txt');
export const FIXTURES = join(REPO, 'test', 'fixtures', 'articles');

export function loadArticle(path: string): Article {
  return parseArticle(path, readFileSync(path));
}

export const loadSeed = (): Article => loadArticle(SEED_FILE);
export const loadFixture = (name: string): Article => loadArticle(join(FIXTURES, name));
