// Totals of a scenario's payments: per party, per kind and per year, and their rNPV.
import type Decimal from 'decimal.js';
import type { DealModel, PaymentKind } from '../../model/deal-model';
import { ZERO } from '../../model/money';
import { inKindOrder } from '../../model/payment-kinds';
import type { ScenarioPartyPosition, ScenarioPayment } from './types';

export interface ScenarioTotals {
  parties: Map<string, ScenarioPartyPosition>;
  byKind: Map<PaymentKind, Decimal>;
  byYear: Map<string, Decimal>;
  total: Decimal;
  rnpv?: Decimal;
}

/** Years ascending, `unscheduled` last; payments in the same year keep their order. */
export function byPaymentYear(a: ScenarioPayment, b: ScenarioPayment): number {
  const ya = a.year === 'unscheduled' ? Infinity : a.year;
  const yb = b.year === 'unscheduled' ? Infinity : b.year;
  return ya === yb ? 0 : ya < yb ? -1 : 1;
}

export function tallyPayments(model: DealModel, payments: readonly ScenarioPayment[], valued: boolean): ScenarioTotals {
  const parties = new Map<string, ScenarioPartyPosition>();
  const blank = (): ScenarioPartyPosition => ({
    receives: ZERO, pays: ZERO, net: ZERO, ...(valued ? { rnpv: ZERO, rnpvReceives: ZERO, rnpvPays: ZERO } : {}),
  });
  const positionOf = (name: string) => {
    let position = parties.get(name);
    if (!position) parties.set(name, (position = blank()));
    return position;
  };
  for (const party of model.parties.keys()) positionOf(party);

  const kinds = new Map<PaymentKind, Decimal>();
  const years = new Map<string, Decimal>();
  let total = ZERO;
  let rnpv = ZERO;
  for (const payment of payments) {
    total = total.plus(payment.amount);
    kinds.set(payment.kind, (kinds.get(payment.kind) ?? ZERO).plus(payment.amount));
    const year = String(payment.year);
    years.set(year, (years.get(year) ?? ZERO).plus(payment.amount));
    if (payment.payee) {
      const position = positionOf(payment.payee);
      position.receives = position.receives.plus(payment.amount);
      if (valued && payment.rnpv) position.rnpvReceives = position.rnpvReceives!.plus(payment.rnpv);
    }
    if (payment.payer) {
      const position = positionOf(payment.payer);
      position.pays = position.pays.plus(payment.amount);
      if (valued && payment.rnpv) position.rnpvPays = position.rnpvPays!.plus(payment.rnpv);
    }
    if (payment.rnpv) rnpv = rnpv.plus(payment.rnpv);
  }
  for (const position of parties.values()) {
    position.net = position.receives.minus(position.pays);
    if (valued) position.rnpv = position.rnpvReceives!.minus(position.rnpvPays!);
  }

  const byKind = inKindOrder(kinds);
  const byYear = new Map<string, Decimal>();
  const yearKeys = [...years.keys()].sort((a, b) => (a === 'unscheduled' ? 1 : b === 'unscheduled' ? -1 : Number(a) - Number(b)));
  for (const key of yearKeys) byYear.set(key, years.get(key)!);
  return { parties, byKind, byYear, total, ...(valued ? { rnpv } : {}) };
}

/**
 * The totals of `earlier`'s payments with each of `removed` replaced by the one at the same place
 * in `added`, when every amount and rNPV is whole cents (no sum rounds) and each replacement has
 * the kind, year, payer and payee of what it replaces, naming only declared parties (so every
 * table keeps its rows and their order): then this equals tallying every payment again.
 * Undefined otherwise.
 */
export function tallyReplaced(
  model: DealModel, earlier: ScenarioTotals, removed: readonly ScenarioPayment[], added: readonly ScenarioPayment[], valued: boolean,
): ScenarioTotals | undefined {
  if (!model.inCents || removed.length !== added.length) return undefined;
  const declared = (party: string | undefined) => party === undefined || model.parties.has(party);
  for (let i = 0; i < removed.length; i++) {
    const [was, now] = [removed[i], added[i]];
    if (was.kind !== now.kind || was.year !== now.year || was.payer !== now.payer || was.payee !== now.payee) return undefined;
    if (!declared(now.payer) || !declared(now.payee) || (!was.rnpv !== !now.rnpv)) return undefined;
  }
  const parties = new Map<string, ScenarioPartyPosition>();
  for (const [name, position] of earlier.parties) parties.set(name, { ...position });
  const byKind = new Map(earlier.byKind);
  const byYear = new Map(earlier.byYear);
  let { total, rnpv } = earlier;
  for (let i = 0; i < removed.length; i++) {
    const [was, now] = [removed[i], added[i]];
    const change = now.amount.minus(was.amount);
    const rnpvChange = was.rnpv && now.rnpv ? now.rnpv.minus(was.rnpv) : undefined;
    if (!change.isZero()) {
      total = total.plus(change);
      byKind.set(now.kind, byKind.get(now.kind)!.plus(change));
      byYear.set(String(now.year), byYear.get(String(now.year))!.plus(change));
    }
    if (rnpvChange && rnpv) rnpv = rnpv.plus(rnpvChange);
    if (now.payee) {
      const position = parties.get(now.payee)!;
      position.receives = position.receives.plus(change);
      if (valued && rnpvChange) position.rnpvReceives = position.rnpvReceives!.plus(rnpvChange);
    }
    if (now.payer) {
      const position = parties.get(now.payer)!;
      position.pays = position.pays.plus(change);
      if (valued && rnpvChange) position.rnpvPays = position.rnpvPays!.plus(rnpvChange);
    }
  }
  for (const position of parties.values()) {
    position.net = position.receives.minus(position.pays);
    if (valued) position.rnpv = position.rnpvReceives!.minus(position.rnpvPays!);
  }
  return { parties, byKind, byYear, total, ...(valued ? { rnpv } : {}) };
}
