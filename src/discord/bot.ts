import { Events, type Client } from 'discord.js';
import type { Config } from '../config.ts';
import type { Library } from '../library/library.ts';
import type { Logger } from '../log.ts';
import { createClient } from './client.ts';
import { createInteractionHandler } from './interactions.ts';

export interface BotOptions {
  config: Config;
  library: Library;
  logger: Logger;
}

export interface RunningBot {
  client: Client;
  stop(): Promise<void>;
}

/** Logs in and serves interactions until stopped. Resolves once the client is ready. */
export async function startBot({ config, library, logger }: BotOptions): Promise<RunningBot> {
  if (!config.DISCORD_TOKEN) throw new Error('DISCORD_TOKEN is required to start the bot');
  const client = createClient(config);
  const handle = createInteractionHandler({
    library,
    logger,
    moderatorRoleIds: config.MODERATOR_ROLE_IDS,
    maxArticleBytes: config.MAX_ARTICLE_BYTES,
  });
  client.on(Events.InteractionCreate, (interaction) => void handle(interaction));
  client.on(Events.Error, (error) => logger.error({ err: error }, 'discord client error'));
  client.on(Events.Warn, (message) => logger.warn(message));
  const ready = new Promise<void>((resolve) => client.once(Events.ClientReady, () => resolve()));
  await client.login(config.DISCORD_TOKEN);
  await ready;
  logger.info({ user: client.user?.tag, guilds: client.guilds.cache.size }, 'bot ready');
  return {
    client,
    async stop() {
      await client.destroy();
      logger.info('bot stopped');
    },
  };
}
