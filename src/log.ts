import { pino, type Logger } from 'pino';

/** Logs go to stderr, so the console's stdout carries only replies. The token is never logged. */
export function createLogger(level: string): Logger {
  return pino(
    { level, redact: { paths: ['token', '*.token', 'config.DISCORD_TOKEN', 'DISCORD_TOKEN'], censor: '[redacted]' } },
    pino.destination(2),
  );
}

export type { Logger };
