import { z } from 'zod';

/**
 * What a command answers, independent of where it is shown: the console prints it as text or JSON,
 * the Discord layer renders it as embeds. One schema, so every transport says the same thing.
 */

/** Where in an article a passage is: paragraph 1, 2…, or 0 for the headline. */
const PlaceSchema = z.number().int().nonnegative();

/** `3문단`, or `제목` for the headline (paragraph 0). */
export const placeName = (paragraph: number): string => (paragraph === 0 ? '제목' : `${paragraph}문단`);

export const CitationSchema = z.object({
  article: z.string(),
  title: z.string(),
  paragraph: PlaceSchema,
  url: z.string().nullable(),
});

export const PassageSchema = z.object({
  article: z.string(),
  title: z.string(),
  paragraph: PlaceSchema,
  text: z.string(),
  score: z.number(),
});

export const AskReplySchema = z.object({
  command: z.literal('ask'),
  query: z.string(),
  /** The best sentence of the top passage, or null when the articles do not answer. */
  answer: z.string().nullable(),
  citation: CitationSchema.nullable(),
  /** Stems of the query's content words, for highlighting. */
  terms: z.array(z.string()),
  results: z.array(PassageSchema),
  /** Page of results (5 a page) and whether another page exists. */
  page: z.number().int().min(0),
  more: z.boolean(),
  /** When abstaining: what the articles are about. */
  suggestions: z.array(z.string()),
});

export const GlossaryEntrySchema = z.object({ term: z.string(), gloss: z.string() });

export const ArticleSummarySchema = z.object({
  id: z.string(),
  title: z.string(),
  outlet: z.string().nullable(),
  section: z.string().nullable(),
  published: z.string().nullable(),
  modified: z.string().nullable(),
  byline: z.string().nullable(),
  email: z.string().nullable(),
  url: z.string().nullable(),
  paragraphs: z.number().int(),
  speakers: z.array(z.string()),
  glossary: z.array(GlossaryEntrySchema),
});

export const ArticleReplySchema = z.object({
  command: z.literal('article'),
  articles: z.array(ArticleSummarySchema),
});

export const QuoteReplySchema = z.object({
  command: z.literal('quote'),
  query: z.string(),
  speaker: z
    .object({ id: z.string(), name: z.string(), description: z.string(), title: z.string().nullable(), organization: z.string().nullable() })
    .nullable(),
  quotes: z.array(
    z.object({
      text: z.string(),
      kind: z.enum(['direct', 'indirect']),
      article: z.string(),
      title: z.string(),
      paragraph: z.number().int().positive(),
    }),
  ),
  /** Did-you-mean names when no speaker matches; other close matches otherwise. */
  suggestions: z.array(z.string()),
});

export const ReindexReplySchema = z.object({
  command: z.literal('reindex'),
  ok: z.boolean(),
  /** Articles served after the reindex. */
  articles: z.number().int(),
  paragraphs: z.number().int(),
  quotes: z.number().int(),
  added: z.array(z.string()),
  changed: z.array(z.string()),
  removed: z.array(z.string()),
  unchanged: z.array(z.string()),
  errors: z.array(z.object({ file: z.string(), message: z.string() })),
  saved: z.string().nullable(),
  notice: z.string().nullable(),
});

export const ErrorReplySchema = z.object({
  command: z.string(),
  error: z.string(),
});

export type Citation = z.infer<typeof CitationSchema>;
export type Passage = z.infer<typeof PassageSchema>;
export type AskReply = z.infer<typeof AskReplySchema>;
export type ArticleSummary = z.infer<typeof ArticleSummarySchema>;
export type ArticleReply = z.infer<typeof ArticleReplySchema>;
export type QuoteReply = z.infer<typeof QuoteReplySchema>;
export type ReindexReply = z.infer<typeof ReindexReplySchema>;
export type ErrorReply = z.infer<typeof ErrorReplySchema>;

/** Every reply a command can give; the console's `--json` mode prints exactly one of these per input line. */
export const ReplySchema = z.union([AskReplySchema, ArticleReplySchema, QuoteReplySchema, ReindexReplySchema, ErrorReplySchema]);
export type Reply = z.infer<typeof ReplySchema>;
