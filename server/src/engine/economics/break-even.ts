// The break-even of an option: the smallest multiplier k ≥ 0 of all the scenario's sales at
// which the holder's gain from exercising changes sign. The only approximation in the
// economics: k is found to 10⁻⁶ by a scan (fine below 3×, coarser above) and bisection, and
// shown rounded to two decimals. None when the gain keeps one sign from 0 to 100 times the sales.
import type Decimal from 'decimal.js';

const largest = 100;
const precision = 1e-6;

/** The scan's points: every 0.05 up to 3×, every 0.25 up to 10×, every 2 up to 100×. */
function scanPoints(): number[] {
  const points: number[] = [];
  for (let i = 0; i <= 60; i++) points.push(i * 0.05);
  for (let k = 3.25; k <= 10; k += 0.25) points.push(k);
  for (let k = 12; k <= largest; k += 2) points.push(k);
  return points;
}

/** Where the gain changes sign, and whether exercising pays off from there on (the gain was
 * below zero before it) or stops paying off. */
export interface BreakEven { multiplier: number; paysOffAbove: boolean }

export function breakEven(gainAt: (k: number) => Decimal): BreakEven | undefined {
  let before = 0;
  const multiplier = breakEvenMultiplier(gainAt, (sign) => (before = sign));
  return multiplier === undefined ? undefined : { multiplier, paysOffAbove: before < 0 };
}

export function breakEvenMultiplier(gainAt: (k: number) => Decimal, signBefore?: (sign: number) => void): number | undefined {
  const points = scanPoints();
  let low = points[0];
  let sign = gainAt(low).comparedTo(0);
  for (const k of points.slice(1)) {
    const next = gainAt(k).comparedTo(0);
    if (sign === 0) {
      // A gain of exactly nothing at no sales: the sign it takes from there on decides.
      sign = next;
      low = k;
      continue;
    }
    if (next !== sign) {
      signBefore?.(sign);
      return bisect(gainAt, low, k, sign);
    }
    low = k;
  }
  return undefined;
}

function bisect(gainAt: (k: number) => Decimal, low: number, high: number, lowSign: number): number {
  while (high - low > precision) {
    const middle = (low + high) / 2;
    if (gainAt(middle).comparedTo(0) === lowSign) low = middle;
    else high = middle;
  }
  return high;
}

/** k as shown: two decimals, half-even (`"1.99"`). */
export function shownMultiplier(k: number): string {
  const hundredths = k * 100;
  const floor = Math.floor(hundredths);
  const rest = hundredths - floor;
  const rounded = Math.abs(rest - 0.5) < 1e-9 ? (floor % 2 === 0 ? floor : floor + 1) : Math.round(hundredths);
  return (rounded / 100).toFixed(2);
}
