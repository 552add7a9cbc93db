import { endianness } from 'node:os';
import { mkdir, open, rename, rm, type FileHandle } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { ArticleSchema, type Article } from '../ingest/article.ts';
import { joinShards, mergeShards, shardArrays, shardProblem, type IndexShard, type JoinedIndex } from '../search/shards.ts';
import { releaseGarbage } from './compactHeap.ts';
import { readExactly } from './readExactly.ts';

/**
 * One file: `MAGIC`, the byte length of a JSON header (uint32), the header in UTF-16 (articles, manifest, and each
 * index shard's ids and terms), padding to 4 bytes, then each shard's arrays as little-endian int32: field
 * lengths, term starts, documents, term frequencies. The postings (8 million at 10,000 articles) are copied
 * straight into the arrays freezing reads; as MiniSearch's JSON they took most of 7 s of parsing and 6.6 s of
 * freezing, and writing the file took about 22 s rather than 6.5.
 */
export const SNAPSHOT_FILE = 'snapshot.bin';
/** Snapshots before version 20 were MiniSearch's JSON, under this name: removed once a new one is written. */
const LEGACY_FILE = 'snapshot.json';
const MAGIC = Buffer.from('gisa-bot snapshot\n');
/**
 * The header is mostly Korean text: as UTF-16 it is about 10% larger than as UTF-8, but at 10,000 articles it
 * decodes in 1.4 s rather than 2.0 s (nearly a copy, where UTF-8 is decoded character by character).
 */
const HEADER_ENCODING = 'utf16le';
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
// 20: the index is held as MiniSearch's postings in arrays, in a binary file, instead of MiniSearch's JSON.
// 21: a paragraph's sentences are where they end in its text, not copies of it.
// 22: a former title (`김종인 전 위원장`) is read as the title: quotes are attributed to the person.
// 23: foreign names before a country and a title (`도널드 트럼프 미국 대통령`), and `트럼프 대통령` back to them.
const VERSION = 23;

/** File name → sha256 of its bytes, for every seed file the snapshot considered (good or bad). */
export const ManifestSchema = z.record(z.string(), z.string().length(64));
export type Manifest = z.infer<typeof ManifestSchema>;

const FailureSchema = z.object({ file: z.string(), message: z.string() });

/** A shard's part of the header; its arrays follow the header, sized by these counts. */
const ShardHeaderSchema = z.object({
  fieldIds: z.record(z.string(), z.number().int().nonnegative()),
  ids: z.array(z.string()),
  terms: z.array(z.string()),
  postings: z.number().int().nonnegative(),
});

const HeaderSchema = z.object({
  format: z.literal(FORMAT),
  version: z.literal(VERSION),
  createdAt: z.string(),
  manifest: ManifestSchema,
  failures: z.array(FailureSchema),
  // `articles` is parsed one by one (see `parseArticles`).
  shards: z.array(ShardHeaderSchema).min(1),
});

export interface Snapshot {
  manifest: Manifest;
  failures: z.infer<typeof FailureSchema>[];
  articles: Article[];
  index: JoinedIndex;
}

/** From this size (about 1,000 articles), a collection after parsing the header is worth its few tens of ms. */
const LARGE_HEADER_BYTES = 16 * 2 ** 20;

/** Bytes from `offset` to the next multiple of 4, where the int32 arrays start. */
const paddingAt = (offset: number): number => (4 - (offset % 4)) % 4;

/**
 * Writes to a temp file and renames it over the old one, so a crash mid-write never leaves half a snapshot.
 *
 * The header is written an article at a time (its length filled in after), not made as one string and one
 * buffer: at 10,000 articles those were 190 MB each, on top of everything a reindex holds.
 */
export async function writeSnapshot(dataDir: string, snapshot: Snapshot): Promise<void> {
  // Typed arrays are written as they lie in memory: a big-endian machine rebuilds instead (see readSnapshot).
  if (endianness() !== 'LE') throw new Error('snapshots are written on little-endian machines only');
  await mkdir(dataDir, { recursive: true });
  const target = join(dataDir, SNAPSHOT_FILE);
  const temp = `${target}.${process.pid}.${Date.now()}.tmp`;
  const shards = [mergeShards(snapshot.index)];
  const file = await open(temp, 'w');
  try {
    const out = new SequentialWriter(file);
    await out.write(MAGIC);
    await out.write(Buffer.alloc(4));
    const headerStart = out.position;
    // Every field but the articles, then the articles one by one: `{…,"articles":[a,b,…]}`.
    const rest = JSON.stringify({
      format: FORMAT,
      version: VERSION,
      createdAt: new Date().toISOString(),
      manifest: snapshot.manifest,
      failures: snapshot.failures,
      shards: shards.map((s) => ({ fieldIds: s.fieldIds, ids: s.ids, terms: s.terms, postings: s.docs.length })),
    });
    await out.text(`${rest.slice(0, -1)},"articles":[`);
    for (const [i, article] of snapshot.articles.entries()) await out.text(`${i > 0 ? ',' : ''}${JSON.stringify(article)}`);
    await out.text(']}');
    await out.flush();
    const headerLength = out.position - headerStart;
    const length = Buffer.alloc(4);
    length.writeUInt32LE(headerLength);
    await file.write(length, 0, 4, MAGIC.length);
    await out.write(Buffer.alloc(paddingAt(out.position)));
    for (const array of shards.flatMap(shardArrays)) await out.write(new Uint8Array(array.buffer, array.byteOffset, array.byteLength));
  } finally {
    await file.close();
  }
  await rename(temp, target);
  await rm(join(dataDir, LEGACY_FILE), { force: true });
}

/** Writes a file front to back; text is encoded as the header is (HEADER_ENCODING) and written in batches. */
class SequentialWriter {
  position = 0;
  #pending: string[] = [];
  #pendingLength = 0;

  constructor(private readonly file: FileHandle) {}

  async write(bytes: Uint8Array): Promise<void> {
    let done = 0;
    while (done < bytes.length) {
      const { bytesWritten } = await this.file.write(bytes, done, bytes.length - done, this.position + done);
      done += bytesWritten;
    }
    this.position += bytes.length;
  }

  async text(text: string): Promise<void> {
    this.#pending.push(text);
    this.#pendingLength += text.length;
    if (this.#pendingLength >= TEXT_BATCH) await this.flush();
  }

  async flush(): Promise<void> {
    if (this.#pending.length === 0) return;
    const bytes = Buffer.from(this.#pending.join(''), HEADER_ENCODING);
    this.#pending = [];
    this.#pendingLength = 0;
    await this.write(bytes);
  }
}

/** Characters of header text encoded and written at a time: a few hundred writes at 10,000 articles. */
const TEXT_BATCH = 2 ** 19;

export type SnapshotRead = { ok: true; snapshot: Snapshot } | { ok: false; reason: string };

/**
 * Reads and validates a snapshot; anything missing, corrupt or foreign is a reason, never an exception.
 *
 * Read piece by piece (the header, then each array straight into its own typed array) rather than as one buffer:
 * at 10,000 articles the file is 254 MB, which a whole read held on top of the header's text, its parse and the
 * arrays' copies, for a peak of 1.09 GB resident.
 */
export async function readSnapshot(dataDir: string): Promise<SnapshotRead> {
  let file: FileHandle;
  try {
    file = await open(join(dataDir, SNAPSHOT_FILE), 'r');
  } catch {
    return { ok: false, reason: 'no snapshot yet' };
  }
  try {
    return await readSnapshotFile(file);
  } finally {
    await file.close();
  }
}

async function readSnapshotFile(file: FileHandle): Promise<SnapshotRead> {
  if (endianness() !== 'LE') return { ok: false, reason: 'this machine is big-endian' };
  const size = (await file.stat()).size;
  const prefix = Buffer.alloc(MAGIC.length + 4);
  if (!(await readExactly(file, prefix, 0)) || !prefix.subarray(0, MAGIC.length).equals(MAGIC)) return { ok: false, reason: 'it is not a gisa-bot snapshot' };
  const headerLength = prefix.readUInt32LE(MAGIC.length);
  const headerStart = prefix.length;
  if (headerStart + headerLength > size) return { ok: false, reason: 'it is cut short' };
  const json = parseJson(await readHeaderText(file, headerStart, headerLength));
  if (json === undefined) return { ok: false, reason: 'its header is not valid JSON' };
  // The header's bytes and text (376 MB at 10,000 articles) are garbage now: freed before the articles are copied.
  if (headerLength >= LARGE_HEADER_BYTES) releaseGarbage();
  const parsed = HeaderSchema.safeParse(json);
  if (!parsed.success) return { ok: false, reason: `it has an unexpected shape (${parsed.error.issues[0]?.message})` };
  const { shards: headers, manifest, failures } = parsed.data;
  const raw = (json as { articles?: unknown }).articles;
  const articles = Array.isArray(raw) ? parseArticles(raw) : { problem: 'it lists no articles' };
  if (!Array.isArray(articles)) return { ok: false, reason: `it has an unexpected shape (${articles.problem})` };
  let at = headerStart + headerLength;
  at += paddingAt(at);
  /** The next `count` int32s, read into an array of their own; null when the file ends first. */
  const take = async (count: number): Promise<Int32Array | null> => {
    const array = new Int32Array(count);
    if (!(await readExactly(file, new Uint8Array(array.buffer), at))) return null;
    at += array.byteLength;
    return array;
  };
  const shards: IndexShard[] = [];
  for (const { fieldIds, ids, terms, postings } of headers) {
    // Sized by the header, checked against the file before anything that large is allocated.
    if (at + 4 * (ids.length + terms.length + 1 + 2 * postings) > size) return { ok: false, reason: 'it is cut short' };
    const [lengths, starts, docs, tfs] = [await take(ids.length), await take(terms.length + 1), await take(postings), await take(postings)];
    if (!lengths || !starts || !docs || !tfs) return { ok: false, reason: 'it is cut short' };
    const shard = { fieldIds, ids, terms, lengths, starts, docs, tfs };
    const problem = shardProblem(shard);
    if (problem) return { ok: false, reason: `its index cannot be read (${problem})` };
    shards.push(shard);
  }
  if (at !== size) return { ok: false, reason: 'it has bytes after its index' };
  return { ok: true, snapshot: { manifest, failures, articles, index: joinShards(shards) } };
}

/**
 * The header's articles, each validated (zod makes a copy) and its raw object let go at once (its entry in `raw`
 * cleared): validated all together, every raw and every parsed article were held at the same time.
 */
function parseArticles(raw: unknown[]): Article[] | { problem: string } {
  const articles: Article[] = [];
  for (let i = 0; i < raw.length; i++) {
    const parsed = ArticleSchema.safeParse(raw[i]);
    if (!parsed.success) return { problem: `article ${i}: ${parsed.error.issues[0]?.message}` };
    articles.push(shareParagraphText(parsed.data));
    raw[i] = null;
  }
  return articles;
}

/** The header's text; its bytes are let go when this returns. Null when the file ends first. */
async function readHeaderText(file: FileHandle, start: number, length: number): Promise<string | null> {
  const bytes = Buffer.alloc(length);
  return (await readExactly(file, bytes, start)) ? bytes.toString(HEADER_ENCODING) : null;
}

function parseJson(text: string | null): unknown {
  if (text === null) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

export function sameManifest(a: Manifest, b: Manifest): boolean {
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((k) => a[k] === b[k]);
}

/**
 * JSON gives each quote its own copy of text its paragraph already holds (sentences are offsets into it). Taken
 * as slices of the paragraph, as the ingest makes them, V8 keeps each (of 13 characters or more) as a view of the
 * paragraph's string.
 */
function shareParagraphText(article: Article): Article {
  const quotes = article.quotes.map((quote) => {
    const text = article.paragraphs[quote.paragraph - 1]?.text ?? '';
    const at = text.indexOf(quote.text);
    return at < 0 ? quote : { speaker: quote.speaker, text: text.slice(at, at + quote.text.length), kind: quote.kind, paragraph: quote.paragraph };
  });
  return { ...article, quotes };
}
