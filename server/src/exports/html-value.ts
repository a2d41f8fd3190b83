// "Value to each party": for each scenario that gives its costs, the pie (each party's value
// and share of the project value, drawn as bars so that a party that loses shows below zero),
// each party's lines, each party's cash position year by year, and the option decision in words.
import type Decimal from 'decimal.js';
import type * as ast from '../language/ast';
import type { DealModel } from '../model/deal-model';
import { partyName } from '../model/describe';
import { formatMoney, formatShort, toCents, ZERO } from '../model/money';
import { decisionWords, pieShare } from '../engine/economics/decision-words';
import type { ScenarioEconomics } from '../engine/economics/types';
import { scenarioEconomicsOf } from '../engine/economics';
import type { ScenarioRollup } from '../engine/scenarios';
import { el, esc, figure, table, type LineOf, noLines } from './html-kit';
import { optionWords } from './reader-words';
import { axes, chartedParties, legend, netByPartyAndYear, partyLinesChart, px, runningTotals, scale, span, svg } from './svg-charts';

export interface ValuedScenario { rollup: ScenarioRollup; economics: ScenarioEconomics }

/** The rollups shown that give their costs, with their economics. */
export function valuedScenarios(model: DealModel, rollups: readonly ScenarioRollup[]): ValuedScenario[] {
  return rollups.flatMap((rollup) => {
    const economics = scenarioEconomicsOf(model, rollup.scenario);
    return economics ? [{ rollup, economics }] : [];
  });
}

export function valueSection(model: DealModel, valued: readonly ValuedScenario[], lineOf: LineOf = noLines): string {
  if (!valued.length) return '';
  const parts = valued.map((v) => scenarioValue(model, v, lineOf)).join('');
  return `<section class="value"><h2>Value to each party</h2>${parts}`
    + '<p class="note">Figures are nominal, unrisked and pre-tax unless marked rNPV. Equity counts at its premium only. '
    + 'The break-even is the one approximation: found to 10⁻⁶, shown to two decimals.</p></section>';
}

function scenarioValue(model: DealModel, { rollup, economics }: ValuedScenario, lineOf: LineOf): string {
  const money = (value: Decimal) => formatMoney(toCents(value), model.currency);
  const scenario: ast.Scenario = rollup.scenario;
  const project = economics.totals.projectValue;
  const heading = el('h3', undefined, `${scenario.name.text}${scenario.title ? `: ${scenario.title.value}` : ''}`, lineOf(scenario.span));
  const pie = `<p>Project value <strong>${esc(money(project))}</strong> (operating profit ${esc(money(economics.totals.operatingProfit))} − development ${esc(money(economics.totals.development))}).</p>`;
  const fig = (value: Decimal) => figure(toCents(value), model.currency);
  const lines = table(['Party', 'Receives', 'Pays', 'Profit', 'Costs', 'Value', 'Share'],
    [...economics.parties].map(([id, v]) => [
      partyName(model, id), fig(v.receives), fig(v.pays), fig(v.profit), fig(v.costs), fig(v.value), pieShare(v.value, project),
    ]), { numeric: [1, 2, 3, 4, 5, 6] });
  const rnpv = economics.rnpv
    ? table(['In rNPV', 'Value', 'Share'], [...economics.rnpv.value].map(([id, v]) => [partyName(model, id), fig(v), pieShare(v, economics.rnpv!.projectValue)]),
      { numeric: [1, 2], foot: ['Project value', fig(economics.rnpv.projectValue), ''] })
    : '';
  const decisions = economics.exercises.map((e) => decisionWords(model, e, optionWords(e.option))).filter((w): w is string => !!w);
  const words = decisions.length ? `<ul class="decisions">${decisions.map((w) => `<li>${esc(w)}</li>`).join('')}</ul>` : '';
  const charts = `<div class="charts">${pieChart(model, economics)}${cashChart(model, rollup, economics)}</div>`;
  return heading + pie + lines + rnpv + words + charts;
}


/** Each party's value as a bar (the pie, as bars: a party whose value is negative shows below zero). */
function pieChart(model: DealModel, economics: ScenarioEconomics): string {
  const parties = [...economics.parties].slice(0, chartedParties);
  if (!parties.length) return '';
  const values = parties.map(([, v]) => v.value);
  const s = scale(values, parties.length);
  const barWidth = Math.max(8, Math.min(80, s.band * 0.6));
  const bars = parties.map(([id, v], i) => {
    const top = v.value.gt(0) ? v.value : ZERO;
    const bottom = v.value.gt(0) ? ZERO : v.value;
    const y = s.y(top);
    return `<rect class="bar p${i % 6}" x="${px(s.x(i) - barWidth / 2)}" y="${px(y)}" width="${px(barWidth)}" height="${px(Math.max(0.5, s.y(bottom) - y))}">`
      + `<title>${esc(`${partyName(model, id)}: ${formatMoney(toCents(v.value), model.currency)}`)}</title></rect>`;
  }).join('');
  const label = 'Value to each party';
  const grid = axes(s, [], model.currency);
  return `<figure class="chart-box">${svg(label, grid + bars)}<figcaption>${esc(label)} (the pie: they add up to the project value)</figcaption>`
    + legend(parties.map(([id], i) => ({ className: `p${i % 6}`, label: partyName(model, id) }))) + '</figure>';
}

/** Each party's cash position, year after year: payments received less paid, plus its profit,
 * less its costs, summed from the first year on. */
function cashChart(model: DealModel, rollup: ScenarioRollup, economics: ScenarioEconomics): string {
  const yearly = netByPartyAndYear(rollup, [...economics.parties.keys()]);
  for (const division of economics.cells) {
    for (const [party, amount] of division.profit) yearly.add(party, division.cell.year, amount);
    for (const [party, amount] of division.costs) yearly.add(party, division.cell.year, amount.negated());
  }
  const all = [...yearly.values()].flatMap((m) => [...m.keys()]);
  if (!all.length) return '';
  const first = all.reduce((a, b) => Math.min(a, b));
  const last = all.reduce((a, b) => Math.max(a, b));
  const years = Array.from({ length: Math.min(last - first + 1, 200) }, (_, i) => first + i);
  const drawn = [...yearly.keys()].slice(0, chartedParties).map((party) => ({ party, values: runningTotals(yearly.get(party)!, years) }));
  return partyLinesChart(model, years, drawn, `Cash position per party, ${span(years)}`,
    'payments received less paid, plus profit, less costs, summed', (v) => formatShort(toCents(v), model.currency));
}
