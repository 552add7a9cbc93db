import { findKoreanTime } from './dates.ts';
import { readKeyValue, type Line } from './lines.ts';
import { findOutlet } from './outlet.ts';
import { breadcrumbParts, MARKER_PREFIX, MODIFIED_LABEL, PUBLISHED_LABEL, SENTENCE_END } from './vocabulary.ts';

export interface ArticleMetadata {
  outlet: string | null;
  section: string | null;
  published: string | null;
  modified: string | null;
  byline: string | null;
  email: string | null;
  url: string | null;
}

const EMAIL = /[\w.+-]+@[\w-]+(?:\.[\w-]+)+/;
const EMAIL_LINE = new RegExp(`^${EMAIL.source}$`);
const URL = /https?:\/\/[^\s<>"')]+/;
const LABELLED_TIME = new RegExp(`(${MODIFIED_LABEL.source})|(${PUBLISHED_LABEL.source})`, 'gi');
const HAS_LABEL = new RegExp(LABELLED_TIME.source, 'i');

export function readMetadata(
  lines: Line[],
  paragraphs: string[],
  title: string | null,
  datelineByline: string | null,
): ArticleMetadata {
  const keys = new Map<string, string>();
  for (const line of lines) {
    const kv = line.kind === 'key' ? readKeyValue(line.text) : null;
    if (kv && !keys.has(kv.key)) keys.set(kv.key, kv.value);
  }
  const times = readTimes(lines);
  const bylineLine = lines.find((l) => l.kind === 'byline')?.text ?? null;
  const byline = keys.get('기자') ?? keys.get('byline') ?? (bylineLine ? cleanByline(bylineLine) : datelineByline);
  // A reporter's address is on the byline, or alone on a line at the end (`jhkim@yna.co.kr`), never in a tip-line.
  const bareEmail = lines.find((l) => l.kind === 'text' && EMAIL_LINE.test(l.text))?.text;
  // The byline above the body often has no address, the one below it does (`오창(충북)=김성진 기자 zk007@mt.co.kr`).
  const bylineEmail = lines.flatMap((l) => (l.kind === 'byline' ? (l.text.match(EMAIL) ?? []) : []))[0];
  const email = (keys.get('기자') ?? '').match(EMAIL)?.[0] ?? bylineEmail ?? bareEmail ?? null;
  const urlLine = keys.get('url') ?? keys.get('원문') ?? keys.get('링크') ?? lines.find((l) => URL.test(l.text))?.text;
  const outlet = keys.get('매체') ?? keys.get('언론사') ?? keys.get('outlet') ?? findOutlet(lines.map((l) => l.text), paragraphs);
  return {
    outlet,
    section: keys.get('섹션') ?? keys.get('분류') ?? keys.get('section') ?? findSection(lines, title, outlet),
    published: times.published,
    modified: times.modified,
    byline,
    email,
    url: urlLine?.match(URL)?.[0] ?? null,
  };
}

/** A label right after a time (`2025-05-08 14:20:11 송고 | … 최종수정`): group 1 for modification. */
const LABEL_AFTER = new RegExp(`^\\s{0,2}(?:(${MODIFIED_LABEL.source})|(${PUBLISHED_LABEL.source}))`, 'i');

/** The first labelled publication and modification times on the page; a bare stamp counts as publication. */
function readTimes(lines: Line[]): { published: string | null; modified: string | null } {
  let published: string | null = null;
  let modified: string | null = null;
  for (const line of lines) {
    if (line.kind !== 'timestamp') continue;
    // Labels after the times, when the first time is labelled after and not before (`뉴스1`'s `… 송고`).
    const times = timesIn(line.text);
    const first = times[0];
    if (first && LABEL_AFTER.test(line.text.slice(first.end)) && !HAS_LABEL.test(line.text.slice(0, first.start))) {
      for (const time of times) {
        const label = LABEL_AFTER.exec(line.text.slice(time.end));
        if (label?.[1]) modified ??= time.iso;
        else if (label?.[2]) published ??= time.iso;
      }
      continue;
    }
    let labelled = false;
    for (const m of line.text.matchAll(LABELLED_TIME)) {
      const found = findKoreanTime(line.text.slice(m.index + m[0].length));
      if (!found || found.index > 4) continue;
      labelled = true;
      if (m[1]) modified ??= found.iso;
      else published ??= found.iso;
    }
    // A bare stamp first, labelled ones after it (`25.03.14 09:41최종 업데이트 25.03.14 10:02`): publication.
    if (!labelled || (first && !HAS_LABEL.test(line.text.slice(0, first.start)))) published ??= first?.iso ?? null;
  }
  return { published, modified };
}

/** Every time in a line, in order, with where it stands. */
function timesIn(text: string): { iso: string; start: number; end: number }[] {
  const found: { iso: string; start: number; end: number }[] = [];
  for (let offset = 0; ; ) {
    const time = findKoreanTime(text.slice(offset));
    if (!time) return found;
    found.push({ iso: time.iso, start: offset + time.index, end: offset + time.index + time.length });
    offset += time.index + time.length;
  }
}

const PORTAL_SECTION = /언론사에서\s+(\S{1,10})\s+섹션으로\s+분류/;

/** A breadcrumb (`홈 > 경제 > 산업`) or a short label printed next to the timestamps (`영상K`) or the headline. */
function findSection(lines: Line[], title: string | null, outlet: string | null): string | null {
  for (const line of lines) {
    // A portal's notice under the body: `이 기사는 언론사에서 경제 섹션으로 분류했습니다.`
    const notice = PORTAL_SECTION.exec(line.text);
    if (notice) return notice[1]!;
  }
  for (const line of lines) {
    const parts = line.kind === 'text' ? breadcrumbParts(line.text) : null;
    if (!parts) continue;
    const crumbs = parts.filter((c) => c && !/^(홈|home|뉴스)$/i.test(c));
    if (crumbs.length > 0) return crumbs.join(' > ');
  }
  const content = lines.filter((l) => l.kind !== 'blank');
  for (let i = 0; i < content.length; i++) {
    const line = content[i]!;
    // The outlet's name printed near the timestamps is a masthead, not a section.
    if (line.kind !== 'text' || line.text === title || line.text === outlet || !isLabel(line.text)) continue;
    const near = [content[i - 1], content[i + 1]];
    if (near.some((n) => n?.kind === 'timestamp')) return line.text;
    // `경향신문` / `정치` / headline: a label between the masthead and the headline counts too, but not the last
    // item of a menu printed above it (`정치` / `사회` / … / `문화` / headline).
    const isLabelLine = (l: Line | undefined) => l?.kind === 'text' && l.text !== outlet && isLabel(l.text);
    const lastOfMenu = isLabelLine(content[i - 1]) && isLabelLine(content[i - 2]);
    if (!lastOfMenu && near.some((n) => n !== undefined && n.text === title)) return line.text;
  }
  return null;
}

function isLabel(text: string): boolean {
  return text.length <= 15 && !SENTENCE_END.test(text) && !/[“”"']/.test(text) && !MARKER_PREFIX.test(text);
}

function cleanByline(text: string): string {
  return text
    .replace(EMAIL, '')
    // `춘천= 박은성 기자`, `오창(충북)=김성진 기자`: where the reporter filed from.
    .replace(/^[^\s=]{1,12}\s*=\s*/, '')
    .replace(/^by\s+/i, '')
    .replace(/[[\]()<>]/g, ' ')
    // `김유리기자`: the role written without its space.
    .replace(/([가-힣]{2,4})(기자|특파원)$/, '$1 $2')
    .replace(/\s+/g, ' ')
    .trim();
}
