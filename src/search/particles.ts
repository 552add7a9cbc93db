/**
 * Particles and common endings glued to Korean words. Longest first, so `에서는` wins over `는`.
 * Stripping keeps at least two syllables of stem: `저우훙이` stays searchable as `저우훙이` *and* `저우훙`.
 */
const PARTICLES = [
  '에게서는', '에서부터', '으로부터', '이라고는', '에서는', '에서도', '에게는', '에게도', '으로는', '으로도', '으로서',
  '으로써', '이라고', '이라는', '이라며', '이라면', '이지만', '까지는', '부터는', '에서의', '으로의', '로의', '에의', '와의', '과의', '에게', '에서',
  '한테', '께서', '으로', '라고', '라는', '라며', '이란', '이나', '이며', '이랑', '까지', '부터', '보다', '처럼', '마다',
  '조차', '밖에', '에는', '에도', '에선', '로는', '로도', '로서', '로써', '이다', '이고', '들은', '들이', '들을', '들의',
  '들도', '들과', '들에', '만의', '은', '는', '이', '가', '을', '를', '의', '에', '로', '와', '과', '도', '만', '고', '며',
  '란', '나', '엔', '들',
];

/** Verb and adjective endings common in news prose and questions. */
const ENDINGS = [
  '했습니다', '됐습니다', '했다고', '한다고', '된다고', '하면서', '했는데', '였습니다', '이었다', '입니다', '습니다',
  '했다', '했고', '했어', '했나', '하는', '하며', '하고', '하자', '하게', '한다', '됐다', '되는', '된다', '시키', '했',
  '한', '할', '된', '될', '돼',
  // Questions end their verbs otherwise than the prose they ask about (`시작됐어?` for `시작된`).
  '됐어', '됐나', '됐니', '됐지', '됐대', '했니', '했지', '했대', '됐어요', '됐나요', '했어요', '했나요', '하나요', '되나요',
  '되나', '될까', '할까', '했을까', '됐을까', '되었다', '하였다', '되었어',
];

const SUFFIXES = [...PARTICLES, ...ENDINGS].sort((a, b) => b.length - a.length);
const SINGLE_SYLLABLE_PARTICLES = new Set(PARTICLES.filter((p) => p.length === 1));

/** `은`, `를`, `들`…: a syllable that on its own is a particle, not a word worth indexing. */
export const isParticle = (syllable: string): boolean => SINGLE_SYLLABLE_PARTICLES.has(syllable);

/** `저우훙이는` → `저우훙이`, `업계를` → `업계`, `공개했습니다` → `공개`; words that would lose their stem are kept. */
export function stripParticles(word: string): string {
  return stripSuffix(word, 2);
}

/** One syllable left by a particle (`곳으로` → `곳`): too short to be a stem, still worth a token. */
export function shortStem(word: string): string | null {
  const stem = stripSuffix(word, 1);
  return stem !== word && codePoints(stem, 2) === 1 ? stem : null;
}

/** Suffixes by length, longest first: a word is checked against its last 5, 4… characters, not against every suffix. */
const SUFFIXES_BY_LENGTH: [number, Set<string>][] = [...new Set(SUFFIXES.map((s) => s.length))]
  .sort((a, b) => b - a)
  .map((n) => [n, new Set(SUFFIXES.filter((s) => s.length === n))]);
/** The last characters suffixes end in: a word ending otherwise has none, and most words are looked at once each. */
const SUFFIX_ENDS = new Set(SUFFIXES.map((s) => s.at(-1)));

/** A precomposed Hangul syllable (NFC text holds no other Hangul in words). */
export const isHangulCode = (code: number): boolean => code >= 0xac00 && code <= 0xd7a3;

function stripSuffix(word: string, minSyllables: number): string {
  if (!SUFFIX_ENDS.has(word.at(-1))) return word;
  for (const [length, suffixes] of SUFFIXES_BY_LENGTH) {
    if (word.length <= length || !suffixes.has(word.slice(-length))) continue;
    const stem = word.slice(0, -length);
    // A Latin or digit stem (`오픈ai가`, `1위를`) may be short; a Hangul stem needs two syllables (a syllable is one
    // code unit: a stem ending in Hangul counts its characters by code point only when it holds others).
    if (isHangulCode(stem.charCodeAt(stem.length - 1))) {
      if (stem.length >= minSyllables && codePoints(stem, minSyllables) >= minSyllables) return stem;
    } else if (LETTER_OR_DIGIT_AT_END.test(stem)) return stem;
  }
  return word;
}

const LETTER_OR_DIGIT_AT_END = /[\p{L}\p{N}]$/u;

/** How many code points `text` holds, counted up to `enough`. */
function codePoints(text: string, enough: number): number {
  let count = 0;
  for (let i = 0; i < text.length && count < enough; i++) {
    const code = text.charCodeAt(i);
    if (code >= 0xd800 && code <= 0xdbff) i++;
    count++;
  }
  return count;
}
