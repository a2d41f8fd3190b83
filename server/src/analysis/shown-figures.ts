// Figures as people read them. Every payment is shown to the cent (half-even) and every total
// shown is the sum of those cent figures, so a table always adds up: rows and their total, a
// party's receives less pays and its net, a group's itemized milestones and undisclosed rest and
// its cap. The JSON and CSV keep the exact figures (a total there may differ from the one shown
// by the rounding of its parts: at most half a cent a payment).
import type { AnalyzedDeal } from './analyze';
import { buildDealModel, type DealModel } from './deal-model';
import { rollupDeal } from './totals';

/** The deal with every amount to the cent, and its totals, for anything that shows figures. */
export function shownDeal(deal: AnalyzedDeal): AnalyzedDeal {
  const model = shownModel(deal.model);
  return { ...deal, model, totals: rollupDeal(model) };
}

export function shownModel(model: DealModel): DealModel {
  return model.inCents ? model : buildDealModel(model.deal, { inCents: true });
}
