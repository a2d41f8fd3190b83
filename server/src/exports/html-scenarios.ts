// Scenarios on the term sheet: a comparison of every scenario side by side, then each one's
// schedule by year and its payments, and the risk-adjusted values where there is a valuation.
import type Decimal from 'decimal.js';
import type { DealModel, PaymentKind } from '../model/deal-model';
import { formatAmount, formatMoney, formatPercent, Money } from '../model/money';
import { currentStage } from '../model/probability';
import { rnpvDeal } from '../engine/rnpv';
import type { ScenarioPayment, ScenarioRollup } from '../engine/scenarios';
import { flow, partyName, paymentLabel, dateText } from '../model/describe';
import { kindLabel, kindTotalLabel } from '../model/payment-kinds';
import { scenarioAnchor } from './anchors';
import { el, esc, facts, figure, negative, noLines, raw, section, table, type Cell, type LineOf } from './html-kit';
import { scheduleCharts } from './svg-charts';
import { labelWords, optionWords, quotedAsCode, restWords, rowWords, scenarioPaymentWords } from './reader-words';
import { comparedScenarios, notComparedNote, notDetailedNote, type ShownScenarios } from './shown-scenarios';

export function scenariosSection(model: DealModel, shown: ShownScenarios, lineOf: LineOf = noLines): string {
  if (!model.deal.scenarios.length) return '';
  let html = comparison(model, shown.compared, lineOf);
  const notCompared = notComparedNote(shown);
  if (notCompared) html += el('p', 'note', notCompared);
  // Each scenario under its own id, for a link or the preview to open at it.
  for (const rollup of shown.detailed) {
    html += `<div class="scenario" id="${esc(scenarioAnchor(rollup.scenario.name.text))}">${scenarioDetail(model, rollup, lineOf)}</div>`;
  }
  for (const failure of shown.failed) {
    if (shown.only === undefined || failure.id === shown.only) html += el('p', 'note', `Scenario ${failure.id} is not rolled up: ${failure.reason}.`);
  }
  const notDetailed = notDetailedNote(shown);
  if (notDetailed) html += el('p', 'note', notDetailed);
  return section('scenarios', 'Scenarios', html);
}

function comparison(model: DealModel, rollups: ScenarioRollup[], lineOf: LineOf): string {
  if (rollups.length === 0) return '';
  const parties = [...model.parties.keys()];
  const header: Cell[] = ['Scenario', 'Reaches', ...parties.map((p) => `${partyName(model, p)} net`), 'All payments'];
  const rows = rollups.map((r): Cell[] => [
    r.scenario.title?.value ? raw(`${el('strong', undefined, r.scenario.name.text)}<br>${el('span', 'note', r.scenario.title.value)}`) : r.scenario.name.text,
    r.reach ?? '',
    ...parties.map((p) => signed(model, r.parties.get(p)?.net)),
    figure(r.total, model.currency),
  ]);
  const numeric = parties.map((_, i) => i + 2).concat(parties.length + 2);
  return table(header, rows, { numeric, caption: 'Scenario comparison', rowLines: rollups.map((r) => lineOf(r.scenario.span)) });
}

function scenarioDetail(model: DealModel, rollup: ScenarioRollup, lineOf: LineOf): string {
  const scenario = rollup.scenario;
  const money = (v: Decimal) => formatMoney(v, model.currency);
  let html = el('h3', undefined, `${scenario.name.text}${scenario.title ? `: ${scenario.title.value}` : ''}`, lineOf(scenario.span));
  html += facts([
    ['Reaches', rollup.reach ?? scenario.reach?.text],
    ['Timeline', scenario.timeline.map((t) => `${t.stage.text} ${dateText(t.date)}`).join(', ') || undefined],
    ['Options exercised', rollup.exercises.map((e) => `${optionWords(e.option)}${e.stage ? ` at ${e.stage}` : ''}${e.happens ? '' : ' (not reached)'}`).join(', ') || undefined],
    ['Total of all payments', money(rollup.total)],
  ]);
  const hasRnpv = [...rollup.parties.values()].some((p) => p.rnpv);
  html += table(['Party', 'Receives', 'Pays', 'Net', ...(hasRnpv ? ['rNPV'] : [])],
    [...rollup.parties].map(([id, p]): Cell[] => [
      partyName(model, id), figure(p.receives, model.currency), figure(p.pays, model.currency), signed(model, p.net), ...(hasRnpv ? [p.rnpv ? signed(model, p.rnpv) : '—'] : []),
    ]), { numeric: hasRnpv ? [1, 2, 3, 4] : [1, 2, 3] });
  html += scheduleCharts(model, rollup);
  html += scheduleByYear(model, rollup);
  html += paymentList(model, rollup, lineOf);
  for (const u of rollup.unattributed) {
    html += el('p', 'note', `Not counted: ${restWords(u.group)}, ${money(u.amount)}, as no stage is given by which it is earned.`);
  }
  for (const u of rollup.unvalued) {
    html += el('p', 'note', raw(`Listed, not counted: ${esc(labelWords(model, u.label, u.item))} (${quotedAsCode(u.reason, esc)}).`));
  }
  for (const share of rollup.sharing) {
    const shares = share.shares.map((x) => `${partyName(model, x.party)} ${formatPercent(x.percent)}`).join(', ');
    html += el('p', 'note', `Shared ${share.what} after exercising ${optionWords(share.option)}: ${shares}${share.territory?.length ? ` in ${share.territory.join(', ')}` : ''}.`);
  }
  if (rollup.forfeited.length) {
    html += `<p>Forfeited by exercising an option:</p><ul class="effects">${rollup.forfeited
      .map((f) => `<li>${el('span', undefined, `${rowWords(model, f.label)}${f.amount ? ` (${money(f.amount)})` : ''}`)}</li>`).join('')}</ul>`;
  }
  return html;
}

/** Years down, kinds across: what falls due when, whoever pays it. */
function scheduleByYear(model: DealModel, rollup: ScenarioRollup): string {
  if (!rollup.payments.length) return el('p', 'note', 'No payment falls due in this scenario.');
  const kinds = [...rollup.byKind.keys()];
  const cellOf = new Map<string, Decimal>();
  for (const p of rollup.payments) {
    const key = `${p.year}|${p.kind}`;
    cellOf.set(key, (cellOf.get(key) ?? new Money(0)).plus(p.amount));
  }
  const short = (v: Decimal | undefined): Cell => (v === undefined ? '' : figure(v, model.currency, { paren: false }));
  const rows = [...rollup.byYear].map(([year, total]): Cell[] => [
    year === 'unscheduled' ? 'Unscheduled' : year, ...kinds.map((k) => short(cellOf.get(`${year}|${k}`))), short(total),
  ]);
  const foot: Cell[] = ['Total', ...kinds.map((k) => short(rollup.byKind.get(k))), short(rollup.total)];
  const numeric = kinds.map((_, i) => i + 1).concat(kinds.length + 1);
  return table(['Year', ...kinds.map((k: PaymentKind) => kindTotalLabel(k)), 'Total'], rows, { numeric, foot, caption: 'Schedule by year' });
}

function paymentList(model: DealModel, rollup: ScenarioRollup, lineOf: LineOf): string {
  const hasRnpv = rollup.payments.some((p) => p.rnpv);
  const rows = rollup.payments.map((p): Cell[] => {
    const cumulative = p.royalty?.cumulative ? `, cumulative ${formatAmount(p.royalty.cumulative, model.currency)}` : '';
    const sales = p.royalty ? ` on ${formatAmount(p.royalty.sales, model.currency)} sales${p.royalty.territory ? ` (${p.royalty.territory})` : ''}${cumulative}` : '';
    const tiers = p.royalty?.tiers.length
      ? ` = ${p.royalty.tiers.map((t) => `${formatPercent(t.rate.times(100))} × ${formatAmount(t.base, model.currency)}`).join(' + ')}`
      : '';
    return [
      p.year === 'unscheduled' ? 'Unscheduled' : String(p.year),
      `${scenarioPaymentWords(model, p)}${sales}${tiers}`,
      kindLabel(p.kind),
      flow(model, p.payer, p.payee),
      figure(p.amount, model.currency),
      ...(hasRnpv ? [p.rnpv ? figure(p.rnpv, model.currency) : '—'] : []),
    ];
  });
  return table(['Year', 'Payment', 'Kind', 'Payer → payee', 'Amount', ...(hasRnpv ? ['rNPV'] : [])], rows,
    { numeric: hasRnpv ? [4, 5] : [4], caption: 'Payments', rowLines: rollup.payments.map((p) => lineOf(p.item?.node.span ?? p.option?.span)) });
}

export function valuationSection(model: DealModel, shown: ShownScenarios): string {
  const rnpv = rnpvDeal(model);
  if (!rnpv) return model.deal.valuation ? section('valuation', 'Valuation (rNPV)', el('p', 'note', 'No valuation date: the valuation needs an as-of date, or the deal a signing date.')) : '';
  const money = (v: Decimal) => formatMoney(v, model.currency);
  let html = facts([
    ['As of', dateText(rnpv.basis.asOf)],
    ['Discount rate', `${formatPercent(rnpv.basis.discount.times(100))} a year`],
    ['Current stage', currentStage(model)],
    ['rNPV of the deal terms', `${money(rnpv.total)} (committed ${money(rnpv.committed)}, contingent ${money(rnpv.contingent)})`],
  ]);
  html += table(['Payment', 'Stage', 'Probability', 'Date', 'Amount', 'rNPV'], rnpv.rows.map((row): Cell[] => [
    rowWords(model, row.label, row.item), row.stage ?? 'committed', row.probability ? formatPercent(row.probability.times(100).toDecimalPlaces(2)) : '—',
    dateText(row.date) ?? '—', figure(row.amount, model.currency), row.rnpv ? figure(row.rnpv, model.currency) : 'not valued',
  ]), { numeric: [2, 4, 5], caption: 'Deal terms, risk-adjusted', foot: ['Total', '', '', '', '', figure(rnpv.total, model.currency)] });
  const parties = [...rnpv.parties.keys()];
  html += table(['Party', 'Receives', 'Pays', 'Net'], parties.map((p): Cell[] => {
    const position = rnpv.parties.get(p)!;
    return [partyName(model, p), figure(position.receives, model.currency), figure(position.pays, model.currency), signed(model, position.net)];
  }), { numeric: [1, 2, 3], caption: 'Per party, risk-adjusted' });
  const withRnpv = shown.compared.filter((r) => r.rnpv);
  if (withRnpv.length) {
    const which = shown.notCompared.length ? ` (the first ${comparedScenarios} of ${shown.count}, as in the comparison)` : '';
    html += table(['Scenario', ...parties.map((p) => `${partyName(model, p)} rNPV`), 'All payments rNPV'],
      withRnpv.map((r): Cell[] => [r.scenario.name.text, ...parties.map((p) => signed(model, r.parties.get(p)?.rnpv)), figure(r.rnpv!, model.currency)]),
      { numeric: parties.map((_, i) => i + 1).concat(parties.length + 1), caption: `Per scenario, risk-adjusted${which}` });
  }
  return section('valuation', 'Valuation (rNPV)', html);
}

/** A net figure, marked when negative so a paying position stands out. */
function signed(model: DealModel, value: Decimal | undefined): Cell {
  if (value === undefined) return '—';
  const text = figure(value, model.currency);
  return value.isNegative() && !value.isZero() ? negative(text) : text;
}

/** The deal's own title for a payment where the engine used its bare name (`Ph1` → `first patient dosed in phase 1`). */
export function scenarioPaymentLabel(p: ScenarioPayment): string {
  return p.item && (p.label === p.item.name || p.label === p.item.kind) ? paymentLabel(p.item) : p.label;
}
