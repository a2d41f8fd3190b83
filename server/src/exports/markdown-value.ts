// "Value to each party" in Markdown: for each scenario that gives its costs, the project value,
// each party's lines and share of the pie, the value in rNPV, and the option decision in words.
import type Decimal from 'decimal.js';
import type { DealModel } from '../model/deal-model';
import { partyName } from '../model/describe';
import { mdTable, mdText } from '../model/markdown-text';
import { formatMoney, toCents } from '../model/money';
import { decisionWords, pieShare as share } from '../engine/economics/decision-words';
import { optionWords } from './reader-words';
import type { ValuedScenario } from './html-value';

export function valueMarkdown(model: DealModel, valued: readonly ValuedScenario[]): string[] {
  if (!valued.length) return [];
  const money = (value: Decimal) => formatMoney(toCents(value), model.currency);
  const out = ['## Value to each party', ''];
  for (const { rollup, economics } of valued) {
    const scenario = rollup.scenario;
    const t = economics.totals;
    out.push(`### ${mdText(`${scenario.name.text}${scenario.title ? `: ${scenario.title.value}` : ''}`)}`, '');
    out.push(mdText(`Project value ${money(t.projectValue)}: sales ${money(t.sales)}, cost of goods ${money(t.goods)}, commercial costs ${money(t.commercial)}, `
      + `operating profit ${money(t.operatingProfit)}, development costs ${money(t.development)}.`), '');
    out.push(mdTable(['Party', 'Receives', 'Pays', 'Profit', 'Costs', 'Value', 'Share'],
      [...economics.parties].map(([id, v]) => [partyName(model, id), money(v.receives), money(v.pays), money(v.profit), money(v.costs), money(v.value), share(v.value, t.projectValue)]),
      [1, 2, 3, 4, 5, 6]), '');
    if (economics.rnpv) {
      const rnpv = economics.rnpv;
      out.push(mdTable(['In rNPV', 'Value', 'Share'],
        [...[...rnpv.value].map(([id, v]) => [partyName(model, id), money(v), share(v, rnpv.projectValue)]), ['Project value', money(rnpv.projectValue), '']], [1, 2]), '');
    }
    for (const exercise of economics.exercises) {
      const words = decisionWords(model, exercise, optionWords(exercise.option));
      if (words) out.push(`- ${mdText(words)}`);
    }
    out.push('');
  }
  out.push('_Figures are nominal, unrisked and pre-tax unless marked rNPV; equity counts at its premium only; the break-even is found to 10⁻⁶._', '');
  return out;
}
