import { ConfigError, loadConfig } from './config.ts';
import { UserError } from './errors.ts';
import { runConsole } from './console/runConsole.ts';
import { Library } from './library/library.ts';
import { createLogger } from './log.ts';

/** With a Discord token: the bot. Without one: the local console on the bundled seeds. */
async function main(): Promise<void> {
  const config = loadConfig();
  const logger = createLogger(config.LOG_LEVEL);
  const { library } = await Library.open({
    seedsDir: config.SEEDS_DIR,
    dataDir: config.DATA_DIR,
    maxArticleBytes: config.MAX_ARTICLE_BYTES,
    logger,
  });
  if (config.DISCORD_TOKEN) {
    const { startBot } = await import('./discord/bot.ts');
    const bot = await startBot({ config, library, logger });
    const shutdown = (signal: string) => {
      logger.info({ signal }, 'shutting down');
      void bot
        .stop()
        .then(() => library.snapshotWritten())
        .finally(() => process.exit(0));
    };
    process.once('SIGINT', shutdown);
    process.once('SIGTERM', shutdown);
    // One bad interaction must not take the bot down; it is logged and the next one is served.
    process.on('unhandledRejection', (error) => logger.error({ err: error }, 'unhandled rejection'));
    return;
  }
  logger.info('no DISCORD_TOKEN: starting the local console');
  await runConsole({ library, logger, input: process.stdin, output: process.stdout, json: process.argv.includes('--json') });
  await library.snapshotWritten();
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError || error instanceof UserError) {
    process.stderr.write(`${error.message}\n`);
  } else {
    process.stderr.write(`gisa-bot failed to start: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  }
  process.exitCode = 1;
});
