import { pino, type DestinationStream, type Logger } from 'pino';

/** Logs go to stderr, so the console's stdout carries only replies. The token is never logged. */
export function createLogger(level: string, destination: DestinationStream = pino.destination(2)): Logger {
  return pino({ level, redact: { paths: ['token', '*.token', 'config.DISCORD_TOKEN', 'DISCORD_TOKEN'], censor: '[redacted]' } }, destination);
}

export type { Logger };
