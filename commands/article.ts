import { z } from 'zod';
import type { Command } from '../src/command.ts';
import type { Article } from '../src/ingest/article.ts';
import type { ArticleReply, ArticleSummary } from '../src/replies.ts';
import { ARTICLE_OPTION, articleChoices, articleFilter, articleOption } from './options.ts';

const options = z.object({ article: articleOption });

export function summarizeArticle(article: Article, speakers: string[]): ArticleSummary {
  return {
    id: article.id,
    title: article.title,
    outlet: article.outlet,
    section: article.section,
    published: article.published,
    modified: article.modified,
    byline: article.byline,
    email: article.email,
    url: article.url,
    paragraphs: article.paragraphs.length,
    speakers,
    glossary: article.glossary,
  };
}

export const articleCommand: Command<typeof options, ArticleReply> = {
  definition: {
    name: 'article',
    name_localizations: { ko: '기사정보' },
    description: 'Show the metadata of the articles: title, outlet, times, byline, glossary',
    description_localizations: { ko: '기사 정보(제목, 매체, 입력·수정 시각, 기자, 용어)를 보여 줍니다' },
    options: [ARTICLE_OPTION],
  },
  options,
  fromText: (text) => ({ article: text || undefined }),
  run(ctx, { article }) {
    const only = articleFilter(ctx, article);
    const articles = only ? [only] : ctx.corpus.articles;
    return { command: 'article', articles: articles.map((a) => summarizeArticle(a, a.speakers.map((s) => s.name))) };
  },
  autocomplete: (ctx, option, value) => (option === 'article' ? articleChoices(ctx, value) : []),
};
