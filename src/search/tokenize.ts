import { isHangulCode, isParticle, shortStem, stripParticles } from './particles.ts';

/** Tokens of one query or document word, grouped so coverage can be measured per word. */
export interface WordTokens {
  word: string;
  stem: string;
  tokens: string[];
}

const HANGUL_RUN = /[\uac00-\ud7a3]+/g;
const LATIN_OR_DIGIT_RUN = /[a-z]+|\d+(?:[.,]\d+)*/g;

const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
/** Per BMP code unit, once asked: 1 a word character, 2 not (quote marks, `·`, `∼` would each cost a regex test). */
const wordCodeMemo = new Uint8Array(0x10000);

/** A letter, digit, `.` or `-`; Hangul and ASCII answered without a regex, as they are nearly all the text. */
function isWordCode(code: number): boolean {
  if (code < 0x80) return (code >= 0x61 && code <= 0x7a) || (code >= 0x30 && code <= 0x39) || code === 0x2e || code === 0x2d || (code >= 0x41 && code <= 0x5a);
  if (isHangulCode(code)) return true;
  if (code > 0xffff) return LETTER_OR_DIGIT.test(String.fromCodePoint(code));
  let known = wordCodeMemo[code]!;
  if (known === 0) wordCodeMemo[code] = known = LETTER_OR_DIGIT.test(String.fromCharCode(code)) ? 1 : 2;
  return known === 1;
}

/**
 * Code units that lower-casing leaves alone (or, for ASCII, maps one to one): a text made only of them can be split
 * before lower-casing, and only its words with capitals copied, instead of the whole text. Other text (Greek,
 * `İ`, which lower-cases to two code units) is lower-cased whole first, as the definition says.
 */
function caseSafe(code: number): boolean {
  return (
    code < 0xc0 ||
    (code >= 0xac00 && code <= 0xd7a3) ||
    (code >= 0x2000 && code <= 0x206f) ||
    (code >= 0x2190 && code <= 0x23ff) ||
    (code >= 0x25a0 && code <= 0x26ff) ||
    (code >= 0x3000 && code <= 0x303f) ||
    (code >= 0x3130 && code <= 0x318f) ||
    (code >= 0x4e00 && code <= 0x9fff)
  );
}

const isEdgePunctuation = (code: number): boolean => code === 0x2e || code === 0x2d;

/**
 * Lower-cased NFC words, split on spaces and on punctuation other than inner dots/hyphens
 * (`GPT-4.0과` stays one word). A character loop: this runs on every paragraph at every reindex.
 */
export function splitWords(text: string): string[] {
  const words: string[] = [];
  forEachWord(text, (word) => words.push(word!));
  return words;
}

/**
 * The words of `splitWords`, handed over one by one: re-ranking reads every candidate's and keeps none. With
 * `onlyWith`, a word holding none of those (lower-case) code units is handed over as null, without being copied:
 * a question's tokens are substrings of the words that hold them, so such a word cannot hold one.
 */
export function forEachWord(text: string, visit: (word: string | null) => void, onlyWith?: ReadonlySet<number>): void {
  const nfc = text.normalize('NFC');
  let simple = true;
  for (let i = 0; i < nfc.length && simple; i++) simple = caseSafe(nfc.charCodeAt(i));
  const normalized = simple ? nfc : nfc.toLowerCase();
  let start = -1;
  let capitals = false;
  let wanted = onlyWith === undefined;
  for (let i = 0; i <= normalized.length; ) {
    const code = i < normalized.length ? normalized.codePointAt(i)! : 0x20;
    const width = code > 0xffff ? 2 : 1;
    if (isWordCode(code)) {
      if (start < 0) {
        start = i;
        capitals = false;
        wanted = onlyWith === undefined;
      }
      const capital = code >= 0x41 && code <= 0x5a;
      if (capital) capitals = true;
      // By code unit, as `onlyWith` holds tokens' first code units (a high surrogate for a letter past the BMP).
      if (!wanted) wanted = onlyWith!.has(capital ? code + 0x20 : normalized.charCodeAt(i));
    } else if (start >= 0) {
      let from = start;
      let to = i;
      while (from < to && isEdgePunctuation(normalized.charCodeAt(from))) from++;
      while (to > from && isEdgePunctuation(normalized.charCodeAt(to - 1))) to--;
      if (to > from) {
        if (!wanted) visit(null);
        else {
          const word = normalized.slice(from, to);
          visit(capitals ? word.toLowerCase() : word);
        }
      }
      start = -1;
    }
    i += width;
  }
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
  // Most words are Hangul only: their stem is one run, its bigrams taken by index (a syllable is one code unit).
  if (isHangulOnly(stem)) {
    for (let i = 0; i + 1 < stem.length; i++) tokens.add(stem.slice(i, i + 2));
    return { word, stem, tokens: [...tokens] };
  }
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

function isHangulOnly(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (!isHangulCode(text.charCodeAt(i))) return false;
  return text.length > 0;
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
