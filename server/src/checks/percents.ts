// Percentages: rates, probabilities, premiums, discounts and shares lie within 0%..100%
// (percent-out-of-range); the shares of one cost or profit split add up to 100% (shares-not-100).
import type * as ast from '../language/ast';
import type { DealDiagnostic } from '../model/diagnostic';
import { formatPercent, sum } from '../model/money';
import { capitalize, article, isRead, isWritten, problem, spanOfList, type PercentInContext } from '../model/deal-walk';

/** Percentages outside what they can be. */
export function percentRanges(percents: readonly PercentInContext[], out: DealDiagnostic[]): void {
  for (const { percent, what, mayExceed100 } of percents) {
    const below = percent.value.isNegative() && !percent.value.isZero();
    const above = !mayExceed100 && percent.value.gt(100);
    if (!below && !above) continue;
    const range = mayExceed100 ? 'cannot be negative' : 'must lie between 0% and 100%';
    out.push(problem('percent-out-of-range', 'error',
      `${capitalize(article(what))} of ${formatPercent(percent.value)} is not possible: it ${range}.`,
      percent.span));
  }
}

export function checkShares(deal: ast.Deal): DealDiagnostic[] {
  const out: DealDiagnostic[] = [];
  for (const option of deal.options) {
    for (const effect of option.effects) {
      if (effect.type !== 'Share') continue;
      const shares = effect.shares;
      const span = spanOfList(shares);
      if (!span || shares.length === 0 || !shares.every((s) => s.percent && isRead(s.percent))) continue;
      const total = sum(shares.map((s) => s.percent.value));
      if (total.eq(100)) continue;
      const parts = shares.map((s) => `${isWritten(s.party) ? s.party.text : '?'} ${formatPercent(s.percent.value)}`).join(', ');
      const noun = effect.what === 'costs' ? 'Cost' : 'Profit';
      out.push(problem('shares-not-100', 'error',
        `${noun} shares add up to ${formatPercent(total)} (${parts}): they must add up to 100%.`,
        span, { total: total.toFixed() }));
    }
  }
  return out;
}
