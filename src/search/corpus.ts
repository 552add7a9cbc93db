import MiniSearch, { type Options } from 'minisearch';
import type { Article } from '../ingest/article.ts';
import { tokenizeKorean } from './tokenize.ts';
import { articleTopics } from './topics.ts';
import { buildSpeakerDirectory, type SpeakerEntry } from './speakers.ts';

/** One searchable unit: a paragraph of an article. */
export interface ParagraphDoc {
  id: string;
  article: string;
  paragraph: number;
  text: string;
}

export interface Corpus {
  articles: Article[];
  byId: Map<string, Article>;
  index: MiniSearch<ParagraphDoc>;
  /** Lower-cased Latin glossary side → Korean term, for expanding English queries (`agi` → `인공범용지능`). */
  expansions: Map<string, string>;
  /** Tokens of each article's title, by article id: the context every paragraph of it shares. */
  titleTokens: Map<string, string[]>;
  /** Recurring words of each article, by id: suggestions when a question is not answered. */
  topics: Map<string, string[]>;
  /** Everyone quoted, merged across articles. */
  speakers: SpeakerEntry[];
}

/** The index options, shared by building and by loading a snapshot (MiniSearch needs the same ones). */
export const INDEX_OPTIONS: Options<ParagraphDoc> = {
  idField: 'id',
  fields: ['text'],
  storeFields: ['article', 'paragraph'],
  tokenize: tokenizeKorean,
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

export function buildCorpus(articles: Article[]): Corpus {
  const index = new MiniSearch<ParagraphDoc>(INDEX_OPTIONS);
  index.addAll(articles.flatMap(paragraphDocs));
  return assembleCorpus(articles, index);
}

/** Wraps an index (fresh or loaded from a snapshot) with the lookups derived from its articles. */
export function assembleCorpus(articles: Article[], index: MiniSearch<ParagraphDoc>): Corpus {
  const expansions = new Map<string, string>();
  for (const article of articles) {
    for (const { term, gloss } of article.glossary) {
      if (/^[A-Za-z][A-Za-z0-9.\- ]*$/.test(gloss) && /[\uac00-\ud7a3]/.test(term)) expansions.set(gloss.toLowerCase(), term);
      if (/^[A-Za-z][A-Za-z0-9.\- ]*$/.test(term) && /[\uac00-\ud7a3]/.test(gloss)) expansions.set(term.toLowerCase(), gloss);
    }
  }
  const titleTokens = new Map(articles.map((a) => [a.id, tokenizeKorean(a.title)]));
  const topics = new Map(articles.map((a) => [a.id, articleTopics(a)]));
  return {
    articles,
    byId: new Map(articles.map((a) => [a.id, a])),
    index,
    expansions,
    titleTokens,
    topics,
    speakers: buildSpeakerDirectory(articles),
  };
}

export function findArticle(corpus: Corpus, id: string): Article | undefined {
  return corpus.byId.get(id);
}
