// What a scenario is worth to each party, as people read it in a terminal (`deal value`): the
// pie (the project value and each party's share of it), each party's lines, the product's
// figures, and each exercise's gain and break-even in words; the same in rNPV where the deal
// has a valuation. Full figures, to the cent.
import type Decimal from 'decimal.js';
import type * as ast from '../language/ast';
import type { DealModel } from '../model/deal-model';
import { partyName } from '../model/describe';
import { formatAmount, toCents } from '../model/money';
import { decisionWords, pieShare } from '../engine/economics/decision-words';
import type { ScenarioEconomics } from '../engine/economics/types';
import { textTable } from './text-table';

export function scenarioValueText(model: DealModel, scenario: ast.Scenario, economics: ScenarioEconomics): string {
  const money = (value: Decimal) => formatAmount(toCents(value), model.currency);
  const name = (id: string) => partyName(model, id);
  const title = scenario.title ? `: ${scenario.title.value}` : '';
  const parts = [`Scenario ${scenario.name.text}${title}`];
  const project = economics.totals.projectValue;
  parts.push(`  The pie: project value ${money(project)}`);
  parts.push(textTable(['Party', 'Value', 'Share'],
    [...economics.parties].map(([id, v]) => [name(id), money(v.value), pieShare(v.value, project)])));
  parts.push(textTable(['Party', 'Receives', 'Pays', 'Profit', 'Costs', 'Value'],
    [...economics.parties].map(([id, v]) => [name(id), money(v.receives), money(v.pays), money(v.profit), money(v.costs), money(v.value)])));
  const t = economics.totals;
  parts.push(textTable(['The product', 'Amount'], [
    ['Sales', money(t.sales)], ['Cost of goods', money(t.goods)], ['Commercial costs', money(t.commercial)],
    ['Operating profit', money(t.operatingProfit)], ['Development costs', money(t.development)], ['Project value', money(t.projectValue)],
  ]));
  if (economics.rnpv) {
    const rnpv = economics.rnpv;
    parts.push(textTable(['In rNPV', 'Value', 'Share'], [
      ...[...rnpv.value].map(([id, v]) => [name(id), money(v), pieShare(v, rnpv.projectValue)]),
      ['Project value', money(rnpv.projectValue), ''],
    ]));
  }
  for (const exercise of economics.exercises) {
    const heading = `  ${exercise.option.name.text}${exercise.stage ? ` at ${exercise.stage}` : ''}`;
    if (!exercise.happens) {
      parts.push(`${heading}: not exercised in this scenario (it does not reach the stage, or the option offers none there).`);
      continue;
    }
    const gains = [...exercise.gain].map(([id, g]) => `${name(id)} ${signed(money(g), g)}`).join(', ');
    const lines = [`${heading}${exercise.fee ? ` (fee ${money(exercise.fee)})` : ''}: gain ${gains}`];
    if (exercise.rnpvGain) lines.push(`    in rNPV: ${[...exercise.rnpvGain].map(([id, g]) => `${name(id)} ${signed(money(g), g)}`).join(', ')}`);
    const words = decisionWords(model, exercise);
    if (words) lines.push(`    ${words}`);
    parts.push(lines.join('\n'));
  }
  parts.push('  Figures are nominal, unrisked and pre-tax unless marked rNPV; the break-even is found to 10⁻⁶ and shown to two decimals.');
  return parts.join('\n\n');
}

function signed(text: string, value: Decimal): string {
  return value.gt(0) ? `+${text}` : text;
}

