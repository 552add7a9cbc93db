import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ArticleSchema, parseArticle } from '../src/ingest/article.ts';
import { IngestError } from '../src/ingest/errors.ts';
import { findQuoteSpans } from '../src/ingest/quoteSpans.ts';
import { newsPage } from './helpers.ts';

/** Either a valid Article or an IngestError: nothing else may escape ingestion. */
function parsesOrRefuses(bytes: Uint8Array): void {
  try {
    const article = parseArticle('prop.txt', bytes, { maxBytes: 1_000_000 });
    expect(ArticleSchema.safeParse(article).success).toBe(true);
  } catch (error) {
    expect(error).toBeInstanceOf(IngestError);
  }
}

const newsLike = fc.array(
  fc.oneof(
    fc.constantFrom(
      '입력 2024.02.23 (17:22) 수정 2024.02.23 (17:28)',
      '기사입력 2025.03.14. 오전 9:41',
      '저우훙이는 "소라가 업계를 흔들 것"이라고 말했습니다.',
      '하지만 "AI가 증명했다"며 "뉴턴 모먼트"라고 밝혔습니다.',
      "'서유기'가 화제가 됐습니다.",
      '■ 제보하기',
      '이 기사가 좋으셨다면',
      'ⓒ KBS',
      '(서울=연합뉴스) 홍길동 기자 = 본문이 시작됩니다.',
      '그는 "',
      '“',
      '인공범용지능(AGI',
      '',
    ),
    fc.string({ maxLength: 200 }),
    fc.string({ unit: 'grapheme', maxLength: 200 }),
  ),
  { maxLength: 60 },
);

describe('ingestion never throws anything but IngestError', () => {
  it('on arbitrary bytes', () => {
    fc.assert(fc.property(fc.uint8Array({ maxLength: 4000 }), (bytes) => parsesOrRefuses(bytes)), { numRuns: 300 });
  });

  it('on arbitrary Unicode text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 3000 }), (text) => parsesOrRefuses(new TextEncoder().encode(text))),
      { numRuns: 300 },
    );
  });

  it('on news-shaped lines mixed with noise, with any line endings', () => {
    fc.assert(
      fc.property(newsLike, fc.constantFrom('\n', '\r\n', '\r'), (lines, eol) => parsesOrRefuses(new TextEncoder().encode(lines.join(eol)))),
      { numRuns: 300 },
    );
  });
});

describe('quoted spans', () => {
  /** The plain definition: scan for an opening mark, find its close skipping nested quotes of the other kind. */
  const PAIRS: Record<string, string> = { '“': '”', '"': '"', '‘': '’', "'": "'", '「': '」', '『': '』' };
  const reference = (text: string) => {
    const spans: { start: number; end: number }[] = [];
    for (let i = 0; i < text.length; ) {
      const close = PAIRS[text[i]!];
      let at = -1;
      if (close) {
        for (let j = i + 1; j < text.length && at < 0; j++) {
          if (text[j] === close) at = j;
          else if (PAIRS[text[j]!] && PAIRS[text[j]!] !== close) {
            const inner = text.indexOf(PAIRS[text[j]!]!, j + 1);
            if (inner > 0) j = inner;
          }
        }
      }
      if (at < 0) i++;
      else {
        spans.push({ start: i, end: at + 1 });
        i = at + 1;
      }
    }
    return spans;
  };

  it('are found as the plain definition finds them, in any text', () => {
    const piece = fc.constantFrom('“', '”', '"', '‘', '’', "'", '「', '」', '『', '』', '소라', ' ', '말했다.', 'AI');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 30 }).map((xs) => xs.join('')), (text) => {
        expect(findQuoteSpans(text)).toEqual(reference(text));
      }),
      { numRuns: 1000 },
    );
  });
});

describe('a readable page', () => {
  it('always parses, whatever the words before a quote (a phrase that names no one is no speaker)', () => {
    // Fragments of subjects, particles, titles and ages: found by the 10,000-article bench, where `과이 "…"라고
    // 밝혔다` once left a speaker with no name, and the whole article was refused as invalid.
    const word = fc.constantFrom('과이', '지라는', '과', '와', '원내대표와', '장관과', '김정호(54)씨는', '씨는', '이 모 씨는', '한은', '그는', '관계자는', '(35)', '모씨는', '는', '가', '이');
    const ending = fc.constantFrom('"대화의 문은 열려 있다"고 말했다.', '"면밀히 분석하고 있다"라고 밝혔다.', '추가 협상이 필요하다고 밝혔다.');
    const sentence = fc.tuple(fc.array(word, { minLength: 1, maxLength: 6 }), ending).map(([words, end]) => `${words.join(' ')} ${end}`);
    fc.assert(
      fc.property(fc.array(sentence, { minLength: 1, maxLength: 5 }), (paragraphs) => {
        const article = parseArticle('speakers.txt', newsPage('연금개혁 합의', ['여야는 14일 국회에서 연금개혁안을 놓고 다시 만났다.', ...paragraphs]));
        expect(article.speakers.every((s) => s.name.trim() !== '')).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});
