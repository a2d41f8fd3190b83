// Risk-adjusted net present value (rNPV), the standard analyst method:
//   rNPV = amount × P × 1/(1+R)^t
// P: probability of reaching the payment's stage from the deal's current stage (probability.ts);
// R: the valuation's annual discount rate; t: years (days/365.25) from the valuation date to
// the payment date, a bare year meaning 1 July and a quarter its middle (Feb 15, May 15, Aug 15,
// Nov 15). Each payment's rNPV is rounded half-even to the cent, and every total is the sum of
// those cent figures, so what a table shows always adds up.
import Decimal from 'decimal.js';
import type * as ast from '../language/ast';
import type { DealModel, PaymentItem, PaymentKind } from '../model/deal-model';
import { modelFacet } from '../model/facets';
import { Money, ZERO } from '../model/money';
import { commercialStage, probabilityOfReaching } from '../model/probability';
import { fundingInstalments, labelOf, ownDate, signingDate } from './scenarios/schedule';
import { committedKinds, isCounted } from '../model/totals';
import { paymentKinds } from '../model/payment-kinds';
import { timesCounted } from '../model/programs';

export interface ValuationBasis {
  /** The valuation date: `as of`, else the signing date. */
  asOf: ast.DateLit;
  /** Annual discount rate as a fraction (10% → 0.1); 0 when the valuation gives none. */
  discount: Decimal;
  /** Discount factors already worked out, by years from the valuation date (many payments of a
   * deal fall on the same date), and ln(1 + R). Kept with the basis, so with the deal. */
  factors: Map<string, Decimal>;
  logOfGrowth?: Decimal;
}

/** The deal's valuation basis (one per deal model), or undefined when it has no `valuation`
 * block or no usable date. */
export const valuationBasis = modelFacet((model: DealModel): ValuationBasis | undefined => {
  const valuation = model.deal.valuation;
  if (!valuation) return undefined;
  const asOf = valuation.asOf ?? signingDate(model);
  if (!asOf || dayNumber(asOf) === undefined) return undefined;
  const discount = valuation.discount ? new Money(valuation.discount.value).div(100) : ZERO;
  if (discount.lte(-1)) return undefined;
  return { asOf, discount, factors: new Map() };
});

const quarterMiddle: Record<number, [number, number]> = { 1: [2, 15], 2: [5, 15], 3: [8, 15], 4: [11, 15] };

/** Days since 1970-01-01 of the day a date stands for; undefined for a date with no real year. */
export function dayNumber(date: ast.DateLit): number | undefined {
  if (!Number.isInteger(date.year)) return undefined;
  let month = 7;
  let day = 1;
  if (date.precision === 'day') {
    if (!date.month || !date.day) return undefined;
    [month, day] = [date.month, date.day];
  } else if (date.precision === 'month') {
    // A month counts as its 15th.
    if (!date.month || date.month > 12) return undefined;
    [month, day] = [date.month, 15];
  } else if (date.precision === 'quarter') {
    const middle = quarterMiddle[date.quarter ?? 0];
    if (!middle) return undefined;
    [month, day] = middle;
  }
  return Date.UTC(date.year, month - 1, day) / 86_400_000;
}

/** t: years (days/365.25) from the valuation date to a payment date; negative when before it. */
export function yearsFromValuation(basis: ValuationBasis, date: ast.DateLit): Decimal | undefined {
  const from = dayNumber(basis.asOf);
  const to = dayNumber(date);
  if (from === undefined || to === undefined) return undefined;
  return new Money(to - from).div('365.25');
}

/** Powers with a fractional exponent cost far more at 60 digits than they are worth: 40
 * significant digits keep every rNPV exact to the cent for amounts far beyond any deal's. */
const Factor = Decimal.clone({ precision: 40, rounding: Decimal.ROUND_HALF_EVEN, toExpNeg: -1e9, toExpPos: 1e9 });

/** 1/(1+R)^t. */
export function discountFactor(basis: ValuationBasis, date: ast.DateLit): Decimal | undefined {
  const t = yearsFromValuation(basis, date);
  if (t === undefined) return undefined;
  if (basis.discount.isZero() || t.isZero()) return new Money(1);
  const key = t.toFixed();
  let factor = basis.factors.get(key);
  if (!factor) {
    // (1+R)^-t = exp(-t · ln(1+R)); ln(1+R) is the same for every payment of a deal.
    const log = (basis.logOfGrowth ??= new Factor(1).plus(basis.discount).ln());
    factor = new Money(new Factor(t).neg().times(log).exp());
    basis.factors.set(key, factor);
  }
  return factor;
}

/** amount × P × 1/(1+R)^t, to the cent; undefined without a date or a probability. */
export function riskAdjust(
  basis: ValuationBasis, amount: Decimal, probability: Decimal | undefined, date: ast.DateLit | undefined,
): Decimal | undefined {
  if (!date || !probability) return undefined;
  const factor = discountFactor(basis, date);
  if (!factor) return undefined;
  return amount.times(probability).times(factor).toDecimalPlaces(2, Decimal.ROUND_HALF_EVEN);
}

export interface RnpvRow {
  label: string;
  kind: PaymentKind;
  item: PaymentItem;
  payer?: string;
  payee?: string;
  amount: Decimal;
  /** The stage the payment depends on (none for committed payments). */
  stage?: string;
  probability?: Decimal;
  date?: ast.DateLit;
  /** t, in years from the valuation date. */
  years?: Decimal;
  rnpv?: Decimal;
  contingent: boolean;
}

export interface RnpvPosition { receives: Decimal; pays: Decimal; net: Decimal }

export interface DealRnpv {
  basis: ValuationBasis;
  /** One row per payment, instalment, itemized milestone and undisclosed group rest. */
  rows: RnpvRow[];
  /** Per party (declaration order, then any undeclared payer or payee). */
  parties: Map<string, RnpvPosition>;
  committed: Decimal;
  contingent: Decimal;
  total: Decimal;
  /** Rows with no date or no stage probability: listed, not valued. */
  unvalued: RnpvRow[];
}

/**
 * The deal-level rNPV of every payment counted in the deal totals (committed and contingent),
 * or undefined when the deal has no valuation. Dates are the payments' own (`on`, `expected`);
 * a milestone group's undisclosed rest depends on its `by` stage and the group's own date.
 */
export const rnpvDeal = modelFacet((model: DealModel): DealRnpv | undefined => {
  const basis = valuationBasis(model);
  if (!basis) return undefined;
  const rows: RnpvRow[] = [];
  for (const item of model.payments) rnpvRowsInto(rows, model, basis, item);

  const parties = new Map<string, RnpvPosition>();
  for (const party of model.parties.keys()) parties.set(party, { receives: ZERO, pays: ZERO, net: ZERO });
  let committed = ZERO;
  let contingent = ZERO;
  for (const row of rows) {
    if (!row.rnpv) continue;
    if (row.contingent) contingent = contingent.plus(row.rnpv);
    else committed = committed.plus(row.rnpv);
    if (row.payee) positionOf(parties, row.payee).receives = positionOf(parties, row.payee).receives.plus(row.rnpv);
    if (row.payer) positionOf(parties, row.payer).pays = positionOf(parties, row.payer).pays.plus(row.rnpv);
  }
  for (const position of parties.values()) position.net = position.receives.minus(position.pays);
  return {
    basis, rows, parties, committed, contingent, total: committed.plus(contingent),
    unvalued: rows.filter((row) => row.rnpv === undefined),
  };
});

/** The rNPV rows of one top-level payment (a group's: one per milestone and its undisclosed
 * rest), or none when the deal has no valuation: what a payment's hover shows, without valuing
 * the rest of the deal. */
export function rnpvRowsOf(model: DealModel, item: PaymentItem): RnpvRow[] {
  const basis = valuationBasis(model);
  const rows: RnpvRow[] = [];
  if (basis) rnpvRowsInto(rows, model, basis, item);
  return rows;
}

function rnpvRowsInto(rows: RnpvRow[], model: DealModel, basis: ValuationBasis, item: PaymentItem): void {
  const launch = commercialStage(model.stages);
  const add = (item: PaymentItem, label: string, one: Decimal, stage: string | undefined, date: ast.DateLit | undefined) => {
    const contingent = !committedKinds.includes(item.kind);
    // A programme's payment: P runs from the programme's own stage, once per programme it stands for.
    const program = item.program ?? item.group?.program;
    const times = timesCounted(model, item);
    const amount = times === 1 ? one : one.times(times);
    const probability = contingent ? probabilityOfReaching(model, stage, program) : new Money(1);
    const row: RnpvRow = {
      label, kind: item.kind, item, payer: item.payer, payee: item.payee, amount, stage: contingent ? stage : undefined,
      probability, date, contingent,
    };
    if (date) row.years = yearsFromValuation(basis, date);
    row.rnpv = riskAdjust(basis, amount, probability, date);
    rows.push(row);
  };

  if (!isCounted(item)) return;
  const amount = item.amount!; // one programme's: `add` counts it once per programme
  const rule = paymentKinds[item.kind].scenario;
  switch (rule) {
    case 'yearly-instalments':
      for (const part of fundingInstalments(item, model)) {
        add(item, `${labelOf(item)} instalment ${part.index} of ${part.count}`, part.amount, undefined, part.date);
      }
      break;
    case 'at-its-stage':
      if (item.node.type !== 'MilestoneGroup') {
        add(item, labelOf(item), amount, item.node.at?.text, ownDate(item, model));
        break;
      }
      for (const milestone of item.items ?? []) {
        if (milestone.amount === undefined) continue;
        // A sales milestone of the group depends on launch, like any sales milestone.
        const stage = milestone.node.type === 'SalesMilestone' ? launch : milestone.node.at?.text ?? item.node.by?.text;
        add(milestone, labelOf(milestone), milestone.amount, stage, ownDate(milestone, model) ?? ownDate(item, model));
      }
      if (item.undisclosedRest?.gt(0)) {
        add(item, `${labelOf(item)} undisclosed rest`, item.undisclosedRest, item.node.by?.text, ownDate(item, model));
      }
      break;
    case 'sales-threshold':
      add(item, labelOf(item), amount, launch, ownDate(item, model));
      break;
    case 'on-its-date':
      add(item, labelOf(item), amount, item.node.at?.text, ownDate(item, model));
      break;
    case 'royalty-on-sales':
    case 'on-exercise':
    case 'listed-unvalued':
      break; // no deal-level figure, so never counted here
    default: {
      const _exhaustive: never = rule;
      return _exhaustive;
    }
  }
}

function positionOf(parties: Map<string, RnpvPosition>, name: string): RnpvPosition {
  let position = parties.get(name);
  if (!position) parties.set(name, (position = { receives: ZERO, pays: ZERO, net: ZERO }));
  return position;
}
