// The printed tables for what the user does while typing (every request, both shapes of file),
// how each request grows with the file, and `deal check` on unusual files.
import type { CliRow } from './cli-bench';
import { requestKinds, requestLabels, type RequestKind, type RequestRow } from './request-bench';
import { growthExponent, ms, type Summary } from './stats';

export interface RequestResults {
  /** Line counts of the main table (targets apply) and of the growth series (1×, 2×, 4×, 8×). */
  mainSizes: number[];
  growthSizes: number[];
  rows: RequestRow[];
}

/** p95 target for every request: a frame at 5,000 lines, a tenth of a second at 50,000. */
export function requestTargetMs(lines: number): number | undefined {
  return lines >= 40_000 ? 100 : lines >= 4_000 ? 16 : undefined;
}

/** Above this the time grows faster than the file: flagged as superlinear. */
export const superlinearAbove = 1.15;

export const cliTargetMs = 5_000;

const mark = (ok: boolean) => (ok ? ' ✓' : ' ✗');

/** Milliseconds, or seconds once a figure is past a second. */
function time(value: number | undefined): string {
  return value !== undefined && value >= 1000 ? `${(value / 1000).toFixed(value >= 10_000 ? 0 : 1)} s` : ms(value);
}

export function table(head: string[], rows: string[][]): string {
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i])).join(' | ')} |`;
  return [line(head), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...rows.map(line)].join('\n');
}

function cell(row: RequestRow, kind: RequestKind, timeoutMs: number, target?: number): string {
  if (row.timedOut.includes(kind)) return `✗ timeout (> ${time(timeoutMs)})`;
  const s: Summary | undefined = row.times[kind];
  if (!s) return 'n/a';
  const runs = row.slow.includes(kind) ? ` (${s.runs} run${s.runs === 1 ? '' : 's'})` : '';
  return `${time(s.p50)} / ${time(s.p95)}${target === undefined ? '' : mark(s.p95 <= target)}${runs}`;
}

export function requestReport(r: RequestResults, timeoutMs: number): string {
  const out: string[] = [];
  const main = r.mainSizes.flatMap((size) => r.rows.filter((row) => row.target === size));
  out.push('What the user does, over stdio (dist/server.js), p50 / p95 after each keystroke; ✓/✗: p95 against the target in the column head');
  out.push(table(
    ['request', ...main.map((row) => `${row.shape === 'single deal' ? 'one deal' : 'portfolio'}, ${row.lines} lines (≤ ${requestTargetMs(row.lines) ?? '–'} ms)`)],
    requestKinds.map((kind) => [requestLabels[kind], ...main.map((row) => cell(row, kind, timeoutMs, requestTargetMs(row.lines)))]),
  ));
  for (const row of main) {
    out.push(`${row.size}: ${row.lines} lines, ${(row.chars / 1024).toFixed(0)} KB; open → diagnostics ${time(row.openMs)}; `
      + `published ${row.problems.error} errors, ${row.problems.warning} warnings, ${row.problems.info} notes; RSS ${row.rssMb.toFixed(0)} MB`);
  }

  out.push('', `Growth: p50 at 1×, 2×, 4×, 8× the base size, and the exponent (slope of log time against log lines; 1 = linear, ⚠ above ${superlinearAbove})`);
  const rows: string[][] = [];
  for (const shape of ['portfolio', 'single deal'] as const) {
    const series = r.growthSizes.map((size) => r.rows.find((row) => row.target === size && row.shape === shape)).filter((row): row is RequestRow => !!row);
    if (!series.length) continue;
    for (const kind of requestKinds) {
      const exponent = growthOf(series, kind);
      rows.push([
        requestLabels[kind], shape === 'single deal' ? 'one deal' : 'portfolio',
        ...r.growthSizes.map((size) => {
          const row = series.find((s) => s.target === size);
          if (!row) return 'n/a';
          if (row.timedOut.includes(kind)) return '✗ timeout';
          return time(row.times[kind]?.p50);
        }),
        exponent.text,
      ]);
    }
  }
  out.push(table(
    ['request', 'file', ...r.growthSizes.map((size, i) => `${2 ** i}× (${size} lines)`), 'exponent'],
    rows,
  ));
  return out.join('\n');
}

/** The exponent over the sizes measured; a timeout after a measured size can only mean faster growth. */
function growthOf(series: RequestRow[], kind: RequestKind): { value: number; text: string } {
  const points = series.filter((row) => row.times[kind] && !row.timedOut.includes(kind)).map((row) => ({ size: row.lines, ms: row.times[kind]!.p50 }));
  const value = growthExponent(points);
  const timedOut = series.some((row) => row.timedOut.includes(kind));
  if (!Number.isFinite(value)) return { value, text: timedOut ? '✗ timeout' : 'n/a' };
  const flag = value > superlinearAbove || timedOut ? ' ⚠ superlinear' : '';
  return { value, text: `${timedOut ? '≥ ' : ''}${value.toFixed(2)}${flag}` };
}

export function cliReport(rows: CliRow[], timeoutMs: number): string {
  return [
    `deal check (dist/cli.js) on unusual files: wall time (target ≤ ${time(cliTargetMs)}; killed after ${time(timeoutMs)}) and the first line it prints`,
    table(['file', 'size', 'lines', 'wall time', 'exit', 'lines printed', 'first line printed', 'first error or warning'], rows.map((c) => [
      c.what, `${(c.bytes / 2 ** 20).toFixed(1)} MB`, String(c.lines),
      c.timedOut ? `✗ timeout (> ${time(timeoutMs)})` : `${time(c.ms)}${mark(c.ms <= cliTargetMs)}`,
      c.exitCode === null ? '–' : String(c.exitCode), String(c.problems), oneLine(c.firstLine, 90), oneLine(c.firstProblem, 90),
    ])),
  ].join('\n');
}

function oneLine(text: string, max: number): string {
  const flat = text.replace(/\|/g, '\\|');
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat || '(nothing)';
}
