import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseConfig } from '../src/config.ts';
import { startBot, type RunningBot } from '../src/discord/bot.ts';
import { deployCommands } from '../src/discord/deploy.ts';
import type { Library } from '../src/library/library.ts';
import { createLogger } from '../src/log.ts';
import { fixture, openLibrary, SEED_FILE } from './helpers.ts';
import {
  APP_ID,
  attachmentResolved,
  autocomplete,
  buttonClick,
  chatInput,
  FakeDiscord,
  GUILD_ID,
  MEMBER,
  MODERATOR,
  userResolved,
  type RecordedRequest,
} from './support/fakeDiscord.ts';

interface Body {
  type?: number;
  data?: { flags?: number; choices?: { name: string; value: string }[]; embeds?: Embed[]; content?: string };
  flags?: number;
  content?: string;
  embeds?: Embed[];
  components?: { components: { custom_id?: string; label: string }[] }[];
  allowed_mentions?: { parse?: string[]; users?: string[] };
}
interface Embed {
  title?: string;
  description?: string;
  fields?: { name: string; value: string }[];
}

const STRING = 3;
const BOOLEAN = 5;
const USER = 6;
const ATTACHMENT = 11;
const EPHEMERAL = 64;
const TOKEN = 'MTExMTExMTExMTExMTExMTEx.fake.token-for-loopback-tests';

let fake: FakeDiscord;
let bot: RunningBot;
let library: Library;
let seedsDir: string;

beforeAll(async () => {
  fake = await FakeDiscord.start();
  ({ library, seedsDir } = await openLibrary([SEED_FILE, fixture('yonhap_chip_exports.txt')]));
  const config = parseConfig({ DISCORD_TOKEN: TOKEN, DISCORD_CLIENT_ID: APP_ID, DISCORD_API_URL: fake.apiUrl, LOG_LEVEL: 'silent' });
  bot = await startBot({ config, library, logger: createLogger('silent') });
});

afterAll(async () => {
  await bot?.stop();
  await fake?.stop();
});

const body = (r: RecordedRequest): Body => r.body as Body;

/** Sends an interaction and waits for the bot's final word on it: the edit of a deferred reply, or a direct reply. */
async function interact(payload: Record<string, unknown>) {
  const interaction = fake.dispatchInteraction(payload);
  const final = await fake.waitFor(() =>
    fake.requestsFor(interaction).find(
      (r) =>
        (r.method === 'PATCH' && r.path.endsWith('@original')) ||
        (r.method === 'POST' && r.path.endsWith(`/${interaction.token}`)) ||
        (r.path.endsWith('/callback') && body(r).type !== 5),
    ),
  );
  return { final: body(final), all: fake.requestsFor(interaction).map(body), requests: fake.requestsFor(interaction) };
}

describe('the bot against a loopback Discord', () => {
  it('logged in through DISCORD_API_URL with the token and the Guilds intent', () => {
    expect(fake.identifiedWith).toBe(TOKEN);
    expect(bot.client.guilds.cache.has(GUILD_ID)).toBe(true);
    const gateway = fake.requests.find((r) => r.path === '/api/v10/gateway/bot');
    expect(gateway?.headers.authorization).toBe(`Bot ${TOKEN}`);
  });

  it('/ask defers, then answers with the passage, citation, buttons and mentions disabled', async () => {
    const { final, all } = await interact(chatInput('ask', [{ name: 'question', type: STRING, value: '저우훙이는 소라가 어떤 업계를 흔들 거라고 했어?' }]));
    expect(all[0]).toMatchObject({ type: 5 });
    expect(all[0]?.data?.flags ?? 0).toBe(0);
    const embed = final.embeds![0]!;
    expect(embed.description!.replaceAll('**', '')).toContain('광고와 영화 예고편 업계');
    expect(embed.description).toContain('3문단');
    expect(embed.description).toContain('**저우훙이**');
    expect(embed.fields![0]!.name).toContain('3문단');
    expect(final.allowed_mentions).toEqual({ parse: [] });
    const buttons = final.components![0]!.components.map((c) => c.custom_id);
    expect(buttons).toContain('ask:para:000_747bf3bd7eb8621c:3');
  });

  it('/ask hide:true answers ephemerally, and mention pings only that member', async () => {
    const hidden = await interact(chatInput('ask', [{ name: 'question', type: STRING, value: 'HBM 수요' }, { name: 'hide', type: BOOLEAN, value: true }]));
    expect(hidden.all[0]).toMatchObject({ type: 5, data: { flags: EPHEMERAL } });

    const pinged = await interact(
      chatInput('ask', [{ name: 'question', type: STRING, value: 'HBM 수요' }, { name: 'mention', type: USER, value: MODERATOR.id }], MEMBER, userResolved(MODERATOR)),
    );
    expect(pinged.final.content).toBe(`<@${MODERATOR.id}>`);
    expect(pinged.final.allowed_mentions).toEqual({ parse: [], users: [MODERATOR.id] });
  });

  it('refuses an over-long question at once, privately, without deferring', async () => {
    const { final, all } = await interact(chatInput('ask', [{ name: 'question', type: STRING, value: '소'.repeat(6000) }]));
    expect(all.some((b) => b.type === 5)).toBe(false);
    expect(final).toMatchObject({ type: 4, data: { flags: EPHEMERAL } });
    expect(final.data!.embeds![0]!.description).toContain('너무 깁니다');
  });

  it('says honestly when the article does not answer', async () => {
    const { final } = await interact(chatInput('ask', [{ name: 'question', type: STRING, value: '비트코인 가격은?' }]));
    expect(final.embeds![0]!.description).toContain('찾지 못했습니다');
    expect(final.components ?? []).toEqual([]);
  });

  it('the "full paragraph" button answers from its custom_id alone', async () => {
    const { final } = await interact(buttonClick('ask:para:000_747bf3bd7eb8621c:15'));
    expect(final).toMatchObject({ type: 4, data: { flags: EPHEMERAL } });
    expect(final.data!.embeds![0]!.description).toContain('손오공보다 빠르다');
  });

  it('"more results" pages through the passages, from its custom_id alone', async () => {
    const first = await interact(chatInput('ask', [{ name: 'question', type: STRING, value: '소라' }]));
    expect(first.final.embeds![0]!.fields).toHaveLength(5);
    const more = first.final.components![0]!.components.find((c) => c.custom_id?.startsWith('ask:more'))!;
    expect(more.custom_id).toBe('ask:more:1:-:소라');
    const { final } = await interact(buttonClick(more.custom_id!));
    expect(final).toMatchObject({ type: 4, data: { flags: EPHEMERAL } });
    const fields = final.data!.embeds![0]!.fields!;
    expect(fields[0]!.name).toMatch(/^6\. /);
    const firstPage = first.final.embeds![0]!.fields!.map((f) => f.name.replace(/^\d+\. /, ''));
    expect(fields.some((f) => firstPage.includes(f.name.replace(/^\d+\. /, '')))).toBe(false);
  });

  it('a stale button gets a clear private message', async () => {
    const { final } = await interact(buttonClick('ask:para:gone_article:3'));
    expect(final).toMatchObject({ type: 4, data: { flags: EPHEMERAL } });
    expect(final.data!.embeds![0]!.description).toContain('색인에 없습니다');
  });

  it('/quote autocompletes speakers from 초성 and answers with their quotes', async () => {
    const { final } = await interact(autocomplete('quote', [{ name: 'speaker', type: STRING, value: 'ㅈㅇㅎ', focused: true }]));
    expect(final.type).toBe(8);
    expect(final.data!.choices![0]).toMatchObject({ value: '저우훙이' });
    expect(final.data!.choices!.length).toBeLessThanOrEqual(25);

    const quote = await interact(chatInput('quote', [{ name: 'speaker', type: STRING, value: '저우훙이' }]));
    const embed = quote.final.embeds![0]!;
    expect(embed.title).toBe('저우훙이');
    expect(embed.fields![0]).toMatchObject({ name: '직접 인용 · 3문단' });
    expect(embed.fields!.filter((f) => f.name.startsWith('간접'))).toHaveLength(3);
  });

  it('/article shows metadata with Discord timestamps', async () => {
    const { final } = await interact(chatInput('article', []));
    expect(final.embeds).toHaveLength(2);
    const fields = Object.fromEntries(final.embeds![0]!.fields!.map((f) => [f.name, f.value]));
    expect(fields['매체']).toBe('KBS');
    expect(fields['입력']).toBe(`<t:${Date.parse('2024-02-23T17:22+09:00') / 1000}:F>`);
    expect(fields['발언자']).toContain('저우훙이');
  });

  it('/reindex by a member without permission is refused privately and changes nothing', async () => {
    const before = library.corpus;
    const { final, all } = await interact(chatInput('reindex', []));
    expect(all.some((b) => b.type === 5)).toBe(false);
    expect(final).toMatchObject({ type: 4, data: { flags: EPHEMERAL } });
    expect(final.data!.embeds![0]!.description).toContain('운영진');
    expect(library.corpus).toBe(before);
  });

  it('/reindex by a moderator indexes an uploaded article and reports it', async () => {
    const bytes = new Uint8Array(readFileSync(fixture('daily_market_digital.txt')));
    fake.files.set('market.txt', bytes);
    const resolved = attachmentResolved('999', 'market.txt', bytes.length, `${fake.origin}/files/market.txt`);
    const { final } = await interact(chatInput('reindex', [{ name: 'file', type: ATTACHMENT, value: '999' }], MODERATOR, resolved));
    const embed = final.embeds![0]!;
    expect(embed.title).toContain('색인을 새로 만들었습니다');
    expect(embed.fields!.find((f) => f.name === '추가')?.value).toBe('market.txt');
    expect(embed.description).toContain('기사 3개');

    const ask = await interact(chatInput('ask', [{ name: 'question', type: STRING, value: '배달 주문이 매출에서 차지하는 비중은?' }]));
    expect(ask.final.embeds![0]!.description).toContain('30%');
  });

  it('/reindex with a bad or oversized upload says why, privately, and keeps the index', async () => {
    const served = library.corpus;
    fake.files.set('bad.txt', new Uint8Array([0, 159, 146, 150]));
    const bad = await interact(
      chatInput('reindex', [{ name: 'file', type: ATTACHMENT, value: '901' }], MODERATOR, attachmentResolved('901', 'bad.txt', 4, `${fake.origin}/files/bad.txt`)),
    );
    expect(bad.all[0]).toMatchObject({ type: 5, data: { flags: EPHEMERAL } });
    expect(bad.final.embeds![0]!.description).toContain('읽을 수 없습니다');
    const huge = await interact(
      chatInput('reindex', [{ name: 'file', type: ATTACHMENT, value: '902' }], MODERATOR, attachmentResolved('902', 'huge.txt', 50_000_000, `${fake.origin}/files/huge.txt`)),
    );
    expect(huge.final.embeds![0]!.description).toContain('너무 큽니다');
    expect(library.corpus).toBe(served);
  });

  it('article text with @everyone and markdown never pings and renders as printed', async () => {
    const page = [
      '커뮤니티 공지 소동…"@everyone 호출에 서버 마비"',
      '입력 2025.05.01 (10:00)',
      '',
      '한 게임 커뮤니티 운영자가 @everyone 과 @here 호출을 연달아 보내 회원 수천 명에게 알림이 쏟아졌다.',
      '',
      '운영자는 "**긴급** 공지를 <@123456789012345678> 님께 먼저 알리려다 실수했다"고 해명했다.',
    ].join('\n');
    const bytes = new TextEncoder().encode(page);
    fake.files.set('ping.txt', bytes);
    await interact(
      chatInput('reindex', [{ name: 'file', type: ATTACHMENT, value: '903' }], MODERATOR, attachmentResolved('903', 'ping.txt', bytes.length, `${fake.origin}/files/ping.txt`)),
    );
    const { final } = await interact(chatInput('ask', [{ name: 'question', type: STRING, value: '커뮤니티 운영자가 보낸 호출 알림' }]));
    const text = JSON.stringify(final.embeds);
    expect(text).toContain('운영자');
    expect(text).not.toMatch(/@everyone|@here|<@\d/);
    expect(final.allowed_mentions).toEqual({ parse: [] });
    const quote = await interact(chatInput('quote', [{ name: 'speaker', type: STRING, value: '운영자' }]));
    expect(JSON.stringify(quote.final.embeds)).toContain('\\\\*\\\\*긴급\\\\*\\\\*');
  });

  it('answers questions that arrive while a reindex is running', async () => {
    const newsis = readFileSync(fixture('newsis_summit.txt'));
    for (let i = 0; i < 40; i++) writeFileSync(join(seedsDir, `wire-${i}.txt`), newsis);
    const reindex = interact(chatInput('reindex', [], MODERATOR));
    const questions = ['HBM 수요', '손오공보다 빠르다고 한 사람은?', '치후360 창립자는 누구야?'].map((q) =>
      interact(chatInput('ask', [{ name: 'question', type: STRING, value: q }])),
    );
    const answers = await Promise.all(questions);
    for (const { final } of answers) expect(final.embeds![0]!.description).toMatch(/문단/);
    const report = (await reindex).final.embeds![0]!;
    expect(report.fields!.find((f) => f.name === '추가')?.value).toContain('wire-0.txt');
  });

  it('deploys the same command definitions, with Korean localisations and ManageGuild on /reindex', async () => {
    const config = parseConfig({ DISCORD_TOKEN: TOKEN, DISCORD_CLIENT_ID: APP_ID, DISCORD_GUILD_ID: GUILD_ID, DISCORD_API_URL: fake.apiUrl });
    await deployCommands(config, createLogger('silent'));
    const put = fake.requests.findLast((r) => r.method === 'PUT')!;
    expect(put.path).toBe(`/api/v10/applications/${APP_ID}/guilds/${GUILD_ID}/commands`);
    const commands = put.body as { name: string; description_localizations?: { ko?: string }; default_member_permissions?: string }[];
    expect(commands.map((c) => c.name)).toEqual(['ask', 'quote', 'article', 'reindex']);
    expect(commands.every((c) => c.description_localizations?.ko)).toBe(true);
    expect((commands as { name_localizations?: { ko?: string } }[]).map((c) => c.name_localizations?.ko)).toEqual(['질문', '발언', '기사정보', '재색인']);
    expect(commands.find((c) => c.name === 'reindex')?.default_member_permissions).toBe('32');
  });
});
