// One scenario, rolled up: how far the programme gets (`reach`, else the timeline's last stage),
// which options are exercised, and every payment that follows — with its year, its probability
// from the deal's current stage and, where the deal has a valuation, its rNPV.
import type * as ast from '../../language/ast';
import { keptFromPayments } from '../../model/after-edit';
import type { DealModel, PaymentItem } from '../../model/deal-model';
import { Money, toCents } from '../../model/money';
import { exerciseFee, feeAsCounted } from '../../model/options';
import { probabilityOfReaching } from '../../model/probability';
import { riskAdjust, valuationBasis } from '../rnpv';
import { committedKinds } from '../../model/totals';
import { timesTrack, type ScenarioContext } from './context';
import { resolveExercises, type ResolvedExercises } from './exercises';
import { addFixedPayment, addFixedPayments } from './fixed-payments';
import { addItemSales, addSalesNotes } from './sales-payments';
import { yearOf } from './schedule';
import { scenarioTracks } from './tracks';
import { byPaymentYear, tallyPayments, tallyReplaced, type ScenarioTotals } from './tally';
import type { ScenarioPayment, ScenarioRollup } from './types';

/** The stage a scenario gets to: its `reach`, else the latest stage its timeline dates. */
export function scenarioReach(model: DealModel, scenario: ast.Scenario): { stage?: string; index: number } {
  const { deal } = scenarioTracks(model, scenario);
  return { stage: deal.reach, index: deal.reachIndex };
}

export function rollupScenario(model: DealModel, scenario: ast.Scenario): ScenarioRollup {
  return rollupScenarioKeeping(model, scenario).rollup;
}

/** What one payment gave a scenario's lists. */
interface ItemEntries { payments: ScenarioPayment[]; forfeited: ScenarioRollup['forfeited']; unvalued: ScenarioRollup['unvalued']; unattributed: ScenarioRollup['unattributed'] }

/** What each payment of a long deal gave a scenario (by its place among the payments rolled up),
 * kept with the rollup: after an edit inside one payment, the next rollup takes over what every
 * other payment gave, worked out (rounded, risk-adjusted) as it was. */
export interface KeptEntries {
  items: readonly PaymentItem[];
  fixed: ItemEntries[];
  /** What each payment earned on the scenario's sales, when its sales tables give years of sales. */
  sales: ItemEntries[];
  salesRolled: boolean;
  /** The option fees, the payments in year order and their totals, as the rollup gave them. */
  fees: readonly ScenarioPayment[];
  payments: readonly ScenarioPayment[];
  totals: ScenarioTotals;
}

const noEntries: ItemEntries = Object.freeze({ payments: [], forfeited: [], unvalued: [], unattributed: [] }) as unknown as ItemEntries;

/** A scenario's rollup and, for a long deal, what each payment gave it. With `earlier`, the kept
 * entries of the rollup of the same scenario in the model before an edit inside its payments
 * (`model.edited`): the payments the edit did not replace give what they gave then. */
export function rollupScenarioKeeping(model: DealModel, scenario: ast.Scenario, earlier?: KeptEntries): { rollup: ScenarioRollup; kept?: KeptEntries } {
  const tracks = scenarioTracks(model, scenario);
  const exercises = resolveExercises(model, scenario, tracks);
  const ctx: ScenarioContext = {
    model, scenario, tracks, forfeits: exercises.forfeits,
    out: { payments: [], forfeited: [], unvalued: [], unattributed: [] },
  };
  const out = ctx.out;
  // Payments inside an option's `on exercise` exist only in a scenario that exercises it.
  const exercised = new Set(exercises.results.filter((r) => r.happens).map((r) => r.option));
  const items = model.exercisePayments.length === 0 ? model.payments
    : [...model.payments, ...model.exercisePayments.filter((item) => item.option && exercised.has(item.option))];
  const keep = items.length >= keptFromPayments;
  const before = keep && model.edited && earlier?.items.length === items.length ? earlier : undefined;
  const kept = keep ? { items, fixed: [] as ItemEntries[], sales: [] as ItemEntries[] } : undefined;
  // With `before`: what the payments the edit replaced gave then, and what they give now.
  const removed: ScenarioPayment[] = [];
  const added: ScenarioPayment[] = [];
  /** Whether a replaced payment (or the option fees) now gives more or fewer payments. */
  let reshaped = false;
  // The payments and forfeits worked out in this rollup (not taken over): rounded and valued below.
  const made: ScenarioPayment[] = [];
  const madeForfeits: ScenarioRollup['forfeited'] = [];
  const entriesOf = (item: PaymentItem, add: (ctx: ScenarioContext, item: PaymentItem) => void): ItemEntries => {
    const entries: ItemEntries = { payments: [], forfeited: [], unvalued: [], unattributed: [] };
    ctx.out = entries;
    add(ctx, item);
    ctx.out = out;
    for (const payment of entries.payments) made.push(payment);
    for (const forfeit of entries.forfeited) madeForfeits.push(forfeit);
    return entries.payments.length + entries.forfeited.length + entries.unvalued.length + entries.unattributed.length > 0 ? entries : noEntries;
  };
  const append = (entries: ItemEntries) => {
    for (const payment of entries.payments) out.payments.push(payment);
    for (const forfeit of entries.forfeited) out.forfeited.push(forfeit);
    for (const note of entries.unvalued) out.unvalued.push(note);
    for (const rest of entries.unattributed) out.unattributed.push(rest);
  };

  /** The entries of the item at `i`: taken over when it is the item that stood there before. */
  const entriesAt = (i: number, earlier: ItemEntries[] | undefined, add: (ctx: ScenarioContext, item: PaymentItem) => void) => {
    if (before && before.items[i] === items[i]) return earlier![i];
    const entries = entriesOf(items[i], add);
    if (before) {
      for (const payment of earlier![i].payments) removed.push(payment);
      for (const payment of entries.payments) added.push(payment);
      if (entries.payments.length !== earlier![i].payments.length) reshaped = true;
    }
    return entries;
  };
  if (kept) {
    for (let i = 0; i < items.length; i++) {
      const entries = entriesAt(i, before?.fixed, addFixedPayment);
      kept.fixed.push(entries);
      append(entries);
    }
  } else {
    addFixedPayments(ctx, items);
  }
  const feesFrom = out.payments.length;
  addOptionFees(ctx, exercises);
  const fees = out.payments.slice(feesFrom);
  if (kept) for (const fee of fees) made.push(fee);
  if (before) {
    for (const fee of before.fees) removed.push(fee);
    for (const fee of fees) added.push(fee);
    if (fees.length !== before.fees.length) reshaped = true;
  }
  const salesRolled = addSalesNotes(ctx);
  // The sales tables are terms of the scenario, which the edit left alone; should they give
  // years of sales now where they gave none (or the other way round), every payment's sales
  // entries are worked out again, and the totals with them.
  if (before && before.salesRolled !== salesRolled) reshaped = true;
  if (salesRolled) {
    if (kept) {
      for (let i = 0; i < items.length; i++) {
        const entries = before?.salesRolled ? entriesAt(i, before.sales, addItemSales) : entriesOf(items[i], addItemSales);
        kept.sales.push(entries);
        append(entries);
      }
    } else {
      for (const item of items) addItemSales(ctx, item);
    }
  }
  for (const note of exercises.notes) out.unvalued.push(note);
  const newPayments = kept ? made : out.payments;
  const newForfeits = kept ? madeForfeits : out.forfeited;
  if (model.inCents) {
    // As shown: each payment to the cent (a royalty, a part year of funding, the middle of a fee
    // range), so every total of the scenario adds up the cent figures it lists.
    for (const payment of newPayments) payment.amount = toCents(payment.amount);
    for (const forfeit of newForfeits) if (forfeit.amount) forfeit.amount = toCents(forfeit.amount);
  }

  const basis = valuationBasis(model);
  for (const payment of newPayments) {
    payment.probability = committedKinds.includes(payment.kind) ? new Money(1) : probabilityOfReaching(model, payment.stage, payment.program);
    if (basis) payment.rnpv = riskAdjust(basis, payment.amount, payment.probability, payment.date);
  }
  // What the replaced payments changed, worked out from the totals before when only amounts
  // changed (tally.ts): then each new payment also stands where the one it replaces stood in
  // year order (the sort is stable, and the year and place are the same).
  const changed = before && !reshaped ? tallyReplaced(model, before.totals, removed, added, basis !== undefined) : undefined;
  let payments: ScenarioPayment[];
  if (before && changed) {
    const replacing = new Map<ScenarioPayment, ScenarioPayment>();
    removed.forEach((payment, i) => replacing.set(payment, added[i]));
    payments = replacing.size === 0 ? before.payments.slice() : before.payments.map((payment) => replacing.get(payment) ?? payment);
  } else {
    payments = [...out.payments].sort(byPaymentYear);
  }
  const totals = changed || tallyPayments(model, payments, basis !== undefined);
  const rollup: ScenarioRollup = {
    scenario, payments, ...totals,
    unattributed: out.unattributed, forfeited: out.forfeited, unvalued: out.unvalued,
    reach: tracks.deal.reach, exercises: exercises.results, sharing: exercises.sharing,
  };
  return kept ? { rollup, kept: { ...kept, salesRolled, fees, payments, totals } } : { rollup };
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
