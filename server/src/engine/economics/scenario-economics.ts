// One scenario's economics: the product's profit and loss divided between the parties, each
// party's value, and for each option the scenario exercises, what exercising gains each party
// (the same scenario rolled up without that exercise) and the sales at which it breaks even.
import type Decimal from 'decimal.js';
import type * as ast from '../../language/ast';
import type { DealModel } from '../../model/deal-model';
import { Money, sum, toCents } from '../../model/money';
import { probabilityOfReaching } from '../../model/probability';
import { discountFactor, valuationBasis } from '../rnpv';
import { rollupScenario } from '../scenarios';
import { scenarioTracks } from '../scenarios/tracks';
import { timelineDates, yearDate, yearOf } from '../scenarios/schedule';
import type { ScenarioRollup } from '../scenarios/types';
import { breakEven } from './break-even';
import { economicsCells, economicsTotals } from './cells';
import { economicsRnpv } from './economics-rnpv';
import { divideCells, type DeveloperRule, type ShareRule } from './division';
import { partyValues } from './party-values';
import type { EconomicsUnit, ExerciseGain, PartyValue, ScenarioEconomics, ScenarioValue } from './types';

/** What the economics of a scenario are computed from, besides the deal's own terms. */
export interface EconomicsSource {
  /** The deal's lines of business in a scenario (the scenario itself, or a copy with its sales
   * scaled): their sales and costs. */
  units: (scenario: ast.Scenario) => EconomicsUnit[];
  /** Developers other than the default (the deal's, a programme's, an exercise's). */
  developers: (rollup: ScenarioRollup) => DeveloperRule[];
}

/** The economics of `scenario` as written; `rollup` is its rollup, where already at hand. */
export function scenarioEconomics(
  model: DealModel, scenario: ast.Scenario, source: EconomicsSource, rollup = rollupScenario(model, scenario),
): ScenarioEconomics {
  const core = scenarioValue(model, scenario, source, rollup);
  return { ...core, exercises: exerciseGains(model, scenario, source, rollup, core) };
}

/** What the scenario is worth to each party, without its exercises' gains: one rollup, no
 * break-even search (what a CodeLens needs on every edit). */
export function scenarioValue(
  model: DealModel, scenario: ast.Scenario, source: EconomicsSource, rollup = rollupScenario(model, scenario),
): ScenarioValue {
  return valueAt(model, scenario, source, rollup);
}

/** Each exercise's gain against the scenario without it, and its break-even: the costly part
 * (the break-even rolls the scenario up again for every multiplier it tries). */
export function exerciseGains(
  model: DealModel, scenario: ast.Scenario, source: EconomicsSource, rollup: ScenarioRollup, core: ScenarioValue,
): ExerciseGain[] {
  return rollup.exercises.map((result): ExerciseGain => {
    const gain: ExerciseGain = { option: result.option, stage: result.stage, happens: result.happens, gain: new Map() };
    if (!result.happens) return gain;
    const fees = rollup.payments.filter((p) => p.kind === 'option-fee' && p.option === result.option);
    if (fees.length) gain.fee = sum(fees.map((p) => p.amount));
    const without = withoutExercise(scenario, result.option);
    const other = valueAt(model, without, source, rollupScenario(model, without));
    gain.gain = difference(valuesOf(core.parties), valuesOf(other.parties));
    if (core.rnpv && other.rnpv) {
      gain.rnpvGain = difference(core.rnpv.value, other.rnpv.value);
      gain.rnpvGainAtExercise = asSeenAtExercise(model, scenario, result.stage, gain.rnpvGain);
    }
    const holder = result.option.holder?.text;
    if (holder !== undefined && model.parties.has(holder)) {
      const found = breakEven((k) => holderGain(model, scenario, without, source, holder, k));
      if (found) [gain.breakEven, gain.paysOffAbove] = [found.multiplier, found.paysOffAbove];
    }
    return gain;
  });
}

function valueAt(model: DealModel, scenario: ast.Scenario, source: EconomicsSource, rollup: ScenarioRollup): ScenarioValue {
  const cells = source.units(scenario).flatMap((unit) => economicsCells(unit.book, unit.costs, unit.program));
  const divisions = divideCells(model, cells, source.developers(rollup), shareRules(scenario, rollup, model));
  const rnpv = economicsRnpv(model, scenario, rollup, divisions);
  return { cells: divisions, totals: economicsTotals(cells), parties: partyValues(model, rollup, divisions), ...(rnpv ? { rnpv } : {}) };
}

/** An rNPV gain valued at signing, as the holder sees it when deciding to exercise. */
function asSeenAtExercise(model: DealModel, scenario: ast.Scenario, stage: string | undefined, gain: Map<string, Decimal>) {
  const basis = valuationBasis(model);
  const year = stage === undefined ? undefined : yearOf(scenarioTracks(model, scenario).deal.timeline.get(stage));
  const reaching = probabilityOfReaching(model, stage);
  if (!basis || year === undefined || !reaching || reaching.isZero()) return undefined;
  const factor = discountFactor(basis, yearDate(year, { start: 0, end: 0 }));
  if (!factor || factor.isZero()) return undefined;
  const out = new Map<string, Decimal>();
  for (const [party, amount] of gain) out.set(party, toCents(amount.div(reaching).div(factor)));
  return out;
}

/** The holder's gain from exercising with every sales figure of the scenario times `k`. */
function holderGain(
  model: DealModel, scenario: ast.Scenario, without: ast.Scenario, source: EconomicsSource, holder: string, k: number,
): Decimal {
  const factor = new Money(k);
  // With a valuation the break-even weighs the flows in rNPV; either view gives the same k
  // where the flows fall in the same years.
  const value = (s: ast.Scenario) => {
    const scaled = scaleSales(s, factor);
    const at = valueAt(model, scaled, source, rollupScenario(model, scaled));
    return at.rnpv ? at.rnpv.value.get(holder)! : at.parties.get(holder)!.value;
  };
  return value(scenario).minus(value(without));
}

/** Shares of the options the scenario exercises, each from its exercise's timeline year on. */
export function shareRules(scenario: ast.Scenario, rollup: ScenarioRollup, model?: DealModel): ShareRule[] {
  const tracks = model && scenarioTracks(model, scenario);
  const own = timelineDates(scenario.timeline);
  return rollup.sharing.map((sharing) => {
    const exercise = rollup.exercises.find((e) => e.happens && e.option === sharing.option);
    // An option on a programme is exercised on that programme's timeline.
    const timeline = tracks ? tracks.of(sharing.option.program?.text).timeline : own;
    const fromYear = exercise?.stage === undefined ? undefined : yearOf(timeline.get(exercise.stage));
    const program = sharing.option.program?.text;
    return { what: sharing.what, shares: sharing.shares, territories: sharing.territory, fromYear, ...(program !== undefined ? { program } : {}) };
  });
}

/** The same scenario without its exercises of `option`. */
export function withoutExercise(scenario: ast.Scenario, option: ast.OptionDecl): ast.Scenario {
  return { ...scenario, exercises: scenario.exercises.filter((e) => e.option.text !== option.name.text) };
}

/** The same scenario with every sales figure times `factor`. */
export function scaleSales(scenario: ast.Scenario, factor: Decimal): ast.Scenario {
  const scale = (tables: readonly ast.SalesTable[]) => tables.map((table) => ({
    ...table,
    years: table.years.map((year) => ({ ...year, amount: { ...year.amount, value: year.amount.value.times(factor) } })),
  }));
  return {
    ...scenario,
    sales: scale(scenario.sales),
    ...(scenario.programs ? { programs: scenario.programs.map((block) => ({ ...block, sales: scale(block.sales) })) } : {}),
  };
}

const valuesOf = (parties: Map<string, PartyValue>) => new Map([...parties].map(([party, v]) => [party, v.value]));

function difference(withIt: Map<string, Decimal>, withoutIt: Map<string, Decimal>): Map<string, Decimal> {
  const out = new Map<string, Decimal>();
  for (const [party, value] of withIt) out.set(party, value.minus(withoutIt.get(party) ?? 0));
  return out;
}
