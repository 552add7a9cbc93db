import type { z } from 'zod';
import { parseOptions, type Command, type CommandContext } from '../src/command.ts';
import { UserError } from '../src/errors.ts';
import type { ErrorReply, Reply } from '../src/replies.ts';
import { articleCommand } from './article.ts';
import { askCommand } from './ask.ts';
import { quoteCommand } from './quote.ts';
import { reindexCommand } from './reindex.ts';

// Each entry keeps its own option and reply types; the registry only needs the common shape.
export type AnyCommand = Command<z.ZodType, Reply>;

export const COMMANDS: readonly AnyCommand[] = [askCommand, quoteCommand, articleCommand, reindexCommand];

/** By name, or by its Korean name (`/질문`), as Discord shows both. */
export function findCommand(name: string): AnyCommand | undefined {
  return COMMANDS.find((c) => c.definition.name === name || c.definition.name_localizations?.ko === name);
}

/**
 * Validates options and runs a command. A UserError becomes an error reply for the asker; anything else is a bug
 * and is rethrown for the transport's central handler to log.
 */
export async function runCommand(name: string, rawOptions: unknown, ctx: CommandContext): Promise<Reply> {
  const command = findCommand(name);
  if (!command) return errorReply(name, `알 수 없는 명령입니다: /${name}. 사용할 수 있는 명령: ${COMMANDS.map((c) => `/${c.definition.name}`).join(', ')}`);
  try {
    assertAllowed(command, ctx);
    return await command.run(ctx, parseOptions(command.options, rawOptions));
  } catch (error) {
    if (error instanceof UserError) return errorReply(command.definition.name, error.message);
    throw error;
  }
}

export function assertAllowed(command: AnyCommand, ctx: CommandContext): void {
  if (command.moderatorOnly && !ctx.actor.isModerator) {
    throw new UserError(`/${command.definition.name} 은(는) 운영진(서버 관리 권한 또는 운영진 역할)만 쓸 수 있습니다.`);
  }
}

export function errorReply(command: string, error: string): ErrorReply {
  return { command, error };
}
