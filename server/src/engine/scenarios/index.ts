// The scenario engine's entry points: one scenario, or every scenario of a deal.
//
// How a scenario reads the terms (LANGUAGE.md, "Scenarios"; the choices it leaves open are
// marked *):
// - It reaches its `reach` stage (* without one, the latest stage its timeline dates; with
//   neither, no stage: committed payments only).
// - Committed payments always count, on their own date (signing year for `on signing`);
//   funding pays N equal instalments in the N years from the signing year.
// - A milestone counts when its stage is at or before the stage reached (* a group milestone
//   with no `at` uses the group's `by`), in the year of its own date, else its stage's timeline
//   year, else 'unscheduled'. A group's undisclosed rest counts at its `by` stage; with no `by`
//   it is listed in `unattributed`, not counted.
// - Sales drive royalties and sales milestones whatever stage is reached (* the sales table is
//   the scenario's statement that the product sells). Royalty terms count from the first year
//   with sales; the year a term ends part-way pays its share of the year.
// - * A royalty or sales milestone limited to a territory, or a royalty forfeited in a
//   territory, needs sales given per territory; with sales for all territories together it is
//   listed in `unvalued` with the reason, never guessed. `"ex-US"` covers every territory but US.
// - Exercising an option at a stage the scenario reaches pays its fee in that stage's timeline
//   year and forfeits what comes later (exercises.ts); * `exercise X` with no stage means the
//   earliest exercise point; an exercise beyond the stage reached does not happen (noted).
// - Cost and profit shares have no figure: listed in `sharing`.
import type * as ast from '../../language/ast';
import type { DealModel } from '../../model/deal-model';
import { rollupScenario as rollup } from './rollup-scenario';
import type { ScenarioRollup } from './types';

export type {
  ScenarioRollup, ScenarioPayment, ScenarioPartyPosition, PaymentYear, ScenarioExerciseResult, ScenarioSharing,
} from './types';
export { scenarioReach } from './rollup-scenario';
export { kindOrder } from '../../model/payment-kinds';

/** Every payment a scenario triggers, rolled up per party, kind and year. */
export function rollupScenario(model: DealModel, scenario: ast.Scenario): ScenarioRollup {
  return rollup(model, scenario);
}

/** Every scenario of a deal, by name, in declaration order (the first of two with one name). */
export function rollupScenarios(model: DealModel): Map<string, ScenarioRollup> {
  const rollups = new Map<string, ScenarioRollup>();
  for (const [name, scenario] of model.scenarios) rollups.set(name, rollup(model, scenario));
  return rollups;
}
