import fc from 'fast-check';
import MiniSearch from 'minisearch';
import { describe, expect, it } from 'vitest';
import { syntheticArticles } from '../bench/synthetic.ts';
import { parseArticle } from '../src/ingest/article.ts';
import { ask } from '../src/search/ask.ts';
import { assembleCorpus, buildCorpus, buildIndex, headlineIndex } from '../src/search/corpus.ts';
import { INDEX_OPTIONS, paragraphDocs, type ParagraphDoc } from '../src/search/paragraphIndex.ts';
import { documentIdsOf, FactorTable, freezePostings, MAX_CODES } from '../src/search/postings.ts';
import { joinShards, shardOf } from '../src/search/shards.ts';
import { coordination, coverage, planQuery, type QueryPlan } from '../src/search/query.ts';
import { matchMask, rangeMasks, retrieve, scoredTerms } from '../src/search/retrieve.ts';
import { ALL_ARTICLES, factorsOf, loadArticle } from './helpers.ts';
import { readQuestions } from '../bench/corpora.ts';

const bundled = ALL_ARTICLES.map(loadArticle);
const distractors = [...syntheticArticles(bundled, 150)].map((f) => parseArticle(f.file, Buffer.from(f.text)));
const corpus = buildCorpus([...bundled, ...distractors]);
const allDocs = Array.from({ length: corpus.fields[0]!.postings.size }, (_, doc) => doc).filter((doc) => corpus.docs.article(doc));
const vocabulary = [...new Set([...bundled, ...distractors.slice(0, 20)].flatMap((a) => a.paragraphs.flatMap((p) => p.text.split(/\s+/))))];

/**
 * The reference: score every document with MiniSearch's own BM25, from indexes of its own built the same way (one
 * search per token; a paragraph takes its article's headline scores). Slow, obviously right, and independent of
 * the frozen postings it checks. A document is a candidate when it holds a token that may find documents (not
 * only headline words or pieces of known words).
 */
const reference = { text: buildIndex(corpus.articles), title: headlineIndex(corpus.articles) };
const ONE_TOKEN = { prefix: false, fuzzy: false, tokenize: (t: string) => [t], processTerm: (t: string) => t } as const;

/** MiniSearch's score of one token in one field, by our document. */
function minisearchScores(field: 'text' | 'title', token: string): Map<number, number> {
  const scores = new Map<number, number>();
  for (const hit of reference[field].search(token, ONE_TOKEN)) {
    const id = String(hit.id);
    if (field === 'text') {
      const hash = id.lastIndexOf('#');
      scores.set(corpus.docs.docOf(id.slice(0, hash), Number(id.slice(hash + 1)))!, hit.score);
    } else {
      for (const p of corpus.byId.get(id)!.paragraphs) scores.set(corpus.docs.docOf(id, p.n)!, hit.score);
    }
  }
  return scores;
}

function exhaustive(plan: QueryPlan, limit: number, accept?: (doc: number) => boolean) {
  const finders = scoredTerms(corpus.fields, plan).filter((t) => !t.lookupOnly);
  const lists = corpus.fields.flatMap((field) => plan.terms.map((term) => ({ term, field, scores: minisearchScores(field.name, term.token) })));
  const finding = finders.map((t) => lists.find((l) => l.term.bit === t.bit && l.field === t.field)!.scores);
  const scored: { doc: number; score: number }[] = [];
  for (const doc of allDocs) {
    if (accept && !accept(doc)) continue;
    if (!finding.some((scores) => scores.has(doc))) continue;
    let sum = 0;
    let mask = 0;
    for (const { term, field, scores } of lists) {
      const score = scores.get(doc);
      if (score === undefined) continue;
      sum += term.weight * field.weight * score;
      mask |= term.bit;
    }
    const score = sum * coordination(coverage(plan, mask));
    if (score > 0) scored.push({ doc, score });
  }
  return scored.sort((a, b) => b.score - a.score || a.doc - b.doc).slice(0, limit);
}

/**
 * Frozen factors are single precision (see PostingList), MiniSearch's scores double: a sum of a few terms agrees to
 * well within a millionth.
 */
function expectSameScore(ours: number, minisearch: number): void {
  expect(Math.abs(ours - minisearch), `${ours} against ${minisearch}`).toBeLessThanOrEqual(1e-6 * Math.abs(minisearch));
}

function expectSameScores(ours: { score: number }[], minisearch: { score: number }[]): void {
  expect(ours.length).toBe(minisearch.length);
  ours.forEach((c, i) => expectSameScore(c.score, minisearch[i]!.score));
}

describe('top-k retrieval over the index', () => {
  it('returns exactly the documents and scores that scoring every document would, for any query', () => {
    const word = fc.constantFrom(...vocabulary);
    fc.assert(
      fc.property(fc.array(word, { minLength: 1, maxLength: 8 }), fc.integer({ min: 1, max: 25 }), (words, limit) => {
        const plan = planQuery(words.join(' '), { expansions: corpus.expansions, synonyms: corpus.synonyms });
        const fast = retrieve(plan, scoredTerms(corpus.fields, plan), { limit });
        const slow = exhaustive(plan, limit);
        expectSameScores(fast, slow);
        // Documents may swap places only where scores tie.
        fast.forEach((c, i) => {
          if (c.doc !== slow[i]!.doc) expectSameScore(c.score, slow[i]!.score);
        });
      }),
      { numRuns: 150 },
    );
  });

  it('returns exactly what scoring every document would under an article filter too, for any query and article', () => {
    const word = fc.constantFrom(...vocabulary);
    // Articles whose headlines share the question's words: their paragraphs are bounded per headline until met.
    // Words of the filtered article itself, mixed with others, so that the filter has something to keep.
    const question = fc.nat(corpus.articles.length - 1).chain((at) => {
      const own = [...new Set(corpus.articles[at]!.paragraphs.flatMap((p) => p.text.split(/\s+/)))];
      return fc.tuple(fc.constant(at), fc.array(fc.oneof(fc.constantFrom(...own), word), { minLength: 1, maxLength: 8 }));
    });
    fc.assert(
      fc.property(question, fc.integer({ min: 1, max: 10 }), ([at, words], limit) => {
        const only = corpus.articles[at]!.id;
        const accept = (doc: number) => corpus.docs.article(doc)?.id === only;
        const plan = planQuery(words.join(' '), { expansions: corpus.expansions, synonyms: corpus.synonyms });
        const fast = retrieve(plan, scoredTerms(corpus.fields, plan), { limit, accept });
        const slow = exhaustive(plan, limit, accept);
        expectSameScores(fast, slow);
      }),
      { numRuns: 100 },
    );
  });

  it('honours an article filter the same way', () => {
    const only = bundled[1]!.id;
    const accept = (doc: number) => corpus.docs.article(doc)?.id === only;
    const plan = planQuery('반도체 수출 증가 중국', { expansions: corpus.expansions });
    const fast = retrieve(plan, scoredTerms(corpus.fields, plan), { limit: 5, accept });
    expect(fast.length).toBeGreaterThan(0);
    expect(fast.every((c) => corpus.docs.article(c.doc)?.id === only)).toBe(true);
    expect(fast.map((c) => c.doc)).toEqual(exhaustive(plan, 5, accept).map((c) => c.doc));
  });

  it("freezes each term's list: the documents holding it, ascending, each with MiniSearch's BM25 over the IDF (single precision)", () => {
    const postings = corpus.fields[0]!.postings;
    const words = [...new Set(vocabulary.map((w) => w.toLowerCase()))].filter((w) => postings.get(w)).slice(0, 200);
    expect(words.length).toBe(200);
    for (const word of words) {
      const list = postings.get(word)!;
      const scores = minisearchScores('text', word);
      expect([...list.docs]).toEqual([...scores.keys()].sort((a, b) => a - b));
      const idf = Math.log(1 + (postings.documentCount - list.docs.length + 0.5) / (list.docs.length + 0.5));
      // Stored in single precision: within its rounding (2^-24 relative) of MiniSearch's score.
      const factors = factorsOf(list);
      list.docs.forEach((doc, i) => {
        const score = scores.get(doc)!;
        expect(Math.abs(factors[i]! * idf - score)).toBeLessThanOrEqual(score * 2 ** -23);
      });
      expect(list.maxFactor).toBe(Math.max(...factors));
      expect(postings.factor(list, list.docs[0]!)).toBe(factors[0]);
      expect(postings.factor(list, list.docs[0]! - 1)).toBeUndefined();
    }
    expect(postings.get('없는낱말')).toBeUndefined();
  });

  it('codes each (term frequency, document length) once, and past 65,536 of them gives the nearest factor there is', () => {
    const table = new FactorTable(12.5);
    // MiniSearch's BM25+ (k 1.2, b 0.7, d 0.5) over its IDF, in single precision.
    const exact = (tf: number, length: number) => Math.fround(0.5 + (tf * 2.2) / (tf + 1.2 * (0.3 + (0.7 * length) / 12.5)));
    const first = table.code(1, 10);
    expect(table.code(1, 10)).toBe(first);
    expect(table.code(300, 10)).toBe(table.code(300, 10));
    expect(new Set([first, table.code(2, 10), table.code(1, 11), table.code(300, 10)]).size).toBe(4);
    expect(table.factors[table.code(300, 10)]).toBe(exact(300, 10));
    for (let length = 1; table.factors.length < MAX_CODES; length++) {
      for (let tf = 1; tf < 16; tf++) expect(table.factors[table.code(tf, length)]).toBe(exact(tf, length));
    }
    expect(table.factors.length).toBe(MAX_CODES);
    const sorted = [...table.factors].sort((a, b) => a - b);
    for (const [tf, length] of [[40, 3], [1, 1_000_000], [17, 99_999], [7, 123_456]] as const) {
      const code = table.code(tf, length);
      expect(code).toBeLessThan(MAX_CODES);
      const gap = Math.abs(table.factors[code]! - exact(tf, length));
      expect(gap).toBe(Math.min(...sorted.map((f) => Math.abs(f - exact(tf, length)))));
    }
    expect(table.factors.length).toBe(MAX_CODES);
  });

  it("freezes MiniSearch's postings copied into arrays (as a build and a snapshot hold them) into the same lists as the index itself", () => {
    const index = reference.text;
    const fromIndex = freezePostings(index, 'text');
    const copied = joinShards([shardOf(index)]);
    const fromArrays = freezePostings(copied, 'text');
    expect([fromArrays.size, fromArrays.documentCount]).toEqual([fromIndex.size, fromIndex.documentCount]);
    expect([...documentIdsOf(copied)]).toEqual([...documentIdsOf(index)]);
    const words = [...new Set(vocabulary.map((w) => w.toLowerCase()))].filter((w) => fromIndex.get(w));
    expect(words.length).toBeGreaterThan(1000);
    for (const word of words) {
      const [a, b] = [fromIndex.get(word)!, fromArrays.get(word)!];
      expect([b.docs, factorsOf(b), b.maxFactor]).toEqual([a.docs, factorsOf(a), a.maxFactor]);
    }
    expect(fromArrays.get('없는낱말')).toBeUndefined();
  });

  it("reads a headline's postings once per article, and maps them to every paragraph of the article and no other", () => {
    const headlines = corpus.fields.find((f) => f.name === 'title')!.postings;
    const keys = headlines.keys!;
    const seed = bundled[0]!;
    const list = headlines.get('소라')!;
    const listedKeys = new Set(list.docs);
    const seedKey = keys.of[corpus.docs.docOf(seed.id, 1)!]!;
    expect(listedKeys.has(seedKey)).toBe(true);
    const seedDocs = seed.paragraphs.map((p) => corpus.docs.docOf(seed.id, p.n)!);
    expect([...keys.docs.subarray(keys.start[seedKey]!, keys.start[seedKey + 1]!)].sort((a, b) => a - b)).toEqual(seedDocs.sort((a, b) => a - b));
    for (const doc of seedDocs) {
      expect(keys.of[doc]).toBe(seedKey);
      expect(headlines.factor(list, doc)).toBeGreaterThan(0);
    }
    // Every paragraph of a listed headline's article holds the word through its headline; no other paragraph does.
    for (const doc of allDocs) {
      expect(headlines.factor(list, doc) !== undefined).toBe(listedKeys.has(keys.of[doc]!));
      expect(keys.of[doc]).toBeGreaterThanOrEqual(0);
    }
  });

  it("reads which question tokens each paragraph of an article holds from the scans, as looking each up would", () => {
    const word = fc.constantFrom(...vocabulary);
    fc.assert(
      fc.property(fc.array(word, { minLength: 1, maxLength: 8 }), fc.nat(corpus.articles.length - 1), (words, at) => {
        const plan = planQuery(words.join(' '), { expansions: corpus.expansions, synonyms: corpus.synonyms });
        const text = scoredTerms(corpus.fields, plan).filter((t) => t.field.name === 'text');
        const article = corpus.articles[at]!;
        const first = corpus.docs.firstDocOf(article.id);
        expect(first).toBeDefined();
        const masks = [...rangeMasks(text, first!, article.paragraphs.length).subarray(0, article.paragraphs.length)];
        expect(masks).toEqual(article.paragraphs.map((p) => matchMask(text, corpus.docs.docOf(article.id, p.n)!)));
      }),
      { numRuns: 100 },
    );
  });

  it('answers the same from an index whose paragraphs were added out of article order', () => {
    // Every fifth paragraph first: articles are no longer ranges of documents, so article focus looks their
    // paragraphs up one by one.
    const articles = [...bundled, ...distractors.slice(0, 30)];
    const docs = articles.flatMap(paragraphDocs);
    const shuffled = [...docs.filter((_, i) => i % 5 === 0), ...docs.filter((_, i) => i % 5 !== 0)];
    const index = new MiniSearch<ParagraphDoc>(INDEX_OPTIONS);
    index.addAll(shuffled);
    const scattered = assembleCorpus(articles, index);
    const ordered = buildCorpus(articles);
    expect(articles.filter((a) => scattered.docs.firstDocOf(a.id) === undefined).length).toBeGreaterThan(0);
    expect(articles.every((a) => ordered.docs.firstDocOf(a.id) !== undefined)).toBe(true);
    for (const { docs: table } of [ordered, scattered]) {
      for (const article of articles) {
        for (const { n } of article.paragraphs) {
          const doc = table.docOf(article.id, n)!;
          expect([table.article(doc)?.id, table.paragraph(doc)]).toEqual([article.id, n]);
        }
        for (const n of [0, 1.5, article.paragraphs.length + 1]) expect(table.docOf(article.id, n)).toBeUndefined();
      }
      expect(table.docOf('no-such-article', 1)).toBeUndefined();
    }
    const questions = readQuestions('test/golden/ask.json').answerable.map((q) => q.q);
    for (const q of questions) {
      const a = ask(ordered, q, { limit: 5 });
      const b = ask(scattered, q, { limit: 5 });
      expect(b.results.map((r) => r.score)).toEqual(a.results.map((r) => expect.closeTo(r.score, 9)));
      expect(b.answer).toEqual(a.answer);
    }
  });

  it('refuses an index whose internals it does not recognise, instead of answering wrongly', () => {
    expect(() => freezePostings({} as MiniSearch)).toThrow(/minisearch version/);
    const index = new MiniSearch({ fields: ['body'] });
    expect(() => freezePostings(index)).toThrow(/no field 'text'/);
    // Postings out of document order would mislead the binary searches over them.
    const texts = new MiniSearch<{ id: number; text: string }>({ fields: ['text'] });
    texts.addAll([1, 2, 3].map((id) => ({ id, text: 'same word' })));
    expect([...freezePostings(texts, 'text').get('same')!.docs]).toEqual([0, 1, 2]);
    const internals = texts as unknown as { _index: { get(term: string): Map<number, Map<number, number>> } };
    const list = internals._index.get('same')!.get(0)!;
    const first = list.get(0)!;
    list.delete(0);
    list.set(0, first);
    expect(() => freezePostings(texts, 'text')).toThrow(/out of document order/);
  });

  it('keeps the document a threshold was taken from, whatever the rounding (a top of one)', () => {
    // Found by the property test: this document's completed score, summed in another order, came out an ulp
    // above its final one, and the threshold taken from it cut it.
    const plan = planQuery('PR 다습이', { expansions: corpus.expansions, synonyms: corpus.synonyms });
    const fast = retrieve(plan, scoredTerms(corpus.fields, plan), { limit: 1 });
    expect(fast.map((c) => c.doc)).toEqual(exhaustive(plan, 1).map((c) => c.doc));
    expect(fast).toHaveLength(1);
  });
});
