// Reading the files named on the command line, with the reason in plain words when one cannot
// be read: the CLI never shows a stack trace for a missing file or a directory, never waits on a
// FIFO and never reads a device such as /dev/zero (only regular files, up to 64 MB).
// `-` is standard input, read up to the same limit.
import { fstatSync, readSync } from 'node:fs';
import { maxDealFileBytes, readRegularFileSync, reasonOf, tooLarge } from '../files/regular-file';

export type ReadResult = { ok: true; text: string } | { ok: false; message: string };

export function readDealFile(file: string): ReadResult {
  const read = file === '-' ? readStandardInput() : readRegularFileSync(file);
  return read.ok ? { ok: true, text: withoutBom(read.text) } : { ok: false, message: `${file}: ${read.reason}` };
}

/** Standard input, whatever it is (a pipe, a file, a terminal, /dev/zero), up to the limit. */
function readStandardInput(): { ok: true; text: string } | { ok: false; reason: string } {
  const chunks: Buffer[] = [];
  let total = 0;
  try {
    const stats = fstatSync(0);
    if (stats.isFile() && stats.size > maxDealFileBytes) return { ok: false, reason: tooLarge(stats.size) };
    for (;;) {
      const chunk = Buffer.alloc(1024 * 1024);
      let n: number;
      try {
        n = readSync(0, chunk, 0, chunk.length, null);
      } catch (error) {
        // A non-blocking pipe with nothing in it yet: wait a moment, as a blocking read would.
        if ((error as NodeJS.ErrnoException).code === 'EAGAIN') { Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 10); continue; }
        if ((error as NodeJS.ErrnoException).code === 'EOF') break;
        throw error;
      }
      if (n === 0) break;
      total += n;
      if (total > maxDealFileBytes) return { ok: false, reason: `is more than ${maxDealFileBytes / (1024 * 1024)} MB; the limit is ${maxDealFileBytes / (1024 * 1024)} MB` };
      chunks.push(chunk.subarray(0, n));
    }
  } catch (error) {
    return { ok: false, reason: reasonOf(error) };
  }
  return { ok: true, text: Buffer.concat(chunks, total).toString('utf8') };
}

/** Editors hide a byte-order mark and count columns after it; so does the CLI. */
function withoutBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}
