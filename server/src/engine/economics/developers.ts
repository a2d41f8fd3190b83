// Developers other than the default, in the order they take over: the deal's `developer PARTY`,
// a programme's, then an exercised option's
// `on exercise { developer PARTY [in TERRITORY] }`, from the year of the exercise on (on the
// timeline of the option's programme), for the option's programme only where it has one.
import type { DealModel } from '../../model/deal-model';
import { scenarioTracks } from '../scenarios/tracks';
import { yearOf } from '../scenarios/schedule';
import type { ScenarioRollup } from '../scenarios/types';
import type { DeveloperRule } from './division';

export function developerRules(model: DealModel, rollup: ScenarioRollup): DeveloperRule[] {
  const rules: DeveloperRule[] = [];
  // The deal's `developer`, then each programme's: they hold from the start.
  const deal = model.deal.developer?.text;
  if (deal !== undefined && model.parties.has(deal)) rules.push({ party: deal });
  for (const program of model.deal.programs ?? []) {
    const party = program.developer?.text;
    if (party !== undefined && model.parties.has(party)) rules.push({ party, program: program.name.text });
  }
  const happened = rollup.exercises.filter((e) => e.happens && e.option.developers?.length);
  if (!happened.length) return rules;
  const tracks = scenarioTracks(model, rollup.scenario);
  for (const result of happened) {
    const program = result.option.program?.text;
    const timeline = tracks.of(program).timeline;
    const fromYear = result.stage === undefined ? undefined : yearOf(timeline.get(result.stage));
    for (const developer of result.option.developers ?? []) {
      if (!model.parties.has(developer.party.text)) continue;
      rules.push({
        party: developer.party.text, territories: developer.territory?.map((t) => t.text), fromYear,
        ...(program !== undefined ? { program } : {}),
      });
    }
  }
  return rules;
}
