// Deal-level totals: what the terms add up to, as press releases quote them. Which kinds each
// total counts is the `total` of each kind in payment-kinds.ts:
//   committed  = upfront + fee + equity + funding (all instalments)
//   contingent = milestones (a group counts its cap) + sales milestones
//   headline   = committed + contingent, under the convention the `headline` line states
//                (`including options`, `excluding equity`: headline.ts)
//   onExercise = the same kinds inside options' `on exercise { payments ... }` (a group its cap),
//                apart: they exist only once an option is exercised
// Option fees, royalties and manufacturing have no deal-level figure. Every amount that belongs
// to a programme counts once per programme it stands for (`count N`: N times).
import type Decimal from 'decimal.js';
import type { DealModel, PaymentItem, PaymentKind, PaymentReplaced } from './deal-model';
import { countHeadline, type HeadlineCount } from './headline';
import { Money, ZERO } from './money';
import { allInCents } from './whole-cents';
import { inKindOrder, kindsCounting } from './payment-kinds';
import { timesCounted } from './programs';

export const committedKinds: readonly PaymentKind[] = kindsCounting('committed');
export const contingentKinds: readonly PaymentKind[] = kindsCounting('contingent');

export interface PartyPosition {
  receives: Decimal;
  pays: Decimal;
  net: Decimal;
  committed: { receives: Decimal; pays: Decimal };
  contingent: { receives: Decimal; pays: Decimal };
  /** Payments that exist only once an option is exercised: not in receives, pays or net. */
  onExercise: { receives: Decimal; pays: Decimal };
}

export interface DealTotals {
  committed: Decimal;
  contingent: Decimal;
  /** The headline under the deal's convention (headline.ts). */
  headline: Decimal;
  /** What the headline counted. */
  headlineCount?: HeadlineCount;
  /** Payments inside options' `on exercise` blocks (a group counts its cap), times their
   * programme's count: apart from committed and contingent (the headline adds them only
   * `including options`). */
  onExercise: Decimal;
  /** Per payment kind, in the table's order (payment-kinds.ts); only kinds with a deal-level figure. */
  byKind: ReadonlyMap<PaymentKind, Decimal>;
  /** Per party, in declaration order (then any undeclared payer or payee). */
  parties: ReadonlyMap<string, PartyPosition>;
}

export function isCounted(item: PaymentItem): boolean {
  return item.amount !== undefined && (committedKinds.includes(item.kind) || contingentKinds.includes(item.kind));
}

export function emptyPosition(): PartyPosition {
  return {
    receives: ZERO, pays: ZERO, net: ZERO,
    committed: { receives: ZERO, pays: ZERO }, contingent: { receives: ZERO, pays: ZERO }, onExercise: { receives: ZERO, pays: ZERO },
  };
}

/** The totals of a deal with no parties and no payments (as a deal is while being written):
 * one for all of them, so a file of many such deals keeps no maps and figures per deal. */
const nothingYet: DealTotals = Object.freeze({
  committed: ZERO, contingent: ZERO, headline: ZERO, onExercise: ZERO, byKind: new Map<PaymentKind, Decimal>(), parties: new Map<string, PartyPosition>(),
});

/** The deal's totals. With `earlier`, the totals of the previous model of the deal when this
 * one was made after an edit inside its payments (`model.edited`): worked out from those by the
 * payments the edit replaced, when that gives exactly what adding every payment up would. */
export function rollupDeal(model: DealModel, earlier?: DealTotals): DealTotals {
  if (model.parties.size === 0 && model.payments.length === 0 && model.options.size === 0) return nothingYet;
  return (earlier && model.edited && totalsAfterEdit(model, earlier, model.edited.replaced)) || addedUp(model);
}

function addedUp(model: DealModel): DealTotals {
  let committed = ZERO;
  let contingent = ZERO;
  const byKind = new Map<PaymentKind, Decimal>();
  const parties = new Map<string, PartyPosition>();
  for (const party of model.parties.keys()) parties.set(party, emptyPosition());

  for (const item of model.payments) {
    if (!isCounted(item)) continue;
    const amount = countedAmount(model, item);
    const isCommitted = committedKinds.includes(item.kind);
    if (isCommitted) committed = committed.plus(amount);
    else contingent = contingent.plus(amount);
    byKind.set(item.kind, (byKind.get(item.kind) ?? ZERO).plus(amount));
    const part = isCommitted ? 'committed' : 'contingent';
    if (item.payee) {
      const position = positionOf(parties, item.payee);
      position.receives = position.receives.plus(amount);
      position[part].receives = position[part].receives.plus(amount);
    }
    if (item.payer) {
      const position = positionOf(parties, item.payer);
      position.pays = position.pays.plus(amount);
      position[part].pays = position[part].pays.plus(amount);
    }
  }
  let onExercise = ZERO;
  for (const item of model.exercisePayments) {
    if (!isCounted(item)) continue;
    const amount = countedAmount(model, item);
    onExercise = onExercise.plus(amount);
    if (item.payee) positionOf(parties, item.payee).onExercise.receives = positionOf(parties, item.payee).onExercise.receives.plus(amount);
    if (item.payer) positionOf(parties, item.payer).onExercise.pays = positionOf(parties, item.payer).onExercise.pays.plus(amount);
  }
  for (const position of parties.values()) position.net = position.receives.minus(position.pays);
  const headlineCount = countHeadline(model, committed, contingent, byKind.get('equity') ?? ZERO, onExercise);
  return { committed, contingent, headline: headlineCount.figure, headlineCount, onExercise, byKind: inKindOrder(byKind), parties };
}

/**
 * The previous totals with each replaced payment's amount taken out and its new amount put in,
 * when the edit changed amounts only: each replaced payment has the kind, payer, payee and
 * programme it had, is counted as it was, and names only declared parties (an undeclared name
 * is listed where it first appears). Every amount counted is whole cents (shown-figures.ts), so
 * no sum is rounded and this equals adding every payment up. Undefined otherwise.
 */
function totalsAfterEdit(model: DealModel, earlier: DealTotals, replaced: readonly PaymentReplaced[]): DealTotals | undefined {
  if (earlier === nothingYet || !allInCents(model)) return undefined;
  const declared = (party: string | undefined) => party === undefined || model.parties.has(party);
  for (const { before, after } of replaced) {
    if (before.kind !== after.kind || before.payer !== after.payer || before.payee !== after.payee) return undefined;
    if (isCounted(before) !== isCounted(after) || !declared(after.payer) || !declared(after.payee)) return undefined;
    if (isCounted(after) && timesCounted(model, before) !== timesCounted(model, after)) return undefined;
    if (isCounted(before) && before.amount!.decimalPlaces() > 2) return undefined;
  }
  let { committed, contingent } = earlier;
  const byKind = new Map(earlier.byKind);
  const parties = new Map<string, PartyPosition>();
  for (const [name, p] of earlier.parties) {
    parties.set(name, {
      receives: p.receives, pays: p.pays, net: p.net, committed: { ...p.committed }, contingent: { ...p.contingent }, onExercise: { ...p.onExercise },
    });
  }
  for (const { before, after } of replaced) {
    if (!isCounted(after)) continue;
    const change = countedAmount(model, after).minus(countedAmount(model, before));
    if (change.isZero()) continue;
    const isCommitted = committedKinds.includes(after.kind);
    if (isCommitted) committed = committed.plus(change);
    else contingent = contingent.plus(change);
    byKind.set(after.kind, byKind.get(after.kind)!.plus(change));
    const part = isCommitted ? 'committed' : 'contingent';
    if (after.payee) {
      const position = parties.get(after.payee)!;
      position.receives = position.receives.plus(change);
      position[part].receives = position[part].receives.plus(change);
      position.net = position.receives.minus(position.pays);
    }
    if (after.payer) {
      const position = parties.get(after.payer)!;
      position.pays = position.pays.plus(change);
      position[part].pays = position[part].pays.plus(change);
      position.net = position.receives.minus(position.pays);
    }
  }
  const headlineCount = countHeadline(model, committed, contingent, byKind.get('equity') ?? ZERO, earlier.onExercise);
  return { committed, contingent, headline: headlineCount.figure, headlineCount, onExercise: earlier.onExercise, byKind, parties };
}

/** A payment's amount as the deal totals count it: once per programme it belongs to. */
export function countedAmount(model: DealModel, item: PaymentItem): Decimal {
  const times = timesCounted(model, item);
  return times === 1 ? item.amount! : item.amount!.times(new Money(times));
}

function positionOf(parties: Map<string, PartyPosition>, name: string): PartyPosition {
  let position = parties.get(name);
  if (!position) parties.set(name, (position = emptyPosition()));
  return position;
}
