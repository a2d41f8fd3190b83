// The portfolio rollup: every deal of the workspace in one reporting currency — totals per
// counterparty (a company with eight licensing deals sees what it receives and pays across all
// of them), per payment kind, and one row per deal. A deal in another currency is converted only
// by a rate the deal itself gives (`fx EUR = 1.08 USD`); without one it is listed apart, in its
// own currency, and never added to the totals. Exact decimals throughout.
import type Decimal from 'decimal.js';
import type { LineMap } from '../language/line-map';
import type { PaymentKind } from '../model/deal-model';
import { Money, ZERO, toCents } from '../model/money';
import { inKindOrder } from '../model/payment-kinds';
import { portfolioDealOf, type DealFigures, type PortfolioDeal, type PortfolioFx } from './portfolio-deal';
import { dealInCents } from './portfolio-cents';

export interface PortfolioOptions {
  /** The reporting currency (ISO code); default USD. */
  currency?: string;
  /** As shown: every figure read and every conversion to the cent, each total the sum of the
   * cent figures of its kinds, so the page adds up (see shown-figures.ts). */
  inCents?: boolean;
}

/** Committed, contingent and their sum (the headline part). */
export interface Flow { committed: Decimal; contingent: Decimal; headline: Decimal }

export interface CounterpartyTotals {
  /** The party's id, as the deals write it. */
  name: string;
  /** Its full name, from the first deal that gives one. */
  title?: string;
  /** Deals (in the reporting currency) the party is in. */
  deals: number;
  receives: Flow;
  pays: Flow;
  net: Flow;
}

export interface KindTotals { kind: PaymentKind; amount: Decimal; deals: number }

export interface PortfolioDealRow {
  deal: PortfolioDeal;
  /** Figures in the deal's own currency. */
  own: Flow;
  /** The deal's `fx` line that converts it into the reporting currency; absent for a deal in the
   * reporting currency, and for one that gives no rate (then `reported` is absent too). */
  fx?: PortfolioFx;
  /** Figures in the reporting currency; absent when not converted. */
  reported?: Flow;
}

export interface Portfolio {
  currency: string;
  /** Every deal, by file then position; those not converted have no `reported`. */
  deals: PortfolioDealRow[];
  /** Over the converted deals only. */
  totals: Flow & { deals: number };
  counterparties: CounterpartyTotals[];
  byKind: KindTotals[];
  /** Deals left out of the totals: in another currency with no rate to the reporting one. */
  apart: PortfolioDealRow[];
}

export interface PortfolioInput { uri: string; deal: DealFigures; lines: LineMap }

/** The portfolio of analysed deals. */
export function rollupPortfolio(deals: readonly PortfolioInput[], options: PortfolioOptions = {}): Portfolio {
  return combinePortfolio(deals.map(({ uri, deal, lines }) => portfolioDealOf(uri, deal, lines)), options);
}

/** The portfolio of deals already summarised (as the workspace index keeps them). */
export function combinePortfolio(deals: readonly PortfolioDeal[], options: PortfolioOptions = {}): Portfolio {
  const currency = options.currency?.trim().toUpperCase() || 'USD';
  const inCents = options.inCents === true;
  const sorted = [...deals].sort((a, b) => compare(a.uri, b.uri) || a.line - b.line || a.character - b.character);
  /** In cents, each converted deal's figures in the reporting currency, payment by payment. */
  const converted = new Map<PortfolioDealRow, PortfolioDeal>();
  const rows = sorted.map((exactly): PortfolioDealRow => {
    const deal = inCents ? dealInCents(exactly) : exactly;
    const own = flowOf(deal);
    if (deal.currency === currency) return { deal, own, reported: own };
    const conversion = conversionInto(deal, currency);
    if (!conversion) return { deal, own };
    if (!inCents) return { deal, own, fx: conversion.fx, reported: mapFlow(own, conversion.convert) };
    const reported = dealInCents(exactly, (amount) => toCents(conversion.convert(amount)));
    const row = { deal, own, fx: conversion.fx, reported: flowOf(reported) };
    converted.set(row, reported);
    return row;
  });

  let totals = emptyFlow();
  let counted = 0;
  const parties = new Map<string, CounterpartyTotals>();
  const kinds = new Map<PaymentKind, KindTotals>();
  for (const row of rows) {
    if (!row.reported) continue;
    const conversion = row.deal.currency === currency || inCents ? undefined : conversionInto(row.deal, currency);
    const into = (value: string) => (conversion ? conversion.convert(new Money(value)) : new Money(value));
    const deal = converted.get(row) ?? row.deal;
    counted++;
    totals = add(totals, row.reported);
    for (const party of deal.parties) {
      let entry = parties.get(party.name);
      if (!entry) parties.set(party.name, (entry = { name: party.name, deals: 0, receives: emptyFlow(), pays: emptyFlow(), net: emptyFlow() }));
      if (!entry.title && party.title) entry.title = party.title;
      entry.deals++;
      entry.receives = add(entry.receives, flow(into(party.committed.receives), into(party.contingent.receives)));
      entry.pays = add(entry.pays, flow(into(party.committed.pays), into(party.contingent.pays)));
    }
    for (const [kind, amount] of Object.entries(deal.byKind) as [PaymentKind, string][]) {
      const entry = kinds.get(kind) ?? { kind, amount: ZERO, deals: 0 };
      kinds.set(kind, { kind, amount: entry.amount.plus(into(amount)), deals: entry.deals + 1 });
    }
  }
  const counterparties = [...parties.values()]
    .map((p) => ({ ...p, net: subtract(p.receives, p.pays) }))
    .sort((a, b) => compare(a.name.toLowerCase(), b.name.toLowerCase()) || compare(a.name, b.name));
  const byKind = [...inKindOrder(kinds).values()];
  return { currency, deals: rows, totals: { ...totals, deals: counted }, counterparties, byKind, apart: rows.filter((r) => !r.reported) };
}

/** The portfolio as pages and views show it: to the cent, every total adding up its rows. */
export function shownPortfolio(portfolio: Portfolio): Portfolio {
  return combinePortfolio(portfolio.deals.map((row) => row.deal), { currency: portfolio.currency, inCents: true });
}

export interface Conversion {
  fx: PortfolioFx;
  convert(amount: Decimal): Decimal;
}

/** How the deal's own `fx` lines convert its currency into the reporting one: `fx EUR = 1.08 USD`
 * multiplies, the inverse `fx USD = 0.925 EUR` divides (exact where the quotient is: 412.5M / 1.1
 * is 375M, not 374,999,999.99…). */
export function conversionInto(deal: Pick<PortfolioDeal, 'currency' | 'fx'>, currency: string): Conversion | undefined {
  for (const fx of deal.fx) {
    const rate = new Money(fx.rate);
    if (rate.isZero() || rate.isNegative()) continue;
    if (fx.from === deal.currency && fx.to === currency) return { fx, convert: (amount) => amount.times(rate) };
  }
  for (const fx of deal.fx) {
    const rate = new Money(fx.rate);
    if (rate.isZero() || rate.isNegative()) continue;
    if (fx.from === currency && fx.to === deal.currency) return { fx, convert: (amount) => amount.div(rate) };
  }
  return undefined;
}

function flowOf(deal: Pick<PortfolioDeal, 'committed' | 'contingent'>): Flow {
  return flow(new Money(deal.committed), new Money(deal.contingent));
}

function flow(committed: Decimal, contingent: Decimal): Flow {
  return { committed, contingent, headline: committed.plus(contingent) };
}

function emptyFlow(): Flow {
  return flow(ZERO, ZERO);
}

function add(a: Flow, b: Flow): Flow {
  return flow(a.committed.plus(b.committed), a.contingent.plus(b.contingent));
}

function subtract(a: Flow, b: Flow): Flow {
  return flow(a.committed.minus(b.committed), a.contingent.minus(b.contingent));
}

function mapFlow(a: Flow, convert: (amount: Decimal) => Decimal): Flow {
  return flow(convert(a.committed), convert(a.contingent));
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
