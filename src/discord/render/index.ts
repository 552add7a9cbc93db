import type { Reply } from '../../replies.ts';
import { truncateAtSentence } from '../limits.ts';
import { neutralizeMentions } from '../sanitize.ts';
import { renderArticles } from './article.ts';
import { renderAsk } from './ask.ts';
import { COLORS, fitEmbeds, type DiscordMessage } from './message.ts';
import { renderQuote } from './quote.ts';
import { renderReindex } from './reindex.ts';

export interface RenderOptions {
  ephemeral: boolean;
  /** The `article` option the user gave, carried into "more results" buttons. */
  articleFilter: string | null;
}

export function renderReply(reply: Reply, options: RenderOptions): DiscordMessage {
  if ('error' in reply) return renderError(reply.error);
  switch (reply.command) {
    case 'ask':
      return renderAsk(reply, options.articleFilter, options.ephemeral);
    case 'quote':
      return renderQuote(reply, options.ephemeral);
    case 'article':
      return renderArticles(reply, options.ephemeral);
    case 'reindex':
      return renderReindex(reply, options.ephemeral);
  }
}

/** Errors are only for the person who ran the command. */
export function renderError(message: string): DiscordMessage {
  return {
    embeds: fitEmbeds([{ color: COLORS.error, description: `⚠️ ${neutralizeMentions(truncateAtSentence(message, 4000))}` }]),
    components: [],
    ephemeral: true,
  };
}

export type { DiscordMessage };
