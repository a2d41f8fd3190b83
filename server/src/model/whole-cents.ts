// Whether a deal's amounts are all whole cents: then its figures are shown as they are, and its
// totals add up without any rounding (shown-figures.ts, totals.ts).
import { afterEditFacet } from './after-edit';
import type { DealModel, PaymentItem } from './deal-model';

/** Whether every deal-level amount is already a whole number of cents. After an edit inside the
 * payments of a deal that was all in cents, only the payments the edit replaced are looked at. */
export function allInCents(model: DealModel): boolean {
  return model.inCents || everyAmountInCents(model);
}

const everyAmountInCents = afterEditFacet(
  (model) => model.payments.every(inCents),
  (earlier, replaced) => (earlier ? replaced.every(({ after }) => inCents(after)) : undefined),
);

function inCents(item: PaymentItem): boolean {
  return (item.amount === undefined || item.amount.decimalPlaces() <= 2) && (item.items === undefined || item.items.every(inCents));
}
