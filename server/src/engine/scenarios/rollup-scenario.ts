// One scenario, rolled up: how far the programme gets (`reach`, else the timeline's last stage),
// which options are exercised, and every payment that follows — with its year, its probability
// from the deal's current stage and, where the deal has a valuation, its rNPV.
import type * as ast from '../../language/ast';
import type { DealModel } from '../../model/deal-model';
import { Money, toCents } from '../../model/money';
import { exerciseFee, feeAsCounted } from '../../model/options';
import { probabilityOfReaching } from '../../model/probability';
import { riskAdjust, valuationBasis } from '../rnpv';
import { committedKinds } from '../../model/totals';
import { timesTrack, type ScenarioContext } from './context';
import { resolveExercises, type ResolvedExercises } from './exercises';
import { addFixedPayments } from './fixed-payments';
import { addSalesPayments } from './sales-payments';
import { yearOf } from './schedule';
import { scenarioTracks } from './tracks';
import { byPaymentYear, tallyPayments } from './tally';
import type { ScenarioRollup } from './types';

/** The stage a scenario gets to: its `reach`, else the latest stage its timeline dates. */
export function scenarioReach(model: DealModel, scenario: ast.Scenario): { stage?: string; index: number } {
  const { deal } = scenarioTracks(model, scenario);
  return { stage: deal.reach, index: deal.reachIndex };
}

export function rollupScenario(model: DealModel, scenario: ast.Scenario): ScenarioRollup {
  const tracks = scenarioTracks(model, scenario);
  const exercises = resolveExercises(model, scenario, tracks);
  const ctx: ScenarioContext = {
    model, scenario, tracks, forfeits: exercises.forfeits,
    out: { payments: [], forfeited: [], unvalued: [], unattributed: [] },
  };
  // Payments inside an option's `on exercise` exist only in a scenario that exercises it.
  const exercised = new Set(exercises.results.filter((r) => r.happens).map((r) => r.option));
  const items = model.exercisePayments.length === 0 ? model.payments
    : [...model.payments, ...model.exercisePayments.filter((item) => item.option && exercised.has(item.option))];
  addFixedPayments(ctx, items);
  addOptionFees(ctx, exercises);
  addSalesPayments(ctx, items);
  for (const note of exercises.notes) ctx.out.unvalued.push(note);
  if (model.inCents) {
    // As shown: each payment to the cent (a royalty, a part year of funding, the middle of a fee
    // range), so every total of the scenario adds up the cent figures it lists.
    for (const payment of ctx.out.payments) payment.amount = toCents(payment.amount);
    for (const forfeit of ctx.out.forfeited) if (forfeit.amount) forfeit.amount = toCents(forfeit.amount);
  }

  const basis = valuationBasis(model);
  for (const payment of ctx.out.payments) {
    payment.probability = committedKinds.includes(payment.kind) ? new Money(1) : probabilityOfReaching(model, payment.stage, payment.program);
    if (basis) payment.rnpv = riskAdjust(basis, payment.amount, payment.probability, payment.date);
  }
  const payments = [...ctx.out.payments].sort(byPaymentYear);
  const totals = tallyPayments(model, payments, basis !== undefined);
  return {
    scenario, payments, ...totals,
    unattributed: ctx.out.unattributed, forfeited: ctx.out.forfeited, unvalued: ctx.out.unvalued,
    reach: tracks.deal.reach, exercises: exercises.results, sharing: exercises.sharing,
  };
}

/** Exercise fees: paid by the holder in the timeline's year of the exercise stage (the
 * option's programme's timeline), once per programme going ahead. The fee is the one the
 * scenario pins (`paying`), else a range's midpoint; an undisclosed fee is listed, not counted. */
function addOptionFees(ctx: ScenarioContext, exercises: ResolvedExercises): void {
  for (const result of exercises.results) {
    const exercise = result.exercise;
    if (!result.happens || !exercise) continue;
    if (!exercise.fee && !exercise.feeUndisclosed && !result.paying) continue; // no fee
    const fee = exerciseFee(result.option, exercise, ctx.model);
    const label = `${result.option.name.text} exercise fee`;
    const written = result.paying ?? exercise.feeMax ?? exercise.fee;
    const amount = result.paying ? ctx.model.convert(result.paying) : feeAsCounted(fee);
    if (!amount) {
      const reason = !result.paying && exercise.feeUndisclosed
        ? `the fee is undisclosed: pin it with \`exercise ${result.option.name.text} at ${fee.stage} paying AMOUNT\``
        : `the fee is in ${written ? ctx.model.currencyOf(written) : ctx.model.currency}, which has no fx rate to ${ctx.model.currency}`;
      ctx.out.unvalued.push({ label, reason });
      continue;
    }
    const track = ctx.tracks.of(result.option.program?.text);
    const date = track.timeline.get(fee.stage);
    ctx.out.payments.push(timesTrack({
      kind: 'option-fee', label, option: result.option, payer: fee.payer, payee: fee.payee, amount,
      year: yearOf(date) ?? 'unscheduled', date, stage: fee.stage, program: track.program,
    }, track));
  }
}
