// The term sheet as HTML: the preview in the editor and the stand-alone export. A pure function
// of the analysed document; no scripts and no remote resources, ever. Every string from the
// file is escaped (see html-kit.ts).
import { byKindFoot, headlineAsAnnounced, headlineConventionText } from '../model/headline';
import type Decimal from 'decimal.js';
import type { AnalyzedDeal, AnalyzedDocument } from '../document/analyze';
import { formatMoney, formatNumber } from '../model/money';
import { capitalize } from '../model/deal-walk';
import { partyName, roleText, dateText } from '../model/describe';
import { kindsCounting, kindsInWords, kindTotalLabel, uncountedKindsInWords } from '../model/payment-kinds';
import { shownDeal } from '../model/shown-figures';
import { esc, el, facts, figure, lineAttr, noLines, raw, section, table, type Cell, type LineOf } from './html-kit';
import { scenariosSection, valuationSection } from './html-scenarios';
import { valueSection, valuedScenarios } from './html-value';
import { termSheetCss } from './html-style';
import { economicsSection, grantSection, milestonesSection, optionsSection, programsSection, royaltiesSection } from './html-terms';
import { shownScenarios } from './shown-scenarios';

export interface RenderHtmlOptions {
  /** Show only this scenario's detail (the comparison still lists the scenarios it lists without). */
  scenario?: string;
  /** For a webview: the nonce of the style element, written into a Content-Security-Policy. */
  cspNonce?: string;
  /** For a webview: its `webview.cspSource`, allowed for styles and images. */
  cspSource?: string;
  /** A complete HTML document (default); `false` gives the `<style>` and `<main>` to embed. */
  standalone?: boolean;
  /** For the editor's preview: rows and headings carry the source line they come from
   * (`data-line`, 0-based) and problems link to theirs. Exports leave this off. */
  sourceLinks?: boolean;
}

export function renderHtml(document: AnalyzedDocument, options: RenderHtmlOptions = {}): string {
  const title = document.deals.length === 1
    ? document.deals[0].model.deal.title?.value ?? document.deals[0].model.deal.name.text
    : 'Deal term sheet';
  const nonce = options.cspNonce ? ` nonce="${esc(options.cspNonce)}"` : '';
  const style = `<style${nonce}>${termSheetCss}</style>`;
  const lineOf: LineOf = options.sourceLinks ? (span) => (span ? document.lines.positionAt(span.start).line : undefined) : noLines;
  const main = options.sourceLinks ? '<main class="linked">' : '<main>';
  const body = `${main}${diagnosticsBlock(document, !!options.sourceLinks)}${document.deals.map((deal) => dealHtml(shownDeal(deal), options, lineOf)).join('')}`
    + `${document.deals.length ? '' : el('p', 'note', 'This file has no deal yet: start one with deal Name "title" { … }.')}</main>`;
  if (options.standalone === false) return `${style}\n${body}\n`;
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
${cspMeta(options)}<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(title)}</title>
${style}
</head>
<body>
${body}
</body>
</html>
`;
}

/** The policy of an exported page: inert in any browser whatever it holds, no script, nothing fetched. */
export const exportCsp = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'";

/** The Content-Security-Policy of a webview page (styles and scripts only under its nonce), or of an export. */
export function cspMeta(options: Pick<RenderHtmlOptions, 'cspNonce' | 'cspSource'>): string {
  if (!options.cspNonce) return `<meta http-equiv="Content-Security-Policy" content="${exportCsp}">\n`;
  const source = options.cspSource ? `${esc(options.cspSource)} ` : '';
  const nonce = esc(options.cspNonce);
  return `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src ${source}'nonce-${nonce}'; img-src ${source}data:; script-src 'nonce-${nonce}';">\n`;
}

/** Problems first, where a reader sees them before trusting any figure. */
function diagnosticsBlock(document: AnalyzedDocument, links: boolean): string {
  if (!document.diagnostics.length) return '';
  const errors = document.diagnostics.filter((d) => d.severity === 'error').length;
  const items = document.diagnostics.map((d) => {
    const at = document.lines.positionAt(d.span.start);
    const where = `line ${at.line + 1}, column ${at.character + 1}`;
    // In the preview the place is a link: a click reveals it in the editor.
    const place = links ? `<a class="source-link" href="#"${lineAttr(at.line)}>${where}</a>` : where;
    return `<li><span class="sev-${esc(d.severity)}">${esc(d.severity)}</span> ${place}: `
      + `${esc(d.message)} <code>${esc(d.code)}</code></li>`;
  }).join('');
  const heading = errors
    ? `${errors} error${errors === 1 ? '' : 's'}: the figures below may be incomplete`
    : `${document.diagnostics.length} note${document.diagnostics.length === 1 ? '' : 's'} on this file`;
  return `<aside class="diagnostics${errors ? ' has-errors' : ''}"><strong>${esc(heading)}</strong><ul>${items}</ul></aside>`;
}

function dealHtml(analyzed: AnalyzedDeal, options: RenderHtmlOptions, lineOf: LineOf): string {
  const { model } = analyzed;
  const shown = shownScenarios(model, options.scenario);
  return `<article class="deal">${titleBlock(analyzed, lineOf)}${summarySection(analyzed)}${grantSection(model, lineOf)}${programsSection(model, lineOf)}${economicsSection(model, lineOf)}`
    + `${milestonesSection(model, lineOf)}${royaltiesSection(model, lineOf)}${optionsSection(model, lineOf)}`
    + `${scenariosSection(model, shown, lineOf)}${valueSection(model, valuedScenarios(model, shown.detailed), lineOf)}${valuationSection(model, shown)}</article>`;
}

function titleBlock({ model }: AnalyzedDeal, lineOf: LineOf): string {
  const deal = model.deal;
  const parties = deal.parties.map((party) => {
    const extra = [party.name.text, party.ticker?.value, party.country?.text].filter(Boolean).join(', ');
    const role = roleText(party);
    return `<li${lineAttr(lineOf(party.span))}>${el('strong', undefined, party.title?.value ?? party.name.text)}${role ? el('span', 'role', role) : ''} ${el('span', 'note', `(${extra})`)}</li>`;
  }).join('');
  const declared = deal.headline ? model.convert(deal.headline) : undefined;
  return `<header>${el('h1', undefined, deal.title?.value ?? deal.name.text, lineOf(deal.span))}`
    + el('p', 'subtitle', `${deal.name.text} · amounts in ${model.currency}`)
    + facts([
      ['Parties', parties ? raw(`<ul class="parties">${parties}</ul>`) : undefined],
      ['Signed', dateText(deal.signed)],
      ['Effective', dateText(deal.effective)],
      ['Announced', dateText(deal.announced)],
      ['Development stage', deal.stage?.text],
      ['Source', deal.source?.value],
      ['Headline as announced', declared ? headlineAsAnnounced(deal, formatMoney(declared, model.currency)) : undefined],
      ['Exchange rates', deal.fx.map((fx) => `1 ${fx.from.text} = ${formatNumber(fx.rate)} ${fx.to.text}`).join('; ') || undefined],
    ]) + '</header>';
}

function summarySection({ model, totals }: AnalyzedDeal): string {
  const money = (v: Decimal) => formatMoney(v, model.currency);
  const card = (label: string, value: Decimal, detail: string) =>
    `<div class="card">${el('div', 'label', label)}${el('div', 'value', money(value))}${el('div', 'detail', detail)}</div>`;
  const cards = `<div class="cards">${card('Headline value', totals.headline, headlineConventionText(model.deal))}`
    + `${card('Committed', totals.committed, kindsInWords(kindsCounting('committed')))}`
    + `${card('Contingent', totals.contingent, `${kindsInWords(kindsCounting('contingent'))}; a group counts its cap`)}`
    + `${model.exercisePayments.length ? card('On exercise', totals.onExercise, 'payments once an option is exercised; not in the headline') : ''}</div>`;
  const fig = (v: Decimal) => figure(v, model.currency);
  const parties = table(['Party', 'Receives', 'Pays', 'Net', 'Committed in', 'Contingent in'],
    [...totals.parties].map(([id, p]): Cell[] => [
      partyName(model, id), fig(p.receives), fig(p.pays), fig(p.net), fig(p.committed.receives), fig(p.contingent.receives),
    ]), { numeric: [1, 2, 3, 4, 5], caption: 'Per party (deal terms, before scenarios)' });
  const byKind = totals.byKind.size
    ? table(['Kind', 'Amount'], [...totals.byKind].map(([k, v]): Cell[] => [kindTotalLabel(k), fig(v)]),
      { numeric: [1], caption: 'By kind', foot: byKindFoot<Cell>(model.deal, totals, fig), className: 'compact' })
    : '';
  const note = el('p', 'note', `${capitalize(uncountedKindsInWords())} have no deal-level figure: they count in scenarios.`);
  return section('summary', 'Summary', cards + parties + byKind + note);
}
