// The option decision in words, the same wherever it is shown (CLI, hover, preview):
// "Exercising OptIn at phase2 costs ImmunoGen $0.5M at these sales; it pays off from 1.01×
// these sales." Short money forms, the holder's gain (in rNPV where the deal has a valuation).
import type Decimal from 'decimal.js';
import type { DealModel } from '../../model/deal-model';
import { partyName } from '../../model/describe';
import { formatPercent, formatShort, toCents } from '../../model/money';
import { shownMultiplier } from './break-even';
import type { ExerciseGain } from './types';

/** `option` names the option (default: its name; the term sheet gives its title). */
export function decisionWords(model: DealModel, exercise: ExerciseGain, option = exercise.option.name.text): string | undefined {
  const holder = exercise.option.holder?.text;
  if (!exercise.happens || holder === undefined) return undefined;
  const gain = (exercise.rnpvGain ?? exercise.gain).get(holder);
  if (gain === undefined) return undefined;
  const who = partyName(model, holder);
  const at = exercise.stage ? ` at ${exercise.stage}` : '';
  const inRnpv = exercise.rnpvGain ? ' in rNPV' : '';
  const money = (value: Decimal) => formatShort(toCents(value.abs()), model.currency);
  const effect = gain.isZero() ? `neither gains nor costs ${who} anything` : gain.isNegative() ? `costs ${who} ${money(gain)}` : `gains ${who} ${money(gain)}`;
  const first = `Exercising ${option}${at} ${effect}${inRnpv} at these sales`;
  if (exercise.breakEven === undefined) return `${first}; it ${gain.isNegative() ? 'does not pay off' : 'pays off'} at any sales from 0 to 100× these.`;
  const k = shownMultiplier(exercise.breakEven);
  return exercise.paysOffAbove ? `${first}; it pays off from ${k}× these sales.` : `${first}; it stops paying off from ${k}× these sales.`;
}

/** A party's share of the pie, to one decimal (`54%`); none where the pie is empty. */
export function pieShare(value: Decimal, project: Decimal): string {
  return project.isZero() ? '' : formatPercent(value.div(project).times(100).toDecimalPlaces(1));
}
