import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { REPO } from './helpers.ts';
import { APP_ID, chatInput, FakeDiscord } from './support/fakeDiscord.ts';

const TOKEN = 'MTExMTExMTExMTExMTExMTEx.secret.do-not-log-me';
let fake: FakeDiscord;

beforeAll(async () => {
  fake = await FakeDiscord.start();
});
afterAll(async () => {
  await fake.stop();
});

it('npm start with a token runs the bot, answers, never logs the token, and exits cleanly on SIGTERM', async () => {
  const child = spawn(process.execPath, ['--import', import.meta.resolve('tsx'), join(REPO, 'src/main.ts')], {
    cwd: mkdtempSync(join(tmpdir(), 'gisa-main-')),
    env: {
      PATH: process.env.PATH ?? '',
      DISCORD_TOKEN: TOKEN,
      DISCORD_CLIENT_ID: APP_ID,
      DISCORD_API_URL: fake.apiUrl,
      SEEDS_DIR: join(REPO, 'seeds'),
      DATA_DIR: mkdtempSync(join(tmpdir(), 'gisa-data-')),
      LOG_LEVEL: 'debug',
    },
  });
  let logs = '';
  child.stdout.on('data', (d: Buffer) => (logs += d.toString()));
  child.stderr.on('data', (d: Buffer) => (logs += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('close', resolve));

  await fake.waitFor(() => (logs.includes('bot ready') ? true : undefined), 15_000);
  const interaction = fake.dispatchInteraction(chatInput('ask', [{ name: 'question', type: 3, value: '치후360 창립자는 누구야?' }]));
  const edit = await fake.waitFor(() => fake.requestsFor(interaction).find((r) => r.method === 'PATCH'));
  expect(JSON.stringify(edit.body)).toContain('저우훙이');

  child.kill('SIGTERM');
  expect(await exited).toBe(0);
  expect(logs).toContain('shutting down');
  expect(logs).not.toContain(TOKEN);
  expect(logs).not.toContain('do-not-log-me');
});
