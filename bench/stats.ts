// Timing helpers: repeated runs summarised as median and 95th percentile, in milliseconds.

export interface Summary { runs: number; p50: number; p95: number; min: number; max: number }

export function summarise(samples: number[]): Summary {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] ?? NaN;
  return { runs: sorted.length, p50: round(at(0.5)), p95: round(at(0.95)), min: round(sorted[0] ?? NaN), max: round(sorted[sorted.length - 1] ?? NaN) };
}

export function round(ms: number, places = 2): number {
  const f = 10 ** places;
  return Math.round(ms * f) / f;
}

export function now(): number {
  return performance.now();
}

/** Times a synchronous step once. */
export function timeOnce(step: () => unknown): number {
  const start = now();
  step();
  return now() - start;
}

/** Times an asynchronous step once. */
export async function timeAsync(step: () => Promise<unknown>): Promise<number> {
  const start = now();
  await step();
  return now() - start;
}

/** A figure with its unit, for the printed table. */
export function ms(value: number | undefined): string {
  if (value === undefined || !Number.isFinite(value)) return 'n/a';
  return value >= 100 ? `${value.toFixed(0)} ms` : `${value.toFixed(value >= 10 ? 1 : 2)} ms`;
}

export function ratio(a: number, b: number): string {
  return Number.isFinite(a / b) ? `${(a / b).toFixed(2)}×` : 'n/a';
}

/** How time grows with size: the slope of log(time) against log(size), least squares. 1 is
 * linear (twice the lines, twice the time), 2 quadratic; NaN with fewer than two points. */
export function growthExponent(points: { size: number; ms: number }[]): number {
  const usable = points.filter((p) => p.size > 0 && p.ms > 0 && Number.isFinite(p.ms));
  if (usable.length < 2) return NaN;
  const xs = usable.map((p) => Math.log(p.size));
  const ys = usable.map((p) => Math.log(p.ms));
  const mean = (v: number[]) => v.reduce((a, b) => a + b, 0) / v.length;
  const mx = mean(xs);
  const my = mean(ys);
  let num = 0;
  let den = 0;
  for (let i = 0; i < xs.length; i++) {
    num += (xs[i] - mx) * (ys[i] - my);
    den += (xs[i] - mx) ** 2;
  }
  return den === 0 ? NaN : num / den;
}
