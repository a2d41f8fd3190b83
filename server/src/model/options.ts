// Option rights: who pays whom to exercise, and what exercising may cost. An option fee is
// never in the deal-level totals (exercise is the holder's choice); it shows as a range here
// and as a payment in the scenarios that exercise the option. A fee may itself be a range
// (`fee 200M to 275M`), undisclosed (`fee undisclosed`) or absent (no `fee`).
import type Decimal from 'decimal.js';
import type * as ast from '../language/ast';
import type { DealModel } from './deal-model';
import { stageIndex } from './stages';

export interface OptionFee {
  exercise: ast.OptionExercise;
  stage: string;
  /** The fee in the deal currency; undefined when none is written, it is undisclosed or it
   * cannot be converted. For a range, its low end. */
  amount?: Decimal;
  /** The high end of a range (`fee 200M to 275M`), in the deal currency. */
  max?: Decimal;
  /** `fee undisclosed`: there is a fee, with no figure. */
  undisclosed?: boolean;
  payer?: string;
  payee?: string;
}

export interface OptionFeeRange {
  /** Smallest and largest exercise fee (deal currency); undefined when no fee has a figure. */
  min?: Decimal;
  max?: Decimal;
  /** The holder, who pays the fee. */
  payer?: string;
  /** Who receives the fee: the other party, or the `to` of the exercise (the first one's, if they differ). */
  payee?: string;
  /** Every exercise point in stage order, with its fee. */
  fees: OptionFee[];
}

/**
 * The party on the other side of an option: among the parties other than the holder, the one
 * that shares a payment block or license with the holder, else the only other party, else the
 * first other party declared.
 */
export function optionCounterparty(option: ast.OptionDecl, model: DealModel): string | undefined {
  const holder = option.holder?.text;
  const others = [...model.parties.keys()].filter((p) => p !== holder);
  if (others.length <= 1) return others[0];
  const pairs: [string | undefined, string | undefined][] = [
    ...model.deal.paymentBlocks.map((b): [string | undefined, string | undefined] => [b.from?.text, b.to?.text]),
    ...model.deal.licenses.map((l): [string | undefined, string | undefined] => [l.from?.text, l.to?.text]),
  ];
  for (const [from, to] of pairs) {
    if (from === holder && to && others.includes(to)) return to;
    if (to === holder && from && others.includes(from)) return from;
  }
  return others[0];
}

/** One exercise point's fee, paid by the holder to the other party (or to `fee ... to X`). */
export function exerciseFee(option: ast.OptionDecl, exercise: ast.OptionExercise, model: DealModel): OptionFee {
  return {
    exercise,
    stage: exercise.stage.text,
    amount: exercise.fee ? model.convert(exercise.fee) : undefined,
    ...(exercise.feeMax ? { max: model.convert(exercise.feeMax) } : {}),
    ...(exercise.feeUndisclosed ? { undisclosed: true } : {}),
    payer: option.holder?.text,
    payee: exercise.to?.text ?? optionCounterparty(option, model),
  };
}

/** What exercising the option may cost, from its cheapest to its dearest exercise point. */
export function optionFeeRange(option: ast.OptionDecl, model: DealModel): OptionFeeRange {
  const fees = option.exercises
    .map((exercise) => exerciseFee(option, exercise, model))
    .sort((a, b) => stageIndex(model.stages, a.stage) - stageIndex(model.stages, b.stage));
  let min: Decimal | undefined;
  let max: Decimal | undefined;
  for (const fee of fees) {
    if (!fee.amount) continue;
    const high = highFee(fee);
    if (!min || fee.amount.lt(min)) min = fee.amount;
    if (!max || high.gt(max)) max = high;
  }
  return { min, max, payer: option.holder?.text, payee: fees[0]?.payee ?? optionCounterparty(option, model), fees };
}

/**
 * The exercise point a scenario's `exercise OPTION [at STAGE]` means: the one at that stage, or
 * with no stage written the earliest the option offers. Undefined when the option offers none
 * at that stage.
 */
export function findExercise(option: ast.OptionDecl, stage: string | undefined, model: DealModel): ast.OptionExercise | undefined {
  if (stage !== undefined) return option.exercises.find((e) => e.stage.text === stage);
  return [...option.exercises].sort((a, b) => stageIndex(model.stages, a.stage.text) - stageIndex(model.stages, b.stage.text))[0];
}

/** The most an exercise point's fee may be: the high end of its range, else its figure. */
export function highFee(fee: OptionFee): Decimal {
  return fee.max && fee.amount && fee.max.gt(fee.amount) ? fee.max : fee.amount!;
}

/** What an exercise point's fee counts for in a scenario that does not pin it: a range at its
 * midpoint, a single figure as it is; undefined for an undisclosed fee or one with no rate. */
export function feeAsCounted(fee: OptionFee): Decimal | undefined {
  if (!fee.amount) return undefined;
  if (fee.max === undefined) return fee.exercise.feeMax ? undefined : fee.amount;
  return fee.amount.plus(fee.max).div(2);
}

/** The highest fee the option may cost, for the `including options` headline: the high end of
 * the dearest exercise point (undisclosed fees count nothing). */
export function highestOptionFee(option: ast.OptionDecl, model: DealModel): Decimal | undefined {
  return optionFeeRange(option, model).max;
}
