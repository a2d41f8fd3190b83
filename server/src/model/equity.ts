// Equity bought at a premium over the market price: what the shares are worth (fair value) and
// what is paid over that (the premium). The economics count equity at its premium only.
import type Decimal from 'decimal.js';
import { Money, toCents, ZERO } from './money';

export interface EquitySplit { fairValue: Decimal; premium: Decimal }

/**
 * The fair value and premium of an equity purchase of `amount`:
 * - `premium P%` over market: fair value = amount ÷ (1 + P/100), rounded to the cent; premium =
 *   amount − fair value (so the two add up to the amount exactly);
 * - `premium AMOUNT`: premium as written (converted), fair value = amount − premium;
 * - no premium: bought at market, fair value = amount, premium 0.
 * A premium amount that cannot be converted leaves both unknown (fx-missing says why).
 */
export function equityPremium(amount: Decimal, percent: Decimal | undefined, premiumAmount: Decimal | undefined, premiumWritten: boolean): Partial<EquitySplit> {
  if (premiumWritten) {
    if (premiumAmount === undefined) return {};
    return { fairValue: new Money(amount).minus(premiumAmount), premium: new Money(premiumAmount) };
  }
  if (percent === undefined || percent.lte(-100)) return { fairValue: new Money(amount), premium: ZERO };
  const fairValue = toCents(new Money(amount).div(new Money(percent).div(100).plus(1)));
  return { fairValue, premium: new Money(amount).minus(fairValue) };
}
