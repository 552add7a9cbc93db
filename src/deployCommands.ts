import { loadConfig } from './config.ts';
import { deployCommands } from './discord/deploy.ts';
import { createLogger } from './log.ts';

/** `npm run deploy-commands`: guild commands while developing (DISCORD_GUILD_ID set), global for release. */
try {
  const config = loadConfig();
  await deployCommands(config, createLogger(config.LOG_LEVEL));
} catch (error) {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
}
