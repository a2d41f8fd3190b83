// `deal check` (dist/cli.js) on the unusual files: wall time from spawn to exit, and the first
// line the user reads. A run over the time limit is killed and reported as a timeout, so the
// benchmark itself never hangs.
import { spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { lineCount } from './corpus';
import { now, round } from './stats';
import type { UnusualFile } from './unusual-files';

export interface CliRow {
  file: string;
  what: string;
  bytes: number;
  lines: number;
  /** Wall time of `deal check FILE`, spawn to exit (or to the kill). */
  ms: number;
  timedOut: boolean;
  exitCode: number | null;
  /** Lines printed on stdout: one per problem. */
  problems: number;
  /** The first line printed (stdout, else stderr), cut at 300 characters. */
  firstLine: string;
}

export async function benchCli(cliPath: string, folder: string, files: UnusualFile[], timeoutMs: number, log = (_: string) => {}): Promise<CliRow[]> {
  mkdirSync(folder, { recursive: true });
  const rows: CliRow[] = [];
  for (const file of files) {
    const path = join(folder, `${file.name}.deal`);
    writeFileSync(path, file.text);
    log(`  ${file.what}`);
    const run = await runCheck(cliPath, path, timeoutMs);
    rows.push({ file: `${file.name}.deal`, what: file.what, bytes: Buffer.byteLength(file.text), lines: lineCount(file.text), ...run });
  }
  return rows;
}

async function runCheck(cliPath: string, path: string, timeoutMs: number): Promise<Pick<CliRow, 'ms' | 'timedOut' | 'exitCode' | 'problems' | 'firstLine'>> {
  const start = now();
  const child = spawn(process.execPath, [cliPath, 'check', path], { stdio: ['ignore', 'pipe', 'pipe'] });
  const out = firstLineReader();
  const err = firstLineReader();
  child.stdout.on('data', out.add);
  child.stderr.on('data', err.add);
  let timedOut = false;
  const timer = setTimeout(() => { timedOut = true; child.kill('SIGKILL'); }, timeoutMs);
  const exitCode = await new Promise<number | null>((resolve) => child.once('close', (code) => resolve(code)));
  clearTimeout(timer);
  const ms = round(now() - start, 0);
  const firstLine = (out.first() || err.first()).replace(`${path}:`, '').slice(0, 300);
  return { ms, timedOut, exitCode: timedOut ? null : exitCode, problems: out.lines(), firstLine };
}

/** Keeps the first line of a stream and counts the rest, without holding the whole output. */
function firstLineReader(): { add(chunk: Buffer): void; first(): string; lines(): number } {
  let head = '';
  let done = false;
  let newlines = 0;
  let trailing = false;
  return {
    add(chunk: Buffer) {
      const text = chunk.toString('utf8');
      if (!done) {
        head += text.slice(0, 4096);
        const end = head.indexOf('\n');
        if (end >= 0) { head = head.slice(0, end); done = true; } else if (head.length >= 4096) done = true;
      }
      for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) newlines++;
      trailing = text.length > 0 && !text.endsWith('\n');
    },
    first: () => head,
    lines: () => newlines + (trailing ? 1 : 0),
  };
}
