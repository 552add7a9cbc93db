/** Quoted spans in Korean news prose: “ ” ‘ ’ and straight quotes, nesting allowed. */

export interface QuoteSpan {
  /** Index of the opening mark. */
  start: number;
  /** Index just past the closing mark. */
  end: number;
}

/**
 * Opening mark → its closing mark (“ ” " ‘ ’ ' 「 」 『 』), as code units, 0 for any other character. Codes, not
 * one-character strings: every character of every paragraph passes here at each reindex.
 */
function closingMark(code: number): number {
  switch (code) {
    case 0x201c:
      return 0x201d;
    case 0x2018:
      return 0x2019;
    case 0x22:
    case 0x27:
      return code;
    case 0x300c:
      return 0x300d;
    case 0x300e:
      return 0x300f;
    default:
      return 0;
  }
}

/** Outermost quoted spans, left to right; an unclosed quote is left alone. */
export function findQuoteSpans(text: string): QuoteSpan[] {
  const spans: QuoteSpan[] = [];
  let i = 0;
  while (i < text.length) {
    const closeMark = closingMark(text.charCodeAt(i));
    if (closeMark === 0) {
      i++;
      continue;
    }
    const close = findClose(text, i + 1, closeMark);
    if (close < 0) {
      i++;
      continue;
    }
    spans.push({ start: i, end: close + 1 });
    i = close + 1;
  }
  return spans;
}

/** Finds the matching close, skipping nested quotes of the other kind (`"… '뉴턴 모먼트'라고 …"`). */
function findClose(text: string, from: number, close: number): number {
  for (let j = from; j < text.length; j++) {
    const code = text.charCodeAt(j);
    if (code === close) return j;
    const inner = closingMark(code);
    if (inner !== 0 && inner !== close) {
      const innerClose = indexOfCode(text, inner, j + 1);
      if (innerClose > 0) j = innerClose;
    }
  }
  return -1;
}

function indexOfCode(text: string, code: number, from: number): number {
  for (let k = from; k < text.length; k++) if (text.charCodeAt(k) === code) return k;
  return -1;
}

/** Same-length text with quoted content blanked, so punctuation inside quotes cannot split a sentence. */
export function maskQuotes(text: string): string {
  let masked = text;
  for (const span of findQuoteSpans(text)) {
    masked = masked.slice(0, span.start + 1) + '_'.repeat(span.end - span.start - 2) + masked.slice(span.end - 1);
  }
  return masked;
}
