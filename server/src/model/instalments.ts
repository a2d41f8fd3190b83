// Funding paid in yearly instalments: the deal model counts them all, the scenarios schedule
// them one a year.
import type Decimal from 'decimal.js';
import { Money, sum, toCents } from './money';
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

/**
 * `funding X up to 400M over 10 years`: the total in `count` equal yearly instalments. Where the
 * total does not divide to the cent (100M over 3 years), each instalment is the share rounded
 * to the cent, half-even, and the last takes what is left (33,333,333.33 twice, then
 * 33,333,333.34): the instalments always add up to the total exactly. A count that is not a
 * whole number of years from 1 to the longest funding (an invalid-value error) is one payment.
 */
export function splitOverYears(total: Decimal, count: number): Decimal[] {
  if (!Number.isInteger(count) || count < 1 || count > longestFundingYears) return [total];
  const each = toCents(new Money(total).div(count));
  const parts: Decimal[] = Array.from({ length: count - 1 }, () => each);
  parts.push(new Money(total).minus(sum(parts)));
  return parts;
}
