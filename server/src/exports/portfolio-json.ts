// The portfolio as plain data for the protocol and scripts: decimal strings (as the rollup JSON
// writes them), to the cent as every view of the portfolio shows them, and the Deals tree the editor shows (deals → parties and payments,
// each with its figure and where it is declared). The editor only displays these nodes.
import type { PaymentKind } from '../model/deal-model';
import { exact, formatAmount, formatMoney, formatShort, Money } from '../model/money';
import type { PortfolioPayment } from '../engine/portfolio-deal';
import { visibleText } from '../language/unusual-characters';
import { shownPortfolio, type Flow, type Portfolio, type PortfolioDealRow } from '../engine/portfolio';

export interface FlowJson { committed: string; contingent: string; headline: string }

export interface PortfolioDealJson {
  id: string;
  title?: string;
  uri: string;
  line: number;
  character: number;
  currency: string;
  /** In the deal's currency. */
  committed: string;
  contingent: string;
  headline: string;
  /** The deal's rate used to convert it (`1 EUR = 1.08 USD`); absent for a deal in the reporting
   * currency and for one with no rate (then not in the totals, and no `reported`). */
  fx?: string;
  /** In the reporting currency, when converted. */
  reported?: FlowJson;
}

export interface PortfolioJson {
  currency: string;
  totals: FlowJson & { deals: number };
  /** Parties matched across deals by full name or ticker, never by id alone. */
  counterparties: { name: string; title?: string; ticker?: string; ids?: string[]; deals: number; receives: FlowJson; pays: FlowJson; net: FlowJson }[];
  byKind: { kind: PaymentKind; amount: string; deals: number }[];
  deals: PortfolioDealJson[];
  /** Ids of the deals not in the totals (no rate to the reporting currency). */
  apart: string[];
}

export function flowJson(flow: Flow): FlowJson {
  return { committed: exact(flow.committed), contingent: exact(flow.contingent), headline: exact(flow.headline) };
}

function dealJson(row: PortfolioDealRow): PortfolioDealJson {
  const { deal } = row;
  return {
    id: deal.id,
    ...(deal.title ? { title: deal.title } : {}),
    uri: deal.uri,
    line: deal.line,
    character: deal.character,
    currency: deal.currency,
    committed: deal.committed,
    contingent: deal.contingent,
    headline: deal.headline,
    ...(row.fx ? { fx: `1 ${row.fx.from} = ${row.fx.rate} ${row.fx.to}` } : {}),
    ...(row.reported ? { reported: flowJson(row.reported) } : {}),
  };
}

export function portfolioJson(portfolio: Portfolio): PortfolioJson {
  return {
    currency: portfolio.currency,
    totals: { ...flowJson(portfolio.totals), deals: portfolio.totals.deals },
    counterparties: portfolio.counterparties.map((p) => ({
      name: p.name, ...(p.title ? { title: p.title } : {}), ...(p.ticker ? { ticker: p.ticker } : {}), ...(p.ids ? { ids: p.ids } : {}), deals: p.deals,
      receives: flowJson(p.receives), pays: flowJson(p.pays), net: flowJson(p.net),
    })),
    byKind: portfolio.byKind.map((k) => ({ kind: k.kind, amount: exact(k.amount), deals: k.deals })),
    deals: portfolio.deals.map(dealJson),
    apart: portfolio.apart.map((r) => r.deal.id),
  };
}

/** One row of the Deals tree: what it says and where a click goes. A tooltip of several lines
 * (a deal's) reads as its first line, the title, then one line per figure. */
export interface DealTreeNode {
  kind: 'deal' | 'party' | 'payment';
  label: string;
  description?: string;
  tooltip?: string;
  uri: string;
  line: number;
  character: number;
  children?: DealTreeNode[];
}

/** Deals → parties (receives/pays) and payments (amounts), in each deal's own currency. Labels
 * and tooltips show control and invisible characters as marks (`\x1b`, `<U+202E>`). */
export function dealTree(portfolio: Portfolio): DealTreeNode[] {
  return shownPortfolio(portfolio).deals.map(({ deal, own, reported }) => {
    const short = (value: string) => formatShort(new Money(value), deal.currency);
    const at = (place: { line: number; character: number }) => ({ uri: deal.uri, line: place.line, character: place.character });
    const parties = deal.parties.map((p): DealTreeNode => ({
      kind: 'party', label: p.name, description: `receives ${short(p.receives)} · pays ${short(p.pays)}`,
      ...(p.title ? { tooltip: visibleText(p.title) } : {}), ...at(p),
    }));
    const payment = (item: PortfolioPayment): DealTreeNode => ({
      kind: 'payment',
      label: visibleText(item.label),
      description: [item.amount !== undefined ? `${item.cap ? 'up to ' : ''}${short(item.amount)}` : 'no fixed figure', item.kind].join(' · '),
      ...(item.payer && item.payee ? { tooltip: `${item.payer} → ${item.payee}` } : {}),
      ...at(item),
      ...(item.items?.length ? { children: item.items.map(payment) } : {}),
    });
    // The reporting currency's figure is committed + contingent: shown where that is the headline.
    const counted = new Money(deal.headline).eq(own.headline);
    const converted = !counted ? undefined : reported && deal.currency !== portfolio.currency
      ? formatShort(reported.headline, portfolio.currency)
      : !reported ? `no ${deal.currency}→${portfolio.currency} rate` : undefined;
    const title = visibleText(deal.title ?? deal.id);
    return {
      kind: 'deal',
      // The deal's own headline, counted as its `headline` line states (options, equity): the
      // figure its hover and rollup show. It comes first, so a narrow sidebar cuts the title,
      // never the figure; the full title is the tooltip's first line.
      label: `${formatShort(new Money(deal.headline), deal.currency)} · ${title}`,
      ...(converted ? { description: converted } : {}),
      tooltip: [
        deal.title ? `${title} (${deal.id})` : title,
        `Headline ${formatMoney(new Money(deal.headline), deal.currency)}${counted ? '' : ', as the headline line counts it'}`,
        `Committed ${formatAmount(own.committed, deal.currency)} + contingent ${formatAmount(own.contingent, deal.currency)}`,
        ...(reported && deal.currency !== portfolio.currency && counted ? [`In ${portfolio.currency}: ${formatMoney(reported.headline, portfolio.currency)}`] : []),
        ...(!reported ? [`No ${deal.currency}→${portfolio.currency} exchange rate in the deal: left out of the portfolio totals.`] : []),
      ].join('\n'),
      ...at(deal),
      children: [...parties, ...deal.payments.map(payment)],
    };
  });
}

