import { describe, expect, it } from 'vitest';
import { decodeButton, encodeButton } from '../src/discord/customIds.ts';
import { LIMITS, truncateAtSentence } from '../src/discord/limits.ts';
import { renderReply } from '../src/discord/render/index.ts';
import { embedLength } from '../src/discord/render/message.ts';
import { highlight, safeText } from '../src/discord/sanitize.ts';
import type { ArticleReply, AskReply, QuoteReply } from '../src/replies.ts';
import { renderReplyText } from '../src/console/renderText.ts';

const sentence = '중국 업체들은 이미 미국이 엔비디아의 그래픽처리장치(GPU) 대중국 수출을 규제해 어려움을 겪고 있습니다. ';
const longText = sentence.repeat(80); // ~4,500 characters

function askReply(results: number): AskReply {
  return {
    command: 'ask',
    query: '질문 '.repeat(200),
    answer: longText,
    citation: { article: 'a', title: '제목 '.repeat(200), paragraph: 1, url: null },
    terms: ['중국', '수출'],
    results: Array.from({ length: results }, (_, i) => ({ article: 'a', title: '긴 제목 '.repeat(100), paragraph: i + 1, text: longText, score: 1 })),
    page: 0,
    more: true,
    suggestions: [],
  };
}

describe('an answer from the headline (paragraph 0)', () => {
  const reply: AskReply = {
    command: 'ask',
    query: '의대 증원 몇 명?',
    answer: '의대 증원 2000명 유지',
    citation: { article: 'a', title: '의대 증원 2000명 유지', paragraph: 0, url: null },
    terms: ['의대', '증원'],
    results: [
      { article: 'a', title: '의대 증원 2000명 유지', paragraph: 0, text: '의대 증원 2000명 유지', score: 3 },
      { article: 'a', title: '의대 증원 2000명 유지', paragraph: 2, text: '대한의사협회는 즉각 반발했다.', score: 1 },
    ],
    page: 0,
    more: false,
    suggestions: [],
  };

  it('cites 제목, and offers the whole-paragraph button for the first paragraph result only', () => {
    const message = renderReply(reply, { ephemeral: false, articleFilter: null });
    const embed = message.embeds[0]!;
    expect(embed.description).toContain('」 제목');
    expect(embed.fields?.map((f) => f.name)).toEqual(['1. 제목', '2. 2문단 · 의대 증원 2000명 유지']);
    const ids = message.components.flatMap((row) => row.components.map((c) => ('custom_id' in c ? c.custom_id : '')));
    expect(ids).toContain('ask:para:a:2');
    expect(renderReplyText(reply)).toContain('」 제목');
  });
});

function assertWithinLimits(message: ReturnType<typeof renderReply>): void {
  expect(message.embeds.length).toBeLessThanOrEqual(LIMITS.embeds);
  expect(message.embeds.reduce((n, e) => n + embedLength(e), 0)).toBeLessThanOrEqual(LIMITS.embedTotal);
  for (const embed of message.embeds) {
    expect(embed.title?.length ?? 0).toBeLessThanOrEqual(LIMITS.embedTitle);
    expect(embed.description?.length ?? 0).toBeLessThanOrEqual(LIMITS.embedDescription);
    expect(embed.fields?.length ?? 0).toBeLessThanOrEqual(LIMITS.embedFields);
    for (const f of embed.fields ?? []) {
      expect(f.name.length).toBeLessThanOrEqual(LIMITS.fieldName);
      expect(f.value.length).toBeLessThanOrEqual(LIMITS.fieldValue);
    }
  }
  expect(message.content?.length ?? 0).toBeLessThanOrEqual(LIMITS.content);
  for (const row of message.components) {
    for (const c of row.components) if ('custom_id' in c) expect(c.custom_id.length).toBeLessThanOrEqual(LIMITS.customId);
  }
}

describe('Discord limits', () => {
  it('truncates at a sentence boundary and marks the cut', () => {
    const cut = truncateAtSentence(longText, 1000);
    expect(cut.length).toBeLessThanOrEqual(1000);
    expect(cut.endsWith('있습니다.…')).toBe(true);
    expect(truncateAtSentence('짧은 글.', 1000)).toBe('짧은 글.');
  });

  it('keeps an /ask reply with very long passages and many results within every limit', () => {
    for (const n of [1, 5, 30]) assertWithinLimits(renderReply(askReply(n), { ephemeral: false, articleFilter: null }));
  });

  it('drops the "more" button rather than send a custom_id over 100 characters', () => {
    const message = renderReply(askReply(3), { ephemeral: false, articleFilter: null });
    const ids = message.components.flatMap((r) => r.components).map((c) => ('custom_id' in c ? c.custom_id : ''));
    expect(ids.some((id) => id.startsWith('ask:more'))).toBe(false);
    expect(ids).toContain('ask:para:a:1');
  });

  it('keeps /quote with 60 quotes and /article with 30 articles within every limit', () => {
    const quote: QuoteReply = {
      command: 'quote',
      query: 'x',
      speaker: { id: 'x', name: '이름', description: '설명 '.repeat(2000), title: null, organization: null },
      quotes: Array.from({ length: 60 }, (_, i) => ({ text: longText, kind: 'direct' as const, article: 'a', title: 't', paragraph: i + 1 })),
      suggestions: [],
    };
    assertWithinLimits(renderReply(quote, { ephemeral: false, articleFilter: null }));
    const article: ArticleReply = {
      command: 'article',
      articles: Array.from({ length: 30 }, (_, i) => ({
        id: `a${i}`,
        title: '제목 '.repeat(100),
        outlet: 'KBS',
        section: null,
        published: '2024-02-23T17:22+09:00',
        modified: null,
        byline: null,
        email: null,
        url: null,
        paragraphs: 3,
        speakers: Array.from({ length: 200 }, (_, j) => `발언자${j}`),
        glossary: [],
      })),
    };
    const rendered = renderReply(article, { ephemeral: false, articleFilter: null });
    assertWithinLimits(rendered);
    expect(rendered.content).toContain('30개 중');
  });
});

describe('untrusted article text', () => {
  it('cannot ping: @everyone, @here and raw mentions are broken up', () => {
    const text = safeText('공지 @everyone @here <@123456789012345678> <@&123456789012345678>');
    expect(text).not.toMatch(/@everyone|@here|<@\d|<@&\d/);
  });

  it('escapes markdown and bolds only the searched words', () => {
    expect(highlight('**굵게** 중국_기업', ['중국'])).toBe('\\*\\*굵게\\*\\* **중국**\\_기업');
  });
});

describe('button custom ids', () => {
  it('round-trip, including a question with colons', () => {
    const more = { kind: 'more' as const, page: 2, article: null, question: '시간: 언제?' };
    expect(decodeButton(encodeButton(more)!)).toEqual(more);
    const para = { kind: 'para' as const, article: '000_abc', paragraph: 3 };
    expect(decodeButton(encodeButton(para)!)).toEqual(para);
    expect(decodeButton('ask:para:x:notanumber')).toBeNull();
    expect(decodeButton('something-else')).toBeNull();
  });
});
