import type { Config } from '../config.ts';
import type { Library } from '../library/library.ts';
import type { Logger } from '../log.ts';

export interface BotOptions {
  config: Config;
  library: Library;
  logger: Logger;
}

export async function startBot(_options: BotOptions): Promise<void> {
  throw new Error('the Discord bot is not built yet (issue 4)');
}
