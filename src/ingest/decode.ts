import iconv from 'iconv-lite';
import { IngestError } from './errors.ts';

export const DEFAULT_MAX_BYTES = 2 * 1024 * 1024;

export type Encoding = 'utf-8' | 'euc-kr';

export interface DecodedText {
  text: string;
  encoding: Encoding;
}

const UTF8_BOM = [0xef, 0xbb, 0xbf];

/**
 * Bytes → NFC text with `\n` line endings and ordinary spaces.
 * Tries strict UTF-8 first, then EUC-KR/CP949 (legacy Korean pages); anything else is refused.
 */
export function decodeArticleBytes(bytes: Uint8Array, maxBytes = DEFAULT_MAX_BYTES): DecodedText {
  if (bytes.length === 0) throw new IngestError('empty', 'the file is empty');
  if (bytes.length > maxBytes) {
    throw new IngestError('too-large', `the file is ${bytes.length} bytes, over the ${maxBytes}-byte limit`);
  }
  if (looksLikeUtf16(bytes)) throw new IngestError('encoding', 'UTF-16 text is not supported; save the file as UTF-8');
  if (bytes.includes(0)) throw new IngestError('binary', 'the file contains NUL bytes: it looks binary, not text');

  const hasBom = UTF8_BOM.every((b, i) => bytes[i] === b);
  const body = hasBom ? bytes.subarray(3) : bytes;
  const utf8 = tryDecode('utf-8', body);
  if (utf8 !== null) return { text: normalizeText(utf8), encoding: 'utf-8' };
  const eucKr = hasBom ? null : decodeCp949(body);
  if (eucKr !== null && hangulShare(eucKr) > 0.2) return { text: normalizeText(eucKr), encoding: 'euc-kr' };
  throw new IngestError('encoding', 'the file is neither UTF-8 nor EUC-KR/CP949 text');
}

function tryDecode(label: 'utf-8', bytes: Uint8Array): string | null {
  try {
    return new TextDecoder(label, { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

/**
 * CP949, the superset of EUC-KR that Korean Windows pages use. Node's own `TextDecoder('euc-kr')` silently drops
 * the lead byte of CP949-only syllables (똠, 쀍), so iconv-lite decodes; any undecodable byte rejects the file.
 */
function decodeCp949(bytes: Uint8Array): string | null {
  const text = iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), 'cp949');
  return text.includes('\ufffd') ? null : text;
}

function looksLikeUtf16(bytes: Uint8Array): boolean {
  return (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff);
}

/** Share of Hangul among letters: a wrong legacy decoding yields mostly Hanja and symbols. */
function hangulShare(text: string): number {
  const letters = text.match(/\p{L}/gu) ?? [];
  if (letters.length === 0) return 0;
  const hangul = letters.filter((c) => /\p{Script=Hangul}/u.test(c)).length;
  return hangul / letters.length;
}

/** The HTML entities a scrape leaves in text (`&quot;대화의 문은…&quot;`), by name. */
const NAMED_ENTITIES: Record<string, string> = {
  quot: '"', amp: '&', lt: '<', gt: '>', apos: "'", nbsp: ' ', middot: '·', hellip: '…',
  lsquo: '‘', rsquo: '’', ldquo: '“', rdquo: '”', ndash: '–', mdash: '—', bull: '•',
};

/** `&quot;`, `&#34;`, `&#x201C;` → the character; an unknown or invalid entity is left as it is. */
function decodeEntities(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(/&(?:#(\d{1,7})|#x([0-9a-f]{1,6})|([a-z]{2,8}));/gi, (entity, decimal?: string, hex?: string, name?: string) => {
    if (name !== undefined) return NAMED_ENTITIES[name.toLowerCase()] ?? entity;
    const code = decimal !== undefined ? Number(decimal) : parseInt(hex!, 16);
    return code > 0 && code <= 0x10ffff && (code < 0xd800 || code > 0xdfff) ? String.fromCodePoint(code) : entity;
  });
}

/** Tags of an HTML page saved as text; a few of them make the file markup, not a scrape's text. */
const HTML_TAG = /<\/?(?:p|div|br|span|h[1-6]|article|section|title|meta|a|img|li|ul|ol|table|tr|td|body|html|head|script|style|strong|em|b|figure|figcaption)\b[^<>]*>/gi;
const MIN_HTML_TAGS = 3;

/**
 * An HTML page saved as a `.txt`, as text: scripts, styles and comments dropped, block ends and `<br>` as line
 * breaks, other tags removed. Only Latin tag names count as tags, so `<추가 협상>` in Korean prose stays. Text
 * with fewer than three tags is left as it is.
 */
function htmlToText(text: string): string {
  if ((text.match(HTML_TAG)?.length ?? 0) < MIN_HTML_TAGS) return text;
  return text
    .replace(/<(script|style)\b[^>]*>[\s\S]*?<\/\1>/gi, '\n')
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<\/(?:p|div|h[1-6]|li|tr|title|article|section|figure|figcaption)>/gi, '\n\n')
    .replace(/<\/?[a-z][a-z0-9]*(?:\s[^<>]*)?\/?>/gi, '');
}

/**
 * NFC, HTML tags and entities decoded (in that order, so `&lt;추가 협상&gt;` stays text), `\n` endings,
 * NBSP/ideographic/zero-width spaces folded, control characters dropped.
 */
export function normalizeText(text: string): string {
  return decodeEntities(htmlToText(text))
    .normalize('NFC')
    .replace(/\r\n?/g, '\n')
    .replace(/[\u00a0\u2000-\u200a\u202f\u205f\u3000]/g, ' ')
    .replace(/[\u200b-\u200d\u2060\ufeff]/g, '')
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, '')
    .replace(/\t/g, ' ');
}
