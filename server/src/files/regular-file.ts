// Reading a .deal file from disk, safely whatever the path names: only a regular file is read
// (after following symlinks), and only up to 64 MB. A FIFO is never opened (opening one waits
// for a writer), a device such as /dev/zero is never read (it never ends), and a file that grows
// while it is read stops at the limit. The CLI and the workspace index both read through here.
import { constants, fstatSync, openSync, closeSync, readSync, statSync, type Stats } from 'node:fs';
import { open, stat } from 'node:fs/promises';

/** The largest file read: far above any term sheet, far below what would exhaust memory. */
export const maxDealFileBytes = 64 * 1024 * 1024;

export type FileRead =
  | { ok: true; text: string }
  /** `missing`: the file is not there (deleted meanwhile), as opposed to there but not readable. */
  | { ok: false; reason: string; missing?: boolean };

/** Opening without waiting: a FIFO swapped in after the stat still cannot block the open. */
const openFlags = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0);
const chunkBytes = 1024 * 1024;

/** The next read: what the file said it holds, and one byte more to see it end (a file that
 * grows meanwhile is read on in chunks up to the limit), never a megabyte for a small file. */
function chunkSize(size: number, read: number): number {
  return Math.min(chunkBytes, Math.max(4096, size - read + 1));
}

/** Why the path, as stat sees it, is not read; undefined when it is a regular file under the limit. */
export function refusalOf(stats: Stats): string | undefined {
  if (stats.isDirectory()) return 'is a directory, not a .deal file';
  if (!stats.isFile()) return `is not a regular file (${kindOf(stats)})`;
  if (stats.size > maxDealFileBytes) return tooLarge(stats.size);
  return undefined;
}

export function readRegularFileSync(path: string): FileRead {
  let fd: number | undefined;
  try {
    const before = refusalOf(statSync(path));
    if (before) return { ok: false, reason: before };
    fd = openSync(path, openFlags);
    const stats = fstatSync(fd);
    const after = refusalOf(stats);
    if (after) return { ok: false, reason: after };
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const chunk = Buffer.allocUnsafe(chunkSize(stats.size, total));
      const n = readSync(fd, chunk, 0, chunk.length, null);
      if (n === 0) break;
      total += n;
      if (total > maxDealFileBytes) return { ok: false, reason: tooLarge(total) };
      chunks.push(chunk.subarray(0, n));
    }
    return { ok: true, text: Buffer.concat(chunks, total).toString('utf8') };
  } catch (error) {
    return failure(error);
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

export async function readRegularFile(path: string): Promise<FileRead> {
  let handle: Awaited<ReturnType<typeof open>> | undefined;
  try {
    const before = refusalOf(await stat(path));
    if (before) return { ok: false, reason: before };
    handle = await open(path, openFlags);
    const stats = await handle.stat();
    const after = refusalOf(stats);
    if (after) return { ok: false, reason: after };
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const chunk = Buffer.allocUnsafe(chunkSize(stats.size, total));
      const { bytesRead } = await handle.read(chunk, 0, chunk.length, null);
      if (bytesRead === 0) break;
      total += bytesRead;
      if (total > maxDealFileBytes) return { ok: false, reason: tooLarge(total) };
      chunks.push(chunk.subarray(0, bytesRead));
    }
    return { ok: true, text: Buffer.concat(chunks, total).toString('utf8') };
  } catch (error) {
    return failure(error);
  } finally {
    await handle?.close().catch(() => undefined);
  }
}

/** `is 70 MB; the limit is 64 MB`, rounded up so a file just over the limit never reads as 64 MB. */
export function tooLarge(bytes: number): string {
  return `is ${Math.ceil(bytes / (1024 * 1024))} MB; the limit is ${maxDealFileBytes / (1024 * 1024)} MB`;
}

function kindOf(stats: Stats): string {
  if (stats.isFIFO()) return 'a FIFO';
  if (stats.isCharacterDevice() || stats.isBlockDevice()) return 'a device';
  if (stats.isSocket()) return 'a socket';
  return 'not a file';
}

function failure(error: unknown): FileRead {
  const code = (error as NodeJS.ErrnoException)?.code;
  return { ok: false, reason: reasonOf(error), ...(code === 'ENOENT' ? { missing: true } : {}) };
}

/** An operating-system error in plain words. */
export function reasonOf(error: unknown): string {
  const code = (error as NodeJS.ErrnoException)?.code;
  switch (code) {
    case 'ENOENT': return 'no such file';
    case 'EACCES': case 'EPERM': return 'permission denied';
    case 'EISDIR': return 'is a directory, not a .deal file';
    case 'ENAMETOOLONG': return 'the file name is too long';
    case 'ELOOP': return 'is a symlink that loops back on itself';
    default: return `cannot be read (${code ?? (error instanceof Error ? error.message : String(error))})`;
  }
}
