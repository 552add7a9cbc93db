import { ApplicationCommandOptionType } from 'discord-api-types/v10';
import { z } from 'zod';
import type { Choice, CommandContext } from '../src/command.ts';
import { UserError } from '../src/errors.ts';
import type { Article } from '../src/ingest/article.ts';
import { matchArticles, resolveArticle } from '../src/search/articles.ts';

/** Discord's own cap for a string option is 6000; a question longer than this is not a question. */
export const MAX_QUESTION_LENGTH = 300;
export const MAX_CHOICE_LENGTH = 100;

export const articleOption = z.string().trim().max(200).optional();

/**
 * Chat markup that is not part of a question: `@everyone`, `@here`, a member, role or channel mention (`<@123>`,
 * `<@&123>`, `<#123>`), a custom emoji (`<:name:123>`) and a timestamp (`<t:1700000000:R>`); not the `@here` of an
 * address (`press@here.kr`). Left in, `@everyone 오픈AI는?` asked about `everyone` too and found nothing.
 */
const CHAT_MARKUP = /(?<![\w.])@(?:everyone|here)\b|<(?:@[!&]?|#)\d+>|<a?:\w+:\d+>|<t:-?\d+(?::[tTdDfFR])?>/g;

export const withoutChatMarkup = (text: string): string => text.replace(CHAT_MARKUP, ' ').replace(/\s{2,}/g, ' ').trim();

/** The definition of the optional `article` option shared by /ask, /quote and /article. */
export const ARTICLE_OPTION = {
  type: ApplicationCommandOptionType.String,
  name: 'article',
  name_localizations: { ko: '기사' },
  description: 'Limit to one article (default: all articles)',
  description_localizations: { ko: '특정 기사로 한정합니다 (기본: 모든 기사)' },
  required: false,
  autocomplete: true,
} as const;

export function articleFilter(ctx: CommandContext, text: string | undefined): Article | undefined {
  if (!text) return undefined;
  const article = resolveArticle(ctx.corpus, text);
  if (!article) throw new UserError(`'${text}'에 해당하는 기사가 없습니다. /article 로 기사 목록을 확인하세요.`);
  return article;
}

export function articleChoices(ctx: CommandContext, value: string): Choice[] {
  return matchArticles(ctx.corpus, value).map((a) => ({ name: clip(a.title, MAX_CHOICE_LENGTH), value: a.id }));
}

export function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}
