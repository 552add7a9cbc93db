/**
 * Deterministic Korean-like distractor articles for benchmarks, written as raw page text so they go through
 * the real ingest. Sentences are the source articles' sentences with their word stems swapped: particles,
 * endings, quote marks and sentence shapes stay real, so quote extraction and the tokenizer see what they would
 * see in news; the stems come from each article's own topic words, a background vocabulary, and (at a low rate)
 * the source articles' stems, so distractors compete with the real paragraphs without copying them.
 */
import type { Article } from '../src/ingest/article.ts';
import { sentencesOf } from '../src/ingest/sentences.ts';
import { stripParticles } from '../src/search/particles.ts';

export interface SyntheticFile {
  file: string;
  text: string;
}

/** Shares of content words drawn from each pool; the rest of a word (particle, ending) is kept. */
const TOPIC_SHARE = 0.5;
const SOURCE_SHARE = 0.1;
const PARAGRAPHS_PER_ARTICLE = 20;
const TOPIC_WORDS = 30;
const BACKGROUND_WORDS = 40_000;
const OUTLETS = ['한빛일보', '새날뉴스', '누리경제', '가람신문', '온누리방송'];

/** mulberry32: small, fast, and the same sequence on every machine. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Weighted choice by Zipf rank (1/rank), via a cumulative table and binary search. */
function zipfSampler<T>(items: T[]): (r: number) => T {
  const cumulative: number[] = [];
  let total = 0;
  for (let i = 0; i < items.length; i++) cumulative.push((total += 1 / (i + 1)));
  return (r) => {
    const target = r * total;
    let lo = 0;
    let hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid]! < target) lo = mid + 1;
      else hi = mid;
    }
    return items[lo]!;
  };
}

/** The first run of Hangul in a word, as `rewrite` swaps it: `마이크로소프트(MS)의` gives `마이크로소프트`. */
const HANGUL_RUN = /[\uac00-\ud7a3]+/;

interface Vocabulary {
  sentences: string[];
  titles: string[];
  sourceStems: (r: number) => string;
  syllables: (r: number) => string;
}

function vocabularyOf(sources: Article[]): Vocabulary {
  const stemCounts = new Map<string, number>();
  const syllableCounts = new Map<string, number>();
  const sentences: string[] = [];
  for (const article of sources) {
    for (const paragraph of article.paragraphs) {
      sentences.push(...sentencesOf(paragraph.text, paragraph.sentenceEnds));
      for (const word of paragraph.text.split(/\s+/)) {
        // Only the Hangul run: a stem like `마이크로소프트(MS)` would carry its acronym past the Latin swap below
        // into every sentence it is drawn for (360 times in 10,000 distractors).
        const stem = stripParticles(HANGUL_RUN.exec(word)?.[0] ?? '');
        if (stem.length < 2) continue;
        stemCounts.set(stem, (stemCounts.get(stem) ?? 0) + 1);
        // Syllables of stems only: counted over whole words, particles (는, 이, 다) would dominate coined words.
        for (const syllable of stem) syllableCounts.set(syllable, (syllableCounts.get(syllable) ?? 0) + 1);
      }
    }
  }
  const byCount = (m: Map<string, number>) => [...m].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([k]) => k);
  return {
    sentences,
    titles: sources.map((a) => a.title),
    sourceStems: zipfSampler(byCount(stemCounts)),
    syllables: zipfSampler(byCount(syllableCounts)),
  };
}

/**
 * `count` distractor articles, numbered from 0; the same count always yields the same files.
 * Each article has its own topic words, so articles differ from each other as real ones do.
 */
export function* syntheticArticles(sources: Article[], count: number, seed = 20240223): Generator<SyntheticFile> {
  const vocabulary = vocabularyOf(sources);
  const rand = random(seed);
  const coined = (): string => {
    const length = rand() < 0.7 ? 2 : 3;
    let word = '';
    for (let i = 0; i < length; i++) word += vocabulary.syllables(rand());
    return word;
  };
  const background = zipfSampler(Array.from({ length: BACKGROUND_WORDS }, coined));
  for (let i = 0; i < count; i++) {
    const topics = Array.from({ length: TOPIC_WORDS }, coined);
    const topic = zipfSampler(topics);
    const stemFor = (): string => {
      const r = rand();
      if (r < TOPIC_SHARE) return topic(rand());
      if (r < TOPIC_SHARE + SOURCE_SHARE) return vocabulary.sourceStems(rand());
      return background(rand());
    };
    // Acronyms and names in Latin letters (BGI, HBM) are swapped too, so the seed's rarest identifiers are not
    // copied into thousands of distractors; a share of them stays, like a share of the source stems.
    const latin = (run: string): string => {
      if (rand() < SOURCE_SHARE) return run;
      let coinedRun = '';
      for (let k = 0; k < run.length; k++) coinedRun += String.fromCharCode(65 + Math.floor(rand() * 26));
      return run === run.toLowerCase() ? coinedRun.toLowerCase() : coinedRun;
    };
    // The last word (the predicate: 말했다, 밝혔습니다) is kept, as news predicates come from a small closed set.
    const rewrite = (sentence: string): string =>
      sentence
        .split(' ')
        .map((word, k, words) => {
          if (k === words.length - 1 && k > 0) return word;
          const swapped = word.replace(/\d+/g, () => String(1 + Math.floor(rand() * 99))).replace(/[A-Za-z]+/g, latin);
          const match = /^([^\uac00-\ud7a3]*)([\uac00-\ud7a3]+)(.*)$/.exec(swapped);
          if (!match) return swapped;
          const [, before, hangul, after] = match as unknown as [string, string, string, string];
          const stem = stripParticles(hangul);
          if (stem.length < 2) return swapped;
          return before + stemFor() + hangul.slice(stem.length) + after;
        })
        .join(' ');
    const pick = <T>(xs: T[]): T => xs[Math.floor(rand() * xs.length)]!;
    const paragraphs = Array.from({ length: PARAGRAPHS_PER_ARTICLE }, () => {
      const sentences = 1 + Math.floor(rand() * 3);
      return Array.from({ length: sentences }, () => rewrite(pick(vocabulary.sentences))).join(' ');
    });
    const day = 1 + (i % 28);
    const hour = 6 + (i % 15);
    const stamp = `2024.03.${String(day).padStart(2, '0')} (${String(hour).padStart(2, '0')}:${String(i % 60).padStart(2, '0')})`;
    const outlet = OUTLETS[i % OUTLETS.length]!;
    const text = [
      rewrite(pick(vocabulary.titles)),
      `${outlet} | 입력 ${stamp}`,
      `${coined()}${coined().slice(0, 1)} 기자`,
      '',
      paragraphs.join('\n\n'),
      '',
      `ⓒ ${outlet}. 무단 전재 및 재배포 금지`,
      '',
    ].join('\n');
    yield { file: `synthetic_${String(i).padStart(5, '0')}.txt`, text };
  }
}
