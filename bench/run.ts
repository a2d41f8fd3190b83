// `npm run bench`: the deal analysis against JSON (in one process), the language server over
// stdio, and the bundle sizes. Prints the tables and writes bench/results.json.
//   BENCH_QUICK=1 npm run bench   fewer repetitions, for checking the benchmark itself
import { execSync } from 'node:child_process';
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { benchAnalysis, loadSubject } from './analysis-bench';
import { corpora, writeWorkspace } from './corpus';
import { benchEditing, benchStartup, benchWorkspace } from './lsp-bench';
import { report, type BundleRow, type Results } from './report';

const root = fileURLToPath(new URL('..', import.meta.url));
const quick = !!process.env.BENCH_QUICK;
const sizes = [200, 5_000, 50_000];
/** Repetitions per size: enough for a stable p95 on a shared two-core machine, done in minutes. */
const analysisRuns = quick ? [10, 4, 2] : [100, 30, 8];
const editRuns = quick ? 4 : 30;
const requestRuns = quick ? 5 : 30;
const workspaceFiles = 1_000;

function machine(): Results['machine'] {
  let cores: number | string = cpus().length;
  try { cores = Number(execSync('nproc', { encoding: 'utf8' }).trim()); } catch { /* keep os.cpus() */ }
  const cpuInfo = existsSync('/proc/cpuinfo') ? readFileSync('/proc/cpuinfo', 'utf8') : '';
  const cpu = /model name\s*:\s*(.+)/.exec(cpuInfo)?.[1] ?? cpus()[0]?.model ?? 'unknown';
  return { cpu, cores, memory: `${(totalmem() / 2 ** 30).toFixed(0)} GB`, node: process.versions.node, date: new Date().toISOString().slice(0, 10) };
}

function bundles(): BundleRow[] {
  const limits: Record<string, number> = { 'extension.js': 300, 'server.js': 1024 };
  return ['extension.js', 'server.js', 'cli.js'].map((file) => {
    const path = join(root, 'dist', file);
    return { file: `dist/${file}`, kb: statSync(path).size / 1024, sourceMap: existsSync(`${path}.map`), limitKb: limits[file] };
  });
}

async function main(): Promise<void> {
  const serverPath = join(root, 'dist', 'server.js');
  if (!existsSync(serverPath)) throw new Error('dist/server.js is missing: run `node esbuild.mjs --production` first');
  const texts = corpora(sizes);
  const log = (line: string) => process.stderr.write(`${line}\n`);

  log('analysis in one process…');
  const subject = await loadSubject(root);
  const analysis = [];
  for (const [i, corpus] of texts.entries()) analysis.push(await benchAnalysis(subject, corpus, analysisRuns[i]));

  log('language server: start-up…');
  const startup = await benchStartup(serverPath, quick ? 2 : 8);
  log('language server: editing, hover, completion…');
  const editing = await benchEditing(serverPath, texts, editRuns, requestRuns);
  log(`language server: indexing ${workspaceFiles} files…`);
  const folder = join(root, 'out', 'bench', 'workspace');
  writeWorkspace(folder, workspaceFiles);
  const workspace = await benchWorkspace(serverPath, folder, workspaceFiles);

  const results: Results = { machine: machine(), analysis, startup, editing, workspace, bundles: bundles() };
  writeFileSync(join(root, 'bench', 'results.json'), `${JSON.stringify(results, null, 2)}\n`);
  console.log(report(results));
}

main().catch((error) => {
  console.error(error instanceof Error ? error.stack : error);
  process.exitCode = 1;
});
