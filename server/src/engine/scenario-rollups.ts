// Every scenario of a deal, rolled up, for the outputs that show them (rollup JSON, preview,
// Markdown, CSV). A scenario the engine cannot roll up is reported by name and left out, so the
// deal-level figures are always shown whatever happens to one scenario. Each scenario is rolled
// up once per deal model, however many hovers, lenses and exports ask for it.
import type * as ast from '../language/ast';
import type { DealModel } from '../model/deal-model';
import type { ScenarioRollup } from './scenarios';
import { rollupScenarioKeeping, type KeptEntries } from './scenarios/rollup-scenario';

export interface ScenarioRollups {
  rollups: ScenarioRollup[];
  /** Scenarios that could not be rolled up, with the reason. */
  failed: { id: string; reason: string }[];
}

type Outcome = { rollup: ScenarioRollup; kept?: KeptEntries } | { error: unknown };

const outcomesKey = {};
const outcomes = (model: DealModel) => model.facets.get(outcomesKey, () => new Map<ast.Scenario, Outcome>());

function outcomeOf(model: DealModel, scenario: ast.Scenario): Outcome {
  const kept = outcomes(model);
  let outcome = kept.get(scenario);
  if (!outcome) {
    // After an edit inside the payments of a long deal, the scenario (the very term it was) is
    // rolled up taking over what the payments the edit left alone gave it before.
    const before = model.edited ? model.facets.carried<Map<ast.Scenario, Outcome>>(outcomesKey)?.get(scenario) : undefined;
    try {
      outcome = rollupScenarioKeeping(model, scenario, before && 'kept' in before ? before.kept : undefined);
    } catch (error) {
      outcome = { error };
    }
    kept.set(scenario, outcome);
  }
  return outcome;
}

/** One scenario's rollup, computed once per deal model (throws what the engine threw). */
export function scenarioRollupOf(model: DealModel, scenario: ast.Scenario): ScenarioRollup {
  const outcome = outcomeOf(model, scenario);
  if ('error' in outcome) throw outcome.error;
  return outcome.rollup;
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
    const outcome = outcomeOf(model, scenario);
    if ('rollup' in outcome) result.rollups.push(outcome.rollup);
    else result.failed.push({ id: scenario.name.text, reason: outcome.error instanceof Error ? outcome.error.message : String(outcome.error) });
  }
  return result;
}

/** Years of a rollup's schedule in order, `unscheduled` last (the engine's byYear order). */
export function scheduleYears(rollup: ScenarioRollup): string[] {
  return [...rollup.byYear.keys()];
}
