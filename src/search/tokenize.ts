import { isParticle, shortStem, stripParticles } from './particles.ts';

/** Tokens of one query or document word, grouped so coverage can be measured per word. */
export interface WordTokens {
  word: string;
  stem: string;
  tokens: string[];
}

const HANGUL_RUN = /[\uac00-\ud7a3]+/g;
const LATIN_OR_DIGIT_RUN = /[a-z]+|\d+(?:[.,]\d+)*/g;

/** Lower-cased NFC words, split on spaces and on punctuation other than inner dots/hyphens. */
export function splitWords(text: string): string[] {
  return text
    .normalize('NFC')
    .toLowerCase()
    .split(/[^\p{L}\p{N}.\-]+/u)
    .map((w) => w.replace(/^[.\-]+|[.\-]+$/g, ''))
    .filter((w) => w !== '');
}

/**
 * A word → its raw form, its particle-stripped stem, Latin/digit runs whole, and Hangul bigrams of the stem
 * (Lucene CJK style), so `오픈AI가`, `오픈 AI` and `오픈AI는` meet on `오픈`+`ai` and `오픈ai`.
 */
export function wordTokens(word: string): WordTokens {
  const cached = cache.get(word);
  if (cached) return { word, stem: cached.stem, tokens: [...cached.tokens] };
  const computed = computeWordTokens(word);
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(word, computed);
  return { ...computed, tokens: [...computed.tokens] };
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
  for (const word of splitWords(text)) {
    const cached = cache.get(word) ?? wordTokens(word);
    for (const token of cached.tokens) tokens.push(token);
  }
  return tokens;
}
