import { ButtonStyle, ComponentType, type APIButtonComponent, type APIEmbed } from 'discord-api-types/v10';
import { placeName, type AskReply } from '../../replies.ts';
import { encodeButton } from '../customIds.ts';
import { LIMITS, truncateAtSentence } from '../limits.ts';
import { safeText } from '../sanitize.ts';
import { COLORS, fitEmbeds, fitHighlighted, type DiscordMessage } from './message.ts';

/** Room left in the 6000-character embed total for each passage field after the answer and headers. */
const PASSAGE_BUDGET = 700;

export function renderAsk(reply: AskReply, articleFilter: string | null, ephemeral: boolean): DiscordMessage {
  if (!reply.answer || !reply.citation) return renderNoAnswer(reply, ephemeral);
  const { citation } = reply;
  const source = `— 「${safeText(truncateAtSentence(citation.title, 200))}」 ${placeName(citation.paragraph)}`;
  const embed: APIEmbed = {
    color: COLORS.answer,
    title: safeText(truncateAtSentence(`Q. ${reply.query}`, LIMITS.embedTitle - 40)),
    url: citation.url ?? undefined,
    description: `${fitHighlighted(reply.answer, reply.terms, 3000)}\n\n${source}`,
    fields: reply.results.map((r, i) => ({
      // A headline result's text is the title itself: naming the article again would print it twice.
      name: safeText(truncateAtSentence(`${reply.page * 5 + i + 1}. ${placeName(r.paragraph)}${r.paragraph > 0 ? ` · ${r.title}` : ''}`, LIMITS.fieldName - 20)),
      value: fitHighlighted(r.text, reply.terms, PASSAGE_BUDGET),
    })),
    footer: { text: reply.page > 0 ? `결과 ${reply.page + 1}쪽` : '가장 관련 있는 문단 순' },
  };
  const buttons: APIButtonComponent[] = [];
  const more = reply.more
    ? encodeButton({ kind: 'more', page: reply.page + 1, article: articleFilter, question: reply.query })
    : null;
  if (more) buttons.push({ type: ComponentType.Button, style: ButtonStyle.Secondary, label: '결과 더 보기', custom_id: more });
  // A headline is shown whole already: only a paragraph has more to show.
  const top = reply.results.find((r) => r.paragraph > 0);
  const para = top ? encodeButton({ kind: 'para', article: top.article, paragraph: top.paragraph }) : null;
  if (para) buttons.push({ type: ComponentType.Button, style: ButtonStyle.Primary, label: '전체 문단 보기', custom_id: para });
  if (citation.url) buttons.push({ type: ComponentType.Button, style: ButtonStyle.Link, label: '기사 원문', url: citation.url });
  return {
    embeds: fitEmbeds([embed]),
    components: buttons.length ? [{ type: ComponentType.ActionRow, components: buttons }] : [],
    ephemeral,
  };
}

function renderNoAnswer(reply: AskReply, ephemeral: boolean): DiscordMessage {
  const suggestions = reply.suggestions.length
    ? `\n\n이런 주제로 물어보세요: ${reply.suggestions.map((s) => `\`${s.replace(/`/g, '')}\``).join(', ')}`
    : '';
  return {
    embeds: fitEmbeds([
      {
        color: COLORS.none,
        title: safeText(truncateAtSentence(`Q. ${reply.query}`, LIMITS.embedTitle - 40)),
        description: `기사에서 이 질문에 답하는 내용을 찾지 못했습니다.${suggestions}`,
      },
    ]),
    components: [],
    ephemeral,
  };
}
