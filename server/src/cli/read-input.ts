// Reading the files named on the command line, with the reason in plain words when one cannot
// be read: the CLI never shows a stack trace for a missing file or a directory.
import { readFileSync, statSync } from 'node:fs';

export type ReadResult = { ok: true; text: string } | { ok: false; message: string };

export function readDealFile(file: string): ReadResult {
  try {
    if (file === '-') return { ok: true, text: withoutBom(readFileSync(0, 'utf8')) };
    if (statSync(file).isDirectory()) return { ok: false, message: `${file}: is a directory, not a .deal file` };
    return { ok: true, text: withoutBom(readFileSync(file, 'utf8')) };
  } catch (error) {
    return { ok: false, message: `${file}: ${reason(error)}` };
  }
}

/** Editors hide a byte-order mark and count columns after it; so does the CLI. */
function withoutBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

function reason(error: unknown): string {
  const code = (error as NodeJS.ErrnoException)?.code;
  switch (code) {
    case 'ENOENT': return 'no such file';
    case 'EACCES': case 'EPERM': return 'permission denied';
    case 'EISDIR': return 'is a directory, not a .deal file';
    case 'ENAMETOOLONG': return 'the file name is too long';
    default: return `cannot be read (${code ?? (error instanceof Error ? error.message : String(error))})`;
  }
}
