// Probability of technical success: how likely the programme is to get from the deal's current
// stage to the stage a payment depends on. Used by rNPV, scenario rows and hover.
import type Decimal from 'decimal.js';
import type { DealModel } from './deal-model';
import { modelFacet } from './facets';
import { Money } from './money';
import { stageIndex, type Stage } from './stages';

/** The deal's current stage (`stage phase1`), else the first stage of its list. For a
 * programme with a `stage` of its own, that stage: its risk starts there. */
export function currentStage(model: DealModel, program?: string): string | undefined {
  const own = program === undefined ? undefined : model.programs.get(program)?.stage?.text;
  if (own !== undefined && stageIndex(model.stages, own) >= 0) return own;
  const declared = model.deal.stage?.text;
  if (declared !== undefined && stageIndex(model.stages, declared) >= 0) return declared;
  return model.stages[0]?.name;
}

/** The stage royalties and sales milestones depend on: `launch`, else the last declared stage. */
export function commercialStage(stages: readonly Stage[]): string | undefined {
  if (stageIndex(stages, 'launch') >= 0) return 'launch';
  return stages[stages.length - 1]?.name;
}

/**
 * Probability (0..1) of reaching `stage` from the deal's current stage (a programme's own stage
 * for a payment of that programme): the product of the
 * success rates of the stages from the current one up to, not including, `stage`. A stage at or
 * before the current one is certain (1). Undefined when the stage is not in the deal's list.
 * A stage without a success rate that must be passed counts as certain: the deal states no risk.
 */
export function probabilityOfReaching(model: DealModel, stage: string | undefined, program?: string): Decimal | undefined {
  // A scenario asks this of every payment: thousands of times for a long deal, for a handful of
  // stages and programmes. Each answer is worked out once per model.
  const byProgram = probabilities(model);
  let known = byProgram.get(program);
  if (!known) byProgram.set(program, (known = new Map()));
  if (known.has(stage)) return known.get(stage);
  const probability = probabilityFromStages(model, stage, program);
  known.set(stage, probability);
  return probability;
}

/** Per programme (undefined: the deal's own stage), per stage. */
const probabilities = modelFacet((_: DealModel) => new Map<string | undefined, Map<string | undefined, Decimal | undefined>>());

function probabilityFromStages(model: DealModel, stage: string | undefined, program?: string): Decimal | undefined {
  const target = stageIndex(model.stages, stage);
  if (target < 0) return undefined;
  const from = Math.max(stageIndex(model.stages, currentStage(model, program)), 0);
  let probability: Decimal = new Money(1);
  for (let i = from; i < target; i++) {
    const success = model.stages[i].success;
    if (success) probability = probability.times(success);
  }
  return probability;
}
