/**
 * The verb closing a question is conjugated otherwise than the prose it asks about: `넓혀?` for `넓힐 계획`,
 * `사라질까?` for `사라진다`, `빠른 건?` for `빠르다`. Stripping endings (particles.ts) cannot meet them, as the
 * stem's last syllable itself changes (`히` + `어` → `혀`, `지` + `ㄹ` → `질`). These functions undo that change
 * on Hangul syllables and spell the stem the common ways prose does.
 */

import { isHangulCode } from './particles.ts';

const FIRST_SYLLABLE = 0xac00;
const FINALS = 28;
const MEDIALS = 21;

/** Vowels (medial index) and final consonants (final index) the rules below use. */
const A = 0;
const AE = 1;
const YEO = 6;
const O = 8;
const WA = 9;
const WAE = 10;
const OE = 11;
const U = 13;
const WO = 14;
const I = 20;
const NONE = 0;
const NIEUN = 4;
const RIEUL = 8;
const SSANG_SIOS = 20;
const HIEUH_INITIAL = 18;
const IEUNG_INITIAL = 11;
const EO = 4;
/** `았`, `었`, `였`. */
const PAST_VOWELS: ReadonlySet<number> = new Set([A, EO, YEO]);

interface Syllable {
  initial: number;
  medial: number;
  final: number;
}

function syllableOf(char: string | undefined): Syllable | null {
  const code = char?.charCodeAt(0) ?? 0;
  if (!isHangulCode(code)) return null;
  const offset = code - FIRST_SYLLABLE;
  return { initial: Math.floor(offset / (MEDIALS * FINALS)), medial: Math.floor(offset / FINALS) % MEDIALS, final: offset % FINALS };
}

const spell = ({ initial, medial, final }: Syllable): string =>
  String.fromCharCode(FIRST_SYLLABLE + (initial * MEDIALS + medial) * FINALS + final);

/**
 * The vowel a stem's last vowel contracts to before `어`/`아` (`히` → `혀`, `꾸` → `꿔`, `보` → `봐`, `되` → `돼`);
 * `하` → `해` is `isHa`'s, as `ㅏ` contracts so only in `하`.
 */
const CONTRACTED: ReadonlyMap<number, number> = new Map([
  [I, YEO],
  [U, WO],
  [O, WA],
  [OE, WAE],
]);
const UNCONTRACTED: ReadonlyMap<number, number> = new Map([...CONTRACTED].map(([stem, contracted]) => [contracted, stem]));

/** Endings after a contracted stem (`넓혔어요`, `바꿨대`), read off before the stem's last syllable. */
const AFTER_PAST = /(?:어요|어|니|나|냐|지|죠|대|다고|을까)$/;
/** `-ㄹ까`, `-ㄹ래`, `-ㄹ지` and their polite `요`: the ㄹ rides on the stem's last syllable (`사라질까`). */
const AFTER_RIEUL = /(?:까요|까|래요|래|지요|지)$/;

/**
 * The stem of a bare predicate closing a question (`넓혀` → `넓히`, `사라질까` → `사라지`, `바꿨어` → `바꾸`,
 * `늘려요` → `늘리`), or null when its last syllable shows no conjugation these rules know. A word a particle
 * was stripped from is a noun and is not given to this; a stem needs two syllables, as one (`봐` → `보`) is too
 * common a piece of other words to stand for a verb.
 */
export function predicateStem(word: string): string | null {
  let rest = word;
  const rieulEnding = AFTER_RIEUL.exec(rest);
  if (rieulEnding) {
    const before = rest.slice(0, rieulEnding.index);
    const last = syllableOf(before.at(-1));
    if (last?.final === RIEUL) return atLeastTwo(before.slice(0, -1) + spell({ ...last, final: NONE }));
  }
  const pastEnding = AFTER_PAST.exec(rest);
  if (pastEnding && syllableOf(rest.at(pastEnding.index - 1))?.final === SSANG_SIOS) rest = rest.slice(0, pastEnding.index);
  else if (rest.endsWith('요')) rest = rest.slice(0, -1);
  const last = syllableOf(rest.at(-1));
  if (!last || (last.final !== NONE && last.final !== SSANG_SIOS)) return null;
  // The past as a syllable of its own (`바뀌었`; `열렸` is contracted, below): the stem is what comes before it.
  if (last.initial === IEUNG_INITIAL && last.final === SSANG_SIOS && PAST_VOWELS.has(last.medial)) return atLeastTwo(rest.slice(0, -1));
  // `했` is stripped as an ending already; a bare `해` closes nouns as often (피해, 올해).
  const stemVowel = UNCONTRACTED.get(last.medial);
  // `과`, `화` (결과, 대화) end nouns: a `ㅘ` reads as a verb's only with the past's ㅆ (`봤`, `왔`).
  if (stemVowel === undefined || (last.medial === WA && last.final !== SSANG_SIOS)) return null;
  return atLeastTwo(rest.slice(0, -1) + spell({ initial: last.initial, medial: stemVowel, final: NONE }));
}

/**
 * The stem of a word that modifies `것` (`빠른 건`, `바뀐 게`): its last syllable's ㄴ or ㄹ is the modifier
 * ending (`빠르` + `ㄴ`). Null when it has neither.
 */
export function modifierStem(word: string): string | null {
  const last = syllableOf(word.at(-1));
  if (!last || (last.final !== NIEUN && last.final !== RIEUL)) return null;
  return atLeastTwo(word.slice(0, -1) + spell({ ...last, final: NONE }));
}

const isHa = (s: Syllable): boolean => s.initial === HIEUH_INITIAL && s.medial === A;

const atLeastTwo = (stem: string): string | null => (stem.length >= 2 ? stem : null);

/**
 * How prose spells a stem ending in a vowel, as tokens are indexed: the stem (`넓히`, a piece of `넓히는`), its
 * modifiers (`넓힌`, `넓힐`), and its contractions (`넓혀`, `넓혔`). A `하다` verb is also found by its noun
 * (`시작하` → `시작`), which the index holds once `했다` is stripped. A stem ending in a consonant is itself only.
 */
export function spellingsOf(stem: string): string[] {
  const last = syllableOf(stem.at(-1));
  if (!last || last.final !== NONE) return [stem];
  const before = stem.slice(0, -1);
  const forms = [stem, before + spell({ ...last, final: NIEUN }), before + spell({ ...last, final: RIEUL })];
  // `하` + `여` contracts to `해`, a vowel of its own.
  const contracted = isHa(last) ? AE : CONTRACTED.get(last.medial);
  if (contracted !== undefined) {
    const vowel = { ...last, medial: contracted };
    forms.push(before + spell(vowel), before + spell({ ...vowel, final: SSANG_SIOS }));
  }
  if (isHa(last) && before.length >= 2) forms.push(before);
  return forms;
}
