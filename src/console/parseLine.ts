export interface ConsoleInput {
  command: string;
  text: string;
}

/** `/ask 소라는 누가 만들었어?` → ask + text. A line without a slash is a question, as a user would expect. */
export function parseConsoleLine(line: string): ConsoleInput | null {
  const trimmed = line.normalize('NFC').trim();
  if (trimmed === '') return null;
  if (!trimmed.startsWith('/')) return { command: 'ask', text: trimmed };
  const match = /^\/(\S*)\s*([\s\S]*)$/.exec(trimmed)!;
  return { command: match[1]!.toLowerCase(), text: match[2]!.trim() };
}

/** `exit`, `quit`, `/exit`, `/quit`: what people type to leave a prompt; not worth asking the article about. */
export const isExitLine = (line: string): boolean => /^\/?(?:exit|quit)$/i.test(line.trim());
