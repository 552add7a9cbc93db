import type { ReindexReply } from '../../replies.ts';
import { truncateAtSentence } from '../limits.ts';
import { safeText } from '../sanitize.ts';
import { COLORS, fitEmbeds, type DiscordMessage } from './message.ts';

const listOrDash = (files: string[]): string => safeText(truncateAtSentence(files.join(', ') || '—', 1000));

export function renderReindex(reply: ReindexReply, ephemeral: boolean): DiscordMessage {
  const errors = reply.errors.map((e) => `• ${e.file}: ${e.message}`).join('\n');
  return {
    embeds: fitEmbeds([
      {
        color: reply.ok && reply.errors.length === 0 ? COLORS.quote : COLORS.error,
        title: reply.ok ? '색인을 새로 만들었습니다' : '색인 실패: 이전 색인을 계속 씁니다',
        description: safeText(
          `기사 ${reply.articles}개 · 문단 ${reply.paragraphs}개 · 발언 ${reply.quotes}개${reply.notice ? `\n\n※ ${reply.notice}` : ''}`,
        ),
        fields: [
          { name: '추가', value: listOrDash(reply.added), inline: true },
          { name: '변경', value: listOrDash(reply.changed), inline: true },
          { name: '삭제', value: listOrDash(reply.removed), inline: true },
          { name: '그대로', value: listOrDash(reply.unchanged) },
          ...(reply.saved ? [{ name: '저장한 파일', value: safeText(reply.saved) }] : []),
          ...(errors ? [{ name: '읽지 못한 파일', value: safeText(truncateAtSentence(errors, 1000)) }] : []),
        ],
      },
    ]),
    components: [],
    ephemeral,
  };
}
