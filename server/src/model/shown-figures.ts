// Figures as people read them. Every payment is shown to the cent (half-even) and every total
// shown is the sum of those cent figures, so a table always adds up: rows and their total, a
// party's receives less pays and its net, a group's itemized milestones and undisclosed rest and
// its cap. The JSON and CSV keep the exact figures (a total there may differ from the one shown
// by the rounding of its parts: at most half a cent a payment).
import { buildDealModel, type DealModel } from './deal-model';
import type { DealTotals } from './totals';
import { rollupDeal } from './totals';

/** The deal with every amount to the cent, and its totals, for anything that shows figures
 * (built once per deal model, and kept with it). */
export function shownDeal<T extends { model: DealModel; totals: DealTotals }>(deal: T): T {
  const model = shownModel(deal.model);
  return { ...deal, model, totals: shownTotals(model) };
}

const shownKey = {};
export const shownModel = (model: DealModel): DealModel =>
  model.facets.get(shownKey, () => model.inCents ? model : buildDealModel(model.deal, { inCents: true }));

/** After an edit inside one term, the deal in cents is built taking over the payments of the
 * previous one that stand (deal-model.ts), when the previous model had one. */
export function carryShownModel(model: DealModel, previous: DealModel | undefined): void {
  const before = previous?.facets.peek<DealModel>(shownKey);
  if (!before || model.inCents || before === previous) return;
  model.facets.get(shownKey, () => {
    const shown = buildDealModel(model.deal, { inCents: true, previous: before });
    shown.facets.inherit(before.facets);
    return shown;
  });
}

/** The totals of the deal in cents, worked out from the previous model's after an edit inside its
 * payments (totals.ts). */
const shownTotalsKey = {};
export const shownTotals = (model: DealModel): DealTotals =>
  model.facets.get(shownTotalsKey, () => rollupDeal(model, model.facets.carried<DealTotals>(shownTotalsKey)));
