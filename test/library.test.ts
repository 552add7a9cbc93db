import { createHash } from 'node:crypto';
import { appendFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { UserError } from '../src/errors.ts';
import type { Article } from '../src/ingest/article.ts';
import { Library } from '../src/library/library.ts';
import { readSeedFiles } from '../src/library/seeds.ts';
import { readSnapshot, SNAPSHOT_FILE, writeSnapshot } from '../src/library/snapshot.ts';
import { safeSeedName } from '../src/library/upload.ts';
import { createLogger } from '../src/log.ts';
import { ask } from '../src/search/ask.ts';
import { joinShards, type IndexShard } from '../src/search/shards.ts';
import { fixture, SEED_FILE } from './helpers.ts';

const MODERATOR = { id: 'm', name: 'mod', isModerator: true };
const LIMIT = 100_000;

/** A real library over a temp seeds folder, with its log lines captured. */
async function libraryWith(files: Record<string, Uint8Array | string>) {
  const root = mkdtempSync(join(tmpdir(), 'gisa-reindex-'));
  const seedsDir = join(root, 'seeds');
  const dataDir = join(root, 'data');
  mkdirSync(seedsDir);
  for (const [name, content] of Object.entries(files)) writeFileSync(join(seedsDir, name), content);
  const logs: string[] = [];
  const logger = createLogger('info', { write: (line: string) => void logs.push(line) });
  const open = () => Library.open({ seedsDir, dataDir, maxArticleBytes: LIMIT, logger });
  const { library, failures } = await open();
  return { library, failures, seedsDir, dataDir, logs, open };
}

const read = (path: string) => new Uint8Array(readFileSync(path));
const utf8 = (path: string) => readFileSync(path, 'utf8');
const crlfWithBom = (text: string) => `\ufeff${text.replace(/\n/g, '\r\n')}`;

function folderState(dir: string): Record<string, string> {
  return Object.fromEntries(readdirSync(dir).map((f) => [f, createHash('sha256').update(readFileSync(join(dir, f))).digest('hex')]));
}

describe('reindex with good, legacy-encoded and bad files', () => {
  it('indexes the good ones, names each bad one with its reason, and never touches the seeds folder', async () => {
    const { library, seedsDir } = await libraryWith({ 'kbs.txt': read(SEED_FILE) });
    writeFileSync(join(seedsDir, 'yonhap-euckr.txt'), iconv.encode(utf8(fixture('yonhap_chip_exports.txt')), 'cp949'));
    writeFileSync(join(seedsDir, 'daily-bom-crlf.txt'), crlfWithBom(utf8(fixture('daily_market_digital.txt'))));
    writeFileSync(join(seedsDir, 'empty.txt'), '');
    writeFileSync(join(seedsDir, 'binary.txt'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x00, 0x1a]));
    writeFileSync(join(seedsDir, 'nobody.txt'), '제목만 있는 페이지\n\n이 기사가 좋으셨다면\n오늘의 핫 클릭\n');
    writeFileSync(join(seedsDir, 'huge.txt'), '가'.repeat(LIMIT));
    writeFileSync(join(seedsDir, 'greek.txt'), iconv.encode('Ελληνικά νέα: το άρθρο είναι εδώ.', 'iso-8859-7'));
    const before = folderState(seedsDir);

    const report = await library.reindex(MODERATOR);

    expect(report.ok).toBe(true);
    expect(report.added.sort()).toEqual(['daily-bom-crlf.txt', 'yonhap-euckr.txt']);
    expect(report.unchanged).toEqual(['kbs.txt']);
    expect(report.articles).toBe(3);
    const reasons = Object.fromEntries(report.errors.map((e) => [e.file, e.message]));
    expect(Object.keys(reasons).sort()).toEqual(['binary.txt', 'empty.txt', 'greek.txt', 'huge.txt', 'nobody.txt']);
    expect(reasons['empty.txt']).toContain('empty');
    expect(reasons['binary.txt']).toContain('binary');
    expect(reasons['huge.txt']).toContain('limit');
    expect(reasons['nobody.txt']).toContain('no body');
    expect(reasons['greek.txt']).toContain('EUC-KR');
    expect(folderState(seedsDir)).toEqual(before);

    const legacy = library.corpus.articles.find((a) => a.id === 'yonhap-euckr')!;
    expect(legacy.encoding).toBe('euc-kr');
    expect(legacy.title).toBe('반도체 수출 석 달 연속 증가…"하반기 회복세 뚜렷"');
    expect(legacy.paragraphs).toHaveLength(6);
    const bom = library.corpus.articles.find((a) => a.id === 'daily-bom-crlf')!;
    expect(bom.paragraphs).toHaveLength(6);
    expect(bom.paragraphs.every((p) => !p.text.includes('\r'))).toBe(true);
    expect(ask(library.corpus, '중국으로의 반도체 수출은 줄었어?').results[0]).toMatchObject({ article: 'yonhap-euckr', paragraph: 3 });
  });

  it('keeps serving the old version of a file edited into something unreadable, and drops removed files', async () => {
    const { library, seedsDir } = await libraryWith({ 'kbs.txt': read(SEED_FILE), 'daily.txt': read(fixture('daily_market_digital.txt')) });
    writeFileSync(join(seedsDir, 'kbs.txt'), Buffer.from([0, 1, 2, 3]));
    rmSync(join(seedsDir, 'daily.txt'));

    const report = await library.reindex(MODERATOR);
    expect(report.removed).toEqual(['daily.txt']);
    expect(report.errors).toEqual([{ file: 'kbs.txt', message: expect.stringContaining('binary') }]);
    expect(library.corpus.articles.map((a) => a.id)).toEqual(['kbs']);
    expect(library.corpus.articles[0]!.paragraphs).toHaveLength(18);
  });

  it('keeps the previous index when no article at all can be read', async () => {
    const { library, seedsDir } = await libraryWith({ 'kbs.txt': read(SEED_FILE) });
    rmSync(join(seedsDir, 'kbs.txt'));
    const served = library.corpus;
    const report = await library.reindex(MODERATOR);
    expect(report.ok).toBe(false);
    expect(report.notice).toContain('previous index');
    expect(library.corpus).toBe(served);
  });

  it('logs who reindexed and what changed', async () => {
    const { library, seedsDir, logs } = await libraryWith({ 'kbs.txt': read(SEED_FILE) });
    writeFileSync(join(seedsDir, 'newsis.txt'), read(fixture('newsis_summit.txt')));
    await library.reindex(MODERATOR);
    const entry = JSON.parse(logs.find((l) => l.includes('"msg":"reindex"'))!) as Record<string, unknown>;
    expect(entry).toMatchObject({ by: { id: 'm', name: 'mod' }, added: ['newsis.txt'], unchanged: ['kbs.txt'] });
    expect(typeof entry['at']).toBe('string');
  });
});

describe('uploads', () => {
  it('saves a parsed upload under a safe name inside the seeds folder and indexes it', async () => {
    const { library, seedsDir } = await libraryWith({ 'kbs.txt': read(SEED_FILE) });
    const report = await library.reindex(MODERATOR, { name: '../../etc/기사 1.TXT', bytes: read(fixture('newsis_summit.txt')) });
    expect(report.saved).toBe('기사_1.txt');
    expect(readdirSync(seedsDir).sort()).toEqual(['kbs.txt', '기사_1.txt']);
    expect(library.corpus.articles.map((a) => a.id)).toContain('기사_1');
  });

  it('never overwrites a different article, and does not store the same one twice', async () => {
    const { library, seedsDir } = await libraryWith({ 'kbs.txt': read(SEED_FILE) });
    const renamed = await library.reindex(MODERATOR, { name: 'kbs.txt', bytes: read(fixture('newsis_summit.txt')) });
    expect(renamed.saved).toBe('kbs-2.txt');
    expect(renamed.notice).toContain('kbs-2.txt');
    expect(readFileSync(join(seedsDir, 'kbs.txt'))).toEqual(readFileSync(SEED_FILE));

    const duplicate = await library.reindex(MODERATOR, { name: 'again.txt', bytes: read(SEED_FILE) });
    expect(duplicate.saved).toBe('kbs.txt');
    expect(duplicate.notice).toContain('이미');
    expect(readdirSync(seedsDir).sort()).toEqual(['kbs-2.txt', 'kbs.txt']);
  });

  it('refuses an unreadable, oversized or non-.txt upload with a clear message and writes nothing', async () => {
    const { library, seedsDir } = await libraryWith({ 'kbs.txt': read(SEED_FILE) });
    const served = library.corpus;
    await expect(library.reindex(MODERATOR, { name: 'bin.txt', bytes: new Uint8Array([0, 1, 2]) })).rejects.toThrow(UserError);
    await expect(library.reindex(MODERATOR, { name: 'big.txt', bytes: new Uint8Array(LIMIT + 1) })).rejects.toThrow('너무 큽니다');
    await expect(library.reindex(MODERATOR, { name: 'page.html', bytes: read(SEED_FILE) })).rejects.toThrow('.txt');
    expect(readdirSync(seedsDir)).toEqual(['kbs.txt']);
    expect(library.corpus).toBe(served);
  });

  it.each([
    ['../../evil.txt', 'evil.txt'],
    ['..\\..\\win.TXT', 'win.txt'],
    ['.hidden.txt', 'hidden.txt'],
    ['a/b/c d?.txt', 'c_d_.txt'],
    ['', 'article.txt'],
  ])('safeSeedName(%j) → %s', (name, safe) => {
    expect(safeSeedName(name)).toBe(safe);
  });
});

describe('snapshots', () => {
  it('are written atomically, loaded when the seeds match, and rebuilt when they do not', async () => {
    const lib = await libraryWith({ 'kbs.txt': read(SEED_FILE) });
    await lib.library.snapshotWritten();
    expect(readdirSync(lib.dataDir)).toEqual([SNAPSHOT_FILE]);
    lib.logs.length = 0;
    const again = await lib.open();
    expect(lib.logs.some((l) => l.includes('loaded the index snapshot'))).toBe(true);
    expect(ask(again.library.corpus, '손오공보다 빠르다').results[0]?.paragraph).toBe(15);
    // Loaded, each sentence is a slice of its paragraph again (see snapshot.ts): the same text.
    expect(again.library.corpus.articles).toEqual(lib.library.corpus.articles);

    writeFileSync(join(lib.seedsDir, 'newsis.txt'), read(fixture('newsis_summit.txt')));
    lib.logs.length = 0;
    const rebuilt = await lib.open();
    expect(lib.logs.some((l) => l.includes('built the index from seeds'))).toBe(true);
    expect(rebuilt.library.corpus.articles).toHaveLength(2);
  });

  it('that cannot be written are logged, and the new index serves all the same', async () => {
    const lib = await libraryWith({ 'kbs.txt': read(SEED_FILE) });
    await lib.library.snapshotWritten();
    rmSync(lib.dataDir, { recursive: true });
    writeFileSync(lib.dataDir, 'a file where the data folder should be');
    writeFileSync(join(lib.seedsDir, 'newsis.txt'), read(fixture('newsis_summit.txt')));
    lib.logs.length = 0;

    const report = await lib.library.reindex(MODERATOR);
    expect(report).toMatchObject({ ok: true, articles: 2, added: ['newsis.txt'] });
    expect(lib.library.corpus.articles).toHaveLength(2);
    await lib.library.snapshotWritten();
    expect(lib.logs.some((l) => l.includes('could not write the snapshot'))).toBe(true);
  });

  /** Rewrites a written snapshot through the real writer, with its index's arrays changed. */
  const withPostings = (change: (shard: IndexShard) => void) => async (dataDir: string) => {
    const read = await readSnapshot(dataDir);
    if (!read.ok) throw new Error(read.reason);
    const shards = read.snapshot.index.shards.map((s) => ({ ...s, docs: s.docs.slice(), tfs: s.tfs.slice() }));
    change(shards[0]!);
    await writeSnapshot(dataDir, { ...read.snapshot, index: joinShards(shards) });
  };
  /** Rewrites a written snapshot through the real writer, with its articles changed (into what no parse would make). */
  const withArticles = (change: (articles: Article[]) => unknown) => async (dataDir: string) => {
    const read = await readSnapshot(dataDir);
    if (!read.ok) throw new Error(read.reason);
    await writeSnapshot(dataDir, { ...read.snapshot, articles: change(read.snapshot.articles) as Article[] });
  };
  /** The first term of a shard with at least two postings. */
  const listOfTwo = (shard: IndexShard): number => shard.terms.findIndex((_, t) => shard.starts[t + 1]! - shard.starts[t]! >= 2);

  it.each([
    ['corrupt', (path: string) => writeFileSync(path, 'gisa-bot snap')],
    ['foreign', (path: string) => writeFileSync(path, JSON.stringify({ hello: 'world' }))],
    ['cut short', (path: string) => writeFileSync(path, readFileSync(path).subarray(0, -100))],
    ['tampered header', (path: string) => {
      const bytes = readFileSync(path);
      // The header's JSON opens with `[` instead of `{`: its length still holds, the JSON does not.
      const start = 'gisa-bot snapshot\n'.length + 4;
      expect(bytes.toString('utf16le', start, start + 2)).toBe('{');
      bytes.write('[', start, 'utf16le');
      writeFileSync(path, bytes);
    }],
  ])('a %s snapshot is ignored with a warning and rebuilt', async (_kind, damage) => {
    const lib = await libraryWith({ 'kbs.txt': read(SEED_FILE) });
    await lib.library.snapshotWritten();
    damage(join(lib.dataDir, SNAPSHOT_FILE));
    await expectRebuilt(lib);
  });

  it.each([
    ['a posting of a document that does not exist', withPostings((shard) => void (shard.docs[0] = shard.ids.length))],
    ['a term frequency of 0', withPostings((shard) => void (shard.tfs[0] = 0))],
    // Well formed, but a list out of document order, which only freezing reads.
    ['a list out of order', withPostings((shard) => {
      const at = shard.starts[listOfTwo(shard)]!;
      [shard.docs[at], shard.docs[at + 1]] = [shard.docs[at + 1]!, shard.docs[at]!];
    })],
    ['bytes after its index', async (dataDir: string) => appendFileSync(join(dataDir, SNAPSHOT_FILE), Buffer.alloc(8))],
    // Articles are validated one by one, apart from the rest of the header.
    ['an article without paragraphs', withArticles((articles) => articles.map((a) => ({ ...a, paragraphs: [] })))],
    ['no list of articles', async (dataDir: string) => {
      // Renamed in place (same length), so that the header is still JSON of the same length.
      const path = join(dataDir, SNAPSHOT_FILE);
      const bytes = readFileSync(path);
      const at = bytes.indexOf(Buffer.from('"articles":', 'utf16le'));
      expect(at).toBeGreaterThan(0);
      bytes.write('"articlez":', at, 'utf16le');
      writeFileSync(path, bytes);
    }],
  ])('a snapshot with %s is ignored with a warning and rebuilt', async (_kind, damage) => {
    const lib = await libraryWith({ 'kbs.txt': read(SEED_FILE) });
    await lib.library.snapshotWritten();
    await damage(lib.dataDir);
    await expectRebuilt(lib);
  });

  async function expectRebuilt(lib: Awaited<ReturnType<typeof libraryWith>>) {
    lib.logs.length = 0;
    const { library } = await lib.open();
    expect(lib.logs.some((l) => l.includes('ignoring the snapshot'))).toBe(true);
    expect(library.corpus.articles).toHaveLength(1);
    expect(ask(library.corpus, '손오공보다 빠르다').results[0]?.paragraph).toBe(15);
  }

  it('replaces a snapshot of the old format (MiniSearch JSON), and removes it', async () => {
    const lib = await libraryWith({ 'kbs.txt': read(SEED_FILE) });
    await lib.library.snapshotWritten();
    rmSync(join(lib.dataDir, SNAPSHOT_FILE));
    writeFileSync(join(lib.dataDir, 'snapshot.json'), JSON.stringify({ format: 'gisa-bot-snapshot', version: 19 }));
    lib.logs.length = 0;
    const again = await lib.open();
    await again.library.snapshotWritten();
    expect(lib.logs.some((l) => l.includes('built the index from seeds'))).toBe(true);
    expect(readdirSync(lib.dataDir)).toEqual([SNAPSHOT_FILE]);
  });
});

describe('queries during a reindex', () => {
  it('are all answered, from the old corpus until the new one is complete', async () => {
    const files: Record<string, Uint8Array> = { 'kbs.txt': read(SEED_FILE) };
    const lib = await libraryWith(files);
    // Enough new articles that the rebuild spans many event-loop turns.
    const sources = ['yonhap_chip_exports.txt', 'daily_market_digital.txt', 'newsis_summit.txt'].map((f) => read(fixture(f)));
    for (let i = 0; i < 60; i++) writeFileSync(join(lib.seedsDir, `copy-${String(i).padStart(2, '0')}.txt`), sources[i % 3]!);

    const reindexing = lib.library.reindex(MODERATOR);
    let finished = false;
    void reindexing.then(() => (finished = true));
    const answers: number[] = [];
    while (!finished) {
      answers.push(ask(lib.library.corpus, '손오공보다 빠르다고 한 사람은?').results.length);
      await new Promise((r) => setImmediate(r));
    }
    const report = await reindexing;
    expect(answers.length).toBeGreaterThan(1);
    expect(answers.every((n) => n > 0)).toBe(true);
    expect(report.added).toHaveLength(60);
    expect(lib.library.corpus.articles).toHaveLength(61);
  });
});

describe('reading the seeds folder', () => {
  it('reads every file into one block, each with the bytes and hash reading it alone gives, and refuses one over the limit', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'gisa-seeds-'));
    const contents: Record<string, Uint8Array | string> = {
      'a.txt': read(SEED_FILE),
      'b.txt': '',
      'c.txt': iconv.encode(utf8(fixture('yonhap_chip_exports.txt')), 'cp949'),
      'd.txt': '가'.repeat(LIMIT),
      'e.txt': read(fixture('daily_market_digital.txt')),
    };
    for (const [name, content] of Object.entries(contents)) writeFileSync(join(dir, name), content);

    const files = await readSeedFiles(dir, LIMIT);

    expect(files.map((f) => f.file)).toEqual(['a.txt', 'b.txt', 'c.txt', 'd.txt', 'e.txt']);
    const readable = files.filter((f) => f.sha256 !== null);
    expect(readable.map((f) => f.file)).toEqual(['a.txt', 'b.txt', 'c.txt', 'e.txt']);
    for (const f of readable) {
      const alone = readFileSync(join(dir, f.file));
      expect(Buffer.from(f.bytes).equals(alone)).toBe(true);
      expect(f.sha256).toBe(createHash('sha256').update(alone).digest('hex'));
    }
    // One allocation for all: let go, it is given back to the system whole (see readSeedFiles).
    expect(new Set(readable.map((f) => f.bytes.buffer)).size).toBe(1);
    expect(files.find((f) => f.file === 'd.txt')).toMatchObject({ sha256: null, error: expect.stringContaining('limit') });
  });
});
