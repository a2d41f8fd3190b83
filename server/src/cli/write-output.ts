// Writing `deal render --out FILE` without ever losing a term sheet: never onto a .deal file or
// onto the file being rendered (by name, through a symlink, or as a hard link to it), and
// through a temporary file in the same folder renamed into place, so a failed write leaves no
// half file and an existing output untouched. Devices and FIFOs (/dev/null, a pipe) are
// written to directly: they cannot be replaced, only written.
import { randomBytes } from 'node:crypto';
import {
  chmodSync, fstatSync, lstatSync, mkdirSync, readlinkSync, realpathSync, renameSync, statSync, unlinkSync, writeFileSync, type Stats,
} from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { UsageError } from './args';
import { reasonOf } from '../files/regular-file';

/** How the text reaches the disk; a test may pass one that fails halfway. */
export type WriteFile = (path: string, text: string, options: { flag: string; mode?: number }) => void;

/** Writes `text` to `out`, refusing (a UsageError, one line) to write over a .deal file or an input. */
export function writeOutput(out: string, text: string, inputs: readonly string[], write: WriteFile = writeFileSync): void {
  const existing = statOrUndefined(out);
  const target = existing ? realpathOrUndefined(out) ?? resolve(out) : finalTarget(out);
  const why = refusal(out, target, existing, inputs);
  if (why) throw new UsageError(why);
  try {
    // /dev/null, /dev/stdout, a FIFO: written as they are, by the name given.
    if (existing && !existing.isFile()) { write(out, text, { flag: 'w' }); return; }
    mkdirSync(dirname(target), { recursive: true });
    replaceFile(target, text, existing, write);
  } catch (error) {
    throw new UsageError(`${out}: cannot be written (${(error as NodeJS.ErrnoException)?.code ?? reasonOf(error)})`);
  }
}

function refusal(out: string, target: string, existing: Stats | undefined, inputs: readonly string[]): string | undefined {
  const advice = 'give --out another name';
  const termSheet = 'deal render never writes over a term sheet';
  if (isDealName(out)) return `${out}: is a .deal file, and ${termSheet}: ${advice}`;
  if (isDealName(target)) return `${out}: leads to the .deal file ${target}, and ${termSheet}: ${advice}`;
  if (existing?.isDirectory()) return `${out}: is a directory: give --out a file name`;
  if (!existing) return undefined;
  for (const input of inputs) {
    const stats = input === '-' ? fstatOrUndefined(0) : statOrUndefined(input);
    if (stats && stats.isFile() && stats.dev === existing.dev && stats.ino === existing.ino) {
      const name = input === '-' ? 'the standard input' : input;
      return `${out}: is ${name}, the file being rendered, and deal render never writes over its input: ${advice}`;
    }
  }
  return undefined;
}

/** The temporary file beside the target, renamed over it once complete. */
function replaceFile(target: string, text: string, existing: Stats | undefined, write: WriteFile): void {
  const temporary = join(dirname(target), `.${basename(target)}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    write(temporary, text, { flag: 'wx', mode: 0o666 });
  } catch (error) {
    // EEXIST: the name was someone else's file, never ours to remove.
    if ((error as NodeJS.ErrnoException)?.code !== 'EEXIST') removeQuietly(temporary);
    throw error;
  }
  try {
    if (existing) chmodSync(temporary, existing.mode & 0o7777);
    renameSync(temporary, target);
  } catch (error) {
    removeQuietly(temporary);
    throw error;
  }
}

function removeQuietly(path: string): void {
  try {
    unlinkSync(path);
  } catch {
    // never created, or already gone
  }
}

/** Where a name that does not exist yet leads: itself, or through a dangling symlink, its target. */
function finalTarget(out: string): string {
  let path = resolve(out);
  for (let hops = 0; hops < 40; hops++) {
    let link: Stats;
    try {
      link = lstatSync(path);
    } catch {
      return path;
    }
    if (!link.isSymbolicLink()) return path;
    const folder = dirname(path);
    path = resolve(realpathOrUndefined(folder) ?? folder, readlinkSync(path));
  }
  throw new UsageError(`${out}: is a symlink that loops back on itself`);
}

function realpathOrUndefined(path: string): string | undefined {
  try {
    return realpathSync(path);
  } catch {
    return undefined;
  }
}

function isDealName(path: string): boolean {
  return /\.deal$/i.test(path);
}

function statOrUndefined(path: string): Stats | undefined {
  try {
    return statSync(path);
  } catch {
    return undefined;
  }
}

function fstatOrUndefined(fd: number): Stats | undefined {
  try {
    return fstatSync(fd);
  } catch {
    return undefined;
  }
}
