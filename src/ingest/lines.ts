import { findKoreanTime } from './dates.ts';
import {
  ALWAYS_BOILERPLATE,
  MARKER_PREFIX,
  MODIFIED_LABEL,
  PHOTO_CREDIT,
  PROSE_BULLET,
  PROSE_END,
  PUBLISHED_LABEL,
  REPORTER_ROLE,
  SHORT_LINE_BOILERPLATE,
  WIRE_PHOTO_CAPTION,
} from './vocabulary.ts';

export type LineKind = 'blank' | 'marker' | 'timestamp' | 'boilerplate' | 'byline' | 'key' | 'text';

export interface Line {
  text: string;
  kind: LineKind;
}

const SHORT_LINE = 60;
/** A bulleted line this long that ends a sentence is prose. */
const MIN_BULLETED_PROSE = 20;
/**
 * After a sentence's end: `(끝)`, `<끝>`, `[끝]`, `/연합뉴스`, `[뉴시스]`, a reporter's address, or a photographer's
 * credit closing a caption (`… 줄을 서 있다. 춘천=박은성 기자`).
 */
const END_MARK = new RegExp(
  String.raw`([.!?。…]["”’'」』)\]]*)\s*(?:\(끝\)|<끝>|\[끝\]|\/\s*[^\s/]{2,12}|\[[^\]\s]{2,12}\]|[\w.+-]+@[\w-]+(?:\.[\w-]+)+|(?:[가-힣]{1,6}\s*=\s*)?[가-힣]{2,4}\s*` +
    REPORTER_ROLE +
    ')$',
);
const KEY_VALUE = /^(제목|title|매체|언론사|outlet|섹션|분류|section|기자|byline|url|원문|링크)\s*[:：]\s*(.+)$/i;
/** `김민수 기자 kms@yna.co.kr`, `[이데일리 김지현 기자]`, `오창(충북)=김성진 기자`, `hong@fnnews.com 홍예지 기자`. */
const BYLINE = new RegExp(
  `^(?:[\\w.+-]+@[\\w-]+(?:\\.[\\w-]+)+\\s+)?[\\[(]?(?:[^\\s\\]]{2,10}\\s+)?(?:[^\\s=\\]]{1,12}\\s*=\\s*)?[가-힣]{2,4}(?:\\s*·\\s*[가-힣]{2,4})*\\s*${REPORTER_ROLE}(?:\\s*[\\](])?(?:\\s*[(<]?[\\w.+-]+@[\\w-]+(?:\\.[\\w-]+)+[)>]?)?[\\])]?$`,
);
const TIMESTAMP_LABEL = new RegExp(`(?:${PUBLISHED_LABEL.source}|${MODIFIED_LABEL.source})`, 'i');

export function classifyLine(raw: string): Line {
  const spaced = raw.replace(/ {2,}/g, ' ').trim();
  // A paragraph with a photo credit or an end mark glued to its end (`…밝혔다. (사진=연합뉴스)`, `…밝혔다. (끝)`,
  // `…밝혔다. /연합뉴스`) is the paragraph without it.
  const cleaned = (spaced.length > SHORT_LINE ? spaced.replace(PHOTO_CREDIT, '').trimEnd() : spaced).replace(END_MARK, '$1');
  // A press release's bullet before a sentence (`□ 정부는 … 발표하였다.`) opens a paragraph, not a list item; the
  // sentence is still checked for boilerplate like any other line.
  const bullet = PROSE_BULLET.exec(cleaned);
  const text = bullet && PROSE_END.test(cleaned) && cleaned.length - bullet[0].length >= MIN_BULLETED_PROSE ? cleaned.slice(bullet[0].length) : cleaned;
  if (text === '') return { text, kind: 'blank' };
  if (KEY_VALUE.test(text)) return { text, kind: 'key' };
  if (isTimestampLine(text)) return { text, kind: 'timestamp' };
  if (MARKER_PREFIX.test(text)) return { text, kind: 'marker' };
  if (isBoilerplate(text)) return { text, kind: 'boilerplate' };
  if (text.length <= SHORT_LINE && BYLINE.test(text)) return { text, kind: 'byline' };
  return { text, kind: 'text' };
}

export function isBoilerplate(text: string): boolean {
  if (ALWAYS_BOILERPLATE.some((re) => re.test(text)) || WIRE_PHOTO_CAPTION.test(text)) return true;
  return text.length <= SHORT_LINE && (SHORT_LINE_BOILERPLATE.some((re) => re.test(text)) || PHOTO_CREDIT.test(text));
}

/** A short line whose content is a labelled timestamp (`입력 2024.02.23 (17:22)`), not prose that mentions a date. */
function isTimestampLine(text: string): boolean {
  if (text.length > 100) return false;
  const found = findKoreanTime(text);
  if (!found) return false;
  return TIMESTAMP_LABEL.test(text) || text.replace(MARKER_PREFIX, '').trim().length === found.length;
}

export function readKeyValue(text: string): { key: string; value: string } | null {
  const m = KEY_VALUE.exec(text);
  return m ? { key: m[1]!.toLowerCase(), value: m[2]!.trim() } : null;
}
