// The scenario engine's entry point. (Implemented by rollup-scenario.ts.)
import type { DealModel } from '../deal-model';
import type { ScenarioRollup } from './types';
import type * as ast from '../../language/ast';

export type { ScenarioRollup, ScenarioPayment, ScenarioPartyPosition, PaymentYear } from './types';

/** Every payment a scenario triggers, rolled up per party, kind and year. */
export function rollupScenario(_model: DealModel, _scenario: ast.Scenario): ScenarioRollup {
  throw new Error('not implemented yet');
}
