import { link, readFile, unlink, writeFile } from 'node:fs/promises';
import { basename, extname, join } from 'node:path';
import { UserError } from '../errors.ts';
import { parseArticle } from '../ingest/article.ts';
import { IngestError } from '../ingest/errors.ts';
import { listSeedFiles, sha256 } from './seeds.ts';

export interface Upload {
  name: string;
  bytes: Uint8Array;
}

export interface SavedUpload {
  file: string;
  notice: string | null;
}

/**
 * `../../etc/passwd`, `기사 1.TXT`, `.hidden` → a plain `.txt` name inside the seeds folder: letters, digits,
 * `._-` only, no leading dot, at most 100 characters.
 */
export function safeSeedName(name: string): string {
  const stem = basename(name.normalize('NFC').replace(/\\/g, '/'), extname(name))
    .replace(/[^\p{L}\p{N}._-]+/gu, '_')
    .replace(/^[._]+/, '')
    .slice(0, 90);
  return `${stem || 'article'}.txt`;
}

/**
 * Saves an uploaded article into the seeds folder, only once it parses. Never overwrites: a different article
 * under a taken name is saved under a new name, and identical content is not saved twice; both are said.
 */
export async function saveUpload(seedsDir: string, upload: Upload, maxBytes: number): Promise<SavedUpload> {
  if (!/\.txt$/i.test(upload.name)) throw new UserError(`'${upload.name}': .txt 기사 파일만 올릴 수 있습니다.`);
  if (upload.bytes.length > maxBytes) {
    throw new UserError(`'${upload.name}': 파일이 너무 큽니다 (${upload.bytes.length}바이트, 한도 ${maxBytes}바이트).`);
  }
  const wanted = safeSeedName(upload.name);
  try {
    parseArticle(wanted, upload.bytes, { maxBytes });
  } catch (error) {
    if (error instanceof IngestError) throw new UserError(`'${upload.name}'을(를) 읽을 수 없습니다: ${error.message}`);
    throw error;
  }
  const hash = sha256(upload.bytes);
  const existing = await listSeedFiles(seedsDir);
  for (const file of existing) {
    const same = sha256(await readFile(join(seedsDir, file))) === hash;
    if (same) return { file, notice: `같은 내용의 기사가 이미 ${file} 로 들어 있어 새로 저장하지 않았습니다.` };
  }
  const file = freeName(wanted, new Set(existing.map((f) => f.toLowerCase())));
  await writeExclusive(join(seedsDir, file), upload.bytes);
  const notice = file === wanted ? null : `${wanted} 이(가) 이미 다른 기사라서 ${file} 로 저장했습니다.`;
  return { file, notice };
}

function freeName(wanted: string, taken: Set<string>): string {
  if (!taken.has(wanted.toLowerCase())) return wanted;
  const stem = wanted.slice(0, -'.txt'.length);
  for (let i = 2; ; i++) {
    const candidate = `${stem}-${i}.txt`;
    if (!taken.has(candidate.toLowerCase())) return candidate;
  }
}

/** Writes beside the target, then links it into place: the link fails rather than replace an existing file. */
async function writeExclusive(target: string, bytes: Uint8Array): Promise<void> {
  const temp = join(target, '..', `.upload-${process.pid}-${Date.now()}.tmp`);
  await writeFile(temp, bytes);
  try {
    await link(temp, target);
  } finally {
    await unlink(temp);
  }
}
