import type { Article } from '../ingest/article.ts';
import { stripParticles } from './particles.ts';
import { QUERY_STOPWORDS } from './stopwords.ts';

/** Words too common in news prose to tell a reader what an article is about. */
const GENERIC = new Set(['있다', '있습니다', '했다', '했습니다', '밝혔다', '말했다', '지난', '이번', '또한', '다만', '하지만', '이어', '또', '한']);

/**
 * The words an article keeps coming back to (in most paragraphs), in their printed form (`오픈AI`, `소라`):
 * what to suggest when a question is not answered by it.
 */
export function articleTopics(article: Article, limit = 6): string[] {
  const counts = new Map<string, { form: string; paragraphs: number }>();
  for (const paragraph of article.paragraphs) {
    const seen = new Set<string>();
    for (const raw of paragraph.text.normalize('NFC').split(/\s+/)) {
      const form = stripParticles(raw.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '').replace(/[("“'‘].*$/u, ''));
      const key = form.toLowerCase();
      if ([...form].length < 2 || /^\d/.test(form) || GENERIC.has(key) || QUERY_STOPWORDS.has(key) || seen.has(key)) continue;
      seen.add(key);
      const entry = counts.get(key) ?? { form, paragraphs: 0 };
      entry.paragraphs++;
      counts.set(key, entry);
    }
  }
  return [...counts.values()]
    .filter((e) => e.paragraphs >= 2)
    .sort((a, b) => b.paragraphs - a.paragraphs)
    .slice(0, limit)
    .map((e) => e.form);
}
