import { execFile, execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';

const MODULE = pathToFileURL(join(import.meta.dirname, '../src/library/compactHeap.ts')).href;

/**
 * A heap left as loading leaves it: a million objects, every other one kept, so each page stays half full. An
 * ordinary full collection keeps those pages (V8 moves objects only off pages nearly empty). Run in a process of
 * its own: vitest's heap would blur the figures, and the flags set are the process's.
 */
const script = (compact: boolean) => `
  import { compactHeap } from ${JSON.stringify(MODULE)};
  import { setFlagsFromString } from 'node:v8';
  import { runInNewContext } from 'node:vm';
  setFlagsFromString('--expose-gc');
  const gc = runInNewContext('gc');
  const heap = () => process.memoryUsage().heapTotal;
  let all = [];
  for (let i = 0; i < 1_000_000; i++) all.push({ a: i, b: 's' + i, c: [i, i + 1] });
  const kept = all.filter((_, i) => i % 2 === 0);
  all = [];
  gc(); gc();
  const before = heap();
  ${compact ? "if (!compactHeap()) throw new Error('gc not available');" : "gc();"}
  const after = heap();
  // A full collection after compacting is an ordinary one again: it leaves the (compact) heap as it is.
  gc();
  console.log(JSON.stringify({ before, after, later: heap(), kept: kept.length }));
`;

function run(compact: boolean): { before: number; after: number; later: number; kept: number } {
  const dir = mkdtempSync(join(tmpdir(), 'gisa-compact-'));
  try {
    const file = join(dir, 'fragmented.mts');
    writeFileSync(file, script(compact));
    return JSON.parse(execFileSync(process.execPath, ['--import', import.meta.resolve('tsx'), file], { encoding: 'utf8' })) as ReturnType<typeof run>;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('compactHeap', () => {
  it('gives back the pages an ordinary collection keeps half full', () => {
    const ordinary = run(false);
    const compacted = run(true);
    expect(ordinary.after).toBeGreaterThan(0.9 * ordinary.before);
    expect(compacted.after).toBeLessThan(0.8 * compacted.before);
    expect(compacted.later).toBeLessThanOrEqual(compacted.after * 1.05);
    expect(compacted.kept).toBe(500_000);
  }, 30_000);
});

/**
 * A young generation grown by a burst of allocations that live a while, as loading grows it, then a quiet spell:
 * only a collection some seconds into the spell lets V8 shrink it, and nothing else runs one. In a process of its
 * own, as above.
 */
const settleScript = (settle: boolean) => `
  import { compactHeap, settleYoungGeneration, youngGenerationBytes } from ${JSON.stringify(MODULE)};
  // Objects that live through a few collections, as a load's do: V8 grows the young generation for them.
  let kept = [];
  for (let i = 0; i < 1_000_000; i++) kept.push({ i, s: [i] });
  const sink = kept.length;
  kept = [];
  const grown = youngGenerationBytes();
  // As the library does after a large load: compact, then settle.
  compactHeap();
  ${settle ? "if (!settleYoungGeneration({ every: 3_000, attempts: 5 })) throw new Error('gc not available');" : ''}
  setTimeout(() => console.log(JSON.stringify({ grown, later: youngGenerationBytes(), sink })), 7_500);
`;

function runAsync(source: string): Promise<{ grown: number; later: number }> {
  const dir = mkdtempSync(join(tmpdir(), 'gisa-young-'));
  const file = join(dir, 'young.mts');
  writeFileSync(file, source);
  return new Promise((resolve, reject) => {
    execFile(process.execPath, ['--import', import.meta.resolve('tsx'), file], { encoding: 'utf8' }, (error, stdout) => {
      rmSync(dir, { recursive: true, force: true });
      if (error) reject(error);
      else resolve(JSON.parse(stdout) as { grown: number; later: number });
    });
  });
}

describe('settleYoungGeneration', () => {
  it('lets V8 give back the young generation a burst grew, once allocation has been quiet for a while', async () => {
    const [left, settled] = await Promise.all([runAsync(settleScript(false)), runAsync(settleScript(true))]);
    const MB = 2 ** 20;
    expect(left.grown).toBeGreaterThan(8 * MB);
    expect(left.later).toBeGreaterThan(8 * MB);
    expect(settled.grown).toBeGreaterThan(8 * MB);
    expect(settled.later).toBeLessThanOrEqual(4 * MB);
  }, 30_000);
});
