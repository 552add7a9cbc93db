import { existsSync } from 'node:fs';
import { z } from 'zod';

const snowflake = z.string().regex(/^\d{17,20}$/, { error: 'must be a Discord id (17–20 digits)' });
const blankAsUndefined = (v: unknown): unknown => (typeof v === 'string' && v.trim() === '' ? undefined : v);

export const ConfigSchema = z.object({
  DISCORD_TOKEN: z.preprocess(blankAsUndefined, z.string().min(20, { error: 'looks too short to be a bot token' }).optional()),
  DISCORD_CLIENT_ID: z.preprocess(blankAsUndefined, snowflake.optional()),
  DISCORD_GUILD_ID: z.preprocess(blankAsUndefined, snowflake.optional()),
  /** Comma-separated role ids whose members may run /reindex, besides those with Manage Server. */
  MODERATOR_ROLE_IDS: z.preprocess(
    (v) => (typeof v === 'string' ? v.split(',').map((s) => s.trim()).filter(Boolean) : (v ?? [])),
    z.array(snowflake),
  ),
  SEEDS_DIR: z.preprocess(blankAsUndefined, z.string().default('./seeds')),
  DATA_DIR: z.preprocess(blankAsUndefined, z.string().default('./data')),
  MAX_ARTICLE_BYTES: z.preprocess(blankAsUndefined, z.coerce.number().int().positive().default(2 * 1024 * 1024)),
  LOG_LEVEL: z.preprocess(
    blankAsUndefined,
    z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  ),
  /** Base of Discord's REST API without the version (`http://127.0.0.1:PORT/api`): for REST proxies and tests. */
  DISCORD_API_URL: z.preprocess(blankAsUndefined, z.url({ protocol: /^https?$/ }).optional()),
});

export type Config = z.infer<typeof ConfigSchema>;

/** Thrown with a message naming each bad variable, so a misconfigured start says exactly what to fix. */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

export function parseConfig(env: Record<string, string | undefined>): Config {
  const parsed = ConfigSchema.safeParse(env);
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
  throw new ConfigError(`invalid configuration:\n  ${problems.join('\n  ')}`);
}

/** Reads `.env` when present (Node's own loader), then the environment; the environment wins. */
export function loadConfig(envFile = '.env'): Config {
  if (existsSync(envFile)) process.loadEnvFile(envFile);
  return parseConfig(process.env);
}
