// Whether a deal's amounts are all whole cents: then its figures are shown as they are, and its
// totals add up without any rounding (shown-figures.ts, totals.ts).
import type { DealModel, PaymentItem } from './deal-model';

const key = {};
/** How many payments a deal has before the answer is kept for the next analysis. */
const keptFrom = 64;

/** Whether every deal-level amount is already a whole number of cents. After an edit inside the
 * payments of a deal that was all in cents, only the payments the edit replaced are looked at. */
export function allInCents(model: DealModel): boolean {
  if (model.inCents) return true;
  // Kept for long deals only: a file of many short deals holds no table of facets for this.
  if (model.payments.length < keptFrom) return model.payments.every(inCents);
  return model.facets.get(key, () => {
    const edited = model.edited;
    if (edited && model.facets.carried<boolean>(key) === true) return edited.replaced.every(({ after }) => inCents(after));
    return model.payments.every(inCents);
  });
}

function inCents(item: PaymentItem): boolean {
  return (item.amount === undefined || item.amount.decimalPlaces() <= 2) && (item.items === undefined || item.items.every(inCents));
}
