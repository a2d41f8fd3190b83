// The rollup as people read it in a terminal: deal totals, each party's position, totals by
// kind, the payments and options of the terms, then each scenario by party, kind and year, and
// the risk-adjusted values where there is a valuation. Full figures, to the cent where there are cents.
import type Decimal from 'decimal.js';
import type { AnalyzedDeal, AnalyzedDocument } from '../document/analyze';
import type { DealModel, PaymentKind } from '../model/deal-model';
import { formatAmount, formatShort } from '../model/money';
import { partyName } from '../model/describe';
import { kindTotalLabel } from '../model/payment-kinds';
import { scenarioRollups } from '../engine/scenario-rollups';
import type { ScenarioRollup } from '../engine/scenarios';
import { shownDeal } from '../model/shown-figures';
import { textTable } from './text-table';
import { exchangeRatesLine, optionsTable, paymentsTable, rnpvTables } from './rollup-terms';
import { headlineConvention, headlineConventionText } from '../model/headline';

export function rollupTable(document: AnalyzedDocument, scenario?: string): string {
  if (document.deals.length === 0) return 'No deal in this file.\n';
  return document.deals.map((deal) => dealTable(shownDeal(deal), scenario)).join('\n\n') + '\n';
}

function dealTable({ model, totals }: AnalyzedDeal, only?: string): string {
  const deal = model.deal;
  const money = (value: Decimal) => formatAmount(value, model.currency);
  const out: string[] = [];
  out.push(`${deal.title?.value ?? deal.name.text} (${deal.name.text}, ${model.currency})`);
  for (const line of exchangeRatesLine(model)) out.push(line);
  out.push(textTable(['Deal totals', 'Amount', ''], [
    // The headline as the deal states it is counted (`including options`, `excluding equity`).
    [headlineConvention(deal).includingOptions || headlineConvention(deal).excludingEquity ? `Headline (${headlineConventionText(deal)})` : 'Headline',
      money(totals.headline), `(${formatShort(totals.headline, model.currency)})`],
    ['Committed', money(totals.committed), `(${formatShort(totals.committed, model.currency)})`],
    ['Contingent', money(totals.contingent), `(${formatShort(totals.contingent, model.currency)})`],
    ...(model.exercisePayments.length ? [['On exercise', money(totals.onExercise), `(${formatShort(totals.onExercise, model.currency)})`]] : []),
  ]));
  out.push(textTable(['Party', 'Receives', 'Pays', 'Net'],
    [...totals.parties].map(([id, p]) => [partyName(model, id), money(p.receives), money(p.pays), money(p.net)])));
  if (totals.byKind.size) out.push(textTable(['By kind', 'Amount'], kindRows(model, totals.byKind)));
  for (const table of paymentsTable(model)) out.push(table);
  for (const table of optionsTable(model)) out.push(table);

  const { rollups, failed } = scenarioRollups(model, only);
  for (const rollup of rollups) out.push(scenarioTable(model, rollup));
  for (const failure of failed) out.push(`Scenario ${failure.id}: not rolled up (${failure.reason})`);
  for (const table of rnpvTables(model, rollups)) out.push(table);
  return out.join('\n\n');
}

function scenarioTable(model: DealModel, rollup: ScenarioRollup): string {
  const money = (value: Decimal) => formatAmount(value, model.currency);
  const scenario = rollup.scenario;
  const title = scenario.title ? `: ${scenario.title.value}` : '';
  const parts = [`Scenario ${scenario.name.text}${title} (total ${money(rollup.total)})`];
  parts.push(textTable(['Party', 'Receives', 'Pays', 'Net'],
    [...rollup.parties].map(([id, p]) => [partyName(model, id), money(p.receives), money(p.pays), money(p.net)])));
  if (rollup.byKind.size) parts.push(textTable(['By kind', 'Amount'], kindRows(model, rollup.byKind)));
  if (rollup.byYear.size) {
    parts.push(textTable(['By year', 'Amount'], [...rollup.byYear].map(([year, v]) => [year === 'unscheduled' ? 'Unscheduled' : year, money(v)])));
  }
  for (const u of rollup.unattributed) {
    parts.push(`  Not counted: ${money(u.amount)} undisclosed rest of ${u.group.name ?? 'a milestone group'} (no \`by\` stage)`);
  }
  for (const f of rollup.forfeited) parts.push(`  Forfeited: ${f.label}${f.amount ? ` (${money(f.amount)})` : ''}`);
  for (const u of rollup.unvalued) parts.push(`  Listed, not counted: ${u.label} (${u.reason})`);
  return parts.join('\n\n');
}

function kindRows(model: DealModel, byKind: ReadonlyMap<PaymentKind, Decimal>): string[][] {
  return [...byKind].map(([kind, value]) => [kindTotalLabel(kind), formatAmount(value, model.currency)]);
}
