import { getChoseong } from 'es-hangul';
import type { Article } from '../ingest/article.ts';
import type { Quote, Speaker } from '../ingest/quotes.ts';
import { stripParticles } from './particles.ts';

/** A speaker across all articles, with every quote in article order. */
export interface SpeakerEntry {
  speaker: Speaker;
  quotes: (Quote & { article: string })[];
  /** Precomputed for lookups: compacted name, its 초성, title, and the words describing the speaker. */
  key: { name: string; choseong: string; title: string; about: string };
}

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
        key: {
          name: compact(speaker.name),
          choseong: getChoseong(speaker.name).replace(/\s+/g, ''),
          title: speaker.title ? compact(speaker.title) : '',
          about,
        },
      });
    }
    for (const quote of article.quotes) entries.get(quote.speaker)?.quotes.push({ ...quote, article: article.id });
  }
  // Sorted once here, named people first and the most quoted first, so a lookup only sorts by match quality.
  return [...entries.values()].sort(byProminence);
}

const byProminence = (a: SpeakerEntry, b: SpeakerEntry): number =>
  Number(b.speaker.named) - Number(a.speaker.named) || b.quotes.length - a.quotes.length;

/** A directory ready for lookups: names and 초성 in sorted order, so prefixes are found by binary search. */
export interface SpeakerLookup {
  /** By prominence (the directory's order). */
  entries: SpeakerEntry[];
  byName: SpeakerEntry[];
  byChoseong: SpeakerEntry[];
  position: Map<SpeakerEntry, number>;
  /** Named speakers by compacted name (`ai정신병원`), for spotting them in a question. */
  named: Map<string, SpeakerEntry>;
}

export function speakerLookup(entries: SpeakerEntry[]): SpeakerLookup {
  const byKey = (key: 'name' | 'choseong') => [...entries].sort((a, b) => (a.key[key] < b.key[key] ? -1 : a.key[key] > b.key[key] ? 1 : 0));
  const named = new Map<string, SpeakerEntry>();
  for (const entry of entries) if (entry.speaker.named && !named.has(entry.key.name)) named.set(entry.key.name, entry);
  return { entries, byName: byKey('name'), byChoseong: byKey('choseong'), position: new Map(entries.map((e, i) => [e, i])), named };
}

/** Longest speaker name looked for in a question, in words (`BGI 화다지인 CEO` is three). */
const MAX_NAME_WORDS = 3;

/**
 * Named speakers a question mentions (`AI 정신병원은 … 했어?` → AI 정신병원), by their full name in one to three
 * consecutive words, a particle after the last one ignored.
 */
export function speakersNamedIn(lookup: SpeakerLookup, words: string[]): SpeakerEntry[] {
  const found = new Set<SpeakerEntry>();
  for (let i = 0; i < words.length; i++) {
    let joined = '';
    for (let n = 0; n < MAX_NAME_WORDS && i + n < words.length; n++) {
      joined += words[i + n];
      const entry = lookup.named.get(joined) ?? lookup.named.get(stripParticles(joined));
      if (entry) found.add(entry);
    }
  }
  return [...found];
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
  const raw = compact(typed);
  if (raw === '') return lookup.entries.slice(0, limit);
  const variants = [...new Set([raw, stripParticles(raw)])];
  const ranks = new Map<SpeakerEntry, number>();
  const note = (entry: SpeakerEntry, rank: number) => ranks.set(entry, Math.min(rank, ranks.get(entry) ?? Infinity));
  for (const v of variants) {
    for (const entry of withPrefix(lookup.byName, 'name', v)) note(entry, entry.key.name === raw || variants.includes(entry.key.name) ? 0 : 1);
  }
  if (CHOSEONG_ONLY.test(raw)) for (const entry of withPrefix(lookup.byChoseong, 'choseong', raw)) note(entry, 2);
  if (ranks.size < limit) {
    // The other kinds of match need a scan; entries are in prominence order, so each kind comes out in order.
    const jamo = CHOSEONG_ONLY.test(raw);
    const pieces = variants.filter((v) => v.length >= 2);
    for (const entry of lookup.entries) {
      if (ranks.has(entry)) continue;
      const rank = matchRank(entry, raw, variants, pieces, jamo);
      if (rank < Infinity) note(entry, rank);
    }
  }
  return [...ranks]
    .sort((a, b) => a[1] - b[1] || lookup.position.get(a[0])! - lookup.position.get(b[0])!)
    .slice(0, limit)
    .map(([entry]) => entry);
}

/** The entries whose key starts with `prefix`, from a list sorted by that key. */
function withPrefix(sorted: SpeakerEntry[], key: 'name' | 'choseong', prefix: string): SpeakerEntry[] {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]!.key[key] < prefix) lo = mid + 1;
    else hi = mid;
  }
  const found: SpeakerEntry[] = [];
  for (let i = lo; i < sorted.length && sorted[i]!.key[key].startsWith(prefix); i++) found.push(sorted[i]!);
  return found;
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

/** Names that look like what was typed (shared syllables), for "did you mean"; every speaker when none do. */
export function similarSpeakers(directory: SpeakerEntry[], typed: string, limit = 5): string[] {
  const wanted = new Set(compact(typed));
  const scored = directory
    .map((e) => ({ name: e.speaker.name, shared: [...new Set(e.key.name)].filter((c) => wanted.has(c)).length }))
    .sort((a, b) => b.shared - a.shared);
  // One shared syllable in a long name is chance (`손오공`/`오픈AI`); half the name is a likely typo.
  const similar = scored.filter((s) => s.shared >= 2 || s.shared / [...s.name].length >= 0.5);
  return (similar.length > 0 ? similar : scored).slice(0, limit).map((s) => s.name);
}
