// One deal as the portfolio sees it: its totals, each party's position, its payments and where
// each is declared, as plain data (exact decimal strings in the deal's currency). The workspace
// index keeps this for every file instead of the whole analysis, so a portfolio of hundreds of
// deals holds a few numbers per deal, not their syntax trees.
import type { LineMap } from '../language/line-map';
import type { DealModel, PaymentItem, PaymentKind } from '../model/deal-model';
import type { DealTotals } from '../model/totals';
import { isWritten } from '../model/deal-walk';
import { exact } from '../model/money';
import { paymentLabel } from '../model/describe';
import { timesCounted } from '../model/programs';

/** A 0-based place in a file (where a name is written). */
export interface PortfolioPlace { line: number; character: number }

export interface PortfolioParty extends PortfolioPlace {
  /** The party's id in the deal (`ImmunoGen`). */
  name: string;
  /** Its full name where the deal gives one (`ImmunoGen, Inc.`): counterparties are matched
   * across deals by it, or by the ticker (see counterparties.ts). */
  title?: string;
  /** Its `ticker` where the deal gives one (`NASDAQ:IMGN`). */
  ticker?: string;
  receives: string;
  pays: string;
  committed: { receives: string; pays: string };
  contingent: { receives: string; pays: string };
}

export interface PortfolioPayment extends PortfolioPlace {
  label: string;
  kind: PaymentKind;
  payer?: string;
  payee?: string;
  /** In the deal currency; absent where the payment has no fixed figure (royalty, undisclosed…). */
  amount?: string;
  /** How many times the deal's totals count it (a programme with `count 2`); absent when once. */
  count?: number;
  /** A milestone group's cap (`up to`), shown as such. */
  cap?: boolean;
  /** A group's itemized milestones. */
  items?: PortfolioPayment[];
}

/** `fx FROM = RATE TO` as the deal writes it. */
export interface PortfolioFx { from: string; rate: string; to: string }

export interface PortfolioDeal extends PortfolioPlace {
  id: string;
  title?: string;
  uri: string;
  currency: string;
  committed: string;
  contingent: string;
  headline: string;
  byKind: Partial<Record<PaymentKind, string>>;
  parties: PortfolioParty[];
  payments: PortfolioPayment[];
  fx: PortfolioFx[];
}

/** What the portfolio reads of an analysed deal. */
export interface DealFigures { model: DealModel; totals: DealTotals }

export function portfolioDealOf(uri: string, { model, totals }: DealFigures, lines: LineMap): PortfolioDeal {
  const deal = model.deal;
  const place = (offset: number): PortfolioPlace => {
    const at = lines.positionAt(offset);
    return { line: at.line, character: at.character };
  };
  const parties: PortfolioParty[] = [];
  for (const [name, position] of totals.parties) {
    const declared = model.parties.get(name);
    parties.push({
      name,
      ...(declared?.title?.value ? { title: declared.title.value } : {}),
      ...(declared?.ticker?.value ? { ticker: declared.ticker.value } : {}),
      ...place(declared && isWritten(declared.name) ? declared.name.span.start : deal.name.span.start),
      receives: exact(position.receives),
      pays: exact(position.pays),
      committed: { receives: exact(position.committed.receives), pays: exact(position.committed.pays) },
      contingent: { receives: exact(position.contingent.receives), pays: exact(position.contingent.pays) },
    });
  }
  const payment = (item: PaymentItem): PortfolioPayment => {
    const node = item.node;
    const named = isWritten(node.name);
    return {
      label: paymentLabel(item),
      kind: item.kind,
      ...place(named ? node.name!.span.start : node.keywordSpan.start),
      ...(item.payer ? { payer: item.payer } : {}),
      ...(item.payee ? { payee: item.payee } : {}),
      ...(item.amount !== undefined ? { amount: exact(item.amount) } : {}),
      ...(timesCounted(model, item) !== 1 ? { count: timesCounted(model, item) } : {}),
      ...(node.type === 'MilestoneGroup' && node.cap ? { cap: true } : {}),
      ...(item.items ? { items: item.items.map(payment) } : {}),
    };
  };
  const byKind: PortfolioDeal['byKind'] = {};
  for (const [kind, amount] of totals.byKind) byKind[kind] = exact(amount);
  return {
    id: deal.name.text,
    ...(deal.title?.value ? { title: deal.title.value } : {}),
    uri,
    ...place(deal.name.span.start),
    currency: model.currency,
    committed: exact(totals.committed),
    contingent: exact(totals.contingent),
    headline: exact(totals.headline),
    byKind,
    parties,
    payments: model.payments.map(payment),
    fx: deal.fx.filter((fx) => isWritten(fx.from) && isWritten(fx.to)).map((fx) => ({ from: fx.from.text, rate: fx.rate.toFixed(), to: fx.to.text })),
  };
}

/** Every written deal of an analysed file. */
export function portfolioDealsOf(uri: string, document: { deals: DealFigures[]; lines: LineMap }): PortfolioDeal[] {
  return document.deals.filter((d) => isWritten(d.model.deal.name)).map((d) => portfolioDealOf(uri, d, document.lines));
}
