/** What the benchmarks share: the bundled articles, the question sets and the synthetic distractors. */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { parseArticle, type Article } from '../src/ingest/article.ts';
import { syntheticArticles } from './synthetic.ts';

export const ROOT = join(import.meta.dirname, '..');
export const SEED = join(ROOT, 'seeds/000_747bf3bd7eb8621c.txt');
/** The seed plus the fixture articles the golden questions are about. */
export const GOLDEN_ARTICLE_FILES = [
  SEED,
  ...['yonhap_chip_exports.txt', 'daily_market_digital.txt', 'newsis_summit.txt', 'hankyung_ai_chips.txt'].map((f) =>
    join(ROOT, 'test/fixtures/articles', f),
  ),
];

const QuestionSetSchema = z.object({
  answerable: z.array(
    z.object({
      q: z.string(),
      article: z.string(),
      paragraph: z.number().int(),
      /** Other paragraphs that answer just as well (`오픈AI가 소라를 공개` is said twice). */
      also: z.array(z.number().int()).optional(),
    }),
  ),
  outOfScope: z.array(z.string()),
});
export type QuestionSet = z.infer<typeof QuestionSetSchema>;
export type Question = QuestionSet['answerable'][number];

export const readQuestions = (path: string): QuestionSet =>
  QuestionSetSchema.parse(JSON.parse(readFileSync(join(ROOT, path), 'utf8')));

export const loadArticles = (files: string[]): Article[] => files.map((f) => parseArticle(f, readFileSync(f)));

/** Writes `count` distractor files into `dir` (the real ingest reads them later) and returns their paths. */
export function writeDistractors(dir: string, count: number): string[] {
  mkdirSync(dir, { recursive: true });
  const paths: string[] = [];
  for (const { file, text } of syntheticArticles(loadArticles(GOLDEN_ARTICLE_FILES), count)) {
    const path = join(dir, file);
    writeFileSync(path, text);
    paths.push(path);
  }
  return paths;
}

/** `count` distractors, parsed; another `seed` draws another corpus of the same kind. */
export function distractorArticles(count: number, seed?: number): Article[] {
  const articles: Article[] = [];
  for (const { file, text } of syntheticArticles(loadArticles(GOLDEN_ARTICLE_FILES), count, seed)) {
    articles.push(parseArticle(file, Buffer.from(text)));
  }
  return articles;
}

export const isCorrect = (q: Question, hit: { article: string; paragraph: number } | undefined): boolean =>
  hit !== undefined && hit.article === q.article && (hit.paragraph === q.paragraph || (q.also ?? []).includes(hit.paragraph));
