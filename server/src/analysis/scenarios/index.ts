// The scenario engine's entry points: one scenario, or every scenario of a deal.
import type * as ast from '../../language/ast';
import type { DealModel } from '../deal-model';
import { rollupScenario as rollup } from './rollup-scenario';
import type { ScenarioRollup } from './types';

export type {
  ScenarioRollup, ScenarioPayment, ScenarioPartyPosition, PaymentYear, ScenarioExerciseResult, ScenarioSharing,
} from './types';
export { scenarioReach } from './rollup-scenario';
export { kindOrder } from './tally';

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
