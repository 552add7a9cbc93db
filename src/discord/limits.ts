/** Discord's hard limits on what one message may carry (https://discord.com/developers/docs/resources/message). */
export const LIMITS = {
  content: 2000,
  embeds: 10,
  embedTitle: 256,
  embedDescription: 4096,
  embedFields: 25,
  fieldName: 256,
  fieldValue: 1024,
  footer: 2048,
  author: 256,
  embedTotal: 6000,
  choices: 25,
  choiceName: 100,
  customId: 100,
  buttonLabel: 80,
} as const;

const SENTENCE_END = /[.!?。…]["”’')\]]*(?=\s)|다\.(?=\s)/g;

/**
 * Cuts text to `max` characters, at the last sentence end that fits, else the last space, and marks the cut
 * with `…`. Text that fits is returned unchanged.
 */
export function truncateAtSentence(text: string, max: number): string {
  if (text.length <= max) return text;
  if (max <= 1) return text.slice(0, Math.max(0, max));
  const room = text.slice(0, max - 1);
  let cut = -1;
  for (const m of room.matchAll(SENTENCE_END)) cut = m.index + m[0].length;
  if (cut < max / 3) cut = room.lastIndexOf(' ');
  if (cut < max / 3) cut = room.length;
  return `${text.slice(0, cut).trimEnd()}…`;
}
