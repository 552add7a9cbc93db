import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { ArticleSchema, type Article } from '../ingest/article.ts';
import { SerializedIndexSchema, type SerializedIndex } from '../search/postings.ts';

export const SNAPSHOT_FILE = 'snapshot.json';
const FORMAT = 'gisa-bot-snapshot';
// 2: paragraphs are indexed with their article's headline.
// 3: no stored fields (article and paragraph come from the document id).
// 4: headlines have their own index, built from the articles when a corpus is assembled.
// 5: the tokenizer strips the verb endings of questions (`시작됐어`, `발표했나요`).
// 6: the ingest reads more layouts (captions, end marks, interviews, dates): seeds are parsed anew. A snapshot
//    holds parsed articles, so a change to what the ingest makes of a file needs a new version too.
// 7–17: fourteen more layouts (OhmyNews to Dailian in test/fixtures/articles): dates, outlets, bylines, captions,
//    broadcast bites and pairs of speakers are read differently.
// 18: an HTML page saved as text is read as text.
// 19: a portal's translation button and reader poll are furniture; `김유리기자` is `김유리 기자`.
const VERSION = 19;

/** File name → sha256 of its bytes, for every seed file the snapshot considered (good or bad). */
export const ManifestSchema = z.record(z.string(), z.string().length(64));
export type Manifest = z.infer<typeof ManifestSchema>;

const FailureSchema = z.object({ file: z.string(), message: z.string() });

const SnapshotSchema = z.object({
  format: z.literal(FORMAT),
  version: z.literal(VERSION),
  createdAt: z.string(),
  manifest: ManifestSchema,
  failures: z.array(FailureSchema),
  articles: z.array(ArticleSchema),
  // MiniSearch's own serialisation (`toJSON`), frozen for serving without being loaded into MiniSearch first.
  index: SerializedIndexSchema,
});

export interface Snapshot {
  manifest: Manifest;
  failures: z.infer<typeof FailureSchema>[];
  articles: Article[];
  /** MiniSearch's index, or one it built in parts (see shards.ts): what matters is its serialisation. */
  index: { toJSON(): object };
}

/** A snapshot as read: its index as MiniSearch serialised it. */
export type LoadedSnapshot = Omit<Snapshot, 'index'> & { index: SerializedIndex };

/** Writes to a temp file and renames it over the old one, so a crash mid-write never leaves half a snapshot. */
export async function writeSnapshot(dataDir: string, snapshot: Snapshot): Promise<void> {
  await mkdir(dataDir, { recursive: true });
  const target = join(dataDir, SNAPSHOT_FILE);
  const temp = `${target}.${process.pid}.${Date.now()}.tmp`;
  const body = {
    format: FORMAT,
    version: VERSION,
    createdAt: new Date().toISOString(),
    manifest: snapshot.manifest,
    failures: snapshot.failures,
    articles: snapshot.articles,
    index: snapshot.index.toJSON(),
  };
  await writeFile(temp, JSON.stringify(body));
  await rename(temp, target);
}

export type SnapshotRead = { ok: true; snapshot: LoadedSnapshot } | { ok: false; reason: string };

/** Reads and validates a snapshot; anything missing, corrupt or foreign is a reason, never an exception. */
export async function readSnapshot(dataDir: string): Promise<SnapshotRead> {
  let text: string;
  try {
    text = await readFile(join(dataDir, SNAPSHOT_FILE), 'utf8');
  } catch {
    return { ok: false, reason: 'no snapshot yet' };
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { ok: false, reason: 'the snapshot is not valid JSON' };
  }
  const parsed = SnapshotSchema.safeParse(json);
  if (!parsed.success) return { ok: false, reason: `the snapshot has an unexpected shape (${parsed.error.issues[0]?.message})` };
  return { ok: true, snapshot: { ...parsed.data, articles: parsed.data.articles.map(shareParagraphText) } };
}

export function sameManifest(a: Manifest, b: Manifest): boolean {
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((k) => a[k] === b[k]);
}

/**
 * JSON gives each sentence and quote its own copy of text its paragraph already holds (52 MB at 10,000 articles).
 * Taken as slices of the paragraph, as the ingest makes them, V8 keeps each (of 13 characters or more) as a view
 * of the paragraph's string.
 */
function shareParagraphText(article: Article): Article {
  const paragraphs = article.paragraphs.map((paragraph) => {
    let from = 0;
    const sentences = paragraph.sentences.map((sentence) => {
      const at = paragraph.text.indexOf(sentence, from);
      if (at < 0) return sentence;
      from = at + sentence.length;
      return paragraph.text.slice(at, from);
    });
    return { n: paragraph.n, text: paragraph.text, sentences };
  });
  const quotes = article.quotes.map((quote) => {
    const text = paragraphs[quote.paragraph - 1]?.text ?? '';
    const at = text.indexOf(quote.text);
    return at < 0 ? quote : { speaker: quote.speaker, text: text.slice(at, at + quote.text.length), kind: quote.kind, paragraph: quote.paragraph };
  });
  return { ...article, paragraphs, quotes };
}
