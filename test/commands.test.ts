import { describe, expect, it } from 'vitest';
import { runCommand } from '../commands/index.ts';
import { askCommand } from '../commands/ask.ts';
import type { CommandContext } from '../src/command.ts';
import { ArticleReplySchema, AskReplySchema } from '../src/replies.ts';
import { ALL_ARTICLES, openLibrary } from './helpers.ts';

const { library } = await openLibrary(ALL_ARTICLES);
const ctx: CommandContext = { corpus: library.corpus, actor: { id: '1', name: 'reader', isModerator: false }, library };

describe('the article option (several articles indexed)', () => {
  it('autocompletes article titles, prefix matches first, with ids as values', () => {
    const choices = askCommand.autocomplete!(ctx, 'article', '반도체');
    expect(choices[0]).toEqual({ name: '반도체 수출 석 달 연속 증가…"하반기 회복세 뚜렷"', value: 'yonhap_chip_exports' });
    expect(askCommand.autocomplete!(ctx, 'article', '').length).toBe(ALL_ARTICLES.length);
  });

  it('limits /ask to one article, by id or by a piece of its title', async () => {
    const everywhere = AskReplySchema.parse(await runCommand('ask', { question: '관계자는 뭐라고 했어?' }, ctx));
    expect(new Set(everywhere.results.map((r) => r.article)).size).toBeGreaterThan(1);
    for (const article of ['daily_market_digital', '전통시장 디지털']) {
      const only = AskReplySchema.parse(await runCommand('ask', { question: '관계자는 뭐라고 했어?', article }, ctx));
      expect(only.results.length).toBeGreaterThan(0);
      expect(only.results.every((r) => r.article === 'daily_market_digital')).toBe(true);
      expect(only.citation).toMatchObject({ article: 'daily_market_digital', title: expect.stringContaining('전통시장') });
    }
  });

  it('offers the nearest articles\' topics and quoted people when nothing answers, else the newest articles\'', async () => {
    const near = AskReplySchema.parse(await runCommand('ask', { question: '전통시장 상인 비트코인 채굴' }, ctx));
    expect(near.results).toEqual([]);
    expect(near.suggestions).toEqual(expect.arrayContaining(['망원시장', '최영호', '김순자']));
    expect(near.suggestions).not.toContain('저우훙이');
    // Nothing in common with any article: the three most recently published ones (2025-06, 2025-03, 2025-01).
    const none = AskReplySchema.parse(await runCommand('ask', { question: 'zyxxy qwerty' }, ctx));
    expect(none.suggestions).toEqual(expect.arrayContaining(['박지현', '산업통상자원부', '김정은']));
    expect(none.suggestions).not.toContain('최영호');
  });

  it('names an unknown article clearly', async () => {
    expect(await runCommand('ask', { question: '소라', article: '없는 기사' }, ctx)).toMatchObject({ error: expect.stringContaining('없는 기사') });
  });

  it('/article lists every article with its speakers, or just one', async () => {
    const all = ArticleReplySchema.parse(await runCommand('article', {}, ctx));
    expect(all.articles.map((a) => a.id)).toEqual(['000_747bf3bd7eb8621c', 'daily_market_digital', 'hankyung_ai_chips', 'newsis_summit', 'yonhap_chip_exports']);
    expect(all.articles[0]!.speakers).toEqual(['저우훙이', '인예', 'AI 정신병원', '오픈AI']);
    const one = ArticleReplySchema.parse(await runCommand('article', { article: 'newsis_summit' }, ctx));
    expect(one.articles).toHaveLength(1);
  });

  it('refuses /reindex to a non-moderator before doing anything', async () => {
    const served = library.corpus;
    expect(await runCommand('reindex', {}, ctx)).toMatchObject({ command: 'reindex', error: expect.stringContaining('운영진') });
    expect(library.corpus).toBe(served);
  });

  it('answers to the Korean command names too (/질문, /발언)', async () => {
    expect(await runCommand('질문', { question: '치후360 창립자는 누구야?' }, ctx)).toMatchObject({ command: 'ask', citation: { paragraph: 3 } });
    expect(await runCommand('발언', { speaker: 'ㅇㅇ' }, ctx)).toMatchObject({ command: 'quote', speaker: { name: '인예' } });
  });

  it('reads a question without the chat markup around it (`@everyone`, mentions, emoji, timestamps)', async () => {
    const plain = AskReplySchema.parse(await runCommand('ask', { question: '오픈AI는 소라를 언제 공개했어?' }, ctx));
    expect(plain.citation).not.toBeNull();
    for (const question of ['@everyone 오픈AI는 소라를 언제 공개했어?', '<@123456789012345678> 오픈AI는 <:sora:112233> 소라를 언제 공개했어? @here', '<@&42><#7> 오픈AI는 소라를 언제 공개했어? <t:1708000000:R>']) {
      const reply = AskReplySchema.parse(await runCommand('ask', { question }, ctx));
      expect(reply).toMatchObject({ query: '오픈AI는 소라를 언제 공개했어?', citation: plain.citation, results: plain.results });
    }
    // An address stays: `@` is markup only before everyone or here.
    for (const address of ['help@kbs.co.kr 소라', 'press@here.kr 소라']) {
      expect(AskReplySchema.parse(await runCommand('ask', { question: address }, ctx)).query).toBe(address);
    }
    expect(await runCommand('ask', { question: ' @everyone <@1> ' }, ctx)).toMatchObject({ error: expect.stringContaining('비어 있습니다') });
  });

  it('rejects empty questions with a clear message', async () => {
    expect(await runCommand('ask', { question: '   ' }, ctx)).toMatchObject({ error: expect.stringContaining('비어 있습니다') });
    expect(await runCommand('ask', {}, ctx)).toMatchObject({ error: expect.stringContaining('질문') });
  });
});
