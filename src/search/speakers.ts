import { getChoseong } from 'es-hangul';
import type { Article } from '../ingest/article.ts';
import type { Quote, Speaker } from '../ingest/quotes.ts';
import { stripParticles } from './particles.ts';

/** A speaker across all articles, with every quote in article order. */
export interface SpeakerEntry {
  speaker: Speaker;
  quotes: (Quote & { article: string })[];
  /** Precomputed for lookups: compacted name, its 초성, and the words describing the speaker. */
  key: { name: string; choseong: string; about: string };
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
        key: { name: compact(speaker.name), choseong: getChoseong(speaker.name).replace(/\s+/g, ''), about },
      });
    }
    for (const quote of article.quotes) entries.get(quote.speaker)?.quotes.push({ ...quote, article: article.id });
  }
  // Sorted once here, named people first and the most quoted first, so a lookup only sorts by match quality.
  return [...entries.values()].sort(byProminence);
}

const byProminence = (a: SpeakerEntry, b: SpeakerEntry): number =>
  Number(b.speaker.named) - Number(a.speaker.named) || b.quotes.length - a.quotes.length;

/**
 * Speakers matching what a user typed, best first: exact name, name prefix, 초성 (`ㅈㅇㅎㅇ`), part of the name,
 * then title or organisation (`치후360`, `블로거`). A particle typed after the name (`저우훙이는`) is ignored.
 * Within a kind of match, the directory's own order (prominence) holds: the sort is stable.
 */
export function matchSpeakers(directory: SpeakerEntry[], typed: string): SpeakerEntry[] {
  const raw = compact(typed);
  if (raw === '') return directory;
  const variants = [...new Set([raw, stripParticles(raw)])];
  const ranked: { entry: SpeakerEntry; rank: number }[] = [];
  for (const entry of directory) {
    const rank = matchRank(entry, raw, variants);
    if (rank < Infinity) ranked.push({ entry, rank });
  }
  return ranked.sort((a, b) => a.rank - b.rank).map((r) => r.entry);
}

function matchRank(entry: SpeakerEntry, raw: string, variants: string[]): number {
  const { name, choseong, about } = entry.key;
  if (variants.includes(name)) return 0;
  if (variants.some((v) => name.startsWith(v))) return 1;
  if (CHOSEONG_ONLY.test(raw) && choseong.startsWith(raw)) return 2;
  if (CHOSEONG_ONLY.test(raw) && choseong.includes(raw)) return 3;
  if (variants.some((v) => v.length >= 2 && name.includes(v))) return 4;
  // `박 상무`, `최 회장`: surname plus title, as articles refer back to people.
  const title = entry.speaker.title ? compact(entry.speaker.title) : null;
  if (title && variants.some((v) => v.length > 1 && v[0] === name[0] && v.slice(1) === title)) return 4;
  if (variants.some((v) => v.length >= 2 && about.includes(v))) return 5;
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
