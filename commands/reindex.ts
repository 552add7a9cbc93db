import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { ApplicationCommandOptionType, PermissionFlagsBits } from 'discord-api-types/v10';
import { z } from 'zod';
import type { Command } from '../src/command.ts';
import { UserError } from '../src/errors.ts';
import type { ReindexReply } from '../src/replies.ts';

const options = z.object({
  file: z.object({ name: z.string().min(1).max(200), bytes: z.instanceof(Uint8Array) }).optional(),
});

export const reindexCommand: Command<typeof options, ReindexReply> = {
  definition: {
    name: 'reindex',
    name_localizations: { ko: '재색인' },
    description: 'Moderators: index new or changed article files (or an uploaded .txt article)',
    description_localizations: { ko: '운영진: 새 기사 파일이나 바뀐 파일을 색인합니다 (.txt 기사 업로드 가능)' },
    default_member_permissions: String(PermissionFlagsBits.ManageGuild),
    dm_permission: false,
    options: [
      {
        type: ApplicationCommandOptionType.Attachment,
        name: 'file',
        name_localizations: { ko: '파일' },
        description: 'A .txt article to add (UTF-8 or EUC-KR)',
        description_localizations: { ko: '추가할 .txt 기사 파일 (UTF-8 또는 EUC-KR)' },
        required: false,
      },
    ],
  },
  moderatorOnly: true,
  options,
  /** In the console, `/reindex path/to/article.txt` uploads a local file. */
  async fromText(text) {
    if (!text) return {};
    try {
      return { file: { name: basename(text), bytes: new Uint8Array(await readFile(text)) } };
    } catch {
      throw new UserError(`파일을 읽을 수 없습니다: ${text}`);
    }
  },
  async run(ctx, { file }) {
    const report = await ctx.library.reindex(ctx.actor, file);
    return { command: 'reindex', ...report };
  },
};
