import type { Attachment } from 'discord.js';
import { UserError } from '../errors.ts';
import type { Upload } from '../library/upload.ts';

const DOWNLOAD_TIMEOUT_MS = 10_000;

/** Downloads an uploaded article, refusing it by its declared size first and by its real size after. */
export async function readAttachment(attachment: Attachment, maxBytes: number): Promise<Upload> {
  if (attachment.size > maxBytes) {
    throw new UserError(`'${attachment.name}': 파일이 너무 큽니다 (${attachment.size}바이트, 한도 ${maxBytes}바이트).`);
  }
  const response = await fetch(attachment.url, { signal: AbortSignal.timeout(DOWNLOAD_TIMEOUT_MS) }).catch(() => null);
  if (!response?.ok) throw new UserError(`'${attachment.name}' 파일을 내려받지 못했습니다. 다시 올려 주세요.`);
  const bytes = new Uint8Array(await response.arrayBuffer());
  if (bytes.length > maxBytes) throw new UserError(`'${attachment.name}': 파일이 너무 큽니다 (한도 ${maxBytes}바이트).`);
  return { name: attachment.name, bytes };
}
