import type { Article } from '../ingest/article.ts';
import type { Speaker } from '../ingest/quotes.ts';
import { PARAGRAPH_ASKS, PARAGRAPH_REPORTS, type Corpus } from './corpus.ts';
import { holdsAge, intentBoost, questionIntent, type Intent } from './intent.ts';
import { coordination, coverage, isFound, maskOfWord, MAX_QUERY_TOKENS, namesAllButStatement, popcount, STATEMENT, type QueryPlan } from './query.ts';
import { isHangulCode } from './particles.ts';
import { isRoleNoun, SAYING_QUESTION } from './saying.ts';
import { matchDocument, matchMask, rangeMasks, scoredTerms, type ScoredTerm } from './retrieve.ts';
import { forEachQuote, lastWordOf, speakersNamedIn } from './speakers.ts';
import { forEachWord, splitWords } from './tokenize.ts';

/** The ranking techniques beyond BM25 and coverage, each switchable so `npm run eval` can measure it. */
export interface Techniques {
  /** Question verbs find the text's own (`만들다` → `개발`, `공개`): src/search/synonyms.json. */
  synonyms: boolean;
  /** A paragraph reads the one before it (subjects are named once, then referred to) and is found through it. */
  context: boolean;
  /** Prefer paragraphs where one sentence holds the question's words together, not scattered. */
  sentences: boolean;
  /**
   * `누가`/`who` questions prefer paragraphs that name someone the article quotes; `저우훙이는 누구야?`, the
   * paragraph that introduces the person (the first to name them, where news gives the title with the name).
   */
  answerType: boolean;
  /** Question words standing next to each other in the text (`반도체 수출`, `MS의 지원`) mark a real answer. */
  proximity: boolean;
  /** The question's own phrase, word for word with its particles (`사우스차이나모닝포스트에 따르면`), marks it more. */
  phrases: boolean;
  /** Prefer articles about the question: its words recur across the article, not in one stray paragraph. */
  focus: boolean;
  /**
   * A question about what someone said (`AI 정신병원은 뭐라고 했어?`, `통일부 입장은?`) looks at the quotes of the
   * speaker it names (by name or organisation), finds its `입장` in what was said, and does not need the role
   * after the name (`떡집 사장님`): see saying.ts.
   */
  speaker: boolean;
}

export const ALL_TECHNIQUES: Techniques = {
  synonyms: true,
  context: true,
  sentences: true,
  answerType: true,
  proximity: true,
  phrases: true,
  focus: true,
  speaker: true,
};

/** How much of the previous paragraph's (or the headline's) match a paragraph inherits as its context. */
const CONTEXT_SHARE = 0.5;
/** A paragraph whose best sentence holds none of the question keeps this share of its score. */
const SENTENCE_FLOOR = 0.5;
/** `누가` wants a name: a paragraph naming someone the article quotes beats a nameless one by this much. */
const ANSWER_TYPE_BOOST = 4;
/** Score multiplier added when every pair of neighbouring question words also stands together in the text. */
const PROXIMITY_BOOST = 0.5;
/**
 * Score multiplier added when every pair of the question's words stands in the text as printed. Small: a phrase
 * is a tie-breaker among paragraphs holding the words, not an answer (`오픈AI는 소라를` also opens paragraph 17,
 * which does not say when). 0.25 to 0.35 answered every bundled question and one more with 10,000 distractors;
 * 0.2 gained nothing, 0.45 lost two bundled ones (`npm run eval`).
 */
const PHRASE_BOOST = 0.3;
/** Words apart that still count as together: `마이크로소프트(MS)의 지원` puts `의` between `ms` and `지원`. */
const PROXIMITY_WINDOW = 2;
/** Score multiplier added for an article whose every paragraph holds the question's words. */
const FOCUS_BOOST = 8;
/**
 * A paragraph quoting the person the question names in their own words, against one reporting what they said:
 * `권성동은 뭐라고 했어?` asks for `권 원내대표는 "…"고 말했다`, not `…합의했다고 밝혔다`, which names him in full.
 */
const DIRECT_QUOTE_BOOST = 3;
/** A paragraph quoting the person the question names, against one that does not. */
const SPEAKER_BOOST = 2;
/** `저우훙이는 누구야?`: the paragraph introducing him, against one that only quotes him. */
const INTRODUCTION_BOOST = 4;
/** Paragraphs introducing the person asked about, re-ranked at most (a name quoted in many articles). */
const MAX_INTRODUCTIONS = 20;

const WHO_QUESTION = /누가|누구|이름|어느\s*(?:회사|기업|업체|사람|나라)|\bwho\b/i;
/** `소라가 뭐야?`, `웨이보란?`, `What is Sora?`: what something is, which news says where it first names it. */
const WHAT_IS_QUESTION = /뭐야|뭐임|뭔데|뭐예요|뭐에요|뭔가요|뭐지|뭐죠|무엇인가|무엇이야|무엇입니까|란\s*(?:뭐|무엇|\?|$)|\bwhat\s+(?:is|are)\b/i;

/** A question ready for re-ranking: its postings resolved, and per-article work remembered across paragraphs. */
export interface PreparedQuery {
  corpus: Corpus;
  plan: QueryPlan;
  terms: ScoredTerm[];
  /** Those of the paragraph text (not the headline). */
  textTerms: ScoredTerm[];
  /** First code units of the question's tokens: a printed word holding none of them cannot match. */
  tokenStarts: Set<number>;
  techniques: Techniques;
  intent: Intent;
  wantsWho: boolean;
  /**
   * Documents (paragraphs) quoting a speaker the question names, each with the bits of the question's words that
   * name them: quote attribution found them there, though the paragraph may refer back to them (`권 원내대표는`).
   */
  quoting: Map<number, number>;
  /** Those of them quoting the speaker's own words. */
  quotingDirectly: Set<number>;
  /** For a question asking who someone is: the paragraphs that introduce them (see `introductions`). */
  introducing: Set<number>;
  /** The question asks what something is: each article's first paragraph to hold its words answers best. */
  asksWhatItIs: boolean;
  /** For such a question, the first paragraph (n) of an article to hold every word of it; 0 for none. */
  firstMention(article: Article): number;
  /** The token bits of the words a statement stands for (see STATEMENT), with STATEMENT itself. */
  statementWords: number;
  /**
   * The plan without those words, for article focus: what the question is about, not what it asks for (`입장` of
   * `서울시 입장은?` is any statement, and an article about 입장 (entry) is no better for it).
   */
  topic: QueryPlan;
  focus(article: Article): number;
}

export interface Ranked {
  article: Article;
  n: number;
  score: number;
  coverage: number;
  /** Coverage of what the question is about (see `PreparedQuery.topic`): `국방부` of `국방부 입장은?`. */
  topicCoverage: number;
  sentence: string;
}

export function prepareQuery(corpus: Corpus, plan: QueryPlan, question: string, techniques: Techniques): PreparedQuery {
  const terms = scoredTerms(corpus.fields, plan);
  const quoting = new Map<number, number>();
  const quotingDirectly = new Set<number>();
  // The roles the question gives who it asks about (`장관` of `국토부 장관은 뭐라고 했어?`).
  const roleBits = plan.words.reduce((bits, w) => ((w.whole & STATEMENT) !== 0 && isRoleNoun(w.word, w.stem) ? bits | (w.whole & ~STATEMENT) : bits), 0);
  if (techniques.speaker && SAYING_QUESTION.test(question)) {
    // A much quoted name has hundreds of quotes in a library, and a few names and titles (all `speakerBits` reads).
    const bitsBySpeaker = new Map<string, number>();
    for (const entry of speakersNamedIn(corpus.speakerLookup, splitWords(question), (word) => bodyAliases(corpus, word))) {
      forEachQuote(entry, (quote, article) => {
        const doc = corpus.docs.docOf(article.id, quote.paragraph);
        if (doc === undefined) return;
        // The article's own record: the directory merges people of one name across articles (`인예`, CEO of BGI in
        // one, of a coined company in another).
        const speaker = article.speakers.find((s) => s.id === quote.speaker) ?? entry.speaker;
        const key = `${speaker.name}\u0000${speaker.title ?? ''}`;
        let bits = bitsBySpeaker.get(key);
        if (bits === undefined) bitsBySpeaker.set(key, (bits = speakerBits(plan, speaker, roleBits)));
        quoting.set(doc, (quoting.get(doc) ?? 0) | bits);
        if (quote.kind === 'direct') quotingDirectly.add(doc);
      });
    }
  }
  const wantsWho = techniques.answerType && WHO_QUESTION.test(question);
  const readings = new Map<Article, ArticleReading>();
  const reading = (article: Article): ArticleReading => {
    let value = readings.get(article);
    if (value === undefined) readings.set(article, (value = readArticle(query, article)));
    return value;
  };
  const query: PreparedQuery = {
    corpus,
    plan,
    terms,
    textTerms: terms.filter((t) => t.field.name === 'text'),
    tokenStarts: new Set(plan.terms.map((t) => t.token.charCodeAt(0))),
    techniques,
    intent: questionIntent(question),
    wantsWho,
    quoting,
    quotingDirectly,
    introducing: wantsWho ? introductions(corpus, plan, question) : new Set(),
    // A role is found where the speaker holds it (see `speakerBits`), not by any statement of theirs.
    statementWords: plan.words.reduce((bits, w) => ((w.whole & STATEMENT) !== 0 ? bits | w.whole : bits), 0) & ~roleBits,
    topic: { ...plan, words: plan.words.filter((w) => (w.whole & STATEMENT) === 0) },
    asksWhatItIs: techniques.answerType && WHAT_IS_QUESTION.test(question),
    focus: (article) => reading(article).focus,
    firstMention: (article) => reading(article).firstMention,
  };
  return query;
}

/**
 * The question's words a quoted speaker answers to: their name and title as the question words them, and the roles
 * the question gives (`roleBits`) if the text gives them none: `떡집 사장님` may be `떡집을 운영하는 김순자 씨`, but
 * `국토부 장관` is not `국토부 관계자`. Not their organisation or description, which the paragraph holds or not:
 * counted here, they made a coined `인예`'s quote hold the `BGI CEO` of the question.
 */
function speakerBits(plan: QueryPlan, speaker: Speaker, roleBits: number): number {
  let bits = 0;
  for (const field of [speaker.name, speaker.title]) {
    if (field) for (const word of splitWords(field)) bits |= maskOfWord(plan, word);
  }
  const lastWord = lastWordOf(speaker.name);
  const role = speaker.title ?? (isRoleNoun(lastWord, lastWord) ? lastWord : null);
  return role === null ? bits | roleBits : bits;
}

/**
 * What the name of a quoted speaker adds to a paragraph that only refers back to them (`박 원내대표는 "…"`): the most
 * each of its words adds anywhere, counted as context is, since the paragraph does not print it.
 */
function attributedWeight(query: PreparedQuery, bits: number): number {
  let weight = 0;
  if (bits !== 0) for (const term of query.textTerms) if ((term.bit & bits) !== 0) weight += term.bound;
  return weight;
}

/**
 * A Korean body's other name in the synonym table (`산업부` → 산업통상자원부). Not an English word's: those are common
 * nouns (`experts` → 전문가), not one body's name, and made every quoted `전문가` the one asked about (at 10,000
 * distractors, one of them answered `What did experts say about the talks?`).
 */
export const bodyAliases = (corpus: Corpus, word: string): readonly string[] =>
  isHangulCode(word.charCodeAt(0)) ? (corpus.synonyms.get(word) ?? []) : [];

/** The article-focus multiplier of a candidate (1 when focus is off). */
function focusFactor(query: PreparedQuery, article: Article | undefined): number {
  return article && query.techniques.focus ? 1 + FOCUS_BOOST * query.focus(article) : 1;
}

/** The final score of one candidate paragraph, with the sentence that best answers. */
export function rerank(query: PreparedQuery, doc: number): Ranked | null {
  const { corpus, plan, techniques } = query;
  const article = corpus.docs.article(doc);
  const n = corpus.docs.paragraph(doc);
  const paragraph = article?.paragraphs[n - 1];
  // An interviewer's question is context for the answer after it (found through it), never the answer.
  if (!article || !paragraph || (corpus.paragraphKinds[doc]! & PARAGRAPH_ASKS) !== 0) return null;
  // Its own match includes its headline, indexed with it (`반도체` in the title, not in the paragraph).
  const own = matchDocument(query.terms, doc);
  const previous = techniques.context && n > 1 ? corpus.docs.docOf(article.id, n - 1) : undefined;
  // The previous paragraph lends only what this one lacks, so a paragraph never outranks its own source.
  const before = previous === undefined ? { bm25: 0, mask: 0 } : matchDocument(query.terms, previous, own.mask);
  // Who it quotes is named where attribution found them: `박 원내대표는 "…"` holds `박찬대` of the question.
  const quotedName = query.quoting.get(doc) ?? 0;
  if (own.mask === 0 && before.mask === 0 && quotedName === 0) return null;
  // A paragraph that reports what someone said, and itself names all else the question asks for, holds its `입장`
  // in part (see STATEMENT), if that someone is who the question asks about (see `quotesTheTopic`). Not on the
  // previous paragraph's words: a quote after one naming 화다지인's CEO is not his.
  const reports = (corpus.paragraphKinds[doc]! & PARAGRAPH_REPORTS) !== 0;
  // Quoting the very speaker the question names, it is their `입장`, and holds the word in full. Such a quote may go
  // on from the paragraph naming them (`하지만 "…"라고 밝혔다`): their name may be found there.
  const quotesNamed = query.quoting.has(doc);
  const named = quotesNamed
    ? namesAllButStatement(plan, own.mask | before.mask | quotedName)
    : query.intent === 'age'
      ? holdsAge(paragraph.text) && namesAllButStatement(plan, own.mask)
      : reports && namesAllButStatement(plan, own.mask) && quotesTheTopic(query, article, n);
  const statement = named ? (quotesNamed ? query.statementWords : STATEMENT) : 0;
  const context = before.mask | titleBits(query, doc) | statement | quotedName;
  const covered = coverage(plan, own.mask | before.mask | statement | quotedName);
  const topicCoverage =
    query.topic.words.length === plan.words.length ? covered : coverage(query.topic, own.mask | before.mask | quotedName);

  // One pass over the paragraph's words gives both each sentence's match and where the matches stand.
  const positions = wordPositions.clear();
  const { text, sentenceEnds } = paragraph;
  let best = 0;
  let sentenceCoverage = -1;
  let mask = 0;
  const phrases = techniques.phrases ? plan.phrases : [];
  let phrasesFound = 0;
  let previousWord: string | null = null;
  const visit = (word: string | null) => {
    const wordMask = word === null ? 0 : maskOfWord(plan, word);
    mask |= wordMask;
    positions.push(wordMask);
    if (wordMask !== 0 && previousWord !== null) {
      for (let i = 0; i < phrases.length; i++) {
        if (phrases[i]![0] === previousWord && phrases[i]![1] === word) phrasesFound |= 1 << i;
      }
    }
    previousWord = wordMask === 0 ? null : word;
  };
  for (let i = 0; i < sentenceEnds.length; i++) {
    mask = 0;
    previousWord = null;
    // Untrimmed: the space before a sentence holds no word.
    forEachWord(text.slice(sentenceEnds[i - 1] ?? 0, sentenceEnds[i]), visit, query.tokenStarts);
    const c = coverage(plan, mask | context);
    if (c > sentenceCoverage) {
      best = i;
      sentenceCoverage = c;
    }
  }
  const sentence = text.slice(sentenceEnds[best - 1] ?? 0, sentenceEnds[best]).trim();

  let score = (own.bm25 + CONTEXT_SHARE * (before.bm25 + attributedWeight(query, quotedName & ~(own.mask | before.mask)))) *
    coordination(covered) *
    intentBoost(query.intent, text);
  if (techniques.sentences) score *= SENTENCE_FLOOR + (1 - SENTENCE_FLOOR) * sentenceCoverage;
  if (query.wantsWho && namesSomeone(corpus, article, text)) score *= ANSWER_TYPE_BOOST;
  // Their own words, where they answer all the question: a quote on something else must not outrank the answer.
  if (quotesNamed) score *= SPEAKER_BOOST * (covered === 1 && query.quotingDirectly.has(doc) ? DIRECT_QUOTE_BOOST : 1);
  if (query.introducing.has(doc) || (query.asksWhatItIs && n === query.firstMention(article))) score *= INTRODUCTION_BOOST;
  if (techniques.proximity) score *= 1 + PROXIMITY_BOOST * proximity(plan, positions);
  if (phrases.length > 0) score *= 1 + (PHRASE_BOOST * popcount(phrasesFound)) / (plan.words.length - 1);
  score *= focusFactor(query, article);
  return { article, n, score, coverage: covered, topicCoverage, sentence };
}

/**
 * Share of the question's word pairs found close together (0..1), from the token bits of each printed word.
 * Chance matches are scattered; an answer repeats the question's phrases (`중국으로의 수출은`).
 * Runs on every candidate paragraph of every question: it works in reused typed arrays, allocating nothing.
 */
function proximity(plan: QueryPlan, positions: WordMasks): number {
  // Bits over the question's words: past 32 (a long question) the rest are not paired.
  const words = Math.min(plan.words.length, pairRows.length);
  const pairs = words - 1;
  if (pairs <= 0) return 0;
  // Which question words each printed word finds, as bits over the question's words.
  const found = positions.masks;
  for (let i = 0; i < positions.length; i++) {
    const mask = found[i]!;
    let bits = 0;
    if (mask !== 0) for (let w = 0; w < words; w++) if (isFound(plan.words[w]!, mask)) bits |= 1 << w;
    found[i] = bits;
  }
  // together[a] holds bit b when words a and b (a < b) stand within the window.
  const together = pairRows.fill(0, 0, words);
  for (let i = 0; i < positions.length; i++) {
    if (found[i] === 0) continue;
    // j = i: one printed word can hold two question words (`오픈AI가` for `오픈 AI`).
    for (let j = i; j <= i + PROXIMITY_WINDOW && j < positions.length; j++) {
      for (let a = 0; a < words; a++) {
        if (!(found[i]! & (1 << a))) continue;
        for (let b = 0; b < words; b++) {
          if (b !== a && found[j]! & (1 << b)) together[Math.min(a, b)]! |= 1 << Math.max(a, b);
        }
      }
    }
  }
  let count = 0;
  for (let a = 0; a < words; a++) count += popcount(together[a]!);
  return Math.min(1, count / pairs);
}

/** The question-token bits of a paragraph's printed words, in order; one buffer reused by every rerank. */
class WordMasks {
  masks = new Int32Array(256);
  length = 0;
  clear(): this {
    this.length = 0;
    return this;
  }
  push(mask: number): void {
    if (this.length === this.masks.length) {
      const grown = new Int32Array(this.masks.length * 2);
      grown.set(this.masks);
      this.masks = grown;
    }
    this.masks[this.length++] = mask;
  }
}

const wordPositions = new WordMasks();
const pairRows = new Uint32Array(MAX_QUERY_TOKENS);

/** What one pass over an article's paragraphs tells about the question. */
interface ArticleReading {
  /**
   * How much the article is about the question (0..1): for each question word, the share of the article's
   * paragraphs (and title) that hold it, averaged. An article about 소라 mentions it throughout; a stray match
   * in an article about something else mentions it once.
   */
  focus: number;
  /** Its first paragraph (n) to hold every word of a what-is question, where news defines a term; 0 for none. */
  firstMention: number;
}

function readArticle(query: PreparedQuery, article: Article): ArticleReading {
  const { corpus, topic: plan, textTerms } = query;
  const count = article.paragraphs.length;
  const first = corpus.docs.firstDocOf(article.id);
  // Which question tokens each paragraph holds: from the postings by document range, as indexes lay articles out;
  // looked up paragraph by paragraph otherwise.
  const masks =
    first !== undefined
      ? rangeMasks(textTerms, first, count)
      : Int32Array.from(article.paragraphs, (p) => {
          const doc = corpus.docs.docOf(article.id, p.n);
          return doc === undefined ? 0 : matchMask(textTerms, doc);
        });
  // Summed over the headline and each paragraph: how much of each question word it holds.
  const headline = first ?? corpus.docs.docOf(article.id, 1);
  let held = headline === undefined ? 0 : coverage(plan, titleBits(query, headline));
  let firstMention = 0;
  for (let i = 0; i < count; i++) {
    held += coverage(plan, masks[i]!);
    if (firstMention === 0 && query.asksWhatItIs && query.plan.words.every((w) => isFound(w, masks[i]!))) firstMention = i + 1;
  }
  return { focus: held / (count + 1), firstMention };
}

/** The question tokens a document's headline holds. */
function titleBits(query: PreparedQuery, doc: number): number {
  let mask = 0;
  for (const term of query.terms) if (term.field.name === 'title' && term.field.postings.factor(term.list, doc) !== undefined) mask |= term.bit;
  return mask;
}

export function nextDocument(corpus: Corpus, doc: number): number | undefined {
  const article = corpus.docs.article(doc);
  return article ? corpus.docs.docOf(article.id, corpus.docs.paragraph(doc) + 1) : undefined;
}

/**
 * A question that names a quoted person and asks only who they are (`저우훙이는 누구야?`, `인예가 누구예요?`): the
 * first paragraph of each of their articles to print their name, where news introduces a person with their title
 * (`치후360 창립자 저우훙이는`); a later one only quotes them. Empty for any other question (`저우훙이는 누구를
 * 비판했어?` asks about more than him).
 */
function introductions(corpus: Corpus, plan: QueryPlan, question: string): Set<number> {
  const docs = new Set<number>();
  const words = splitWords(question);
  for (const entry of speakersNamedIn(corpus.speakerLookup, words)) {
    const { name } = entry.speaker;
    const nameWords = splitWords(name);
    // The question names them (not their organisation: `서울시는` is not `서울시 관계자`), and nothing else.
    if (!nameWords.every((w) => maskOfWord(plan, w) !== 0)) continue;
    const named = maskOfWord(plan, name.toLowerCase()) | nameWords.reduce((bits, w) => bits | maskOfWord(plan, w), 0);
    if (!plan.words.every((w) => isFound(w, named))) continue;
    for (const article of new Set(entry.quoteArticles)) {
      const first = article.paragraphs.find((p) => p.text.includes(name));
      const doc = first && corpus.docs.docOf(article.id, first.n);
      if (doc !== undefined) docs.add(doc);
      if (docs.size >= MAX_INTRODUCTIONS) return docs;
    }
  }
  return docs;
}

/**
 * A speaker quoted in paragraph `n` is what the question is about: a word of its topic is in their name, title,
 * organisation or description (`통일부` of 통일부 당국자, `떡집` of `떡집을 운영하는 김순자 씨`). Someone else's
 * statement that mentions the topic (저우훙이's `"소라가 … 업계를 완전히 흔들 것"`) is not its `반응`.
 */
function quotesTheTopic(query: PreparedQuery, article: Article, n: number): boolean {
  for (const quote of article.quotes) {
    if (quote.paragraph !== n) continue;
    const speaker = article.speakers.find((s) => s.id === quote.speaker);
    let mask = 0;
    for (const field of speaker ? [speaker.name, speaker.title, speaker.organization, speaker.description] : []) {
      if (field) for (const word of splitWords(field)) mask |= maskOfWord(query.plan, word);
    }
    if (query.topic.words.some((w) => isFound(w, mask))) return true;
  }
  return false;
}

function namesSomeone(corpus: Corpus, article: Article, text: string): boolean {
  return (corpus.speakerNames.get(article.id) ?? []).some((name) => text.includes(name));
}
