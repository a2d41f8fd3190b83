// The benchmark's printed tables and the targets each figure is held to.
import type { AnalysisRow } from './analysis-bench';
import type { CliRow } from './cli-bench';
import { keystrokeSteps, type KeystrokeRow } from './keystroke-bench';
import type { EditingRow, StartupTimes, WorkspaceRow } from './lsp-bench';
import type { FloorRow } from './protocol-floor';
import { cliReport, requestReport, requestTargetMs, table, type RequestResults } from './report-requests';
import { requestKinds, requestLabels } from './request-bench';
import { ms, ratio, type Summary } from './stats';

export interface BundleRow { file: string; kb: number; sourceMap: boolean; limitKb?: number }

export interface Results {
  machine: Record<string, string | number>;
  analysis: AnalysisRow[];
  keystrokes: KeystrokeRow[];
  startup: StartupTimes;
  editing: EditingRow[];
  workspace: WorkspaceRow;
  bundles: BundleRow[];
  requests: RequestResults;
  /** The same answers from a server that does no work (protocol-floor.ts). */
  protocolFloor?: FloorRow[];
  cli: CliRow[];
  /** The time limits the run used: a request, and a `deal check`, with no answer by then is given up. */
  limits: { requestTimeoutMs: number; cliTimeoutMs: number };
  /** The whole run, generating the deals included (the bundles' build before it is not). */
  runMinutes: number;
}

const mark = (ok: boolean | undefined) => (ok === undefined ? '' : ok ? ' ✓' : ' ✗');

const p50p95 = (s: Summary | undefined) => (s ? `${ms(s.p50)} / ${ms(s.p95)}` : 'n/a');

export function report(r: Results): string {
  const out: string[] = [];
  out.push(`Machine: ${r.machine.cpu}, ${r.machine.cores} cores, ${r.machine.memory} RAM, Node ${r.machine.node}, ${r.machine.date}; load average ${r.machine.load}; the run took ${r.runMinutes} min`);
  if (r.machine.fill) out.push(`Filling memory: ${r.machine.fill} (an answer of a megabyte pays the first at least twice, writing it and reading it)`);
  out.push('', 'Analysis in one process, p50 / p95 (target: deal analysis ≤ 1.0× the JSON language service)');
  out.push(table(
    ['size', 'deal text', 'JSON export', 'lex + parse', '1. analyse', '2. JSON.parse', '3. JSON service', '1/2', '1/3'],
    r.analysis.map((a) => [
      `${a.lines} lines${a.shape === 'single deal' ? ', one deal' : ''}`, `${(a.dealChars / 1024).toFixed(0)} KB`, `${(a.jsonChars / 1024).toFixed(0)} KB`,
      p50p95(a.lexParse), p50p95(a.analysis), p50p95(a.jsonParse), p50p95(a.jsonService),
      ratio(a.analysis.p50, a.jsonParse.p50), ratio(a.analysis.p50, a.jsonService.p50) + mark(a.ratioToJsonService <= 1),
    ]),
  ));
  out.push('', 'One keystroke in one process: the server\'s own work for the analysis again (with the diagnostics converted) and for each answer after it, p50 / p95; and each answer\'s size as JSON (the editor also waits for it to be written, sent and read)');
  const stepLabels: Record<(typeof keystrokeSteps)[number], string> = {
    edit: 'edit → diagnostics', semanticTokens: 'semantic tokens (full)', folding: 'folding ranges', documentSymbols: 'document symbols',
    codeLens: 'CodeLens', codeLensResolve: 'CodeLens resolve (a scenario\'s)', inlayHints: 'inlay hints (a screen)', hover: 'hover',
  };
  const keystrokeLimit = (k: KeystrokeRow) => (k.lines >= 40_000 ? 100 : 16);
  out.push(table(
    ['request', ...(r.keystrokes ?? []).map((k) => `${k.shape === 'single deal' ? 'one deal' : 'portfolio'}, ${k.lines} lines (≤ ${keystrokeLimit(k)} ms)`)],
    keystrokeSteps.map((step) => [stepLabels[step], ...(r.keystrokes ?? []).map((k) =>
      `${p50p95(k.times[step])}${mark(k.times[step].p95 <= keystrokeLimit(k))} · ${k.answerKb[step]} KB`)]),
  ));
  out.push('', 'Language server over stdio (dist/server.js), p50 / p95');
  out.push(`Ready (spawn → initialize result): ${p50p95(r.startup.later)}${mark(r.startup.later.p95 <= 200)} (target ≤ 200 ms);`
    + ` the first start after installing or updating, before the code cache is written: ${p50p95(r.startup.first)}${mark(r.startup.first.p95 <= 200)}`
    + (r.machine.nodeStart === undefined ? '' : `; Node alone, started with nothing to run: ${r.machine.nodeStart} ms`));
  const editLimit = (lines: number) => (lines >= 40_000 ? 100 : lines >= 4_000 ? 16 : undefined);
  out.push(table(
    ['size', 'open → diagnostics', 'edit → diagnostics', '10-edit burst: last / checks', 'hover', 'completion', 'RSS'],
    r.editing.map((e) => {
      const limit = editLimit(e.lines);
      const small = e.lines >= 4_000 && e.lines < 40_000;
      return [
        `${e.lines} lines`, ms(e.openMs), p50p95(e.edit) + (limit ? mark(e.edit.p95 <= limit) : ''),
        `${ms(e.burst.lastMs)} / ${e.burst.published}`,
        p50p95(e.hover) + (small ? mark(e.hover.p95 <= 5) : ''),
        p50p95(e.completion) + (small && e.completion ? mark(e.completion.p95 <= 5) : ''),
        `${e.rssMb.toFixed(0)} MB`,
      ];
    }),
  ));
  const w = r.workspace;
  out.push(`Workspace of ${w.files} files (${w.deals} deals): indexed in ${ms(w.indexMs)}${mark(w.indexMs <= 2000)} (server's own count ${ms(w.serverMs)}); RSS after ${w.rssMb.toFixed(0)} MB${mark(w.rssMb <= 200)}`);
  out.push('', requestReport(r.requests, r.limits.requestTimeoutMs));
  if (r.protocolFloor?.length) out.push('', floorReport(r.protocolFloor));
  out.push('', cliReport(r.cli, r.limits.cliTimeoutMs));
  out.push('', 'Bundles (minified)');
  out.push(table(['file', 'size', 'source map', 'limit'], r.bundles.map((b) => [
    b.file, `${b.kb.toFixed(0)} KB`, b.sourceMap ? 'beside' : 'missing', b.limitKb ? `${b.limitKb} KB${mark(b.kb <= b.limitKb)}` : '',
  ])));
  return out.join('\n');
}

/** The protocol's share: ✗ where writing, sending and reading the answer alone take longer than
 * the target, so that no server could meet it with that answer. */
function floorReport(rows: FloorRow[]): string {
  const head = 'The protocol\'s share: the same answers after a keystroke from a server that does no work (bench/answers-server.ts), over the same transport, '
    + 'p50 / p95 · the answer as JSON; ✗: above the target before any work';
  return [head, table(
    ['request', ...rows.map((row) => `${row.shape === 'single deal' ? 'one deal' : 'portfolio'}, ${row.lines} lines (≤ ${requestTargetMs(row.lines) ?? '–'} ms)`)],
    requestKinds.map((kind) => [requestLabels[kind], ...rows.map((row) => {
      const s = row.times[kind];
      const target = requestTargetMs(row.lines);
      if (!s) return 'n/a';
      return `${p50p95(s)}${target === undefined ? '' : mark(s.p95 <= target)} · ${row.answerKb[kind] ?? 0} KB`;
    })]),
  )].join('\n');
}
