// One scenario, rolled up: how far the programme gets (`reach`, else the timeline's last stage),
// which options are exercised, and every payment that follows — with its year, its probability
// from the deal's current stage and, where the deal has a valuation, its rNPV.
import type * as ast from '../../language/ast';
import type { DealModel } from '../../model/deal-model';
import { Money, toCents } from '../../model/money';
import { exerciseFee } from '../../model/options';
import { probabilityOfReaching } from '../../model/probability';
import { riskAdjust, valuationBasis } from '../rnpv';
import { stageIndex } from '../../model/stages';
import { committedKinds } from '../../model/totals';
import type { ScenarioContext } from './context';
import { resolveExercises, type ResolvedExercises } from './exercises';
import { addFixedPayments } from './fixed-payments';
import { addSalesPayments } from './sales-payments';
import { timelineDates, yearOf } from './schedule';
import { byPaymentYear, tallyPayments } from './tally';
import type { ScenarioRollup } from './types';

/** The stage a scenario gets to: its `reach`, else the latest stage its timeline dates. */
export function scenarioReach(model: DealModel, scenario: ast.Scenario): { stage?: string; index: number } {
  if (scenario.reach) return { stage: scenario.reach.text, index: stageIndex(model.stages, scenario.reach.text) };
  let index = -1;
  for (const entry of scenario.timeline) index = Math.max(index, stageIndex(model.stages, entry.stage.text));
  return { stage: index >= 0 ? model.stages[index].name : undefined, index };
}

export function rollupScenario(model: DealModel, scenario: ast.Scenario): ScenarioRollup {
  const reach = scenarioReach(model, scenario);
  const exercises = resolveExercises(model, scenario, reach.index);
  const ctx: ScenarioContext = {
    model, scenario, reachIndex: reach.index, timeline: timelineDates(scenario), forfeits: exercises.forfeits,
    out: { payments: [], forfeited: [], unvalued: [], unattributed: [] },
  };
  addFixedPayments(ctx);
  addOptionFees(ctx, exercises);
  addSalesPayments(ctx);
  for (const note of exercises.notes) ctx.out.unvalued.push(note);
  if (model.inCents) {
    // As shown: each payment to the cent (a royalty, a part year of funding, the middle of a fee
    // range), so every total of the scenario adds up the cent figures it lists.
    for (const payment of ctx.out.payments) payment.amount = toCents(payment.amount);
    for (const forfeit of ctx.out.forfeited) if (forfeit.amount) forfeit.amount = toCents(forfeit.amount);
  }

  const basis = valuationBasis(model);
  for (const payment of ctx.out.payments) {
    payment.probability = committedKinds.includes(payment.kind) ? new Money(1) : probabilityOfReaching(model, payment.stage);
    if (basis) payment.rnpv = riskAdjust(basis, payment.amount, payment.probability, payment.date);
  }
  const payments = [...ctx.out.payments].sort(byPaymentYear);
  const totals = tallyPayments(model, payments, basis !== undefined);
  return {
    scenario, payments, ...totals,
    unattributed: ctx.out.unattributed, forfeited: ctx.out.forfeited, unvalued: ctx.out.unvalued,
    reach: reach.stage, exercises: exercises.results, sharing: exercises.sharing,
  };
}

/** Exercise fees: paid by the holder in the timeline's year of the exercise stage. */
function addOptionFees(ctx: ScenarioContext, exercises: ResolvedExercises): void {
  for (const result of exercises.results) {
    if (!result.happens || !result.exercise?.fee) continue;
    const fee = exerciseFee(result.option, result.exercise, ctx.model);
    const label = `${result.option.name.text} exercise fee`;
    if (!fee.amount) {
      ctx.out.unvalued.push({ label, reason: `the fee is in ${ctx.model.currencyOf(result.exercise.fee)}, which has no fx rate to ${ctx.model.currency}` });
      continue;
    }
    const date = ctx.timeline.get(fee.stage);
    ctx.out.payments.push({
      kind: 'option-fee', label, option: result.option, payer: fee.payer, payee: fee.payee, amount: fee.amount,
      year: yearOf(date) ?? 'unscheduled', date, stage: fee.stage,
    });
  }
}
