// A royalty rate as deals write it: one rate (`5%`) or a range (`18% to 22%`, announcements
// that give only the bracket). A range counts at its midpoint and is shown as written.
import type Decimal from 'decimal.js';
import type * as ast from '../language/ast';
import { formatPercent, Money } from './money';

/** A rate and, for a range, its high end. */
export interface WrittenRate { rate: ast.Percent; rateTo?: ast.Percent }

/** The rate that counts, in percent: the rate, or the midpoint of a range (`18% to 22%` → 20). */
export function countedRate(written: WrittenRate): Decimal {
  const low = new Money(written.rate.value);
  return written.rateTo ? low.plus(written.rateTo.value).div(2) : low;
}

/** The rate as a person reads it: `5%`, or the range `18% to 22%`. */
export function rateText(written: WrittenRate): string {
  const low = formatPercent(written.rate.value);
  return written.rateTo ? `${low} to ${formatPercent(written.rateTo.value)}` : low;
}

/** The range `{ min, max }` in percent, where the rate is a range. */
export function rateRange(written: WrittenRate): { min: Decimal; max: Decimal } | undefined {
  return written.rateTo ? { min: new Money(written.rate.value), max: new Money(written.rateTo.value) } : undefined;
}
