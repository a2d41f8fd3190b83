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
    const reading = new Reading(stats.size);
    for (;;) {
      const chunk = reading.nextBuffer();
      const outcome = reading.keep(chunk, readSync(fd, chunk, 0, chunk.length, null));
      if (outcome) return outcome;
    }
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
    const reading = new Reading(stats.size);
    for (;;) {
      const chunk = reading.nextBuffer();
      const outcome = reading.keep(chunk, (await handle.read(chunk, 0, chunk.length, null)).bytesRead);
      if (outcome) return outcome;
    }
  } catch (error) {
    return failure(error);
  } finally {
    await handle?.close().catch(() => undefined);
  }
}

/** A file read in chunks, the same way by the synchronous and the asynchronous reader. */
class Reading {
  private readonly chunks: Buffer[] = [];
  private total = 0;

  constructor(private readonly size: number) {}

  nextBuffer(): Buffer {
    return Buffer.allocUnsafe(chunkSize(this.size, this.total));
  }

  /** Keeps the `count` bytes just read into `chunk`: the text when the file has ended (a read
   * short of the chunk: a regular file reads short only at its end, so a small file takes one
   * read, not a second to find nothing more), a refusal past the limit, else undefined to read on. */
  keep(chunk: Buffer, count: number): FileRead | undefined {
    if (count > 0) {
      this.total += count;
      if (this.total > maxDealFileBytes) return { ok: false, reason: tooLarge(this.total) };
      this.chunks.push(chunk.subarray(0, count));
    }
    if (count < chunk.length) return { ok: true, text: Buffer.concat(this.chunks, this.total).toString('utf8') };
    return undefined;
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
