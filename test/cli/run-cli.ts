// Runs the built `deal` command (dist/cli.js) as a user would, in a child process.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
export const cliPath = join(repoRoot, 'dist', 'cli.js');
export const examplesDir = join(repoRoot, 'examples');
export const immunogen = join(examplesDir, 'immunogen-biotest-2006.deal');
export const acme = join(examplesDir, 'acme-globex-2024.deal');

export interface CliResult { status: number | null; stdout: string; stderr: string }

export function deal(args: string[], cwd = repoRoot): CliResult {
  const result = spawnSync(process.execPath, [cliPath, ...args], { cwd, encoding: 'utf8' });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** A fresh folder holding the given files; returns its path. */
export function folderWith(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'deal-cli-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

/** A usage error: exit 2, nothing on stdout, one line on stderr and no stack trace. */
export function isUsageError(result: CliResult): boolean {
  const lines = result.stderr.split('\n').filter(Boolean);
  return result.status === 2 && result.stdout === '' && lines.length === 1 && !/\n\s+at /.test(result.stderr) && lines[0].startsWith('deal: ');
}
