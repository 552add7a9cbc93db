/**
 * `npm run eval`: retrieval quality of /ask on the question sets, ours against MiniSearch's defaults, on the seed
 * alone (its own questions; the other articles' questions are then out of scope), on the bundled articles, and
 * with synthetic distractor articles mixed in (`-- --distractors 1000`; default 10,000;
 * `-- --draw 2` draws another distractor corpus of the same kind, to see how much the figures owe to one draw).
 * Also measures each ranking technique by switching it off, and the questions asked within their own article (as
 * `/ask`'s `article` option asks them), which no distractor can then outrank. Prints figures; asserts nothing.
 */
import { parseArgs } from 'node:util';
import MiniSearch from 'minisearch';
import type { Article } from '../src/ingest/article.ts';
import { ask, type Techniques } from '../src/search/ask.ts';
import { buildCorpus, type Corpus } from '../src/search/corpus.ts';
import { paragraphDocs, type ParagraphDoc } from '../src/search/paragraphIndex.ts';
import { distractorArticles, GOLDEN_ARTICLE_FILES, isCorrect, loadArticles, readQuestions, type QuestionSet } from './corpora.ts';

const { values } = parseArgs({ options: { distractors: { type: 'string', default: '10000' }, draw: { type: 'string', default: '1' } } });
const distractorCount = Number(values.distractors);
const draw = Number(values.draw);
if (!Number.isInteger(draw) || draw < 1 || !Number.isInteger(distractorCount) || distractorCount < 0) {
  throw new Error('--draw takes a whole number from 1, --distractors a whole number from 0');
}
/** Draw 1 is the generator's default seed, the corpus `npm run bench` measures. */
const seed = draw === 1 ? undefined : draw;

const sets: [string, QuestionSet][] = [
  ['golden (tuned on)', readQuestions('test/golden/ask.json')],
  ['held-out (never tuned on)', readQuestions('bench/heldout.json')],
  ['held-out: who said what (never tuned on)', readQuestions('bench/heldout-saying.json')],
  ['hard (issue 6)', readQuestions('test/golden/hard.json')],
];

type Hit = { article: string; paragraph: number };
/** `article`: the article the question is about, for an engine asked within it (as `/ask`'s `article` option). */
type Engine = (q: string, article?: string) => Hit[];

interface Scores {
  r1: number;
  r3: number;
  mrr: number;
  /** Answerable questions with no answer at all. */
  silent: number;
  /** Out-of-scope questions correctly left unanswered; null when asked within an article (they are about none). */
  abstained: number | null;
  misses: string[];
}

function score(engine: Engine, set: QuestionSet, scoped: boolean): Scores {
  let r1 = 0;
  let r3 = 0;
  let mrr = 0;
  let silent = 0;
  const misses: string[] = [];
  for (const q of set.answerable) {
    const hits = engine(q.q, scoped ? q.article : undefined);
    const rank = hits.findIndex((h) => isCorrect(q, h));
    if (hits.length === 0) silent++;
    if (rank === 0) r1++;
    else misses.push(q.q);
    if (rank >= 0 && rank < 3) r3++;
    if (rank >= 0) mrr += 1 / (rank + 1);
  }
  const n = set.answerable.length || 1;
  const abstained = scoped ? null : set.outOfScope.filter((q) => engine(q).length === 0).length;
  return { r1: r1 / n, r3: r3 / n, mrr: mrr / n, silent, abstained, misses };
}

const ours = (corpus: Corpus, techniques: Partial<Techniques> = {}): Engine => (q, article) =>
  ask(corpus, q, { limit: 5, techniques, article }).results;

function minisearchDefault(articles: Article[]): Engine {
  const index = new MiniSearch<ParagraphDoc>({ fields: ['text'], storeFields: ['article', 'paragraph'] });
  index.addAll(articles.flatMap(paragraphDocs));
  return (q) =>
    index
      .search(q)
      .slice(0, 5)
      .map((r) => ({ article: String(r['article']), paragraph: Number(r['paragraph']) }));
}

const OFF = (name: keyof Techniques): Partial<Techniques> => ({ [name]: false });
const NONE: Partial<Techniques> = { synonyms: false, context: false, sentences: false, answerType: false, proximity: false, phrases: false, focus: false, speaker: false };

function report(label: string, articles: Article[], questionSets: [string, QuestionSet][] = sets): void {
  const started = performance.now();
  const corpus = buildCorpus(articles);
  // The third element: asked within the question's article, as a member in an article's thread would.
  const engines: [string, Engine, boolean?][] = [
    ['gisa-bot', ours(corpus)],
    ['  asked within its article', ours(corpus), true],
    ['  without synonyms', ours(corpus, OFF('synonyms'))],
    ['  without paragraph context', ours(corpus, OFF('context'))],
    ['  without sentence re-ranking', ours(corpus, OFF('sentences'))],
    ['  without answer type (who)', ours(corpus, OFF('answerType'))],
    ['  without proximity', ours(corpus, OFF('proximity'))],
    ['  without exact phrases', ours(corpus, OFF('phrases'))],
    ['  without article focus', ours(corpus, OFF('focus'))],
    ['  without who-said-what reading', ours(corpus, OFF('speaker'))],
    ['  BM25 × coverage only', ours(corpus, NONE)],
    ['MiniSearch default', minisearchDefault(articles)],
  ];
  const paragraphs = articles.reduce((n, a) => n + a.paragraphs.length, 0);
  console.log(`\n## ${label}: ${articles.length} articles, ${paragraphs} paragraphs (indexed in ${((performance.now() - started) / 1000).toFixed(1)} s)`);
  for (const [setName, set] of questionSets) {
    console.log(`\n${setName}: ${set.answerable.length} questions${set.outOfScope.length ? `, ${set.outOfScope.length} out of scope` : ''}`);
    console.log(`  ${'engine'.padEnd(30)} R@1    R@3    MRR    no answer  out-of-scope abstained`);
    for (const [name, engine, scoped = false] of engines) {
      const s = score(engine, set, scoped);
      const oos = set.outOfScope.length && s.abstained !== null ? `${s.abstained}/${set.outOfScope.length}` : '-';
      // A set with nothing to answer here (the seed alone, asked who said what in other articles) has no R@1.
      const rate = (r: number) => (set.answerable.length === 0 ? '  -  ' : r.toFixed(3));
      console.log(`  ${name.padEnd(30)} ${rate(s.r1)}  ${rate(s.r3)}  ${rate(s.mrr)}  ${String(s.silent).padStart(9)}  ${oos}`);
      if (name === 'gisa-bot' && s.misses.length > 0) console.log(`    misses: ${s.misses.join(' | ')}`);
    }
  }
}

const bundled = loadArticles(GOLDEN_ARTICLE_FILES);
const theSeed = bundled[0]!;
/** A set as the seed alone answers it: questions about the other bundled articles must be left unanswered. */
const aboutTheSeed = (set: QuestionSet): QuestionSet => ({
  answerable: set.answerable.filter((q) => q.article === theSeed.id),
  outOfScope: [...set.outOfScope, ...set.answerable.filter((q) => q.article !== theSeed.id).map((q) => q.q)],
});
report('the seed alone', [theSeed], sets.map(([name, set]) => [name, aboutTheSeed(set)]));
report('bundled articles (the seed and 4 fixtures)', bundled);
if (distractorCount > 0) {
  const started = performance.now();
  const distractors = distractorArticles(distractorCount, seed);
  console.log(`\n(generated and ingested ${distractorCount} distractor articles, draw ${draw}, in ${((performance.now() - started) / 1000).toFixed(1)} s)`);
  report(`bundled + ${distractorCount} synthetic distractors (draw ${draw})`, [...bundled, ...distractors]);
}
