import type { APIEmbed } from 'discord-api-types/v10';
import { isoToEpochSeconds } from '../../ingest/dates.ts';
import type { ArticleReply, ArticleSummary } from '../../replies.ts';
import { truncateAtSentence } from '../limits.ts';
import { safeText } from '../sanitize.ts';
import { COLORS, fitEmbeds, type DiscordMessage } from './message.ts';

/** Discord renders `<t:…:F>` in each reader's own time zone and language. */
const stamp = (iso: string | null): string => (iso ? `<t:${isoToEpochSeconds(iso)}:F>` : '—');

function articleEmbed(a: ArticleSummary): APIEmbed {
  const glossary = a.glossary.map((g) => `${g.term}(${g.gloss})`).join(', ');
  return {
    color: COLORS.article,
    title: safeText(truncateAtSentence(a.title, 200)),
    url: a.url ?? undefined,
    fields: [
      { name: '매체', value: safeText(a.outlet ?? '—'), inline: true },
      { name: '섹션', value: safeText(a.section ?? '—'), inline: true },
      { name: '문단', value: `${a.paragraphs}개`, inline: true },
      { name: '입력', value: stamp(a.published), inline: true },
      { name: '수정', value: stamp(a.modified), inline: true },
      { name: '기자', value: safeText([a.byline, a.email].filter(Boolean).join(' ') || '—'), inline: true },
      { name: '발언자', value: safeText(truncateAtSentence(a.speakers.join(', ') || '—', 1000)) },
      { name: '용어', value: safeText(truncateAtSentence(glossary || '—', 1000)) },
    ],
    footer: { text: `id: ${a.id}` },
  };
}

export function renderArticles(reply: ArticleReply, ephemeral: boolean): DiscordMessage {
  const embeds = fitEmbeds(reply.articles.map(articleEmbed));
  const hidden = reply.articles.length - embeds.length;
  return {
    content: hidden > 0 ? `기사 ${reply.articles.length}개 중 ${embeds.length}개를 보여 줍니다. 나머지는 /article 기사:<제목> 으로 보세요.` : undefined,
    embeds,
    components: [],
    ephemeral,
  };
}
