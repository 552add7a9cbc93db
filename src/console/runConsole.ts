import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import { errorReply, findCommand, runCommand } from '../../commands/index.ts';
import type { Actor } from '../command.ts';
import { UserError } from '../errors.ts';
import type { Library } from '../library/library.ts';
import type { Logger } from '../log.ts';
import { ReplySchema, type Reply } from '../replies.ts';
import { isExitLine, parseConsoleLine } from './parseLine.ts';
import { renderReplyText } from './renderText.ts';

export interface ConsoleOptions {
  library: Library;
  logger: Logger;
  input: Readable;
  output: Writable;
  json: boolean;
}

/** The local operator owns the machine, so they count as a moderator. */
const LOCAL_OPERATOR: Actor = { id: 'console', name: 'console', isModerator: true };

/** Reads Discord-style lines until end of input; one reply per line, never stopping on a bad one. */
export async function runConsole({ library, logger, input, output, json }: ConsoleOptions): Promise<void> {
  const interactive = !json && 'isTTY' in input && input.isTTY === true;
  const lines = createInterface({ input, terminal: interactive, crlfDelay: Infinity });
  if (interactive) output.write('gisa-bot 콘솔: /ask <질문>, /quote <발언자>, /article, /reindex [파일] — /exit 또는 Ctrl+D로 종료\n> ');
  for await (const line of lines) {
    if (isExitLine(line)) {
      // Leaving the loop does not close the reader, and an open reader keeps the process alive on a terminal.
      lines.close();
      break;
    }
    const reply = await answerLine(line, library, logger);
    output.write(json ? `${JSON.stringify(ReplySchema.parse(reply))}\n` : `${renderReplyText(reply)}\n\n`);
    if (interactive) output.write('> ');
  }
}

export async function answerLine(line: string, library: Library, logger: Logger): Promise<Reply> {
  const input = parseConsoleLine(line);
  if (!input) return errorReply('', '빈 입력입니다. 예: /ask 소라는 누가 만들었어?');
  const command = findCommand(input.command);
  try {
    const options = command ? await command.fromText(input.text) : {};
    return await runCommand(input.command, options, { corpus: library.corpus, actor: LOCAL_OPERATOR, library });
  } catch (error) {
    if (error instanceof UserError) return errorReply(input.command, error.message);
    logger.error({ err: error, line }, 'command failed');
    return errorReply(input.command, '처리 중 오류가 발생했습니다. 로그를 확인하세요.');
  }
}
