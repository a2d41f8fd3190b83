// The economics keys of the rollup JSON (added beside the version-1 keys; nothing renamed):
// each party's profit, costs and value, the scenario's `economics`, each exercise's gain and
// break-even, and the value in rNPV. Amounts are exact decimal strings.
import type Decimal from 'decimal.js';
import { exact } from '../model/money';
import { shownMultiplier } from '../engine/economics/break-even';
import type { ExerciseGain, ScenarioEconomics } from '../engine/economics/types';
import type { Amount, EconomicsJson, ExerciseEconomicsJson, PartyEconomicsJson, ScenarioJson } from './rollup-json-types';


export function partyEconomicsJson(economics: ScenarioEconomics, party: string): PartyEconomicsJson | undefined {
  const value = economics.parties.get(party);
  return value && { profit: exact(value.profit), costs: exact(value.costs), value: exact(value.value) };
}

export function economicsJson(economics: ScenarioEconomics): EconomicsJson {
  const t = economics.totals;
  return {
    sales: exact(t.sales), goods: exact(t.goods), commercial: exact(t.commercial),
    operatingProfit: exact(t.operatingProfit), development: exact(t.development), projectValue: exact(t.projectValue),
  };
}

export function exerciseEconomicsJson(exercise: ExerciseGain): ExerciseEconomicsJson | undefined {
  if (!exercise.happens) return undefined;
  return {
    gain: amounts(exercise.gain),
    ...(exercise.rnpvGain ? { rnpvGain: amounts(exercise.rnpvGain) } : {}),
    ...(exercise.rnpvGainAtExercise ? { rnpvGainAtExercise: amounts(exercise.rnpvGainAtExercise) } : {}),
    breakEven: exercise.breakEven === undefined ? null : shownMultiplier(exercise.breakEven),
  };
}

/** `rnpv.scenarios.{S}`: each party's value in rNPV and the project value. */
export function rnpvEconomicsJson(economics: ScenarioEconomics): { value: Record<string, Amount>; projectValue: Amount } | undefined {
  const rnpv = economics.rnpv;
  return rnpv && { value: amounts(rnpv.value), projectValue: exact(rnpv.projectValue) };
}

function amounts(map: ReadonlyMap<string, Decimal>): Record<string, Amount> {
  return Object.fromEntries([...map].map(([key, value]) => [key, exact(value)]));
}

/** Adds a scenario's economics to its JSON: each party's profit, costs and value, the product's
 * figures, and each exercise's gain and break-even (the exercises are in the rollup's order). */
export function addEconomicsJson(json: ScenarioJson, economics: ScenarioEconomics): void {
  for (const [party, entry] of Object.entries(json.parties)) Object.assign(entry, partyEconomicsJson(economics, party) ?? {});
  json.economics = economicsJson(economics);
  json.exercises.forEach((entry, i) => {
    const gain = economics.exercises[i] && exerciseEconomicsJson(economics.exercises[i]);
    if (gain) Object.assign(entry, gain);
  });
}
