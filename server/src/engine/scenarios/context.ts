// What every part of the scenario engine reads and writes while rolling up one scenario.
import type * as ast from '../../language/ast';
import type { DealModel, PaymentItem } from '../../model/deal-model';
import type { Forfeits } from './exercises';
import type { ScenarioRollup } from './types';

export interface ScenarioContext {
  model: DealModel;
  scenario: ast.Scenario;
  /** Index (in the deal's stages) of the last stage the scenario reaches; -1 for none. */
  reachIndex: number;
  /** The date the timeline gives each stage. */
  timeline: Map<string, ast.DateLit>;
  forfeits: Forfeits;
  out: Pick<ScenarioRollup, 'payments' | 'forfeited' | 'unvalued' | 'unattributed'>;
}

/** Why a payment has no figure in the deal currency. */
export function whyNoFigure(item: PaymentItem, model: DealModel): string {
  if (item.node.undisclosed) return 'the amount is undisclosed';
  if (item.written) return `the amount is in ${model.currencyOf(item.written)}, which has no fx rate to ${model.currency}`;
  return 'no amount is given';
}
