import { createHash } from 'node:crypto';
import { basename, extname } from 'node:path';
import { z } from 'zod';
import { readPageLayout } from './body.ts';
import { decodeArticleBytes, DEFAULT_MAX_BYTES } from './decode.ts';
import { IngestError } from './errors.ts';
import { mineGlossary } from './glossary.ts';
import { readMetadata } from './metadata.ts';
import { splitDateline } from './outlet.ts';
import { extractQuotes, QuoteSchema, SpeakerSchema } from './quotes.ts';
import { sentenceEnds, sentencesOf } from './sentences.ts';

const isoKst = z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}\+09:00$/);

export const ParagraphSchema = z
  .object({
    n: z.number().int().positive(),
    text: z.string().min(1),
    /** Where each sentence ends in `text` (see `sentenceEnds`); `sentencesOf` gives them as strings. */
    sentenceEnds: z.array(z.number().int().positive()).min(1),
  })
  .refine(({ text, sentenceEnds }) => sentenceEnds.every((end, i) => end > (sentenceEnds[i - 1] ?? 0) && end <= text.length), {
    message: 'sentence ends must ascend within the paragraph',
    path: ['sentenceEnds'],
  });

export const ArticleSchema = z.object({
  id: z.string().regex(/^[\p{L}\p{N}_.-]{1,100}$/u),
  file: z.string(),
  sha256: z.string().length(64),
  encoding: z.enum(['utf-8', 'euc-kr']),
  title: z.string().min(1),
  outlet: z.string().nullable(),
  section: z.string().nullable(),
  published: isoKst.nullable(),
  modified: isoKst.nullable(),
  byline: z.string().nullable(),
  email: z.string().nullable(),
  url: z.string().nullable(),
  paragraphs: z.array(ParagraphSchema).min(1),
  glossary: z.array(z.object({ term: z.string(), gloss: z.string() })),
  speakers: z.array(SpeakerSchema),
  quotes: z.array(QuoteSchema),
});

export type Article = z.infer<typeof ArticleSchema>;
export type Paragraph = z.infer<typeof ParagraphSchema>;

/** A stable id from the file name: `seeds/000_abc.txt` → `000_abc`. */
export function articleIdFromFile(file: string): string {
  const stem = basename(file, extname(file)).normalize('NFC');
  const id = stem.replace(/[^\p{L}\p{N}_.-]+/gu, '_').slice(0, 100);
  return id || 'article';
}

export interface ParseOptions {
  maxBytes?: number;
}

/** Raw bytes of one scraped page → a validated Article. Throws only IngestError. */
export function parseArticle(file: string, bytes: Uint8Array, options: ParseOptions = {}): Article {
  const { text, encoding } = decodeArticleBytes(bytes, options.maxBytes ?? DEFAULT_MAX_BYTES);
  const layout = readPageLayout(text);
  if (layout.paragraphs.length === 0) {
    throw new IngestError('no-body', 'no body paragraphs found (expected prose lines ending in a sentence)');
  }
  const first = splitDateline(layout.paragraphs[0]!);
  const paragraphs = [first.rest, ...layout.paragraphs.slice(1)].filter((p) => p.trim() !== '');
  const metadata = readMetadata(layout.lines, layout.paragraphs, layout.title, first.byline);
  const bodyParagraphs = paragraphs.map((p, i) => ({ n: i + 1, text: p, sentenceEnds: sentenceEnds(p) }));
  const candidate = {
    id: articleIdFromFile(file),
    file: basename(file),
    sha256: createHash('sha256').update(bytes).digest('hex'),
    encoding,
    title: withoutOutlet(layout.title, metadata.outlet) ?? paragraphs[0]!.slice(0, 80),
    ...metadata,
    paragraphs: bodyParagraphs,
    glossary: mineGlossary(paragraphs),
    ...extractQuotes(bodyParagraphs.map(({ n, text, sentenceEnds: ends }) => ({ n, sentences: sentencesOf(text, ends) }))),
  };
  const parsed = ArticleSchema.safeParse(candidate);
  if (!parsed.success) {
    throw new IngestError('invalid', `the parsed article is invalid: ${z.prettifyError(parsed.error)}`);
  }
  return parsed.data;
}

/** `정부, 청년 월세 지원 1년 연장 | 한빛일보` (a page's `<title>`): the headline without the outlet after it. */
function withoutOutlet(title: string | null, outlet: string | null): string | null {
  if (!title || !outlet) return title;
  for (const separator of [' | ', ' - ', ' – ', ' — ', ' : ']) {
    const suffix = `${separator}${outlet}`;
    if (title.endsWith(suffix) && title.length > suffix.length) return title.slice(0, -suffix.length).trim();
  }
  return title;
}
