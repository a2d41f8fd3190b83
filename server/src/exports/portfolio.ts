// The portfolio rollup as a page (the editor's Deal: Show Portfolio Rollup) and as Markdown:
// the totals, each counterparty across its deals, each kind, each deal — in the reporting
// currency, with the deals that could not be converted set apart and said why. Same styling
// and escaping as the term sheet.
import type Decimal from 'decimal.js';
import { formatMoney } from '../model/money';
import { capitalize } from '../model/deal-walk';
import { kindsCounting, kindsInWords, kindTotalLabel, uncountedKindsInWords } from '../model/payment-kinds';
import { shownPortfolio, type CounterpartyTotals, type Portfolio, type PortfolioDealRow } from '../engine/portfolio';
import { cspMeta } from './html';
import { el, esc, figure, joined, section, table, type Cell } from './html-kit';
import { termSheetCss } from './html-style';
import { mdTable, mdText } from '../model/markdown-text';

export interface RenderPortfolioOptions {
  /** For a webview: the nonce of the style element and its CSP source (as the term sheet). */
  cspNonce?: string;
  cspSource?: string;
  /** How a file is named in the table (default: the last part of its URI). */
  fileLabel?: (uri: string) => string;
}

export function fileName(uri: string): string {
  const last = uri.slice(uri.lastIndexOf('/') + 1);
  try {
    return decodeURIComponent(last);
  } catch {
    return last;
  }
}

/** Why a deal is not in the totals, and how to fix it, in the deal person's words. */
export function apartReason(row: PortfolioDealRow, currency: string): string {
  const { deal } = row;
  return `${deal.id} is in ${deal.currency} and gives no exchange rate to ${currency}: add \`fx ${deal.currency} = … ${currency}\` to the deal to count it.`;
}

/** A counterparty by its full name and id(s): `Ipsen S.A. (Ipsen)`. */
export function counterpartyName(p: CounterpartyTotals): string {
  const ids = (p.ids ?? [p.name]).join(', ');
  return p.title && p.title !== ids ? `${p.title} (${ids})` : ids;
}

function counting(portfolio: Portfolio): string {
  const files = new Set(portfolio.deals.map((r) => r.deal.uri)).size;
  const deals = portfolio.deals.length;
  return `${deals} deal${deals === 1 ? '' : 's'} in ${files} file${files === 1 ? '' : 's'} · amounts in ${portfolio.currency}`;
}

export function renderPortfolioHtml(exactly: Portfolio, options: RenderPortfolioOptions = {}): string {
  const portfolio = shownPortfolio(exactly);
  const money = (v: Decimal) => formatMoney(v, portfolio.currency);
  const fileLabel = options.fileLabel ?? fileName;
  const { totals } = portfolio;
  const card = (label: string, value: Decimal, detail: string) =>
    `<div class="card">${el('div', 'label', label)}${el('div', 'value', money(value))}${el('div', 'detail', detail)}</div>`;
  const cards = `<div class="cards">${card('Headline value', totals.headline, `${totals.deals} deal${totals.deals === 1 ? '' : 's'}, committed + contingent`)}`
    + `${card('Committed', totals.committed, kindsInWords(kindsCounting('committed')))}`
    + `${card('Contingent', totals.contingent, `${kindsInWords(kindsCounting('contingent'))}; a group counts its cap`)}</div>`;

  const fig = (v: Decimal) => figure(v, portfolio.currency);
  const parties = table(['Counterparty', 'Deals', 'Receives', 'Pays', 'Net', 'Net committed', 'Net contingent'],
    portfolio.counterparties.map((p): Cell[] => [
      counterpartyName(p), String(p.deals),
      fig(p.receives.headline), fig(p.pays.headline), fig(p.net.headline), fig(p.net.committed), fig(p.net.contingent),
    ]), { numeric: [1, 2, 3, 4, 5, 6], caption: 'Per counterparty, across its deals' });
  const kinds = portfolio.byKind.length
    ? table(['Kind', 'Deals', 'Amount'], portfolio.byKind.map((k): Cell[] => [kindTotalLabel(k.kind), String(k.deals), fig(k.amount)]),
      // The section's heading says "By kind": no caption repeating it.
      { numeric: [1, 2], foot: ['Headline', '', fig(totals.headline)], className: 'compact' })
    : '';
  const deals = table(['Deal', 'File', 'Currency', 'Headline', 'Committed', 'Contingent', `Headline in ${portfolio.currency}`],
    portfolio.deals.map((row): Cell[] => {
      const own = (v: Decimal) => figure(v, row.deal.currency);
      const reported = row.reported
        ? joined(fig(row.reported.headline), row.fx ? ` (1 ${row.fx.from} = ${row.fx.rate} ${row.fx.to})` : '')
        : 'not converted';
      return [row.deal.title ? `${row.deal.title} (${row.deal.id})` : row.deal.id, fileLabel(row.deal.uri), row.deal.currency,
        own(row.own.headline), own(row.own.committed), own(row.own.contingent), reported];
    }), { numeric: [3, 4, 5, 6], caption: 'Per deal', rowClasses: portfolio.deals.map((r) => (r.reported ? undefined : 'rest')) });
  const apart = portfolio.apart.length
    ? `<aside class="diagnostics"><strong>${esc(`Not in the totals: ${portfolio.apart.length} deal${portfolio.apart.length === 1 ? '' : 's'} in another currency`)}</strong><ul>`
      + `${portfolio.apart.map((r) => `<li>${esc(apartReason(r, portfolio.currency))}</li>`).join('')}</ul></aside>`
    : '';
  const note = el('p', 'note', `${capitalize(uncountedKindsInWords())} have no deal-level figure: they count in each deal’s scenarios.`);
  const body = portfolio.deals.length
    ? `${apart}${cards}${section('counterparties', 'Counterparties', parties)}${section('kinds', 'By kind', kinds)}${section('deals', 'Deals', deals)}${note}`
    : el('p', 'note', 'No .deal files in the workspace yet: the portfolio totals every deal it finds.');
  const nonce = options.cspNonce ? ` nonce="${esc(options.cspNonce)}"` : '';
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
${cspMeta(options)}<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Portfolio rollup</title>
<style${nonce}>${termSheetCss}</style>
</head>
<body>
<main><header>${el('h1', undefined, 'Portfolio rollup')}${el('p', 'subtitle', counting(portfolio))}</header>${body}</main>
</body>
</html>
`;
}

export function renderPortfolioMarkdown(exactly: Portfolio, options: Pick<RenderPortfolioOptions, 'fileLabel'> = {}): string {
  const portfolio = shownPortfolio(exactly);
  const money = (v: Decimal) => formatMoney(v, portfolio.currency);
  const fileLabel = options.fileLabel ?? fileName;
  const out = ['# Portfolio rollup', '', mdText(counting(portfolio)), ''];
  if (!portfolio.deals.length) return `${out.join('\n')}_No .deal files in the workspace yet._\n`;
  for (const r of portfolio.apart) out.push(`> Not in the totals: ${mdText(apartReason(r, portfolio.currency))}`, '');
  const { totals } = portfolio;
  out.push(mdTable(['Headline value', 'Committed', 'Contingent', 'Deals'], [[money(totals.headline), money(totals.committed), money(totals.contingent), String(totals.deals)]], [0, 1, 2, 3]), '');
  out.push('## Counterparties', '', mdTable(['Counterparty', 'Deals', 'Receives', 'Pays', 'Net'],
    portfolio.counterparties.map((p) => [counterpartyName(p), String(p.deals), money(p.receives.headline), money(p.pays.headline), money(p.net.headline)]), [1, 2, 3, 4]), '');
  if (portfolio.byKind.length) {
    out.push('## By kind', '', mdTable(['Kind', 'Deals', 'Amount'], portfolio.byKind.map((k) => [kindTotalLabel(k.kind), String(k.deals), money(k.amount)]), [1, 2]), '');
  }
  out.push('## Deals', '', mdTable(['Deal', 'File', 'Currency', 'Headline', `Headline in ${portfolio.currency}`],
    portfolio.deals.map((r) => [r.deal.id, fileLabel(r.deal.uri), r.deal.currency, formatMoney(r.own.headline, r.deal.currency),
      r.reported ? money(r.reported.headline) : 'not converted']), [3, 4]), '');
  return `${out.join('\n').trimEnd()}\n`;
}
