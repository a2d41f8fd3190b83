// Which scenarios a term sheet (HTML or Markdown) shows, and what it says of the others. A deal
// has a handful of scenarios; a file with a hundred (a chain of options, each scenario
// exercising the ones before) would repeat every party, payment and chart a hundred times and
// run to tens of megabytes. Past these numbers the term sheet compares the first scenarios,
// details fewer, and says which it leaves out and how to see them. Only the scenarios shown are
// rolled up, so rendering stays in proportion to the file too. CSV and JSON are data: they keep
// every scenario.
import type { DealModel } from '../model/deal-model';
import { rollupEach } from '../engine/scenario-rollups';
import type { ScenarioRollup } from '../engine/scenarios';
import { listNames } from '../model/names';

/** Scenarios the comparison (and the risk-adjusted comparison) lists. */
export const comparedScenarios = 20;
/** Scenarios shown in full: their parties, charts, schedule and payments. */
export const detailedScenarios = 10;

export interface ShownScenarios {
  /** How many scenarios the deal has. */
  count: number;
  /** The first `comparedScenarios`, rolled up, in the order written. */
  compared: ScenarioRollup[];
  /** Shown in full: the scenario asked for, else the first `detailedScenarios`. */
  detailed: ScenarioRollup[];
  /** Scenarios among those rolled up that could not be, with the reason. */
  failed: { id: string; reason: string }[];
  /** The scenario asked for, if one was. */
  only?: string;
  /** Names of the scenarios the comparison leaves out. */
  notCompared: string[];
  /** Names of the scenarios not shown in full (none when one was asked for). */
  notDetailed: string[];
}

export function shownScenarios(model: DealModel, only?: string): ShownScenarios {
  const all = model.deal.scenarios;
  const first = all.slice(0, comparedScenarios);
  const asked = only === undefined ? undefined : all.find((s) => s.name.text === only);
  const extra = asked && !first.includes(asked) ? [asked] : [];
  const { rollups, failed } = rollupEach(model, [...first, ...extra]);
  const compared = rollups.filter((r) => first.includes(r.scenario));
  const detailed = only === undefined
    ? compared.filter((r) => first.indexOf(r.scenario) < detailedScenarios)
    : rollups.filter((r) => r.scenario.name.text === only);
  const shownInFull = only === undefined ? first.slice(0, detailedScenarios) : [];
  return {
    count: all.length,
    compared,
    detailed,
    failed,
    only,
    notCompared: all.slice(comparedScenarios).map((s) => s.name.text),
    notDetailed: only === undefined ? all.filter((s) => !shownInFull.includes(s)).map((s) => s.name.text) : [],
  };
}

/** How to see a scenario the term sheet does not show in full. */
const howToSee = 'open it with Deal: Show Payment Rollup (or the CodeLens above it), or export it with `deal render FILE --scenario NAME`';

/** What the comparison leaves out, said under it; empty when it lists every scenario. */
export function notComparedNote(shown: ShownScenarios): string | undefined {
  const left = shown.notCompared;
  if (!left.length) return undefined;
  return `The comparison lists the first ${comparedScenarios} of ${shown.count} scenarios. `
    + `Not compared here: ${listNames(left)}; to see one, ${howToSee}.`;
}

/** What is not shown in full, said after the scenarios that are; empty when every one is. */
export function notDetailedNote(shown: ShownScenarios): string | undefined {
  const left = shown.notDetailed;
  if (!left.length) return undefined;
  return `Shown in full: the first ${detailedScenarios} of ${shown.count} scenarios. `
    + `To see the schedule, charts and payments of another (${listNames(left)}), ${howToSee}.`;
}
