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
  /** The first error or warning printed (the first line may be a note), cut at 300 characters. */
  firstProblem: string;
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

async function runCheck(cliPath: string, path: string, timeoutMs: number): Promise<Pick<CliRow, 'ms' | 'timedOut' | 'exitCode' | 'problems' | 'firstLine' | 'firstProblem'>> {
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
  const cut = (line: string) => line.replace(`${path}:`, '').slice(0, 300);
  return { ms, timedOut, exitCode: timedOut ? null : exitCode, problems: out.lines(), firstLine: cut(out.first() || err.first()), firstProblem: cut(out.firstProblem()) };
}

/** Keeps the first line of a stream and its first error or warning, and counts the lines,
 * without holding the whole output (a line is read up to 4 KB; `deal check` lines are short). */
function firstLineReader(): { add(chunk: Buffer): void; first(): string; firstProblem(): string; lines(): number } {
  let first: string | undefined;
  let problem: string | undefined;
  let partial = '';
  let lines = 0;
  const take = (line: string) => {
    lines++;
    first ??= line;
    if (problem === undefined && /:\d+:\d+ (error|warning) /.test(line)) problem = line;
  };
  return {
    add(chunk: Buffer) {
      const text = partial + chunk.toString('utf8');
      let start = 0;
      for (let end = text.indexOf('\n'); end >= 0; start = end + 1, end = text.indexOf('\n', start)) take(text.slice(start, Math.min(end, start + 4096)));
      partial = text.slice(start, start + 4096);
    },
    first: () => first ?? partial,
    firstProblem: () => problem ?? '',
    lines: () => lines + (partial ? 1 : 0),
  };
}
