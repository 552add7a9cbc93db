/** Why a file could not become an article; the only error ingestion throws. */
export type IngestErrorCode = 'empty' | 'too-large' | 'binary' | 'encoding' | 'no-body' | 'invalid';

export class IngestError extends Error {
  override readonly name = 'IngestError';
  constructor(
    readonly code: IngestErrorCode,
    message: string,
  ) {
    super(message);
  }
}
