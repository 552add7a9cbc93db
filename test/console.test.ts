import { spawn } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SNAPSHOT_FILE } from '../src/library/snapshot.ts';
import { ArticleReplySchema, AskReplySchema, ReindexReplySchema, ReplySchema } from '../src/replies.ts';
import { FIXTURES, REPO, SEED_FILE } from './helpers.ts';

/** Runs `npm start`'s entry point for real, feeding lines on stdin. */
function runConsole(lines: string[], env: Record<string, string>, args: string[] = ['--json'], keepInputOpen = false) {
  return new Promise<{ stdout: string; stderr: string; code: number | null }>((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', import.meta.resolve('tsx'), join(REPO, 'src/main.ts'), ...args], {
      cwd: mkdtempSync(join(tmpdir(), 'gisa-cwd-')),
      env: { PATH: process.env.PATH ?? '', LOG_LEVEL: 'warn', ...env },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ stdout, stderr, code }));
    // Left open, as a terminal leaves it: the process must then end on its own (or the test times out).
    if (keepInputOpen) child.stdin.write(`${lines.join('\n')}\n`);
    else child.stdin.end(lines.join('\n'));
  });
}

function seedsDir(...files: string[]): string {
  const dir = mkdtempSync(join(tmpdir(), 'gisa-seeds-'));
  for (const f of files) copyFileSync(f, join(dir, f.split('/').at(-1)!));
  return dir;
}

describe('the local console (npm start without a token)', () => {
  it('prints one valid JSON reply per input line and keeps going after bad lines', async () => {
    const dir = seedsDir(SEED_FILE, join(FIXTURES, 'yonhap_chip_exports.txt'));
    const long = '가'.repeat(6000);
    const { stdout, code } = await runConsole(
      ['/ask 저우훙이는 소라가 어떤 업계를 흔들 거라고 했어?', '/article', '', '/nope', `/ask ${long}`, '/ask 비트코인 가격은?', 'HBM 수요가 늘었어?'],
      { SEEDS_DIR: dir, DATA_DIR: join(dir, '.data') },
    );
    expect(code).toBe(0);
    const replies = stdout.trim().split('\n').map((l) => ReplySchema.parse(JSON.parse(l)));
    expect(replies).toHaveLength(7);
    const [ask, article, empty, unknown, tooLong, outOfScope, plain] = replies;
    expect(ask).toMatchObject({ command: 'ask', citation: { article: '000_747bf3bd7eb8621c', paragraph: 3 } });
    expect(AskReplySchema.parse(ask).results[0]).toMatchObject({ paragraph: 3, text: expect.stringContaining('광고와 영화 예고편 업계') });
    expect(article).toMatchObject({ command: 'article' });
    expect(ArticleReplySchema.parse(article).articles.map((a) => a.outlet)).toEqual(['KBS', '연합뉴스']);
    expect(empty).toMatchObject({ error: expect.stringContaining('빈 입력') });
    expect(unknown).toMatchObject({ command: 'nope', error: expect.stringContaining('/ask') });
    expect(tooLong).toMatchObject({ command: 'ask', error: expect.stringContaining('6000자') });
    expect(outOfScope).toMatchObject({ command: 'ask', answer: null, results: [] });
    expect(AskReplySchema.parse(outOfScope).suggestions.length).toBeGreaterThan(0);
    expect(plain).toMatchObject({ command: 'ask', citation: { article: 'yonhap_chip_exports', paragraph: 2 } });
  });

  it('stops at exit or /quit, as people leave a prompt, without asking the article about it', async () => {
    const dir = seedsDir(SEED_FILE);
    const env = { SEEDS_DIR: dir, DATA_DIR: join(dir, '.data') };
    const { stdout, code } = await runConsole(['/ask 소라는 누가 만들었어?', 'exit', '/ask 틱톡은 어떻게 돼?'], env, ['--json'], true);
    expect(code).toBe(0);
    expect(stdout.trim().split('\n').map((l) => ReplySchema.parse(JSON.parse(l)).command)).toEqual(['ask']);
  });

  it('prints readable text by default and reports a bad seed on stderr without losing the good one', async () => {
    const dir = seedsDir(SEED_FILE);
    writeFileSync(join(dir, 'broken.txt'), Buffer.from([0x00, 0x01, 0xff, 0xfe, 0x00]));
    const { stdout, stderr, code } = await runConsole(['/ask 손오공보다 빠르다고 한 사람은?'], { SEEDS_DIR: dir }, []);
    expect(code).toBe(0);
    expect(stdout).toContain('답: 이 블로거는 "속도가 그야말로 (서유기의 주인공) 손오공보다 빠르다"고 너스레를 떨었습니다.');
    expect(stdout).toContain('15문단');
    expect(stderr).toContain('broken.txt');
  });

  it('runs /reindex as the local moderator, honouring SEEDS_DIR and DATA_DIR', async () => {
    const dir = seedsDir(SEED_FILE);
    const dataDir = join(dir, '..', `data-${Date.now()}`);
    writeFileSync(join(dir, 'bad.txt'), '');
    const { stdout, code } = await runConsole(
      ['/reindex', `/reindex ${join(FIXTURES, 'daily_market_digital.txt')}`, '/ask 배달 주문이 매출에서 차지하는 비중은?', '/reindex /no/such/file.txt'],
      { SEEDS_DIR: dir, DATA_DIR: dataDir },
    );
    expect(code).toBe(0);
    const [plain, upload, ask, missing] = stdout.trim().split('\n').map((l) => ReplySchema.parse(JSON.parse(l)));
    expect(ReindexReplySchema.parse(plain)).toMatchObject({ ok: true, articles: 1, added: [], unchanged: ['000_747bf3bd7eb8621c.txt'], errors: [{ file: 'bad.txt' }] });
    expect(ReindexReplySchema.parse(upload)).toMatchObject({ ok: true, articles: 2, added: ['daily_market_digital.txt'], saved: 'daily_market_digital.txt' });
    expect(AskReplySchema.parse(ask).results[0]).toMatchObject({ article: 'daily_market_digital', paragraph: 3 });
    expect(missing).toMatchObject({ command: 'reindex', error: expect.stringContaining('/no/such/file.txt') });
    expect(existsSync(join(dataDir, SNAPSHOT_FILE))).toBe(true);
  });

  it('names the bad variable when the configuration is wrong', async () => {
    const { stderr, code } = await runConsole([], { DISCORD_GUILD_ID: 'not-an-id', LOG_LEVEL: 'loud' });
    expect(code).toBe(1);
    expect(stderr).toContain('DISCORD_GUILD_ID');
    expect(stderr).toContain('LOG_LEVEL');
  });
});
