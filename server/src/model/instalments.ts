// Funding paid in yearly instalments: the deal model counts them all, the scenarios schedule
// them one a year.
import type Decimal from 'decimal.js';
import { longestFundingYears } from './limits';

/**
 * The yearly amounts of funding of `each` a year for `count` years: a whole year's `each`, and
 * a part of it for a fractional last year. Centuries of funding are a slip (invalid-value says
 * so): one payment of the whole keeps the totals right without thousands of instalments.
 */
export function instalmentAmounts(each: Decimal, count: Decimal): Decimal[] {
  if (!count.isFinite() || count.lte(0)) return [];
  if (count.gt(longestFundingYears)) return [each.times(count)];
  const whole = count.floor().toNumber();
  const part = count.minus(whole);
  const amounts: Decimal[] = Array.from({ length: whole }, () => each);
  if (!part.isZero()) amounts.push(each.times(part));
  return amounts;
}
