// The economics of a deal's scenarios, computed once per deal model: for a scenario that gives
// its costs (`costs { ... }`, on its own or in its programme blocks), what the deal is worth to
// each party (see scenario-economics.ts). A scenario without costs has no economics: its shares
// are listed as terms, as before.
import type * as ast from '../../language/ast';
import type { DealModel } from '../../model/deal-model';
import { modelFacet } from '../../model/facets';
import { blockCosts } from '../../model/scenario-costs';
import { scenarioRollupOf } from '../scenario-rollups';
import { salesBook } from '../scenarios/sales';
import { scenarioTracks } from '../scenarios/tracks';
import { costsInput } from './costs-input';
import { developerRules } from './developers';
import { exerciseGains, scenarioValue, type EconomicsSource } from './scenario-economics';
import type { ScenarioRollup } from '../scenarios/types';
import type { EconomicsUnit, ScenarioEconomics, ScenarioValue } from './types';

export type { ScenarioEconomics, ScenarioValue, ExerciseGain, PartyValue, EconomicsTotals } from './types';

interface Kept {
  source?: EconomicsSource;
  rollup?: ScenarioRollup;
  value?: ScenarioValue;
  economics?: ScenarioEconomics;
}

const kept = modelFacet(() => new Map<ast.Scenario, Kept>());

/** Whether a scenario gives any costs: then it has economics. */
export function givesCosts(scenario: ast.Scenario): boolean {
  return (scenario.costs?.length ?? 0) > 0 || (scenario.programs ?? []).some((block) => (block.costs?.length ?? 0) > 0);
}

/** What one scenario is worth to each party (no exercise gains: cheap enough for every edit),
 * or undefined where it gives no costs (or cannot be rolled up). Kept per deal model. */
export function scenarioValueOf(model: DealModel, scenario: ast.Scenario): ScenarioValue | undefined {
  const byScenario = kept(model);
  let entry = byScenario.get(scenario);
  if (!entry) {
    entry = {};
    if (givesCosts(scenario)) {
      try {
        const source: EconomicsSource = { units: (s) => economicsUnits(model, s), developers: (r) => developerRules(model, r) };
        const rollup = scenarioRollupOf(model, scenario);
        Object.assign(entry, { source, rollup, value: scenarioValue(model, scenario, source, rollup) });
      } catch {
        // The rollup's own failure is reported where the rollup is shown (scenarioErrors).
      }
    }
    byScenario.set(scenario, entry);
  }
  return entry.value;
}

/** The value with each exercise's gain and break-even (computed on first ask, then kept). */
export function scenarioEconomicsOf(model: DealModel, scenario: ast.Scenario): ScenarioEconomics | undefined {
  const value = scenarioValueOf(model, scenario);
  const entry = kept(model).get(scenario);
  if (!value || !entry?.source || !entry.rollup) return undefined;
  return (entry.economics ??= { ...value, exercises: exerciseGains(model, scenario, entry.source, entry.rollup, value) });
}

/** The scenario's lines of business: its own sales and costs (the one programme's, where the
 * deal declares one), and each programme block that gives costs, with that programme's sales. */
export function economicsUnits(model: DealModel, scenario: ast.Scenario): EconomicsUnit[] {
  const units: EconomicsUnit[] = [];
  const only = model.programs.size === 1 ? model.programs.keys().next().value : undefined;
  if (scenario.costs?.length) {
    units.push({ ...(only !== undefined ? { program: only } : {}), book: salesBook(model, scenario), costs: costsInput(blockCosts(model, scenario.costs)) });
  }
  const blocks = (scenario.programs ?? []).filter((block) => block.costs?.length && model.programs.has(block.program.text));
  if (blocks.length) {
    const tracks = scenarioTracks(model, scenario);
    for (const block of blocks) {
      units.push({ program: block.program.text, book: tracks.of(block.program.text).sales(), costs: costsInput(blockCosts(model, block.costs!)) });
    }
  }
  return units;
}
