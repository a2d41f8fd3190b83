// What a long deal's model works out from the previous model's after an edit inside its payments
// (`model.edited`: the payments the edit replaced), instead of walking every payment again.

import type { DealModel, PaymentReplaced } from './deal-model';

/** How many payments a deal has before what is derived payment by payment is kept for the next
 * analysis: a file of many short deals keeps nothing of the kind per deal, as each is quickly
 * worked out whole again. */
export const keptFromPayments = 64;

/**
 * A value of a deal's model, kept on long deals: after an edit inside its payments, `fromEarlier`
 * works it out from the previous model's value and the payments the edit replaced, or gives
 * undefined when it cannot; otherwise (and for a short deal, not kept) `whole` works it out.
 */
export function afterEditFacet<T>(
  whole: (model: DealModel) => T,
  fromEarlier: (earlier: T, replaced: readonly PaymentReplaced[], model: DealModel) => T | undefined,
): (model: DealModel) => T {
  const key = {};
  return (model) => {
    if (model.payments.length < keptFromPayments) return whole(model);
    return model.facets.get(key, () => {
      const earlier = model.edited ? model.facets.carried<T>(key) : undefined;
      const worked = earlier !== undefined ? fromEarlier(earlier, model.edited!.replaced, model) : undefined;
      return worked !== undefined ? worked : whole(model);
    });
  };
}
