// Figures too large or too fine to be real (invalid-value). Totals stay exact only within the
// limits in ../limits.ts; beyond them a figure is a slip (a scale typed twice, a pasted serial number), so it gets an
// error instead of a total that is rounded without a word. Funding that runs for centuries is
// one too, and would otherwise make every scenario list thousands of instalments.
import type * as ast from '../language/ast';
import type { DealDiagnostic } from '../model/diagnostic';
import { amountDecimals, largestAmount, largestRate, longestFundingYears, rateDecimals } from '../model/limits';
import { isRead, problem } from '../model/deal-walk';
import { formatNumber, Money } from '../model/money';

/** Amounts too large or too fine. */
export function amountMagnitudes(amounts: readonly ast.Money[], out: DealDiagnostic[]): void {
  for (const money of amounts) {
    if (money.value.abs().gte(largestAmount)) {
      out.push(problem('invalid-value', 'error',
        'This amount is larger than any deal figure (the most is 999,999,999,999,999,999): check its digits and scale. Totals that include it are not exact.',
        money.span));
    } else if (money.value.decimalPlaces() > amountDecimals) {
      out.push(problem('invalid-value', 'error',
        `This amount has more than ${amountDecimals} decimal places: round it (to the cent, or a few decimals). Totals that include it are not exact.`,
        money.span));
    }
  }
}

/** Exchange rates too large or too fine. */
export function fxRateMagnitudes(deal: ast.Deal, out: DealDiagnostic[]): void {
  for (const fx of deal.fx) {
    if (!fx.rate || !isRead(fx)) continue;
    if (fx.rate.abs().gte(largestRate) || fx.rate.decimalPlaces() > rateDecimals) {
      out.push(problem('invalid-value', 'error',
        `This exchange rate is not one amounts can be converted with exactly: write it below 1,000,000,000 with at most ${rateDecimals} decimal places.`,
        fx.span));
    }
  }
}

/** Funding that runs for centuries. */
export function fundingYears(payments: readonly ast.Payment[], out: DealDiagnostic[]): void {
  for (const payment of payments) {
    if (payment.type !== 'Funding' || !payment.years || !(payment.years.count > longestFundingYears)) continue;
    out.push(problem('invalid-value', 'error',
      `Funding for ${Number.isFinite(payment.years.count) ? formatNumber(new Money(payment.years.count)) : 'this many'} years is longer than any deal runs: write at most ${longestFundingYears} years. Scenarios show it as one unscheduled payment.`,
      payment.years.span));
  }
}
