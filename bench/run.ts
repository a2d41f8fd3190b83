// `npm run bench`: the deal analysis against JSON (in one process), the language server over
// stdio (editing, every request after a keystroke, how each grows with the file), `deal check`
// on unusual files, and the bundle sizes. Prints the tables and writes bench/results.json.
//   BENCH_QUICK=1 npm run bench   fewer repetitions and smaller unusual files, for checking the benchmark itself
import { execSync, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { benchAnalysis, loadSubject } from './analysis-bench';
import { benchCli } from './cli-bench';
import { benchKeystrokes } from './keystroke-bench';
import { corpora, type Corpus, type Shape, writeWorkspace } from './corpus';
import { benchEditing, benchStartup, benchWorkspace } from './lsp-bench';
import { benchProtocolFloor, bundleAnswersServer } from './protocol-floor';
import { report, type BundleRow, type Results } from './report';
import { benchRequests, type RequestLimits } from './request-bench';
import { unusualFiles } from './unusual-files';

const root = fileURLToPath(new URL('..', import.meta.url));
const quick = !!process.env.BENCH_QUICK;
const sizes = [200, 5_000, 50_000];
/** Repetitions per size: enough for a stable p95 on a shared two-core machine, done in minutes. */
const analysisRuns = quick ? [10, 4, 2] : [100, 30, 8];
const editRuns = quick ? 4 : 30;
/** Keystrokes in one process: at 5,000 lines, at 50,000. */
const keystrokeRuns = quick ? [5, 2] : [30, 8];
const requestRuns = quick ? 5 : 30;
/** Keystrokes per file against the server that does no work. */
const floorRuns = quick ? 5 : 20;
const workspaceFiles = 1_000;
/** One platform deal as long as the portfolio files, for the analysis table. */
const singleDealSizes = [5_000, 50_000];
const singleDealRuns = quick ? [4, 2] : [30, 8];
/** Every request after a keystroke: the main table's sizes (with targets) and the growth
 * series (1×, 2×, 4×, 8× a base), each as a portfolio file and as one single deal. */
const mainSizes = [5_000, 50_000];
const growthSizes = [2_500, 5_000, 10_000, 20_000];
const requestLimits: RequestLimits = quick
  ? { samples: 3, warmup: 1, budgetMs: 5_000, minSamples: 1, slowMs: 2_000, timeoutMs: 20_000 }
  : { samples: 20, warmup: 2, budgetMs: 20_000, minSamples: 5, slowMs: 5_000, timeoutMs: 60_000 };
/** `deal check` on unusual files of this size, and a file with this many syntax errors. */
const unusualBytes = quick ? 2 ** 20 : 5 * 2 ** 20;
const syntaxErrors = quick ? 20_000 : 100_000;
const cliTimeoutMs = 60_000;

/** Milliseconds to fill a megabyte of memory the process has not touched yet, and one it has:
 * on a virtual machine that hands freed memory back to its host the first can cost tens of times
 * the second, and every answer of a megabyte (a long deal's outline, its diagnostics) pays it. */
function memoryFill(): { freshMs: number; reusedMs: number } {
  const megabyte = 1 << 20;
  const median = (fill: () => void) => {
    const times: number[] = [];
    for (let i = 0; i < 15; i++) {
      const start = performance.now();
      fill();
      times.push(performance.now() - start);
    }
    return times.sort((a, b) => a - b)[7];
  };
  const reused = Buffer.allocUnsafeSlow(megabyte);
  return { freshMs: median(() => Buffer.allocUnsafeSlow(megabyte).fill(1)), reusedMs: median(() => reused.fill(1)) };
}

/** Milliseconds for Node to start and exit with nothing to run: the floor under the server's start-up. */
function bareNodeStart(): number {
  const times: number[] = [];
  for (let i = 0; i < 5; i++) {
    const start = performance.now();
    spawnSync(process.execPath, ['-e', '0']);
    times.push(performance.now() - start);
  }
  return times.sort((a, b) => a - b)[2];
}

/** The machine, and its load average (1 minute) when the run began and ended: the figures carry it. */
function machine(loadAtStart: number, fill: { freshMs: number; reusedMs: number }): Results['machine'] {
  let cores: number | string = cpus().length;
  try { cores = Number(execSync('nproc', { encoding: 'utf8' }).trim()); } catch { /* keep os.cpus() */ }
  const cpuInfo = existsSync('/proc/cpuinfo') ? readFileSync('/proc/cpuinfo', 'utf8') : '';
  const cpu = /model name\s*:\s*(.+)/.exec(cpuInfo)?.[1] ?? cpus()[0]?.model ?? 'unknown';
  return {
    cpu, cores, node: process.versions.node, date: new Date().toISOString().slice(0, 10),
    load: `${loadAtStart.toFixed(1)} at the start, ${loadavg()[0].toFixed(1)} at the end`,
    memory: `${(totalmem() / 2 ** 30).toFixed(0)} GB`,
    fill: `a fresh megabyte ${fill.freshMs.toFixed(2)} ms, one in use ${fill.reusedMs.toFixed(2)} ms`,
    nodeStart: Math.round(bareNodeStart()),
  };
}

function bundles(): BundleRow[] {
  const limits: Record<string, number> = { 'extension.js': 300, 'language-server.js': 1024 };
  return ['extension.js', 'server.js', 'language-server.js', 'cli.js'].map((file) => {
    const path = join(root, 'dist', file);
    return { file: `dist/${file}`, kb: statSync(path).size / 1024, sourceMap: existsSync(`${path}.map`), limitKb: limits[file] };
  });
}

/** Each size of the main table and the growth series once, smallest first, in both shapes. */
function requestSizes(): { size: number; shape: Shape }[] {
  const all = [...new Set([...growthSizes, ...mainSizes])].sort((a, b) => a - b);
  return (['portfolio', 'single deal'] as const).flatMap((shape) => all.map((size) => ({ size, shape })));
}

async function main(): Promise<void> {
  const began = Date.now();
  const loadAtStart = loadavg()[0];
  const serverPath = join(root, 'dist', 'server.js');
  if (!existsSync(serverPath)) throw new Error('dist/server.js is missing: run `node esbuild.mjs --production` first');
  const log = (line: string) => process.stderr.write(`${line}\n`);
  log('analysis in one process (each file generated just before it is timed)…');
  // Generating the 50,000-line files leaves the process with a large heap being collected, which
  // slows whatever allocates most (the deal analysis more than the JSON service) in the rows
  // timed after; a server's heap holds its open documents, not a benchmark's.
  const subject = await loadSubject(root);
  const analysis = [];
  const texts: Corpus[] = [];
  for (const [i, size] of sizes.entries()) {
    texts.push(corpora([size])[0]);
    analysis.push(await benchAnalysis(subject, texts[i], analysisRuns[i]));
  }
  const singleDeals: Corpus[] = [];
  for (const [i, size] of singleDealSizes.entries()) {
    singleDeals.push(corpora([size], 'single deal')[0]);
    analysis.push(await benchAnalysis(subject, singleDeals[i], singleDealRuns[i]));
  }

  log('one keystroke in one process…');
  const keystrokes = [...texts, ...singleDeals].filter((c) => mainSizes.includes(c.target ?? 0))
    .map((corpus) => benchKeystrokes(subject, corpus, (corpus.target ?? 0) >= 50_000 ? keystrokeRuns[1] : keystrokeRuns[0]));

  log('language server: start-up…');
  const startup = await benchStartup(serverPath, quick ? 2 : 8);
  log('language server: editing, hover, completion…');
  const editing = await benchEditing(serverPath, texts, editRuns, requestRuns);
  log(`language server: indexing ${workspaceFiles} files…`);
  const folder = join(root, 'out', 'bench', 'workspace');
  writeWorkspace(folder, workspaceFiles);
  const workspace = await benchWorkspace(serverPath, folder, workspaceFiles);

  log('language server: every request after a keystroke, both shapes, growth…');
  const known = [...texts, ...singleDeals];
  const requestCorpora = requestSizes().map(({ size, shape }) => known.find((c) => c.target === size && c.shape === shape) ?? corpora([size], shape)[0]);
  const requestRows = await benchRequests(serverPath, requestCorpora, requestLimits, log);
  log('the protocol\'s share: the same answers from a server that does no work…');
  const floorCorpora = known.filter((c) => mainSizes.includes(c.target ?? 0));
  const protocolFloor = await benchProtocolFloor(serverPath, await bundleAnswersServer(root), floorCorpora, floorRuns, log);
  log('deal check on unusual files…');
  const cli = await benchCli(join(root, 'dist', 'cli.js'), join(root, 'out', 'bench', 'unusual'), unusualFiles(unusualBytes, syntaxErrors), cliTimeoutMs, log);

  const results: Results = {
    machine: machine(loadAtStart, memoryFill()), analysis, keystrokes, startup, editing, workspace, bundles: bundles(),
    requests: { mainSizes, growthSizes, rows: requestRows }, protocolFloor, cli,
    limits: { requestTimeoutMs: requestLimits.timeoutMs, cliTimeoutMs },
    runMinutes: Math.round((Date.now() - began) / 6_000) / 10,
  };
  writeFileSync(join(root, 'bench', 'results.json'), `${JSON.stringify(results, null, 2)}\n`);
  console.log(report(results));
}

main().catch((error) => {
  console.error(error instanceof Error ? error.stack : error);
  process.exitCode = 1;
});
