import type { Actor } from '../command.ts';
import type { Article } from '../ingest/article.ts';
import type { Logger } from '../log.ts';
import type { ReindexReply } from '../replies.ts';
import { assembleCorpus, type Corpus } from '../search/corpus.ts';
import { buildFromSeeds, manifestOf, type BuildOptions, type Built } from './build.ts';
import { compactHeap, COMPACT_FROM_PARAGRAPHS, releaseGarbage, settleYoungGeneration } from './compactHeap.ts';
import { readSeedFiles, type SeedFailure } from './seeds.ts';
import { readSnapshot, sameManifest, writeSnapshot, type Manifest } from './snapshot.ts';
import { saveUpload, type Upload } from './upload.ts';

export interface LibraryOptions {
  seedsDir: string;
  dataDir: string;
  maxArticleBytes: number;
  logger: Logger;
}

/** What a reindex did; the /reindex reply without its command name. */
export type ReindexReport = Omit<ReindexReply, 'command'>;

/**
 * Owns the corpus being served. Readers take `corpus` once per request; a rebuild happens beside it and
 * replaces it in one assignment, so a query never sees half an index and a failed rebuild changes nothing.
 */
export class Library {
  #corpus: Corpus;
  #manifest: Manifest;
  #running: Promise<unknown> = Promise.resolve();
  #snapshotWrite: Promise<void> = Promise.resolve();

  private constructor(
    readonly options: LibraryOptions,
    built: { corpus: Corpus; manifest: Manifest },
  ) {
    this.#corpus = built.corpus;
    this.#manifest = built.manifest;
  }

  get corpus(): Corpus {
    return this.#corpus;
  }

  /** Resolves once the latest snapshot is on disk (or its failure is logged): await it before exiting. */
  snapshotWritten(): Promise<void> {
    return this.#snapshotWrite;
  }

  /**
   * Writes the snapshot after the new index already serves: it only speeds up the next start, and writing it
   * (about a sixth of a reindex) would otherwise delay the moderator's reply. Writes run one after another.
   */
  #persist(built: Built): void {
    const { logger } = this.options;
    const { corpus } = built;
    this.#snapshotWrite = this.#snapshotWrite
      .then(() => persist(this.options, built))
      .catch((error: unknown) => logger.warn({ err: error }, 'could not write the snapshot'))
      // Once written, MiniSearch's index and what building it left are garbage: gather the rest.
      .then(() => compactIfLarge(corpus));
  }

  /** Loads the snapshot when it matches the seed files, else builds from the seeds and writes a new snapshot. */
  static async open(options: LibraryOptions): Promise<{ library: Library; failures: SeedFailure[] }> {
    // In a function of its own, so that the snapshot's text and index are unreachable once it returns.
    const opened = await loadOrBuild(options);
    const library = new Library(options, opened);
    if (opened.built) library.#persist(opened.built);
    else compactIfLarge(opened.corpus);
    return { library, failures: opened.failures };
  }

  /**
   * Rescans the seeds (after saving an upload, if any) and swaps the new corpus in when it is complete.
   * Reindexes run one at a time; queries keep using the current corpus throughout.
   */
  reindex(actor: Actor, upload?: Upload): Promise<ReindexReport> {
    const run = this.#running.then(() => this.#reindex(actor, upload));
    this.#running = run.catch(() => undefined);
    return run;
  }

  async #reindex(actor: Actor, upload?: Upload): Promise<ReindexReport> {
    const { logger, seedsDir, maxArticleBytes } = this.options;
    const saved = upload ? await saveUpload(seedsDir, upload, maxArticleBytes) : null;
    const files = await readSeedFiles(seedsDir, maxArticleBytes);
    const previous = new Map(this.#corpus.articles.map((a) => [a.file, a]));
    const built = await buildFromSeeds(files, previous, buildOptions(this.options, this.#manifest));
    const ok = built.corpus.articles.length > 0 || this.#corpus.articles.length === 0;
    if (ok) {
      this.#corpus = built.corpus;
      this.#manifest = built.manifest;
      this.#persist(built);
    }
    const report: ReindexReport = {
      ...built.report,
      ok,
      articles: this.#corpus.articles.length,
      saved: saved?.file ?? null,
      notice: ok ? (saved?.notice ?? null) : 'no article could be read, so the previous index keeps serving',
    };
    logger.info({ by: { id: actor.id, name: actor.name }, at: new Date().toISOString(), ...report }, 'reindex');
    return report;
  }
}

async function loadOrBuild(options: LibraryOptions): Promise<{ corpus: Corpus; manifest: Manifest; failures: SeedFailure[]; built?: Built }> {
  const { logger } = options;
  const files = await readSeedFiles(options.seedsDir, options.maxArticleBytes);
  const manifest = manifestOf(files);
  const snapshot = await readSnapshot(options.dataDir);
  let reason = snapshot.ok ? null : snapshot.reason;
  if (snapshot.ok && sameManifest(snapshot.snapshot.manifest, manifest)) {
    const { articles, index, failures } = snapshot.snapshot;
    try {
      // Its postings are checked as they are frozen: a tampered one is a reason to rebuild, not a crash.
      // What reading left is freed before assembling allocates as much again (see releaseGarbage).
      if (isLarge(articles)) releaseGarbage();
      const corpus = assembleCorpus(articles, index);
      logger.info({ articles: articles.length }, 'loaded the index snapshot');
      logFailures(logger, failures);
      return { corpus, manifest, failures };
    } catch (error) {
      reason = `its index cannot be read (${error instanceof Error ? error.message : String(error)})`;
    }
  }
  if (reason !== null && reason !== 'no snapshot yet') logger.warn(`ignoring the snapshot: ${reason}; rebuilding`);
  const built = await buildFromSeeds(files, new Map(), buildOptions(options));
  logFailures(logger, built.failures);
  logger.info({ articles: built.corpus.articles.length, seedsDir: options.seedsDir }, 'built the index from seeds');
  return { corpus: built.corpus, manifest: built.manifest, failures: built.failures, built };
}

function buildOptions(options: LibraryOptions, previousManifest?: Manifest): BuildOptions {
  return {
    maxBytes: options.maxArticleBytes,
    previousManifest,
    onThreadError: (error) => options.logger.warn({ err: error }, 'the second index thread failed; indexed its part on the main thread'),
  };
}

const isLarge = (articles: Article[]): boolean => articles.reduce((n, a) => n + a.paragraphs.length, 0) >= COMPACT_FROM_PARAGRAPHS;

function compactIfLarge(corpus: Corpus): void {
  if (!isLarge(corpus.articles)) return;
  compactHeap();
  settleYoungGeneration();
}

async function persist(options: LibraryOptions, built: Built): Promise<void> {
  await writeSnapshot(options.dataDir, {
    manifest: built.manifest,
    failures: built.failures,
    articles: built.corpus.articles,
    index: built.index,
  });
}

function logFailures(logger: Logger, failures: SeedFailure[]): void {
  for (const f of failures) logger.warn({ file: f.file }, `skipped seed file: ${f.message}`);
}
