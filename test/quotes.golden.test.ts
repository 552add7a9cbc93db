import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { Article } from '../src/ingest/article.ts';
import { loadFixture, loadSeed, REPO } from './helpers.ts';

const GoldQuote = z.object({ speaker: z.string(), kind: z.enum(['direct', 'indirect']), paragraph: z.number(), text: z.string() });
const gold = z.record(z.string(), z.array(GoldQuote)).parse(JSON.parse(readFileSync(join(REPO, 'test/golden/quotes.json'), 'utf8')));

const articles: Article[] = [
  loadSeed(),
  loadFixture('yonhap_chip_exports.txt'),
  loadFixture('daily_market_digital.txt'),
  loadFixture('newsis_summit.txt'),
  loadFixture('hankyung_ai_chips.txt'),
  loadFixture('naver_jeonse.txt'),
];

/** An extracted quote matches a gold one when speaker, kind and paragraph agree and the text starts the same. */
function matches(q: Article['quotes'][number], g: z.infer<typeof GoldQuote>): boolean {
  return q.speaker === g.speaker && q.kind === g.kind && q.paragraph === g.paragraph && q.text.startsWith(g.text);
}

describe.each(articles.map((a) => [a.id, a] as const))('quote attribution in %s', (id, article) => {
  const expected = gold[id]!;

  it('has full precision: every extracted quote is in the gold file, with the right speaker', () => {
    const wrong = article.quotes.filter((q) => !expected.some((g) => matches(q, g)));
    expect(wrong).toEqual([]);
  });

  it('has full recall: every gold quote is extracted', () => {
    const missed = expected.filter((g) => !article.quotes.some((q) => matches(q, g)));
    expect(missed).toEqual([]);
  });
});

describe('the seed', () => {
  const seed = articles[0]!;
  const speaker = (name: string) => seed.speakers.find((s) => s.name === name);

  it('has the 7 direct quotes of the brief: 저우훙이 1, 인예 3, AI 정신병원 2, 오픈AI 1', () => {
    const direct = seed.quotes.filter((q) => q.kind === 'direct');
    const count = (name: string) => direct.filter((q) => q.speaker === name).length;
    expect(direct).toHaveLength(7);
    expect([count('저우훙이'), count('인예'), count('AI 정신병원'), count('오픈AI')]).toEqual([1, 3, 2, 1]);
  });

  it('splits speakers into name, title and organisation', () => {
    expect(speaker('저우훙이')).toMatchObject({ title: '창립자', organization: '치후360' });
    expect(speaker('인예')).toMatchObject({ title: 'CEO', organization: 'BGI 화다지인' });
    expect(speaker('AI 정신병원')).toMatchObject({ title: '블로거' });
  });

  it('takes no emphasised term, prompt or person mentioned inside a quote for a speaker', () => {
    const texts = seed.quotes.map((q) => q.text);
    for (const notSpeech of ['서유기', '비밀 병기', '뉴턴 모먼트', '검은 가죽 재킷']) {
      expect(texts.some((t) => t.startsWith(notSpeech))).toBe(false);
    }
    expect(seed.speakers.map((s) => s.name)).not.toContain('손오공');
  });
});

it('keeps 관계자 unnamed and 김정은 whole', () => {
  const [, yonhap, , newsis] = articles;
  expect(yonhap!.speakers.find((s) => s.id === '산업통상자원부 관계자')).toMatchObject({ named: false, organization: '산업통상자원부' });
  expect(newsis!.speakers.find((s) => s.name === '김정은')).toMatchObject({ title: '위원장', named: true });
});
