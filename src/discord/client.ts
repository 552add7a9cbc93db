import { Client, GatewayIntentBits } from 'discord.js';
import type { Config } from '../config.ts';

/**
 * The discord.js client: `Guilds` is the only intent slash commands need. `DISCORD_API_URL` points REST
 * (and so the gateway URL, which comes from `GET /gateway/bot`) at a proxy or a test stand-in.
 */
export function createClient(config: Pick<Config, 'DISCORD_API_URL'>): Client {
  return new Client({
    intents: [GatewayIntentBits.Guilds],
    allowedMentions: { parse: [] },
    rest: config.DISCORD_API_URL ? { api: config.DISCORD_API_URL } : {},
  });
}
