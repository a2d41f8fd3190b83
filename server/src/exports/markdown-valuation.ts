// "Valuation (rNPV)" in Markdown: the same facts as the HTML's valuation section — the basis, the
// deal terms risk-adjusted row by row, each party's risk-adjusted position and each scenario's.
import type Decimal from 'decimal.js';
import type { DealModel } from '../model/deal-model';
import { dateText, partyName } from '../model/describe';
import { mdTable, mdText } from '../model/markdown-text';
import { formatMoney, formatPercent } from '../model/money';
import { currentStage } from '../model/probability';
import { rnpvDeal } from '../engine/rnpv';
import { comparedScenarios, type ShownScenarios } from './shown-scenarios';

export function valuationMarkdown(model: DealModel, shown: ShownScenarios): string[] {
  const rnpv = rnpvDeal(model);
  if (!rnpv) return model.deal.valuation ? ['## Valuation (rNPV)', '', '_No valuation date: add `as of DATE` or a `signed` date._', ''] : [];
  const money = (v: Decimal) => formatMoney(v, model.currency);
  const out = ['## Valuation (rNPV)', ''];
  out.push(mdTable(['Term', 'Detail'], [
    ['As of', dateText(rnpv.basis.asOf) ?? ''],
    ['Discount rate', `${formatPercent(rnpv.basis.discount.times(100))} a year`],
    ['Current stage', currentStage(model) ?? ''],
    ['rNPV of the deal terms', `${money(rnpv.total)} (committed ${money(rnpv.committed)}, contingent ${money(rnpv.contingent)})`],
  ].filter((row) => row[1])), '');
  out.push(mdTable(['Payment', 'Stage', 'Probability', 'Date', 'Amount', 'rNPV'], [
    ...rnpv.rows.map((row) => [
      row.label, row.stage ?? 'committed', row.probability ? formatPercent(row.probability.times(100).toDecimalPlaces(2)) : '—',
      dateText(row.date) ?? '—', money(row.amount), row.rnpv ? money(row.rnpv) : 'not valued',
    ]),
    ['Total', '', '', '', '', money(rnpv.total)],
  ], [2, 4, 5]), '');
  const parties = [...rnpv.parties.keys()];
  out.push('Per party, risk-adjusted:', '', mdTable(['Party', 'Receives', 'Pays', 'Net'], parties.map((p) => {
    const position = rnpv.parties.get(p)!;
    return [partyName(model, p), money(position.receives), money(position.pays), money(position.net)];
  }), [1, 2, 3]), '');
  const withRnpv = shown.compared.filter((r) => r.rnpv);
  if (withRnpv.length) {
    const which = shown.notCompared.length ? ` (the first ${comparedScenarios} of ${shown.count}, as in the comparison)` : '';
    out.push(mdText(`Per scenario, risk-adjusted${which}:`), '', mdTable(['Scenario', ...parties.map((p) => `${partyName(model, p)} rNPV`), 'All payments rNPV'],
      withRnpv.map((r) => [r.scenario.name.text, ...parties.map((p) => { const v = r.parties.get(p)?.rnpv; return v ? money(v) : '—'; }), money(r.rnpv!)]),
      parties.map((_, i) => i + 1).concat(parties.length + 1)), '');
  }
  return out;
}
