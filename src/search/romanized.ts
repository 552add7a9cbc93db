/**
 * Korean names as English writes them (`Kim Jong Un`, `Yoon Suk Yeol`, `Park Ji-hyun`): spellings vary too much
 * for a table (Park/Bak, Choi/Choe, Jong/Jeong, Un/Eun), so both sides are reduced to their consonants, grouped as
 * English hears them (ㄱ/ㅋ/ㄲ and g/k alike). Vowels, `w` and `y` are dropped: they are where spellings differ.
 * Syllables are spelled one by one, as names are, not as pronounced (`윤석열` → Yoon Suk Yeol, not Yunseongnyeol).
 */
import { isHangulCode } from './particles.ts';

/** By initial jamo (ㄱ ㄲ ㄴ ㄷ ㄸ ㄹ ㅁ ㅂ ㅃ ㅅ ㅆ ㅇ ㅈ ㅉ ㅊ ㅋ ㅌ ㅍ ㅎ); silent ㅇ is nothing. */
const INITIALS = ['g', 'g', 'n', 'd', 'd', 'l', 'm', 'b', 'b', 's', 's', '', 'j', 'j', 'j', 'g', 'd', 'b', 'h'];
/** By final jamo (none, ㄱ ㄲ ㄳ ㄴ ㄵ ㄶ ㄷ ㄹ ㄺ ㄻ ㄼ ㄽ ㄾ ㄿ ㅀ ㅁ ㅂ ㅄ ㅅ ㅆ ㅇ ㅈ ㅊ ㅋ ㅌ ㅍ ㅎ): `ng` for ㅇ. */
const FINALS = ['', 'g', 'g', 'g', 'n', 'n', 'n', 'd', 'l', 'g', 'm', 'l', 'l', 'l', 'b', 'l', 'm', 'b', 'b', 'd', 'd', 'ng', 'd', 'd', 'g', 'd', 'b', 'd'];

/** The consonants of a name written in Hangul (`김정은` → `gmjngn`); null if it is not all Hangul. */
export function hangulSkeleton(name: string): string | null {
  let skeleton = '';
  for (let i = 0; i < name.length; i++) {
    const code = name.charCodeAt(i);
    if (!isHangulCode(code)) return null;
    const syllable = code - 0xac00;
    skeleton += INITIALS[Math.floor(syllable / 588)]! + FINALS[syllable % 28]!;
  }
  return skeleton;
}

const LATIN_NAME = /^[a-z]+(?:[-'][a-z]+)*$/;
const VOWEL = /[aeiouwy]/;

/**
 * The consonants of a name written in Latin letters (`Kim Jong-un` → `gmjngn`), classed as `hangulSkeleton`
 * classes Hangul; null if a word is not a name's letters. An `r` or `h` after a vowel and before a consonant or
 * the end is silent (`Park`, `Ahn`, `Oh`); `ch`, `sh`, `zh`, `ph`, `th` are one sound.
 */
export function latinSkeleton(words: readonly string[]): string | null {
  let skeleton = '';
  for (const raw of words) {
    const word = raw.toLowerCase();
    if (!LATIN_NAME.test(word)) return null;
    const letters = word.replace(/[-']/g, '');
    for (let i = 0; i < letters.length; i++) {
      const c = letters[i]!;
      const next = letters[i + 1];
      const pair = c + (next ?? '');
      if (pair === 'ch' || pair === 'zh') (skeleton += 'j'), i++;
      else if (pair === 'sh') (skeleton += 's'), i++;
      else if (pair === 'ph') (skeleton += 'b'), i++;
      else if (pair === 'th') (skeleton += 'd'), i++;
      else if ((c === 'r' || c === 'h') && i > 0 && VOWEL.test(letters[i - 1]!) && (next === undefined || !VOWEL.test(next))) continue;
      else skeleton += LATIN[c] ?? '';
    }
  }
  return skeleton;
}

const LATIN: Readonly<Record<string, string>> = {
  g: 'g', k: 'g', c: 'g', q: 'g', d: 'd', t: 'd', b: 'b', p: 'b', f: 'b', v: 'b', j: 'j', z: 'j',
  s: 's', x: 's', h: 'h', n: 'n', m: 'm', l: 'l', r: 'l',
};

/**
 * The spellings a Hangul name may take: its skeleton, and with an `l` before it when the surname begins with a
 * silent ㅇ or with ㄴ, as English writes 이 Lee, 임 Lim, 유 Ryu, 노 Roh.
 */
export function nameSkeletons(name: string): string[] {
  const skeleton = hangulSkeleton(name);
  // `예`, `위`: a name of vowels only spells nothing to match.
  if (!skeleton) return [];
  const initial = Math.floor((name.charCodeAt(0) - 0xac00) / 588);
  if (initial === 11) return [skeleton, `l${skeleton}`];
  if (initial === 2) return [skeleton, `l${skeleton.slice(1)}`];
  return [skeleton];
}

/** Fewer consonants than this match too many names to stand for one (`Oh` is nothing, `Kim` is every 김). */
export const MIN_NAME_SKELETON = 3;

/**
 * Skeletons as numbers, for indexing many names: one decimal digit per consonant from the left (g 1 … l 9), so that
 * the skeletons starting with a prefix are one range of numbers. A double holds 15 digits exactly; longer
 * skeletons (five syllables and more) are cut, and still found by prefix.
 */
const KEY_DIGITS = 15;
const DIGITS = 'gdbjshnml';

/** A skeleton's key, and one past the last key of the skeletons starting with it. */
export function keyRange(skeleton: string): [number, number] {
  let key = 0;
  const digits = Math.min(skeleton.length, KEY_DIGITS);
  for (let i = 0; i < digits; i++) key = key * 10 + DIGITS.indexOf(skeleton[i]!) + 1;
  const scale = 10 ** (KEY_DIGITS - digits);
  return [key * scale, (key + 1) * scale];
}

const digitsOf = (letters: string): number[] => [...letters].map((c) => DIGITS.indexOf(c) + 1);
const INITIAL_DIGITS = INITIALS.map(digitsOf);
const FINAL_DIGITS = FINALS.map(digitsOf);
const L_DIGIT = DIGITS.indexOf('l') + 1;

/**
 * The keys of `nameSkeletons(name)` (`keyRange(…)[0]` of each), worked out without building a string: a directory
 * of 44,000 speakers is indexed at once, and their strings were 6 MB of garbage.
 */
export function forEachNameKey(name: string, visit: (key: number) => void): void {
  let key = 0;
  let digits = 0;
  for (let i = 0; i < name.length; i++) {
    const code = name.charCodeAt(i);
    if (!isHangulCode(code)) return;
    const syllable = code - 0xac00;
    for (const digit of INITIAL_DIGITS[Math.floor(syllable / 588)]!) if (digits < KEY_DIGITS) (key = key * 10 + digit), digits++;
    for (const digit of FINAL_DIGITS[syllable % 28]!) if (digits < KEY_DIGITS) (key = key * 10 + digit), digits++;
  }
  if (digits === 0) return;
  visit(key * 10 ** (KEY_DIGITS - digits));
  const initial = Math.floor((name.charCodeAt(0) - 0xac00) / 588);
  // With `l` before (이 Lee), or for ㄴ (노 Roh): see `nameSkeletons`.
  // Cut to KEY_DIGITS before adding: `l` and 15 digits would pass 2 ** 53, where doubles round.
  if (initial === 11) visit(digits < KEY_DIGITS ? (L_DIGIT * 10 ** digits + key) * 10 ** (KEY_DIGITS - digits - 1) : L_DIGIT * 10 ** (KEY_DIGITS - 1) + Math.floor(key / 10));
  if (initial === 2) visit((L_DIGIT * 10 ** (digits - 1) + (key % 10 ** (digits - 1))) * 10 ** (KEY_DIGITS - digits));
}
