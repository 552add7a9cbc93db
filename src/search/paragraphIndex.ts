/**
 * What MiniSearch indexes: one document per paragraph, with our tokenizer. Apart from corpus.ts so that the index
 * worker (src/library/indexWorker.ts) loads only this, the tokenizer and MiniSearch: a thread starts in about half
 * the time without the rest of the search code.
 */
import type { Options } from 'minisearch';
import type { Article } from '../ingest/article.ts';
import { tokenizeKorean } from './tokenize.ts';

/** One searchable unit: a paragraph of an article. */
export interface ParagraphDoc {
  id: string;
  article: string;
  paragraph: number;
  text: string;
}

/** The index options, shared by building and by loading a snapshot (MiniSearch needs the same ones). */
export const INDEX_OPTIONS: Options<ParagraphDoc> = {
  idField: 'id',
  fields: ['text'],
  // Nothing is stored: a document's article and paragraph come from its id (see `documentTable`), which saves an
  // object per paragraph in memory and in the snapshot.
  storeFields: [],
  tokenize: (text) => tokenizeKorean(text),
  // Tokens are already normalised by the tokenizer; MiniSearch's default would lower-case again.
  processTerm: (term) => term,
};

export const paragraphDocId = (articleId: string, n: number): string => `${articleId}#${n}`;

export function paragraphDocs(article: Article): ParagraphDoc[] {
  return article.paragraphs.map((p) => ({
    id: paragraphDocId(article.id, p.n),
    article: article.id,
    paragraph: p.n,
    text: p.text,
  }));
}
