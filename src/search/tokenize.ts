import { isParticle, shortStem, stripParticles } from './particles.ts';

/** Tokens of one query or document word, grouped so coverage can be measured per word. */
export interface WordTokens {
  word: string;
  stem: string;
  tokens: string[];
}

const HANGUL_RUN = /[\uac00-\ud7a3]+/g;
const LATIN_OR_DIGIT_RUN = /[a-z]+|\d+(?:[.,]\d+)*/g;

const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;

/** A letter, digit, `.` or `-`; Hangul and ASCII answered without a regex, as they are nearly all the text. */
function isWordCode(code: number): boolean {
  if (code < 0x80) return (code >= 0x61 && code <= 0x7a) || (code >= 0x30 && code <= 0x39) || code === 0x2e || code === 0x2d || (code >= 0x41 && code <= 0x5a);
  if (code >= 0xac00 && code <= 0xd7a3) return true;
  return LETTER_OR_DIGIT.test(String.fromCodePoint(code));
}

const isEdgePunctuation = (code: number): boolean => code === 0x2e || code === 0x2d;

/**
 * Lower-cased NFC words, split on spaces and on punctuation other than inner dots/hyphens
 * (`GPT-4.0과` stays one word). A character loop: this runs on every paragraph at every reindex.
 */
export function splitWords(text: string): string[] {
  const normalized = text.normalize('NFC').toLowerCase();
  const words: string[] = [];
  let start = -1;
  for (let i = 0; i <= normalized.length; ) {
    const code = i < normalized.length ? normalized.codePointAt(i)! : 0x20;
    const width = code > 0xffff ? 2 : 1;
    if (isWordCode(code)) {
      if (start < 0) start = i;
    } else if (start >= 0) {
      let from = start;
      let to = i;
      while (from < to && isEdgePunctuation(normalized.charCodeAt(from))) from++;
      while (to > from && isEdgePunctuation(normalized.charCodeAt(to - 1))) to--;
      if (to > from) words.push(normalized.slice(from, to));
      start = -1;
    }
    i += width;
  }
  return words;
}

/**
 * A word → its raw form, its particle-stripped stem, Latin/digit runs whole, and Hangul bigrams of the stem
 * (Lucene CJK style), so `오픈AI가`, `오픈 AI` and `오픈AI는` meet on `오픈`+`ai` and `오픈ai`.
 */
export function wordTokens(word: string): WordTokens {
  const known = cache.get(word) ?? remember(word);
  return { word, stem: known.stem, tokens: [...known.tokens] };
}

/** News reuses its words: a memo turns most of indexing into map lookups. Cleared when full, to bound memory. */
const cache = new Map<string, WordTokens>();
const CACHE_LIMIT = 200_000;

function computeWordTokens(word: string): WordTokens {
  const stem = stripParticles(word);
  // The inflected form itself is not a token: its stem carries it, and every extra token costs index memory.
  const tokens = new Set<string>([stem]);
  const short = shortStem(word);
  if (short && !isParticle(short)) tokens.add(short);
  for (const part of stem.split(/[.\-]/)) {
    for (const run of part.match(LATIN_OR_DIGIT_RUN) ?? []) tokens.add(run);
    for (const run of part.match(HANGUL_RUN) ?? []) {
      const syllables = [...run];
      if (syllables.length === 1) {
        if (!isParticle(run)) tokens.add(run);
        continue;
      }
      for (let i = 0; i + 1 < syllables.length; i++) tokens.add(syllables[i]! + syllables[i + 1]!);
    }
  }
  return { word, stem, tokens: [...tokens] };
}

/** MiniSearch `tokenize`: every token of every word. */
export function tokenizeKorean(text: string): string[] {
  const tokens: string[] = [];
  for (const word of splitWords(text)) for (const token of tokensOf(word)) tokens.push(token);
  return tokens;
}

/** The tokens of one split word, shared from the memo: read them, never change them. */
export function tokensOf(word: string): readonly string[] {
  return (cache.get(word) ?? remember(word)).tokens;
}

function remember(word: string): WordTokens {
  const computed = computeWordTokens(word);
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(word, computed);
  return computed;
}
