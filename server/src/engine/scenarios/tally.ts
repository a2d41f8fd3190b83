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
