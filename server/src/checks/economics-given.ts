// What a scenario's economics need and the scenario does not give, said on its `costs` keyword:
// - costs-not-given: it exercises an option that shares development costs in a territory for
//   which its costs give no development table (an undivided `development { }` counts only for
//   shares without `in`): the share would divide nothing;
// - sales-not-given: it takes a programme to approval and gives its costs, but no sales for it:
//   the value shown would have costs and no revenue.
import type * as ast from '../language/ast';
import type { DealModel } from '../model/deal-model';
import type { DealDiagnostic } from '../model/diagnostic';
import { isWritten, problem } from '../model/deal-walk';
import { stageIndex } from '../model/stages';
import { covers, isWorldwide } from '../engine/scenarios/sales';
import { scenarioReach } from '../engine/scenarios/rollup-scenario';

/** One `costs` block with what it is for: the scenario's own, or a programme block's. */
interface CostsGiven { blocks: ast.CostsBlock[]; program?: string; sales: readonly ast.SalesTable[]; reach?: ast.Name; timeline?: readonly ast.TimelineEntry[] }

export function checkEconomicsGiven(model: DealModel): DealDiagnostic[] {
  const out: DealDiagnostic[] = [];
  for (const scenario of model.deal.scenarios) {
    const given: CostsGiven[] = [];
    if (scenario.costs?.length) given.push({ blocks: scenario.costs, sales: scenario.sales });
    for (const block of scenario.programs ?? []) {
      if (block.costs?.length) given.push({ blocks: block.costs, program: block.program.text, sales: block.sales, reach: block.reach, timeline: block.timeline });
    }
    for (const costs of given) {
      for (const d of costsNotGiven(model, scenario, costs)) out.push(d);
      const missing = salesNotGiven(model, scenario, costs);
      if (missing) out.push(missing);
    }
  }
  return out;
}

function costsNotGiven(model: DealModel, scenario: ast.Scenario, costs: CostsGiven): DealDiagnostic[] {
  const out: DealDiagnostic[] = [];
  const development = costs.blocks.flatMap((b) => b.lines).filter((l) => l.kind === 'development' && !l.ofSales);
  const where = costs.blocks[0].keywordSpan;
  for (const exercise of scenario.exercises) {
    const option = model.options.get(exercise.option.text);
    if (!option) continue;
    // An option on a programme shares that programme's costs; the scenario's own costs are the
    // deal's (or its one programme's).
    if (costs.program !== undefined && option.program?.text !== undefined && option.program.text !== costs.program) continue;
    for (const effect of option.effects) {
      if (effect.type !== 'Share' || effect.what !== 'costs') continue;
      const territories = (effect.territory ?? []).filter(isWritten).map((t) => t.text).filter((t) => !isWorldwide(t));
      if (territories.length === 0) {
        if (development.length === 0) out.push(missingCosts(option, 'any territory', '`development { YEAR: AMOUNT ... }`', where));
        continue;
      }
      for (const territory of territories) {
        const given = development.some((l) => l.territory && isWritten(l.territory) && covers(l.territory.text, territory));
        const written = /^[A-Za-z_]\w*$/.test(territory) ? territory : `"${territory}"`;
        if (!given) out.push(missingCosts(option, territory, `\`development ${written} { YEAR: AMOUNT ... }\``, where));
      }
    }
  }
  return out;
}

function missingCosts(option: ast.OptionDecl, territory: string, add: string, where: ast.Span): DealDiagnostic {
  return problem('costs-not-given', 'warning',
    `This scenario exercises ${option.name.text}, which shares development costs in ${territory}, but its costs give none there: add ${add}, or the share divides nothing.`,
    where);
}

function salesNotGiven(model: DealModel, scenario: ast.Scenario, costs: CostsGiven): DealDiagnostic | undefined {
  if (costs.sales.some((table) => table.years.length > 0)) return undefined;
  // Where the deal declares one programme, the scenario's own sales are its sales.
  if (costs.program !== undefined && model.programs.size === 1 && scenario.sales.some((t) => t.years.length > 0)) return undefined;
  const approval = stageIndex(model.stages, 'approval');
  const launchAt = approval >= 0 ? approval : model.stages.length - 1;
  const reach = costs.reach || costs.timeline?.length
    ? scenarioReach(model, { ...scenario, reach: costs.reach ?? scenario.reach, timeline: costs.timeline?.length ? [...costs.timeline] : scenario.timeline })
    : scenarioReach(model, scenario);
  if (launchAt < 0 || reach.index < launchAt) return undefined;
  const what = costs.program !== undefined ? `programme ${costs.program}` : 'the product';
  return problem('sales-not-given', 'warning',
    `This scenario takes ${what} to ${reach.stage} and gives its costs, but no sales: add \`sales { YEAR: AMOUNT ... }\` (or per territory), or its value has costs and no revenue.`,
    costs.blocks[0].keywordSpan);
}
