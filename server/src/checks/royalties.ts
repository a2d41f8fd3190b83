// Royalties and sales milestones: tiers in ascending order with `above` last
// (tiers-not-ascending), a rate to apply, and net sales as the measure (invalid-value).
import type Decimal from 'decimal.js';
import type * as ast from '../language/ast';
import type { DealModel } from '../model/deal-model';
import type { DealDiagnostic } from '../model/diagnostic';
import { formatMoney, formatPercent } from '../model/money';
import { isRead, isWritten, partsOfPaymentItem, paymentAnchor, paymentItemsOf, paymentLabel, problem } from '../model/deal-walk';
import { checkEachItem, type CarriedFindings } from './item-findings';

/** The one sales measure scenarios give figures for. */
const salesMeasure = 'net_sales';

/** Tier thresholds are compared in the deal's currency: while it and the exchange rates stand,
 * what was found in an item an edit did not touch stands (`findings`). */
export function checkRoyaltiesAndSalesMilestones(model: DealModel, findings?: CarriedFindings): DealDiagnostic[] {
  const out: DealDiagnostic[] = [];
  checkEachItem(paymentItemsOf(model.deal), [model.currency, ...model.deal.fx], out, (item, _, found) => {
    for (const payment of partsOfPaymentItem(item).payments) checkPayment(payment, model, found);
  }, findings);
  return out;
}

function checkPayment(payment: ast.Payment, model: DealModel, out: DealDiagnostic[]): void {
  if (payment.type === 'Royalty') {
    for (const d of checkMeasure(payment.base, 'Royalties are paid on')) out.push(d);
    for (const d of checkRate(payment)) out.push(d);
    for (const d of checkTiers(payment, model)) out.push(d);
    for (const d of checkRateRanges(payment)) out.push(d);
  } else if (payment.type === 'SalesMilestone') {
    for (const d of checkMeasure(payment.measure, 'Sales milestones are triggered by annual')) out.push(d);
  }
}

function checkMeasure(measure: ast.Name | undefined, sentence: string): DealDiagnostic[] {
  if (!isWritten(measure) || measure.text === salesMeasure) return [];
  return [problem('invalid-value', 'error',
    `Unknown sales measure '${measure.text}'. ${sentence} ${salesMeasure}: write \`${salesMeasure}\` (scenarios give net sales per year).`,
    measure.span, { suggestion: salesMeasure })];
}

function checkRate(royalty: ast.Royalty): DealDiagnostic[] {
  if (royalty.rate && royalty.tiersSpan) {
    return [problem('invalid-value', 'error',
      `Royalty ${paymentLabel(royalty)} has both a flat rate and tiers: keep the flat rate or the tiers, not both.`,
      royalty.rate.span)];
  }
  if (!royalty.rate && !royalty.tiersSpan && !royalty.undisclosed && isWritten(royalty.base)) {
    return [problem('invalid-value', 'error',
      `Royalty ${paymentLabel(royalty)} has no rate: write a rate (\`royalty NAME 5% on net_sales\`), tiers (\`{ 5% up to 100M  7% above }\`) or \`undisclosed\`.`,
      paymentAnchor(royalty))];
  }
  if (royalty.tiersSpan && royalty.tiers.length === 0) {
    return [problem('invalid-value', 'error',
      `Royalty ${paymentLabel(royalty)} has no tiers: write one per line, e.g. \`5% up to 100M\` and last \`7% above\`.`,
      royalty.tiersSpan)];
  }
  return [];
}

/** A rate range runs from the lower rate to the higher (`18% to 22%`). */
function checkRateRanges(royalty: ast.Royalty): DealDiagnostic[] {
  const out: DealDiagnostic[] = [];
  const ranges = [{ rate: royalty.rate, rateTo: royalty.rateTo }, ...royalty.tiers];
  for (const { rate, rateTo } of ranges) {
    if (!rate || !rateTo || !isRead(rate) || !isRead(rateTo) || !rateTo.value.lt(rate.value)) continue;
    out.push(problem('invalid-value', 'error',
      `A rate range goes from the lower rate to the higher: write \`${formatPercent(rateTo.value)} to ${formatPercent(rate.value)}\`.`,
      { start: rate.span.start, end: rateTo.span.end }));
  }
  return out;
}

function checkTiers(royalty: ast.Royalty, model: DealModel): DealDiagnostic[] {
  const out: DealDiagnostic[] = [];
  let previous: { value: Decimal; money: ast.Money } | undefined;
  let above: ast.RoyaltyTier | undefined;
  for (const tier of royalty.tiers) {
    if (above) {
      out.push(problem('tiers-not-ascending', 'error',
        'Nothing can follow the `above` tier: it takes all sales past the last threshold, so it must be the last tier. Move this tier before it, or remove it.',
        tier.span));
      continue;
    }
    if (tier.above) above = tier;
    if (!tier.upTo || !isRead(tier.upTo)) continue;
    const value = model.convert(tier.upTo);
    if (value === undefined) continue; // fx-missing says why
    const shown = formatMoney(value, model.currency);
    if (!value.isPositive() || value.isZero()) {
      out.push(problem('tiers-not-ascending', 'error',
        `A tier threshold of ${shown} is not possible: thresholds are annual sales above zero.`, tier.upTo.span));
    } else if (previous && value.lte(previous.value)) {
      out.push(problem('tiers-not-ascending', 'error',
        `Tier thresholds must increase: \`up to ${shown}\` follows \`up to ${formatMoney(previous.value, model.currency)}\`. List the tiers from the lowest threshold to the highest.`,
        tier.upTo.span));
    } else {
      previous = { value, money: tier.upTo };
    }
  }
  return out;
}
