import MiniSearch, { type Options } from 'minisearch';
import type { Article } from '../ingest/article.ts';
import { INTERVIEW_QUESTION } from '../ingest/vocabulary.ts';
import { documentIdsOf, freezePostings, type IndexSource, type Postings } from './postings.ts';
import { INDEX_OPTIONS, paragraphDocs, type ParagraphDoc } from './paragraphIndex.ts';
import { tokenizeKorean } from './tokenize.ts';
import { articleTopics } from './topics.ts';
import { buildSpeakerDirectory, speakerLookup, type SpeakerEntry, type SpeakerLookup } from './speakers.ts';
import { loadSynonyms, type SynonymTable } from './synonyms.ts';

/** An article's headline: what each of its paragraphs is about when the paragraph does not say. */
interface HeadlineDoc {
  id: string;
  title: string;
}

/** An indexed field and how much a match in it counts (a headline word counts half a word of the paragraph). */
export interface Field {
  name: 'text' | 'title';
  weight: number;
  postings: Postings;
}

export const TITLE_WEIGHT = 0.5;

export interface Corpus {
  articles: Article[];
  byId: Map<string, Article>;
  /**
   * The postings of the paragraph text and of the headlines, frozen from MiniSearch's indexes for top-k retrieval.
   * Headlines have an index of their own, one document per article, read per paragraph (see `freezePostings`):
   * indexed with each of an article's paragraphs, they cost as much to build as the text.
   */
  fields: Field[];
  /** Where each indexed document sits: article and paragraph. */
  docs: DocumentTable;
  /** What each document's paragraph is, by document: see PARAGRAPH_REPORTS and PARAGRAPH_ASKS. */
  paragraphKinds: Uint8Array;
  synonyms: SynonymTable;
  /** Lower-cased Latin glossary side → Korean term, for expanding English queries (`agi` → `인공범용지능`). */
  expansions: Map<string, string>;
  /** Names of the people and organisations each article quotes (`저우훙이`, `오픈AI`), by article id. */
  speakerNames: Map<string, string[]>;
  /** Recurring words of an article: suggestions when a question is not answered. Worked out on first use. */
  topics: (article: Article) => string[];
  /** Everyone quoted, merged across articles. */
  speakers: SpeakerEntry[];
  /** The same, sorted for fast prefix lookups (autocomplete). */
  speakerLookup: SpeakerLookup;
}

const HEADLINE_OPTIONS: Options<HeadlineDoc> = {
  idField: 'id',
  fields: ['title'],
  storeFields: [],
  tokenize: (text) => tokenizeKorean(text),
  processTerm: (term) => term,
};

/** Headlines are indexed from the articles whenever a corpus is assembled: one short document per article. */
export function headlineIndex(articles: Article[]): MiniSearch<HeadlineDoc> {
  const index = new MiniSearch<HeadlineDoc>(HEADLINE_OPTIONS);
  index.addAll(articles.map((a) => ({ id: a.id, title: a.title })));
  return index;
}

export function buildIndex(articles: Article[]): MiniSearch<ParagraphDoc> {
  const index = new MiniSearch<ParagraphDoc>(INDEX_OPTIONS);
  index.addAll(articles.flatMap(paragraphDocs));
  return index;
}

export const buildCorpus = (articles: Article[]): Corpus => assembleCorpus(articles, buildIndex(articles));

/**
 * Freezes an index (fresh, or as a snapshot holds it) and wraps it with the lookups derived from its articles. The
 * corpus keeps no reference to the index: once its snapshot is written, MiniSearch's copy can be collected.
 */
export function assembleCorpus(articles: Article[], index: IndexSource): Corpus {
  const expansions = glossaryExpansions(articles);
  // Only an unanswered question needs them: computing them for every article would slow every reindex.
  const topicsMemo = new WeakMap<Article, string[]>();
  const topics = (article: Article): string[] => {
    let found = topicsMemo.get(article);
    if (!found) topicsMemo.set(article, (found = articleTopics(article)));
    return found;
  };
  const speakerNames = new Map(articles.map((a) => [a.id, a.speakers.filter((s) => s.named).map((s) => s.name)]));
  const byId = new Map(articles.map((a) => [a.id, a]));
  const speakers = buildSpeakerDirectory(articles);
  const postings = freezePostings(index, 'text');
  const docs = documentTable(documentIdsOf(index), byId);
  const paragraphKinds = kindsOfParagraphs(articles, docs, postings.size);
  const headlines = headlineIndex(articles);
  const fields: Field[] = [
    { name: 'text', weight: 1, postings },
    { name: 'title', weight: TITLE_WEIGHT, postings: freezePostings(headlines, 'title', headlineOfDocument(postings, docs, headlines)) },
  ];
  return {
    articles,
    byId,
    fields,
    docs,
    paragraphKinds,
    synonyms: SYNONYMS,
    expansions,
    speakerNames,
    topics,
    speakers,
    speakerLookup: speakerLookup(speakers),
  };
}

const SYNONYMS = loadSynonyms();

const LATIN = /^[A-Za-z][A-Za-z0-9.\- ]*$/;
const HANGUL = /[\uac00-\ud7a3]/;

/** The most used gloss of an acronym must have this share of its definitions to stand for it (at 10,005 articles:
 * `마이크로소프트` has 29% of the 1,186 definitions of MS; the most common of 566 glosses of AGI has 3%). */
const MIN_GLOSS_SHARE = 1 / 4;

/**
 * English glossary side → its Korean term (`agi` → `인공범용지능`). When articles gloss an acronym differently,
 * the gloss most articles use wins (the first article's on a tie), so one odd article cannot redirect a query.
 * Without a clear winner (hundreds of glosses, none common) there is no expansion: the plurality's gloss would
 * then be as arbitrary as any, and one that is a common word makes every paragraph holding it an answer.
 */
function glossaryExpansions(articles: Article[]): Map<string, string> {
  const votes = new Map<string, Map<string, number>>();
  const vote = (latin: string, korean: string) => {
    const key = latin.toLowerCase();
    const counts = votes.get(key) ?? new Map<string, number>();
    counts.set(korean, (counts.get(korean) ?? 0) + 1);
    votes.set(key, counts);
  };
  for (const article of articles) {
    for (const { term, gloss } of article.glossary) {
      if (LATIN.test(gloss) && HANGUL.test(term)) vote(gloss, term);
      if (LATIN.test(term) && HANGUL.test(gloss)) vote(term, gloss);
    }
  }
  const expansions = new Map<string, string>();
  for (const [latin, counts] of votes) {
    let best = '';
    let most = 0;
    let total = 0;
    for (const [korean, n] of counts) {
      total += n;
      if (n > most) [best, most] = [korean, n];
    }
    if (most >= total * MIN_GLOSS_SHARE) expansions.set(latin, best);
  }
  return expansions;
}

/** Each paragraph document's headline document (-1 for none), so headline postings can be read per paragraph. */
/** The paragraph reports what someone said (it holds a quote). */
export const PARAGRAPH_REPORTS = 1;
/** The paragraph is an interviewer's question: context for the answer after it, never an answer. */
export const PARAGRAPH_ASKS = 2;

/** Worked out once per corpus rather than for every candidate of every question. */
function kindsOfParagraphs(articles: Article[], docs: DocumentTable, size: number): Uint8Array {
  const kinds = new Uint8Array(size);
  for (const article of articles) {
    for (const quote of article.quotes) {
      const doc = docs.docOf(article.id, quote.paragraph);
      if (doc !== undefined) kinds[doc]! |= PARAGRAPH_REPORTS;
    }
    for (const paragraph of article.paragraphs) {
      const doc = INTERVIEW_QUESTION.test(paragraph.text) ? docs.docOf(article.id, paragraph.n) : undefined;
      if (doc !== undefined) kinds[doc]! |= PARAGRAPH_ASKS;
    }
  }
  return kinds;
}

function headlineOfDocument(postings: Postings, docs: DocumentTable, headlines: MiniSearch<HeadlineDoc>): Int32Array {
  const byArticle = new Map<string, number>();
  for (const [doc, id] of documentIdsOf(headlines)) byArticle.set(id, doc);
  const keys = new Int32Array(postings.size).fill(-1);
  for (let doc = 0; doc < keys.length; doc++) {
    const article = docs.article(doc);
    if (article) keys[doc] = byArticle.get(article.id) ?? -1;
  }
  return keys;
}

/** Index document ↔ (article, paragraph), in typed arrays: one entry per paragraph, 10,000s of them. */
export interface DocumentTable {
  article(doc: number): Article | undefined;
  paragraph(doc: number): number;
  /** The document of paragraph `n` of an article. */
  docOf(articleId: string, n: number): number | undefined;
  /**
   * The document of an article's first paragraph when its paragraphs 1..n are documents first..first + n - 1, as
   * an index built in article order lays them out; undefined otherwise.
   */
  firstDocOf(articleId: string): number | undefined;
}

function documentTable(ids: Iterable<[number, string]>, byId: Map<string, Article>): DocumentTable {
  const entries = [...ids];
  const size = entries.reduce((max, [doc]) => Math.max(max, doc + 1), 0);
  const articleIndex = new Int32Array(size).fill(-1);
  const paragraphOf = new Int32Array(size);
  const articles: Article[] = [];
  const position = new Map<string, number>();
  const docsOf = new Map<string, Map<number, number>>();
  for (const [doc, id] of entries) {
    const hash = id.lastIndexOf('#');
    const articleId = id.slice(0, hash);
    const article = byId.get(articleId);
    if (!article) continue;
    let at = position.get(articleId);
    if (at === undefined) {
      at = articles.push(article) - 1;
      position.set(articleId, at);
      docsOf.set(articleId, new Map());
    }
    const n = Number(id.slice(hash + 1));
    articleIndex[doc] = at;
    paragraphOf[doc] = n;
    docsOf.get(articleId)!.set(n, doc);
  }
  // An article laid out in order needs only its first document; a map per article (10,000 of 20 entries) held
  // 8 MB. Only an article laid out otherwise keeps its map.
  const firstDocs = new Map<string, number>();
  for (const [articleId, docs] of docsOf) {
    const first = docs.get(1);
    const article = byId.get(articleId)!;
    const consecutive = first !== undefined && article.paragraphs.every((p) => docs.get(p.n) === first + p.n - 1);
    if (!consecutive || docs.size !== article.paragraphs.length) continue;
    firstDocs.set(articleId, first);
    docsOf.delete(articleId);
  }
  return {
    article: (doc) => articles[articleIndex[doc] ?? -1],
    paragraph: (doc) => paragraphOf[doc] ?? 0,
    docOf: (articleId, n) => {
      const first = firstDocs.get(articleId);
      if (first === undefined) return docsOf.get(articleId)?.get(n);
      return Number.isInteger(n) && n >= 1 && n <= byId.get(articleId)!.paragraphs.length ? first + n - 1 : undefined;
    },
    firstDocOf: (articleId) => firstDocs.get(articleId),
  };
}

export function findArticle(corpus: Corpus, id: string): Article | undefined {
  return corpus.byId.get(id);
}
