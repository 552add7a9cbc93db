import { getChoseong } from 'es-hangul';
import type { Article } from '../ingest/article.ts';
import type { Quote, Speaker } from '../ingest/quotes.ts';
import { TITLES } from '../ingest/speakerPhrase.ts';
import { isHangulCode, stripParticles } from './particles.ts';
import { forEachNameKey, keyRange, latinSkeleton, MIN_NAME_SKELETON, nameSkeletons } from './romanized.ts';
import { isRoleNoun, isStatementNoun } from './saying.ts';
import { QUERY_STOPWORDS } from './stopwords.ts';

/** A speaker across all articles. */
export interface SpeakerEntry {
  speaker: Speaker;
  /**
   * Every quote, in article order: the articles' own objects, not copies with their article's id (which held 23 MB
   * at 10,000 articles). `quoteArticles[i]` is the article of `quotes[i]`.
   */
  quotes: Quote[];
  quoteArticles: Article[];
  /** Precomputed for lookups: compacted name, its 초성, title, and the words describing the speaker. */
  key: { name: string; choseong: string; title: string; about: string };
}

/** Each of a speaker's quotes, in article order, with its article; nothing is copied. */
export function forEachQuote(entry: SpeakerEntry, visit: (quote: Quote, article: Article) => void): void {
  entry.quotes.forEach((quote, i) => visit(quote, entry.quoteArticles[i]!));
}

/** What a speaker said, in article order, each quote with its article's id. */
export function quotesOf(entry: SpeakerEntry): (Quote & { article: string })[] {
  const quotes: (Quote & { article: string })[] = [];
  forEachQuote(entry, ({ speaker, text, kind, paragraph }, article) => quotes.push({ speaker, text, kind, paragraph, article: article.id }));
  return quotes;
}

/** A name's last word (`트럼프` of `도널드 트럼프`, `주민` of `대피소에 머무는 한 주민`); the name itself if one word. */
export const lastWordOf = (name: string): string => name.slice(name.lastIndexOf(' ') + 1);

const LATIN_TYPED = /^[a-z][a-z'-]*$/;
/** Rank of a speaker whose name English spelling only begins (see `matchSpeakers`): below `matchRank`'s. */
const SPELLED_IN_PART = 6;
const compact = (s: string): string => s.normalize('NFC').toLowerCase().replace(/\s+/g, '');
const CHOSEONG_ONLY = /^[ㄱ-ㅎ]+$/;

/** Merges speakers by id across articles (the same person quoted in two articles is one entry). */
export function buildSpeakerDirectory(articles: Article[]): SpeakerEntry[] {
  const entries = new Map<string, SpeakerEntry>();
  for (const article of articles) {
    for (const speaker of article.speakers) {
      if (entries.has(speaker.id)) continue;
      const about = compact([speaker.title, speaker.organization, speaker.description].filter(Boolean).join(' '));
      entries.set(speaker.id, {
        speaker,
        quotes: [],
        quoteArticles: [],
        key: {
          name: compact(speaker.name),
          choseong: getChoseong(speaker.name).replace(/\s+/g, ''),
          title: speaker.title ? compact(speaker.title) : '',
          about,
        },
      });
    }
    for (const quote of article.quotes) {
      const entry = entries.get(quote.speaker);
      if (!entry) continue;
      entry.quotes.push(quote);
      entry.quoteArticles.push(article);
    }
  }
  // Sorted once here, named people first and the most quoted first, so a lookup only sorts by match quality.
  const sorted = [...entries.values()].sort(byProminence);
  for (const entry of sorted) {
    entry.quotes = exactSize(entry.quotes);
    entry.quoteArticles = exactSize(entry.quoteArticles);
  }
  return sorted;
}

const byProminence = (a: SpeakerEntry, b: SpeakerEntry): number =>
  Number(b.speaker.named) - Number(a.speaker.named) || b.quotes.length - a.quotes.length;

/** A directory ready for lookups: prefixes by binary search, other substrings through two-character pieces. */
export interface SpeakerLookup {
  /** By prominence (the directory's order); every other list holds positions in it. */
  entries: SpeakerEntry[];
  byName: Int32Array;
  byChoseong: Int32Array;
  /**
   * Every two-character piece of each speaker's name, 초성, description, and surname + title (`최회장`) → the
   * speakers holding it, most prominent first: a typed fragment is looked for only among speakers holding its
   * rarest piece, instead of scanning tens of thousands.
   */
  pairs: Map<string, number[]>;
  /**
   * Speakers a question can name outright, by compacted name, for spotting them in it: named people and bodies
   * (`ai정신병원`), and groups that have no organisation to be found by (`업계`, `시민단체들`).
   */
  byFullName: Map<string, SpeakerEntry>;
  /**
   * Unnamed speakers (officials) by compacted organisation (`통일부` → 통일부 당국자), most prominent first: `통일부
   * 입장은?`. Named ones are found by name; an organisation's named people are not all of what it says. Also
   * people a phrase describes, by its last noun (`주민` → 대피소에 머무는 한 주민).
   */
  byOrganization: Map<string, SpeakerEntry[]>;
}

export function speakerLookup(entries: SpeakerEntry[]): SpeakerLookup {
  const byKey = (key: 'name' | 'choseong') =>
    Int32Array.from(
      entries.map((_, i) => i).sort((a, b) => (entries[a]!.key[key] < entries[b]!.key[key] ? -1 : entries[a]!.key[key] > entries[b]!.key[key] ? 1 : 0)),
    );
  const byFullName = new Map<string, SpeakerEntry>();
  const byOrganization = new Map<string, SpeakerEntry[]>();
  const file = (key: string, entry: SpeakerEntry) => {
    const list = byOrganization.get(key);
    if (list) list.push(entry);
    else byOrganization.set(key, [entry]);
  };
  for (const entry of entries) {
    const { named, organization: body, name } = entry.speaker;
    if ((named || !body) && !byFullName.has(entry.key.name)) byFullName.set(entry.key.name, entry);
    const last = name.includes(' ') ? compact(lastWordOf(name)) : '';
    // `도널드 트럼프` is `트럼프` once named: news refers back to a foreign name by its last word.
    if (named && last.length >= 2 && isHangulCode(last.charCodeAt(0)) && !byFullName.has(last)) byFullName.set(last, entry);
    if (named) continue;
    if (body) file(compact(body), entry);
    // `대피소에 머무는 한 주민`: someone the text describes, found by the noun the description ends in (`주민은 뭐라고
    // 했어?`). Not a role (`관계자`), which says only how someone spoke.
    else if (last.length >= 2 && !isRoleNoun(last, last) && !TITLES.test(last)) file(last, entry);
  }
  const pairs = new Map<string, number[]>();
  entries.forEach((entry, position) => {
    const { name, choseong, title, about } = entry.key;
    const held = new Set<string>();
    for (const text of [name, choseong, about, title ? name.slice(0, 1) + title : '']) {
      for (let i = 0; i + 2 <= text.length; i++) held.add(text.slice(i, i + 2));
    }
    for (const pair of held) {
      const list = pairs.get(pair);
      if (list) list.push(position);
      else pairs.set(pair, [position]);
    }
  });
  for (const [pair, list] of pairs) pairs.set(pair, exactSize(list));
  return { entries, byName: byKey('name'), byChoseong: byKey('choseong'), pairs, byFullName, byOrganization };
}

/**
 * A copy without the room `push` leaves for growth (17 slots for one element): the directory's lists are built
 * once and kept, 44,000 speakers' and 49,000 pieces' at 10,000 articles.
 */
const exactSize = <T>(list: T[]): T[] => list.slice();

const OBJECT_MARKED = /[을를]$/;

/** Longest speaker name looked for in a question, in words (`BGI 화다지인 CEO` is three). */
const MAX_NAME_WORDS = 3;

/**
 * Speakers a question mentions (`AI 정신병원은 … 했어?` → AI 정신병원), by their full name, or by their
 * organisation (`통일부` → 통일부 당국자), in one to three consecutive words, a particle after the last one ignored.
 */
export function speakersNamedIn(lookup: SpeakerLookup, words: string[], aliases: Aliases = NO_ALIASES): SpeakerEntry[] {
  const found = new Set<SpeakerEntry>();
  for (let i = 0; i < words.length; i++) {
    let joined = '';
    for (let n = 0; n < MAX_NAME_WORDS && i + n < words.length; n++) {
      joined += words[i + n];
      const stripped = stripParticles(joined);
      // Scaffolding (`했어`) and what is asked for (`입장은`) name no one, though a coined name may spell them; such
      // a word may still open a name (`이 대표`).
      if (n === 0 && (QUERY_STOPWORDS.has(joined) || isStatementNoun(joined, stripped))) continue;
      // An organisation as the object of the question's clause (`업계를`) is not who spoke; a subject may be.
      const asSpeaker = !OBJECT_MARKED.test(joined);
      const look = (key: string) => {
        for (const name of [key, ...aliases(key)]) {
          const entry = lookup.byFullName.get(name);
          if (entry) found.add(entry);
          if (asSpeaker) for (const member of lookup.byOrganization.get(name) ?? []) found.add(member);
        }
      };
      look(joined);
      if (stripped !== joined) look(stripped);
    }
    // `떡집(의) 사장님`: the word before a role describes who spoke (`떡집을 운영하는 김순자(68) 씨`), not by name.
    const next = words[i + 1];
    if (next !== undefined && isRoleNoun(next, stripParticles(next))) {
      const described = stripParticles(compact(words[i]!));
      if (!QUERY_STOPWORDS.has(described)) {
        for (const word of [described, ...aliases(described)]) for (const entry of describedAs(lookup, word, MAX_DESCRIBED)) found.add(entry);
      }
    }
  }
  return [...found];
}

/** Other names of a compacted word (`국토부` → `국토교통부`): the synonym table's, for bodies news names both ways. */
export type Aliases = (word: string) => readonly string[];
const NO_ALIASES: Aliases = () => [];

/** Speakers a question finds by their description (`떡집 사장님`): the most prominent, as a common word describes many. */
const MAX_DESCRIBED = 10;

/**
 * The most prominent speakers whose description holds `word` (two characters or more). Any mention counts: one
 * `떡집 앞에서 만난 주민` is found as the one `떡집을 운영하는`; ranking then weighs what each said.
 */
function describedAs(lookup: SpeakerLookup, word: string, limit: number): SpeakerEntry[] {
  if (word.length < 2) return [];
  const positions = [...substringCandidates(lookup, word, [word], false)].filter((p) => lookup.entries[p]!.key.about.includes(word));
  return positions
    .sort((a, b) => a - b)
    .slice(0, limit)
    .map((p) => lookup.entries[p]!);
}

/**
 * Speakers matching what a user typed, best first: exact name, name prefix, 초성 (`ㅈㅇㅎㅇ`), part of the name,
 * then title or organisation (`치후360`, `블로거`). A particle typed after the name (`저우훙이는`) is ignored.
 * Within a kind of match, prominence decides. Prefix matches come from binary search; the directory is scanned
 * for the other kinds only when the prefixes do not fill `limit`, which is what keeps autocomplete fast in a
 * library of thousands of speakers.
 */
export function matchSpeakers(directory: SpeakerLookup | SpeakerEntry[], typed: string, limit = Infinity): SpeakerEntry[] {
  const lookup = Array.isArray(directory) ? speakerLookup(directory) : directory;
  const { entries } = lookup;
  const raw = compact(typed);
  if (raw === '') return entries.slice(0, limit);
  const variants = [...new Set([raw, stripParticles(raw)])];
  const jamo = CHOSEONG_ONLY.test(raw);
  // Position → best rank so far; sorting by (rank, position) at the end orders by match kind, then prominence.
  const ranks = new Map<number, number>();
  const note = (position: number, rank: number) => ranks.set(position, Math.min(rank, ranks.get(position) ?? Infinity));
  // A prefix may match thousands (`ㅈ`): of one rank, only the `limit` most prominent can show.
  for (const v of variants) {
    const matches = withPrefix(entries, lookup.byName, 'name', v);
    for (const position of matches) if (variants.includes(entries[position]!.key.name)) note(position, 0);
    for (const position of mostProminent(matches, limit)) note(position, 1);
  }
  if (jamo) for (const position of mostProminent(withPrefix(entries, lookup.byChoseong, 'choseong', raw), limit)) note(position, 2);
  // `Kim Jong Un`, `park ji`: a Korean name as English spells it (see romanized.ts). A whole name ranks with a
  // 초성 prefix; a part of one (`kim` is every 김) after every other kind of match (`bgi` is 인예's company first),
  // below.
  const skeleton = LATIN_TYPED.test(raw) ? latinSkeleton([raw]) : null;
  if (skeleton && skeleton.length >= MIN_NAME_SKELETON) {
    for (const position of spelledLike(lookup, skeleton, 'whole')) if (spelledAs(entries[position]!, skeleton)) note(position, 2);
  }
  // The other kinds rank 3 and worse: with `limit` better matches in hand, none of them can show.
  let better = 0;
  for (const rank of ranks.values()) if (rank <= 2) better++;
  if (better < limit) {
    const pieces = variants.filter((v) => v.length >= 2);
    for (const position of substringCandidates(lookup, raw, pieces, jamo)) {
      if (ranks.has(position)) continue;
      const rank = matchRank(entries[position]!, raw, variants, pieces, jamo);
      if (rank < Infinity) note(position, rank);
    }
  }
  // Names English spelling begins come last: looked up only while there is room for them (`ceo` begins every 김).
  if (skeleton && ranks.size < limit) {
    let room = limit - ranks.size;
    for (const position of spelledLike(lookup, skeleton, 'begun')) {
      if (room === 0) break;
      if (ranks.has(position)) continue;
      note(position, SPELLED_IN_PART);
      room--;
    }
  }
  return [...ranks]
    .sort((a, b) => a[1] - b[1] || a[0] - b[0])
    .slice(0, limit)
    .map(([position]) => entries[position]!);
}

/**
 * The speakers that may hold `raw` (as 초성) or one of `pieces` inside a name or description: those holding the
 * rarest two-character piece of each. A single 초성 has no pieces: every speaker is a candidate then.
 */
function substringCandidates(lookup: SpeakerLookup, raw: string, pieces: string[], jamo: boolean): Iterable<number> {
  if (jamo && raw.length < 2) return lookup.entries.keys();
  const found = new Set<number>();
  for (const text of jamo ? [raw, ...pieces] : pieces) {
    let rarest: number[] | undefined;
    for (let i = 0; i + 2 <= text.length; i++) {
      const list = lookup.pairs.get(text.slice(i, i + 2)) ?? [];
      if (!rarest || list.length < rarest.length) rarest = list;
    }
    for (const position of rarest ?? []) found.add(position);
  }
  return found;
}

/** The `n` smallest positions (the most prominent speakers) of a list. */
function mostProminent(positions: Int32Array, n: number): Int32Array {
  return positions.length <= n ? positions : positions.slice().sort().subarray(0, n);
}

/** The positions of the entries whose key starts with `prefix`, from a list sorted by that key (a view, not a copy). */
function withPrefix(entries: SpeakerEntry[], sorted: Int32Array, key: 'name' | 'choseong', prefix: string): Int32Array {
  const firstNotBelow = (bound: string) => lowerBound(sorted.length, (i) => entries[sorted[i]!]!.key[key] < bound);
  // Every key starting with `prefix` sorts before `prefix` followed by the highest UTF-16 unit.
  return sorted.subarray(firstNotBelow(prefix), firstNotBelow(`${prefix}\uffff`));
}

/** The first index of a sorted list of `length` at which `below` no longer holds, by binary search. */
function lowerBound(length: number, below: (i: number) => boolean): number {
  let lo = 0;
  let hi = length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (below(mid)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** 0 exact name … 5 title or organisation; Infinity for no match. `pieces`: the variants of two or more characters. */
function matchRank(entry: SpeakerEntry, raw: string, variants: string[], pieces: string[], jamo: boolean): number {
  const { name, choseong, title, about } = entry.key;
  if (variants.includes(name)) return 0;
  if (variants.some((v) => name.startsWith(v))) return 1;
  if (jamo && choseong.startsWith(raw)) return 2;
  if (jamo && choseong.includes(raw)) return 3;
  if (pieces.some((v) => name.includes(v))) return 4;
  // `박 상무`, `최 회장`: surname plus title, as articles refer back to people.
  if (title && pieces.some((v) => v[0] === name[0] && v.slice(1) === title)) return 4;
  if (pieces.some((v) => about.includes(v))) return 5;
  return Infinity;
}

/**
 * Names that look like what was typed (shared syllables), for "did you mean"; the most prominent speakers when
 * none do. One pass without allocating per speaker: with 35,000 speakers, a `Set` per name took 100 ms.
 */
export function similarSpeakers(directory: SpeakerEntry[], typed: string, limit = 5): string[] {
  const wanted = new Set(compact(typed));
  const sharing: { entry: SpeakerEntry; shared: number }[] = [];
  for (const entry of directory) {
    const shared = sharedSyllables(entry.key.name, wanted);
    if (shared > 0) sharing.push({ entry, shared });
  }
  // Stable: among equals, the directory's (prominence) order.
  sharing.sort((a, b) => b.shared - a.shared);
  // One shared syllable in a long name is chance (`손오공`/`오픈AI`); half the name is a likely typo.
  const similar = sharing.filter((s) => s.shared >= 2 || s.shared / [...s.entry.speaker.name].length >= 0.5);
  if (similar.length > 0) return similar.slice(0, limit).map((s) => s.entry.speaker.name);
  const names = sharing.slice(0, limit).map((s) => s.entry.speaker.name);
  for (const entry of directory) {
    if (names.length >= limit) break;
    if (sharedSyllables(entry.key.name, wanted) === 0) names.push(entry.speaker.name);
  }
  return names;
}

/** How many distinct characters of `name` are in `wanted`. */
function sharedSyllables(name: string, wanted: Set<string>): number {
  let shared = 0;
  let at = 0;
  for (const c of name) {
    if (wanted.has(c) && name.indexOf(c) === at) shared++;
    at += c.length;
  }
  return shared;
}

/** Speakers by the keys of their name's skeletons (see romanized.ts), in key order, for prefix lookups. */
interface RomanizedIndex {
  keys: Float64Array;
  positions: Int32Array;
}

/** Built on a directory's first English name: Korean questions never need it. */
const romanizedIndexes = new WeakMap<SpeakerLookup, RomanizedIndex>();

function romanizedIndex(lookup: SpeakerLookup): RomanizedIndex {
  const known = romanizedIndexes.get(lookup);
  if (known) return known;
  const keys: number[] = [];
  const positions: number[] = [];
  // Named people and bodies: `업계` or `통일부 당국자` is no one's name.
  lookup.entries.forEach((entry, position) => {
    if (entry.speaker.named) forEachNameKey(entry.speaker.name, (key) => (keys.push(key), positions.push(position)));
  });
  const order = Int32Array.from(keys, (_, i) => i).sort((a, b) => keys[a]! - keys[b]! || positions[a]! - positions[b]!);
  const index = { keys: Float64Array.from(order, (i) => keys[i]!), positions: Int32Array.from(order, (i) => positions[i]!) };
  romanizedIndexes.set(lookup, index);
  return index;
}

/**
 * Positions of the speakers whose name's skeleton is `skeleton` (`whole`, or its first 15 consonants) or starts
 * with it (`begun`), most prominent first, each once.
 */
function spelledLike(lookup: SpeakerLookup, skeleton: string, match: 'whole' | 'begun'): Int32Array {
  const { keys, positions } = romanizedIndex(lookup);
  const [from, pastPrefix] = keyRange(skeleton);
  const firstNotBelow = (bound: number) => lowerBound(keys.length, (i) => keys[i]! < bound);
  // Numeric sort of a typed copy: a common first consonant begins thousands of names.
  const found = positions.slice(firstNotBelow(from), firstNotBelow(match === 'whole' ? from + 1 : pastPrefix)).sort();
  let kept = 0;
  for (let i = 0; i < found.length; i++) if (i === 0 || found[i] !== found[i - 1]) found[kept++] = found[i]!;
  return found.subarray(0, kept);
}

const spelledAs = (entry: SpeakerEntry, skeleton: string): boolean => nameSkeletons(entry.speaker.name).includes(skeleton);

/**
 * A capitalised word (`Kim`, `Jong-un`, `Un's?`): the name, and what follows it in the question. Not in capitals:
 * `BGI CEO` is an acronym's letters.
 */
const CAPITALISED = /^([A-Z][a-z]+(?:-[A-Za-z][a-z]*)*)((?:['’]s)?[^\p{L}\p{N}]*)$/u;

/**
 * The question with each Korean name it spells in English written in Hangul (`What did Kim Jong Un say?` → `What
 * did 김정은 say?`), so that it is searched as the text prints it. Only two or three capitalised words in a row
 * whose consonants are a speaker's name's, at least MIN_NAME_SKELETON of them: an ordinary word run may spell a
 * name by chance. Several speakers spelled alike: the most prominent.
 */
export function withHangulNames(lookup: SpeakerLookup, question: string): string {
  if (!/[A-Z]/.test(question)) return question;
  const parts = question.split(/(\s+)/);
  const words = parts.map((part) => CAPITALISED.exec(part));
  // Words sit at even indexes of `parts`, the spaces between them at odd ones.
  for (let i = 0; i < parts.length; i += 2) {
    for (let n = MAX_NAME_WORDS; n >= 2; n--) {
      const run = Array.from({ length: n }, (_, k) => words[i + 2 * k]);
      // A name may hold what reads as an English word (`Kim Jong In`), but does not start with one (`Did Kim`).
      if (run.some((w) => !w) || QUERY_STOPWORDS.has(run[0]![1]!.toLowerCase())) continue;
      // Only the last word may have something after it (`Un's`, `Un?`).
      if (run.slice(0, -1).some((w) => w![2] !== '')) continue;
      const skeleton = latinSkeleton(run.map((w) => w![1]!));
      if (skeleton === null || skeleton.length < MIN_NAME_SKELETON) continue;
      const position = spelledLike(lookup, skeleton, 'whole').find((p) => spelledAs(lookup.entries[p]!, skeleton));
      if (position === undefined) continue;
      parts.splice(i, 2 * n - 1, lookup.entries[position]!.speaker.name + run.at(-1)![2]);
      words.splice(i, 2 * n - 1, null);
      break;
    }
  }
  return parts.join('');
}
