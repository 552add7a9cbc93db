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
