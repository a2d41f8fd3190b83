// What a scenario is worth to each party, where the eye is: the scenario's hover (each party's
// value and share of the pie), an option's hover (what exercising it gains each party in each
// scenario that does, and from what sales it pays off) and the scenario's CodeLens.
import type * as ast from '../language/ast';
import type { DealModel } from '../model/deal-model';
import { formatShort, toCents } from '../model/money';
import { scenarioEconomicsOf, scenarioValueOf } from '../engine/economics';
import { decisionWords, pieShare as share } from '../engine/economics/decision-words';
import { md, moneyIn, table } from './hover-format';

/** The scenario's value paragraphs; none where it gives no costs. */
export function scenarioValueHover(model: DealModel, scenario: ast.Scenario): string[] {
  const economics = scenarioEconomicsOf(model, scenario);
  if (!economics) return [];
  const money = moneyIn(model);
  const project = economics.totals.projectValue;
  const rnpv = economics.rnpv;
  const rows = [...economics.parties].map(([party, v]) => [
    md(party), money(toCents(v.profit)), money(toCents(v.costs)), `**${money(toCents(v.value))}**`, share(v.value, project),
    ...(rnpv ? [money(rnpv.value.get(party) ?? v.value)] : []),
  ]);
  return [
    `Value to each party (nominal, pre-tax): project value **${money(toCents(project))}**`,
    table(['Party', 'Profit', 'Costs', 'Value', 'Share', ...(rnpv ? ['Value rNPV'] : [])], rows),
    ...economics.exercises.map((e) => decisionWords(model, e)).filter((w): w is string => !!w),
  ];
}

/** For each scenario that exercises the option and gives its costs: the gain and the words. */
export function optionValueHover(model: DealModel, option: ast.OptionDecl): string[] {
  const money = moneyIn(model);
  const out: string[] = [];
  for (const scenario of model.deal.scenarios) {
    const economics = scenarioEconomicsOf(model, scenario);
    for (const exercise of economics?.exercises ?? []) {
      if (exercise.option !== option || !exercise.happens) continue;
      const gains = [...exercise.gain].map(([party, g]) => `${md(party)} ${g.gt(0) ? '+' : ''}${money(toCents(g))}`).join(', ');
      const words = decisionWords(model, exercise);
      out.push(`In ${md(scenario.name.text)}: gain ${gains}.${words ? ` ${words}` : ''}`);
    }
  }
  return out;
}

/** `Value: ImmunoGen $36M · Biotest $114M`, for a scenario that gives its costs. */
export function scenarioValueLens(model: DealModel, scenario: ast.Scenario): string | undefined {
  // The value alone: the lens is asked for after every edit, the exercises' break-evens are not.
  const value = scenarioValueOf(model, scenario);
  if (!value) return undefined;
  return `Value: ${[...value.parties].map(([party, v]) => `${party} ${formatShort(toCents(v.value), model.currency)}`).join(' · ')}`;
}
