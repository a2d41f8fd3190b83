// Every scenario of a deal, rolled up, for the outputs that show them (rollup JSON, preview,
// Markdown, CSV). A scenario the engine cannot roll up is reported by name and left out, so the
// deal-level figures are always shown whatever happens to one scenario.
import type * as ast from '../language/ast';
import type { DealModel } from '../model/deal-model';
import { rollupScenario, type ScenarioRollup } from './scenarios';

export interface ScenarioRollups {
  rollups: ScenarioRollup[];
  /** Scenarios that could not be rolled up, with the reason. */
  failed: { id: string; reason: string }[];
}

/** The rollups of the deal's scenarios (only `only` when given), in declaration order. */
export function scenarioRollups(model: DealModel, only?: string): ScenarioRollups {
  const scenarios = model.deal.scenarios;
  return rollupEach(model, only === undefined ? scenarios : scenarios.filter((s) => s.name.text === only));
}

/** The rollups of some of the deal's scenarios, in the order given. */
export function rollupEach(model: DealModel, scenarios: readonly ast.Scenario[]): ScenarioRollups {
  const result: ScenarioRollups = { rollups: [], failed: [] };
  for (const scenario of scenarios) {
    try {
      result.rollups.push(rollupScenario(model, scenario));
    } catch (error) {
      result.failed.push({ id: scenario.name.text, reason: error instanceof Error ? error.message : String(error) });
    }
  }
  return result;
}

/** Years of a rollup's schedule in order, `unscheduled` last (the engine's byYear order). */
export function scheduleYears(rollup: ScenarioRollup): string[] {
  return [...rollup.byYear.keys()];
}
