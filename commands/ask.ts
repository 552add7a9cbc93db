import { ApplicationCommandOptionType } from 'discord-api-types/v10';
import { z } from 'zod';
import type { Command } from '../src/command.ts';
import { findArticle } from '../src/search/corpus.ts';
import { ask } from '../src/search/ask.ts';
import type { AskReply } from '../src/replies.ts';
import { suggestionsFor } from './suggestions.ts';
import { ARTICLE_OPTION, articleChoices, articleFilter, articleOption, MAX_QUESTION_LENGTH, withoutChatMarkup } from './options.ts';

const options = z.object({
  question: z
    .string({ error: '질문을 입력해 주세요.' })
    .transform(withoutChatMarkup)
    .pipe(
      z
        .string()
        .min(1, { error: '질문이 비어 있습니다. 예: /ask 소라는 누가 만들었어?' })
        .max(MAX_QUESTION_LENGTH, {
          error: (issue) => `질문이 너무 깁니다 (${String(issue.input).length}자). ${MAX_QUESTION_LENGTH}자 이내로 줄여 주세요.`,
        }),
    ),
  article: articleOption,
  /** Not a slash-command option: the "more results" button asks for the next page. */
  page: z.number().int().min(0).max(19).default(0),
});

const PAGE_SIZE = 5;

export const askCommand: Command<typeof options, AskReply> = {
  definition: {
    name: 'ask',
    name_localizations: { ko: '질문' },
    description: 'Ask a question about the articles',
    description_localizations: { ko: '기사에 대해 질문합니다' },
    options: [
      {
        type: ApplicationCommandOptionType.String,
        name: 'question',
        name_localizations: { ko: '질문' },
        description: 'Your question, in Korean or English',
        description_localizations: { ko: '질문 (한국어 또는 영어)' },
        required: true,
        max_length: MAX_QUESTION_LENGTH,
      },
      ARTICLE_OPTION,
      {
        type: ApplicationCommandOptionType.Boolean,
        name: 'hide',
        name_localizations: { ko: '숨기기' },
        description: 'Only you see the answer',
        description_localizations: { ko: '나에게만 보이게 답합니다' },
      },
      {
        type: ApplicationCommandOptionType.User,
        name: 'mention',
        name_localizations: { ko: '멘션' },
        description: 'Ping this member with the answer',
        description_localizations: { ko: '답변과 함께 이 멤버를 멘션합니다' },
      },
    ],
  },
  options,
  fromText: (text) => ({ question: text }),
  run(ctx, { question, article, page }) {
    const only = articleFilter(ctx, article);
    // One extra result tells whether a further page exists.
    const outcome = ask(ctx.corpus, question, { article: only?.id, limit: (page + 1) * PAGE_SIZE + 1 });
    const top = outcome.answer ? findArticle(ctx.corpus, outcome.answer.article) : undefined;
    return {
      command: 'ask',
      query: question,
      answer: outcome.answer?.text ?? null,
      citation:
        outcome.answer && top
          ? { article: top.id, title: top.title, paragraph: outcome.answer.paragraph, url: top.url }
          : null,
      terms: outcome.terms,
      results: outcome.results.slice(page * PAGE_SIZE, (page + 1) * PAGE_SIZE),
      page,
      more: outcome.results.length > (page + 1) * PAGE_SIZE,
      suggestions: outcome.answer ? [] : suggestionsFor(ctx.corpus, only ? [only] : outcome.near.flatMap((id) => findArticle(ctx.corpus, id) ?? [])),
    };
  },
  autocomplete: (ctx, option, value) => (option === 'article' ? articleChoices(ctx, value) : []),
};
