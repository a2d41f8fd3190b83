// What a scenario is worth to each party, where the eye is: the scenario's hover (each party's
// value and share of the pie), an option's hover (what exercising it gains each party in each
// scenario that does, and from what sales it pays off) and the scenario's CodeLens.
import type * as ast from '../language/ast';
import type { DealModel } from '../model/deal-model';
import { formatShort, toCents } from '../model/money';
import { scenarioEconomicsOf, scenarioValueOf } from '../engine/economics';
import { decisionWords, pieShare as share } from '../engine/economics/decision-words';
import { figureList, figureRow, md, moneyIn } from './hover-format';
import { partyPositions } from './incomplete-figures';

/** The scenario's value paragraphs; none where it gives no costs. */
export function scenarioValueHover(model: DealModel, scenario: ast.Scenario): string[] {
  const economics = scenarioEconomicsOf(model, scenario);
  if (!economics) return [];
  const money = moneyIn(model);
  const project = economics.totals.projectValue;
  const rnpv = economics.rnpv;
  const rows = partyPositions(model, economics.parties).map(([party, v]) => figureRow(md(party), [
    ['value', `**${money(toCents(v.value))}**`], ['share', share(v.value, project)],
    ['profit', money(toCents(v.profit))], ['costs', money(toCents(v.costs))],
    ...(rnpv ? [['value rNPV', money(rnpv.value.get(party) ?? v.value)] as [string, string]] : []),
  ]));
  return [
    `Value to each party (nominal, pre-tax): project value **${money(toCents(project))}**`,
    figureList(rows),
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
      const gains = partyPositions(model, exercise.gain).map(([party, g]) => `${md(party)} ${g.gt(0) ? '+' : ''}${money(toCents(g))}`).join(', ');
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
  return `Value: ${partyPositions(model, value.parties).map(([party, v]) => `${party} ${formatShort(toCents(v.value), model.currency)}`).join(' · ')}`;
}
