import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCommand } from '../commands/index.ts';
import { quoteCommand } from '../commands/quote.ts';
import type { CommandContext } from '../src/command.ts';
import type { QuoteReply } from '../src/replies.ts';
import { fixture, openLibrary, SEED_FILE } from './helpers.ts';

const { library } = await openLibrary([SEED_FILE, fixture('yonhap_chip_exports.txt'), fixture('newsis_summit.txt')]);
const ctx: CommandContext = { corpus: library.corpus, actor: { id: '1', name: 'tester', isModerator: false }, library };

const quote = async (speaker: string, article?: string) => (await runCommand('quote', { speaker, article }, ctx)) as QuoteReply;

describe('/quote lookup', () => {
  it.each([
    ['저우훙이', '저우훙이'],
    ['저우', '저우훙이'],
    ['저우훙이는', '저우훙이'],
    ['ㅈㅇㅎㅇ', '저우훙이'],
    ['치후360', '저우훙이'],
    ['BGI', '인예'],
    ['블로거', 'AI 정신병원'],
    ['정신병원', 'AI 정신병원'],
    ['김정은', '김정은'],
    ['박 상무', '박지현'],
  ])('%s → %s', async (typed, name) => {
    expect((await quote(typed)).speaker?.name).toBe(name);
  });

  it('lists direct and reported statements in article order with their paragraphs', async () => {
    const reply = await quote('저우훙이');
    expect(reply.quotes.map((q) => [q.kind, q.paragraph])).toEqual([
      ['direct', 3],
      ['indirect', 4],
      ['indirect', 5],
      ['indirect', 6],
    ]);
    expect(reply.speaker?.description).toBe('중국 인터넷 보안 기업 치후360 창립자');
    expect(reply.quotes[0]).toMatchObject({ article: '000_747bf3bd7eb8621c', text: '소라가 광고와 영화 예고편 업계를 완전히 흔들 것' });
  });

  it('answers an unknown name, or someone only mentioned inside a quote, with no quotes and suggestions', async () => {
    const reply = await quote('손오공');
    expect(reply.speaker).toBeNull();
    expect(reply.quotes).toEqual([]);
    expect(reply.suggestions.length).toBeGreaterThan(0);
    expect((await quote('저우홍이')).speaker?.name ?? (await quote('저우홍이')).suggestions[0]).toBe('저우훙이');
  });

  it('limits to one article when asked', async () => {
    const reply = await quote('관계자', 'yonhap_chip_exports');
    expect(reply.speaker?.name).toBe('산업통상자원부 관계자');
    expect((await quote('저우훙이', 'yonhap_chip_exports')).speaker).toBeNull();
  });
});

describe('/quote autocomplete', () => {
  const complete = (value: string) => quoteCommand.autocomplete!(ctx, 'speaker', value);

  it('ranks exact, prefix and 초성 matches first and returns stable ids', () => {
    expect(complete('ㅈㅇ')[0]).toEqual({ name: expect.stringMatching(/^저우훙이 — /), value: '저우훙이' });
    expect(complete('인')[0]!.value).toBe('인예');
    expect(complete('치후')[0]!.value).toBe('저우훙이');
  });

  it('offers every speaker for empty input', () => {
    expect(complete('').map((c) => c.value).sort()).toEqual(ctx.corpus.speakers.map((e) => e.speaker.id).sort());
  });

  it('caps choices at 25, each at most 100 characters, when 30 people with long titles match', async () => {
    const syllables = [...'가나다라마바사아자차카타파하거너더러머버서어저처커터퍼허고노'];
    const longOrg = '대한민국 미래 지속가능 첨단 산업 기술 혁신 연구 개발 협력 진흥 재단 법인'.repeat(2);
    const page = [
      '서른 명의 대표들이 말하다',
      '입력 2025.01.01 (09:00)',
      '',
      ...syllables.map((s, i) => `${longOrg}${i} 대표 김민${s}은 "올해 실적이 좋아질 것"이라고 말했다.\n`),
    ].join('\n');
    const dir = mkdtempSync(join(tmpdir(), 'gisa-30-'));
    writeFileSync(join(dir, 'thirty.txt'), page);
    const many = await openLibrary([join(dir, 'thirty.txt')]);
    const choices = quoteCommand.autocomplete!({ ...ctx, corpus: many.library.corpus, library: many.library }, 'speaker', '김민');
    expect(many.library.corpus.speakers.length).toBe(30);
    expect(choices).toHaveLength(25);
    for (const choice of choices) {
      expect(choice.name.length).toBeLessThanOrEqual(100);
      expect(choice.value.length).toBeLessThanOrEqual(100);
    }
  });

  it('accepts the choice value back as the speaker option', async () => {
    const [first] = complete('블로');
    expect((await quote(first!.value)).speaker?.name).toBe('AI 정신병원');
  });
});
