import type { Logger } from '../log.ts';
import { buildCorpus, type Corpus } from '../search/corpus.ts';
import { scanSeeds, type SeedFailure } from './seeds.ts';

export interface LibraryOptions {
  seedsDir: string;
  dataDir: string;
  maxArticleBytes: number;
  logger: Logger;
}

/** Owns the corpus being served. Readers take `corpus` once per request; a rebuild replaces it whole. */
export class Library {
  #corpus: Corpus;

  private constructor(
    readonly options: LibraryOptions,
    corpus: Corpus,
  ) {
    this.#corpus = corpus;
  }

  get corpus(): Corpus {
    return this.#corpus;
  }

  static async open(options: LibraryOptions): Promise<{ library: Library; failures: SeedFailure[] }> {
    const scan = await scanSeeds(options.seedsDir, options.maxArticleBytes);
    for (const f of scan.failures) options.logger.warn({ file: f.file }, `skipped seed file: ${f.message}`);
    options.logger.info({ articles: scan.articles.length, seedsDir: options.seedsDir }, 'corpus built');
    return { library: new Library(options, buildCorpus(scan.articles)), failures: scan.failures };
  }
}
