import { ApplicationCommandOptionType } from 'discord-api-types/v10';
import { z } from 'zod';
import type { Command } from '../src/command.ts';
import { findArticle } from '../src/search/corpus.ts';
import { matchSpeakers, quotesOf, similarSpeakers } from '../src/search/speakers.ts';
import type { QuoteReply } from '../src/replies.ts';
import { ARTICLE_OPTION, articleChoices, articleFilter, articleOption, clip, MAX_CHOICE_LENGTH } from './options.ts';

const MAX_CHOICES = 25;
/** Other matching speakers offered beside the one shown. */
const MAX_OTHERS = 5;

const options = z.object({
  speaker: z
    .string({ error: '발언자 이름을 입력해 주세요.' })
    .trim()
    .min(1, { error: '발언자 이름을 입력해 주세요. 예: /quote 저우훙이' })
    .max(MAX_CHOICE_LENGTH, { error: `이름은 ${MAX_CHOICE_LENGTH}자 이내로 입력해 주세요.` }),
  article: articleOption,
});

export const quoteCommand: Command<typeof options, QuoteReply> = {
  definition: {
    name: 'quote',
    name_localizations: { ko: '발언' },
    description: 'What a person or organisation said in the articles',
    description_localizations: { ko: '인물이나 기관이 기사에서 한 말을 보여 줍니다' },
    options: [
      {
        type: ApplicationCommandOptionType.String,
        name: 'speaker',
        name_localizations: { ko: '발언자' },
        description: 'Name, part of it, 초성 (ㅈㅇㅎㅇ), title or organisation',
        description_localizations: { ko: '이름, 이름 일부, 초성(ㅈㅇㅎㅇ), 직함 또는 소속' },
        required: true,
        autocomplete: true,
        max_length: MAX_CHOICE_LENGTH,
      },
      ARTICLE_OPTION,
    ],
  },
  options,
  fromText: (text) => ({ speaker: text }),
  run(ctx, { speaker: typed, article }) {
    const only = articleFilter(ctx, article);
    const directory = only ? ctx.corpus.speakers.filter((e) => e.quoteArticles.some((a) => a.id === only.id)) : ctx.corpus.speakers;
    // An autocomplete pick sends the speaker id; typed text goes through the ranked lookup.
    const exact = directory.find((e) => e.speaker.id === typed);
    // The whole library's lookup is built once per index; a one-article directory is small enough to build here.
    const [best, ...others] = exact ? [exact] : matchSpeakers(only ? directory : ctx.corpus.speakerLookup, typed, 1 + MAX_OTHERS);
    if (!best) {
      return { command: 'quote', query: typed, speaker: null, quotes: [], suggestions: similarSpeakers(directory, typed) };
    }
    const { speaker } = best;
    return {
      command: 'quote',
      query: typed,
      speaker: {
        id: speaker.id,
        name: speaker.name,
        description: speaker.description,
        title: speaker.title,
        organization: speaker.organization,
      },
      quotes: quotesOf(best)
        .filter((q) => !only || q.article === only.id)
        .map((q) => ({
          text: q.text,
          kind: q.kind,
          article: q.article,
          title: findArticle(ctx.corpus, q.article)?.title ?? q.article,
          paragraph: q.paragraph,
        })),
      suggestions: others.slice(0, MAX_OTHERS).map((e) => e.speaker.name),
    };
  },
  autocomplete(ctx, option, value) {
    if (option === 'article') return articleChoices(ctx, value);
    return matchSpeakers(ctx.corpus.speakerLookup, value, MAX_CHOICES)
      .map((e) => ({
        name: clip(e.speaker.description ? `${e.speaker.name} — ${e.speaker.description}` : e.speaker.name, MAX_CHOICE_LENGTH),
        value: e.speaker.id,
      }));
  },
};
