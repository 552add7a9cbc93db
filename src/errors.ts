/** An error whose message is meant for the person who asked: shown as-is, never logged as a crash. */
export class UserError extends Error {
  override readonly name = 'UserError';
}
