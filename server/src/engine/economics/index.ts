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
import { scenarioEconomics } from './scenario-economics';
import type { EconomicsUnit, ScenarioEconomics } from './types';

export type { ScenarioEconomics, ExerciseGain, PartyValue, EconomicsTotals } from './types';

const kept = modelFacet(() => new Map<ast.Scenario, { economics?: ScenarioEconomics }>());

/** Whether a scenario gives any costs: then it has economics. */
export function givesCosts(scenario: ast.Scenario): boolean {
  return (scenario.costs?.length ?? 0) > 0 || (scenario.programs ?? []).some((block) => (block.costs?.length ?? 0) > 0);
}

/** The economics of one scenario, or undefined where it gives no costs (or cannot be rolled up). */
export function scenarioEconomicsOf(model: DealModel, scenario: ast.Scenario): ScenarioEconomics | undefined {
  const byScenario = kept(model);
  let outcome = byScenario.get(scenario);
  if (!outcome) {
    outcome = {};
    if (givesCosts(scenario)) {
      try {
        const rollup = scenarioRollupOf(model, scenario);
        outcome.economics = scenarioEconomics(model, scenario, {
          units: (s) => economicsUnits(model, s),
          developers: (r) => developerRules(model, r),
        }, rollup);
      } catch {
        // The rollup's own failure is reported where the rollup is shown (scenarioErrors).
      }
    }
    byScenario.set(scenario, outcome);
  }
  return outcome.economics;
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
