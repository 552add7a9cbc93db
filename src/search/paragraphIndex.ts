/**
 * What MiniSearch indexes: one document per paragraph, with our tokenizer. Apart from corpus.ts so that the index
 * worker (src/library/indexWorker.ts) loads only this, the tokenizer and MiniSearch: a thread starts in about half
 * the time without the rest of the search code.
 */
import MiniSearch, { type Options } from 'minisearch';
import type { Article } from '../ingest/article.ts';
import { shardOf, type IndexShard } from './shards.ts';
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

/**
 * Indexes paragraphs in order with MiniSearch, copying its index into an `IndexShard` and starting a new one every
 * `shardParagraphs` paragraphs: MiniSearch's maps take about 56 bytes a posting, a shard's arrays 8. Joined, the
 * shards are the index MiniSearch would have built of all the paragraphs (see shards.ts).
 */
export class ShardedIndexer {
  readonly #shards: IndexShard[] = [];
  #index = new MiniSearch<ParagraphDoc>(INDEX_OPTIONS);

  /** `afterCut` runs once each MiniSearch index has been copied and dropped (a build collects its garbage then). */
  constructor(
    readonly shardParagraphs: number,
    private readonly afterCut: () => void = () => undefined,
  ) {}

  add(doc: ParagraphDoc): void {
    this.#index.add(doc);
    if (this.#index.documentCount < this.shardParagraphs) return;
    this.#shards.push(shardOf(this.#index));
    this.#index = new MiniSearch<ParagraphDoc>(INDEX_OPTIONS);
    this.afterCut();
  }

  /** Every shard, the last one cut from what is left (an empty index when nothing was added at all). */
  finish(): IndexShard[] {
    if (this.#index.documentCount > 0 || this.#shards.length === 0) this.#shards.push(shardOf(this.#index));
    return this.#shards;
  }
}
