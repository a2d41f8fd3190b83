// Scenarios: a timeline in stage order whose years never go backwards and that stays within
// `reach` (stage-order), options exercised where they can be (invalid-exercise), and sales
// figures for real years after signing (invalid-date, sales-before-signing, invalid-value).
import type * as ast from '../language/ast';
import type { DealModel } from '../model/deal-model';
import type { DealDiagnostic } from '../model/diagnostic';
import { stageIndex } from '../model/stages';
import { signingYear } from '../engine/scenarios/sales';
import { dateBounds, dateProblem } from './dates';
import { isWritten, problem } from '../model/deal-walk';

export function checkScenarios(model: DealModel): DealDiagnostic[] {
  const out: DealDiagnostic[] = [];
  for (const scenario of model.deal.scenarios) {
    for (const d of checkTimeline(model, scenario.timeline, scenario.reach)) out.push(d);
    for (const d of checkExercises(model, scenario)) out.push(d);
    for (const d of checkSales(model.deal, scenario.sales)) out.push(d);
    for (const block of scenario.programs ?? []) {
      // A programme's own timeline runs to its own reach, else the scenario's.
      const reach = block.reach ?? scenario.reach;
      for (const d of checkTimeline(model, block.timeline ?? [], reach)) out.push(d);
      for (const d of checkSales(model.deal, block.sales)) out.push(d);
    }
  }
  return out;
}

function checkTimeline(model: DealModel, timeline: readonly ast.TimelineEntry[], reachName: ast.Name | undefined): DealDiagnostic[] {
  const out: DealDiagnostic[] = [];
  const stageNames = model.stages.map((s) => s.name).join(', ');
  const entries = timeline
    .filter((e) => isWritten(e.stage) && stageIndex(model.stages, e.stage.text) >= 0)
    .map((e) => ({ entry: e, index: stageIndex(model.stages, e.stage.text) }));

  let furthest: (typeof entries)[number] | undefined;
  for (const current of entries) {
    if (furthest && current.index < furthest.index) {
      out.push(problem('stage-order', 'warning',
        `${current.entry.stage.text} is listed after ${furthest.entry.stage.text} but comes before it in the deal's stages (${stageNames}): list the timeline in stage order.`,
        current.entry.stage.span));
    }
    if (!furthest || current.index > furthest.index) furthest = current;
  }

  // Years must not go backwards along the stages: a later stage is never reached earlier.
  const dated = entries.filter((e) => !dateProblem(e.entry.date)).sort((a, b) => a.index - b.index);
  let latest: (typeof dated)[number] | undefined;
  for (const current of dated) {
    if (latest && current.index > latest.index && dateBounds(current.entry.date).last < dateBounds(latest.entry.date).first) {
      out.push(problem('stage-order', 'warning',
        `${current.entry.stage.text} is reached in ${current.entry.date.text}, before ${latest.entry.stage.text} (${latest.entry.date.text}): a later stage cannot come earlier. Check the years.`,
        current.entry.date.span));
      continue;
    }
    if (!latest || dateBounds(current.entry.date).first >= dateBounds(latest.entry.date).first) latest = current;
  }

  const reach = isWritten(reachName) ? stageIndex(model.stages, reachName.text) : -1;
  if (reach >= 0) {
    for (const { entry, index } of entries) {
      if (index <= reach) continue;
      out.push(problem('stage-order', 'warning',
        `The timeline goes on to ${entry.stage.text}, but this scenario stops at \`reach ${reachName!.text}\`: remove the later stages, or reach further.`,
        entry.stage.span));
    }
  }
  return out;
}

function checkExercises(model: DealModel, scenario: ast.Scenario): DealDiagnostic[] {
  const out: DealDiagnostic[] = [];
  const seen = new Set<string>();
  for (const exercise of scenario.exercises) {
    if (!isWritten(exercise.option)) continue;
    const option = model.options.get(exercise.option.text);
    if (!option) continue; // unknown-reference
    // An option on a programme goes as far as that programme gets in the scenario.
    const block = option.program ? scenario.programs?.find((b) => b.program.text === option.program!.text) : undefined;
    const reachName = block?.reach ?? scenario.reach;
    const reach = isWritten(reachName) ? stageIndex(model.stages, reachName.text) : -1;
    if (seen.has(option.name.text)) {
      out.push(problem('invalid-exercise', 'error',
        `Option '${option.name.text}' is already exercised in this scenario: an option is exercised once.`, exercise.option.span));
      continue;
    }
    seen.add(option.name.text);
    const offered = option.exercises.filter((e) => isWritten(e.stage)).map((e) => e.stage.text);
    if (offered.length === 0) {
      out.push(problem('invalid-exercise', 'error',
        `Option '${option.name.text}' says at no stage it can be exercised: add \`exercise at STAGE fee AMOUNT\` to the option.`,
        exercise.option.span));
      continue;
    }
    const stage = exercise.stage;
    if (!isWritten(stage) || stageIndex(model.stages, stage.text) < 0) continue;
    if (!offered.includes(stage.text)) {
      // Suggested only where the option's own stage is one the deal knows.
      const suggestion = offered.find((s) => stageIndex(model.stages, s) >= 0);
      out.push(problem('invalid-exercise', 'error',
        `Option '${option.name.text}' cannot be exercised at ${stage.text}: it can be exercised at ${offered.join(' or ')}.`,
        stage.span, suggestion ? { suggestion } : undefined));
    } else if (reach >= 0 && stageIndex(model.stages, stage.text) > reach) {
      out.push(problem('stage-order', 'warning',
        `The option is exercised at ${stage.text}, but this scenario stops at \`reach ${reachName!.text}\`: exercise it earlier, or reach further.`,
        stage.span));
    }
  }
  return out;
}

function checkSales(deal: ast.Deal, sales: readonly ast.SalesTable[]): DealDiagnostic[] {
  const out: DealDiagnostic[] = [];
  // The year the scenario engine leaves sales out before: the warning and the figures agree.
  const signedYear = signingYear(deal);
  const allTerritories = sales.find((t) => !t.territory);
  const perTerritory = sales.find((t) => t.territory);
  if (allTerritories && perTerritory) {
    const later = allTerritories.span.start > perTerritory.span.start ? allTerritories : perTerritory;
    out.push(problem('invalid-value', 'error',
      'This scenario gives sales both for all territories (`sales { }`) and per territory (`sales US { }`): use one form or the other.',
      { start: later.span.start, end: later.span.start + 'sales'.length }));
  }
  const tablesSeen = new Set<string>();
  for (const table of sales) {
    const key = table.territory?.text ?? '';
    if (tablesSeen.has(key)) {
      out.push(problem('invalid-value', 'error',
        `Sales ${key ? `in ${key} ` : ''}are already given in this scenario: put all years in one \`sales\` table.`,
        table.territory?.span ?? { start: table.span.start, end: table.span.start + 'sales'.length }));
    }
    tablesSeen.add(key);
    const years = new Set<number>();
    for (const row of table.years) {
      if (!Number.isInteger(row.year) || row.year < 1000 || row.year > 9999) {
        out.push(problem('invalid-date', 'error', notAYear(row), row.yearSpan));
        continue;
      }
      if (years.has(row.year)) {
        out.push(problem('invalid-value', 'error',
          `Sales for ${row.year} are already given in this table: give each year once.`, row.yearSpan));
      }
      years.add(row.year);
      if (signedYear !== undefined && row.year < signedYear) {
        out.push(problem('sales-before-signing', 'warning',
          `Sales in ${row.year} come before the deal was signed (${deal.signed!.text}): the deal earns nothing on them. Check the year.`,
          row.yearSpan));
      }
    }
  }
  return out;
}

/** Why a year of sales is not one. Four digits below 1000 were written with a leading 0
 * (`0999`): asking for four digits would not help there. */
function notAYear(row: ast.SalesYear): string {
  const written = row.yearSpan.end - row.yearSpan.start;
  if (Number.isInteger(row.year) && row.year < 1000 && written === 4) {
    return `'${String(row.year).padStart(4, '0')}' is not a year: a year of sales has four digits from 1000 on, without a leading 0, e.g. \`2016: 150M\`.`;
  }
  return 'This is not a year: write each year of sales as four digits, e.g. `2016: 150M`.';
}
