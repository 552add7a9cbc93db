import type { FileHandle } from 'node:fs/promises';

/** Fills `into` from `position` of a file; false when the file ends first. */
export async function readExactly(file: FileHandle, into: Uint8Array, position: number): Promise<boolean> {
  let done = 0;
  while (done < into.length) {
    const { bytesRead } = await file.read(into, done, into.length - done, position + done);
    if (bytesRead === 0) return false;
    done += bytesRead;
  }
  return true;
}
