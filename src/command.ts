import type { APIApplicationCommandOptionChoice, RESTPostAPIChatInputApplicationCommandsJSONBody } from 'discord-api-types/v10';
import { z } from 'zod';
import type { Library } from './library/library.ts';
import type { Corpus } from './search/corpus.ts';
import { UserError } from './errors.ts';

/** Who runs a command. Moderator status is decided by the transport (Discord permissions, or the local console). */
export interface Actor {
  id: string;
  name: string;
  isModerator: boolean;
}

export interface CommandContext {
  /** The corpus being served when the command started; a reindex swaps in a new one without touching this. */
  corpus: Corpus;
  actor: Actor;
  /** For /reindex: the library that owns the corpus. */
  library: Library;
}

export type Choice = APIApplicationCommandOptionChoice<string>;

/**
 * One slash command: its Discord definition (data, also used by the deploy script), the zod schema of its options,
 * how the console turns typed text into options, and a handler that returns a transport-neutral reply.
 */
export interface Command<Options extends z.ZodType, Reply> {
  definition: RESTPostAPIChatInputApplicationCommandsJSONBody;
  /** Refused before any work for anyone who is not a moderator. */
  moderatorOnly?: boolean;
  options: Options;
  /** How the console reads typed text as this command's options. */
  fromText(text: string): Record<string, unknown> | Promise<Record<string, unknown>>;
  run(ctx: CommandContext, options: z.infer<Options>): Reply | Promise<Reply>;
  autocomplete?(ctx: CommandContext, option: string, value: string): Choice[];
}

/** Validates raw options (from Discord or the console) and turns the first problem into a message for the user. */
export function parseOptions<Options extends z.ZodType>(schema: Options, raw: unknown): z.infer<Options> {
  const parsed = schema.safeParse(raw);
  if (parsed.success) return parsed.data;
  throw new UserError(parsed.error.issues[0]?.message ?? '명령 옵션이 올바르지 않습니다.');
}
