import type { APIEmbed } from 'discord-api-types/v10';
import type { QuoteReply } from '../../replies.ts';
import { LIMITS, truncateAtSentence } from '../limits.ts';
import { neutralizeMentions, safeText } from '../sanitize.ts';
import { COLORS, fitEmbeds, type DiscordMessage } from './message.ts';

const QUOTE_BUDGET = 500;

export function renderQuote(reply: QuoteReply, ephemeral: boolean): DiscordMessage {
  if (!reply.speaker) {
    const hint = reply.suggestions.length ? `\n\n이 이름으로 찾아보세요: ${reply.suggestions.map(safeText).join(', ')}` : '';
    return {
      embeds: fitEmbeds([
        { color: COLORS.none, title: safeText(truncateAtSentence(`'${reply.query}'`, 200)), description: `기사에서 이 이름으로 발언한 사람을 찾지 못했습니다.${hint}` },
      ]),
      components: [],
      ephemeral,
    };
  }
  const manyArticles = new Set(reply.quotes.map((q) => q.article)).size > 1;
  const shown = reply.quotes.slice(0, LIMITS.embedFields - 1);
  const fields = shown.map((q) => ({
    name: safeText(
      truncateAtSentence(`${q.kind === 'direct' ? '직접 인용' : '간접 인용'} · ${q.paragraph}문단${manyArticles ? ` · ${q.title}` : ''}`, 200),
    ),
    value: safeText(truncateAtSentence(q.kind === 'direct' ? `“${q.text}”` : q.text, QUOTE_BUDGET)),
  }));
  if (reply.quotes.length > shown.length) {
    fields.push({ name: '…', value: `외 ${reply.quotes.length - shown.length}개 발언` });
  }
  const embed: APIEmbed = {
    color: COLORS.quote,
    title: safeText(truncateAtSentence(reply.speaker.name, 200)),
    description: safeText(reply.speaker.description || '발언자'),
    fields,
    footer: { text: manyArticles ? '여러 기사에서' : neutralizeMentions(truncateAtSentence(`「${reply.quotes[0]?.title ?? ''}」`, 200)) },
  };
  return { embeds: fitEmbeds([embed]), components: [], ephemeral };
}
