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
