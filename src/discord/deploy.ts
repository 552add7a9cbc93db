import { REST, Routes } from 'discord.js';
import { COMMANDS } from '../../commands/index.ts';
import { ConfigError, type Config } from '../config.ts';
import type { Logger } from '../log.ts';

/** Registers every command from the same definitions the handlers use: on one guild when set, else globally. */
export async function deployCommands(config: Config, logger: Logger): Promise<number> {
  if (!config.DISCORD_TOKEN || !config.DISCORD_CLIENT_ID) {
    throw new ConfigError('DISCORD_TOKEN and DISCORD_CLIENT_ID are required to deploy commands');
  }
  const rest = new REST(config.DISCORD_API_URL ? { api: config.DISCORD_API_URL } : {}).setToken(config.DISCORD_TOKEN);
  const route = config.DISCORD_GUILD_ID
    ? Routes.applicationGuildCommands(config.DISCORD_CLIENT_ID, config.DISCORD_GUILD_ID)
    : Routes.applicationCommands(config.DISCORD_CLIENT_ID);
  const body = COMMANDS.map((c) => c.definition);
  await rest.put(route, { body });
  logger.info({ commands: body.map((c) => c.name), scope: config.DISCORD_GUILD_ID ? 'guild' : 'global' }, 'commands deployed');
  return body.length;
}
