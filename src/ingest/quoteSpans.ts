/** Quoted spans in Korean news prose: “ ” ‘ ’ and straight quotes, nesting allowed. */

export interface QuoteSpan {
  /** Index of the opening mark. */
  start: number;
  /** Index just past the closing mark. */
  end: number;
}

/** Opening mark → its closing mark. */
const PAIRS: Record<string, string> = {
  '“': '”',
  '"': '"',
  '‘': '’',
  "'": "'",
  '「': '」',
  '『': '』',
};

/** Outermost quoted spans, left to right; an unclosed quote is left alone. */
export function findQuoteSpans(text: string): QuoteSpan[] {
  const spans: QuoteSpan[] = [];
  let i = 0;
  while (i < text.length) {
    const closeMark = PAIRS[text[i]!];
    if (!closeMark) {
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
function findClose(text: string, from: number, close: string): number {
  for (let j = from; j < text.length; j++) {
    const ch = text[j]!;
    if (ch === close) return j;
    const inner = PAIRS[ch];
    if (inner && inner !== close) {
      const innerClose = text.indexOf(inner, j + 1);
      if (innerClose > 0) j = innerClose;
    }
  }
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
