// The portfolio rollup: every deal of the workspace in one reporting currency — totals per
// counterparty (a company with eight licensing deals sees what it receives and pays across all
// of them), per payment kind, and one row per deal. A deal in another currency is converted only
// by a rate the deal itself gives (`fx EUR = 1.08 USD`); without one it is listed apart, in its
// own currency, and never added to the totals. Every figure is to the cent (portfolio-cents.ts)
// and every total the sum of the figures shown; counterparties are matched by full name or
// ticker, never by a deal's short id (counterparties.ts).
import type Decimal from 'decimal.js';
import type { LineMap } from '../language/line-map';
import type { PaymentKind } from '../model/deal-model';
import { Money, ZERO } from '../model/money';
import { inKindOrder } from '../model/payment-kinds';
import { portfolioDealOf, type DealFigures, type PortfolioDeal, type PortfolioFx } from './portfolio-deal';
import { dealInCents } from './portfolio-cents';
import { matchCounterparties, type PartyOfDeal } from './counterparties';

export interface PortfolioOptions {
  /** The reporting currency (ISO code); default USD. */
  currency?: string;
}

/** Committed, contingent and their sum (the headline part). */
export interface Flow { committed: Decimal; contingent: Decimal; headline: Decimal }

export interface CounterpartyTotals {
  /** The party's id, as the first of its deals writes it. */
  name: string;
  /** Its full name, from the first deal that gives one. */
  title?: string;
  /** Its ticker, from the first deal that gives one. */
  ticker?: string;
  /** Its ids, where its deals write it under more than one (linked by full name or ticker). */
  ids?: string[];
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
  const sorted = [...deals].sort((a, b) => compare(a.uri, b.uri) || a.line - b.line || a.character - b.character);
  /** Each converted deal's figures in the reporting currency, to the cent. */
  const converted = new Map<PortfolioDealRow, PortfolioDeal>();
  const rows = sorted.map((exactly): PortfolioDealRow => {
    const deal = dealInCents(exactly);
    const own = flowOf(deal);
    if (deal.currency === currency) return { deal, own, reported: own };
    const conversion = conversionInto(deal, currency);
    if (!conversion) return { deal, own };
    const reported = dealInCents(exactly, conversion.convert);
    const row = { deal, own, fx: conversion.fx, reported: flowOf(reported) };
    converted.set(row, reported);
    return row;
  });

  let totals = emptyFlow();
  let counted = 0;
  const parties: PartyOfDeal<PortfolioDealRow>[] = [];
  const kinds = new Map<PaymentKind, KindTotals>();
  for (const row of rows) {
    if (!row.reported) continue;
    const deal = converted.get(row) ?? row.deal;
    counted++;
    totals = add(totals, row.reported);
    for (const party of deal.parties) parties.push({ deal: row, party });
    for (const [kind, amount] of Object.entries(deal.byKind) as [PaymentKind, string][]) {
      const entry = kinds.get(kind) ?? { kind, amount: ZERO, deals: 0 };
      kinds.set(kind, { kind, amount: entry.amount.plus(amount), deals: entry.deals + 1 });
    }
  }
  const counterparties = matchCounterparties(parties).map(counterpartyTotals)
    .sort((a, b) => compare(a.name.toLowerCase(), b.name.toLowerCase()) || compare(a.name, b.name)
      || compare((a.title ?? '').toLowerCase(), (b.title ?? '').toLowerCase()));
  const byKind = [...inKindOrder(kinds).values()];
  return { currency, deals: rows, totals: { ...totals, deals: counted }, counterparties, byKind, apart: rows.filter((r) => !r.reported) };
}

/** One counterparty across its deals: the sums of its positions (each already to the cent). */
function counterpartyTotals(group: PartyOfDeal<PortfolioDealRow>[]): CounterpartyTotals {
  const first = group[0].party;
  let receives = emptyFlow();
  let pays = emptyFlow();
  for (const { party } of group) {
    receives = add(receives, flow(new Money(party.committed.receives), new Money(party.contingent.receives)));
    pays = add(pays, flow(new Money(party.committed.pays), new Money(party.contingent.pays)));
  }
  const title = group.find((g) => g.party.title)?.party.title;
  const ticker = group.find((g) => g.party.ticker)?.party.ticker;
  const ids = [...new Set(group.map((g) => g.party.name))];
  return {
    name: first.name,
    ...(title ? { title } : {}),
    ...(ticker ? { ticker } : {}),
    ...(ids.length > 1 ? { ids } : {}),
    deals: new Set(group.map((g) => g.deal)).size,
    receives, pays, net: subtract(receives, pays),
  };
}

/** The portfolio as pages and views show it: already to the cent, every total adding up its
 * rows (kept for callers that ask for it by name). */
export function shownPortfolio(portfolio: Portfolio): Portfolio {
  return portfolio;
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

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
