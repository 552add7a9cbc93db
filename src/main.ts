import { ConfigError, loadConfig } from './config.ts';
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
    await startBot({ config, library, logger });
    return;
  }
  logger.info('no DISCORD_TOKEN: starting the local console');
  await runConsole({ library, logger, input: process.stdin, output: process.stdout, json: process.argv.includes('--json') });
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError) {
    process.stderr.write(`${error.message}\n`);
  } else {
    process.stderr.write(`gisa-bot failed to start: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  }
  process.exitCode = 1;
});
