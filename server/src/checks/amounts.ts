// Checks on what the money adds up to: milestone caps (cap-exceeded, cap-remainder), the
// declared headline (headline-mismatch) and amounts that cannot be converted (fx-missing).
import type * as ast from '../language/ast';
import { currencySymbols, isCurrencyCode } from '../language/currencies';
import type { DealModel, PaymentItem } from '../model/deal-model';
import type { DealDiagnostic } from '../model/diagnostic';
import { ItemValues } from '../model/facets';
import type { CarriedFindings } from './item-findings';
import { exact, formatMoney } from '../model/money';
import type Decimal from 'decimal.js';
import { describeHeadlineCount } from '../model/headline';
import { committedKinds, contingentKinds, type DealTotals } from '../model/totals';
import { amountsOf, isRead, isWritten, paymentAnchor, problem } from '../model/deal-walk';
// Caps and the headline are checked on the deal in cents (shown-figures.ts): a message never
// says "$1,000,000 … add up to $1,000,000", and its quick fix writes the figure it shows.
import { largestAmount } from '../model/limits';
import { afterEditFacet } from '../model/after-edit';

const known = (code: string) => isCurrencyCode(code) || code in currencySymbols;

/** An amount that was written but could not be converted into the deal currency. */
function unconverted(item: PaymentItem): boolean {
  return !!item.written && !item.node.undisclosed && item.amount === undefined;
}

export function checkFxRates(model: DealModel): DealDiagnostic[] {
  const out: DealDiagnostic[] = [];
  unconvertedAmounts(model, amountsOf(model.deal), out);
  return out;
}

/** Amounts in a currency the deal has no exchange rate for. */
export function unconvertedAmounts(model: DealModel, amounts: readonly ast.Money[], out: DealDiagnostic[]): void {
  if (!known(model.currency)) return; // the unknown deal currency is reported by itself
  for (const money of amounts) {
    if (!isWritten(money.currency)) continue;
    const code = model.currencyOf(money);
    if (code === model.currency || !known(code) || model.convert(money) !== undefined) continue;
    // A line for the currency that converts nothing has a rate of zero or below: invalid-value says so.
    const between = (fx: ast.FxRate) => (fx.from.text === code && fx.to.text === model.currency) || (fx.from.text === model.currency && fx.to.text === code);
    if (model.deal.fx.some(between)) continue;
    out.push(problem('fx-missing', 'error',
      `No exchange rate from ${code} to ${model.currency}, the deal's currency: add a line such as \`fx ${code} = 1.10 ${model.currency}\` with the rate the deal uses.`,
      money.currency.span, { currency: code }));
  }
}

/** What the cap check found for each payment of the deal (something for a milestone group only),
 * in the model's order: a group taken over unchanged by the next model of the deal
 * (deal-model.ts) is not checked again, nor read (see ItemValues). */
export type CapFindings = ItemValues<PaymentItem, DealDiagnostic | undefined>;

export function checkMilestoneCaps(model: DealModel, findings?: CarriedFindings<CapFindings>): DealDiagnostic[] {
  const found = ItemValues.of(model.payments, (payment) => (payment.node.type === 'MilestoneGroup' ? capFinding(model, payment) : undefined), findings?.previous);
  findings?.keep(found);
  const out: DealDiagnostic[] = [];
  for (const finding of found.values) if (finding) out.push(finding);
  return out;
}

/** A stated headline agrees with the computed one: exactly, or with `about` within 5% of the stated figure. */
export function agrees(declared: Decimal, computed: Decimal, about: boolean): boolean {
  if (!about) return declared.eq(computed);
  return computed.minus(declared).abs().lte(declared.abs().times('0.05'));
}

function capFinding(model: DealModel, group: PaymentItem): DealDiagnostic | undefined {
  const node = group.node;
  if (node.type !== 'MilestoneGroup' || !node.cap || group.amount === undefined || group.itemized === undefined) return undefined;
  if ((group.items ?? []).some(unconverted)) return undefined; // fx-missing says why; the sum would be wrong
  if (!isRead(node.cap) || node.milestones.some((m) => m.amount && !isRead(m.amount))) return undefined; // a syntax error says why
  const cap = group.amount;
  const itemized = group.itemized;
  if (cap.isNegative()) return undefined; // negative-amount says why
  const money = (v: Parameters<typeof formatMoney>[0]) => formatMoney(v, model.currency);
  if (itemized.gt(cap)) {
    return problem('cap-exceeded', 'error',
      `Itemized milestones total ${money(itemized)}, more than the ${money(cap)} cap by ${money(itemized.minus(cap))}: raise the cap (\`up to\`) or correct the milestones.`,
      node.cap.span, { itemized: exact(itemized), cap: exact(cap) });
  }
  if (itemized.lt(cap) && (group.items ?? []).length > 0) {
    // A group that itemizes nothing (the announcement gives only the total) is complete as
    // written: nothing to point out, and the hover and preview show the undisclosed cap.
    const rest = cap.minus(itemized);
    const message = `Itemized milestones total ${money(itemized)} of the ${money(cap)} cap: ${money(rest)} undisclosed.`;
    return problem('cap-remainder', 'info', message, paymentAnchor(node), { itemized: exact(itemized), rest: exact(rest) });
  }
  return undefined;
}

const countedKinds = [...committedKinds, ...contingentKinds];
const unknownAmount = (p: PaymentItem) => unconverted(p) || (!!p.written && !isRead(p.written));
const countsUnknown = (p: PaymentItem) => countedKinds.includes(p.kind) && (unknownAmount(p) || (p.items !== undefined && p.items.some(unknownAmount)));

/** Whether a payment the headline counts has an amount with no figure (no fx rate, not read):
 * then the terms' total is not known and is not compared. After an edit inside the payments of a
 * long deal that had none, only the payments the edit replaced are looked at. */
const countsUnknownAmounts = afterEditFacet(
  (model) => model.payments.some(countsUnknown),
  (earlier, replaced) => (earlier ? undefined : replaced.some(({ after }) => countsUnknown(after))),
);

export function checkHeadline(model: DealModel, totals: DealTotals): DealDiagnostic[] {
  const headline: ast.Money | undefined = model.deal.headline;
  if (!headline || !isRead(headline)) return [];
  const declared = model.convert(headline);
  if (declared === undefined) return [];
  const incomplete = countsUnknownAmounts(model);
  const about = !!model.deal.headlineTerms?.about;
  if (incomplete || agrees(declared, totals.headline, about)) return [];
  // A figure beyond the limits is an error of its own (invalid-value): no total with it is exact.
  if (declared.abs().gte(largestAmount) || totals.headline.abs().gte(largestAmount)) return [];
  const money = (v: Parameters<typeof formatMoney>[0]) => formatMoney(v, model.currency);
  const countedAs = totals.headlineCount
    ? describeHeadlineCount(totals.headlineCount, money)
    : `committed ${money(totals.committed)} + contingent ${money(totals.contingent)}`;
  const says = about ? `about ${money(declared)}` : money(declared);
  const off = about ? ', more than 5% off' : '';
  return [problem('headline-mismatch', 'warning',
    `The headline says ${says}, but the terms add up to ${money(totals.headline)}${off} ` +
      `(${countedAs}): correct the headline, or add the terms it counts.`,
    headline.span, { computed: exact(totals.headline) })];
}
