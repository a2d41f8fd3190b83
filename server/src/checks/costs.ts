// A scenario's `costs` blocks: development costs given per year (invalid-value), each line once
// per territory and each year once (invalid-value), and years that are years (invalid-date).
import type * as ast from '../language/ast';
import type { DealModel } from '../model/deal-model';
import type { DealDiagnostic } from '../model/diagnostic';
import { isRead, problem } from '../model/deal-walk';
import { costLineName } from '../model/scenario-costs';

export function checkScenarioCosts(model: DealModel): DealDiagnostic[] {
  const out: DealDiagnostic[] = [];
  for (const scenario of model.deal.scenarios) {
    for (const d of checkCostsOf(scenario.costs ?? [])) out.push(d);
    for (const program of scenario.programs ?? []) for (const d of checkCostsOf(program.costs ?? [])) out.push(d);
  }
  return out;
}

/** The checks of one block's costs (a scenario's, or a programme's inside a scenario). */
export function checkCostsOf(blocks: readonly ast.CostsBlock[]): DealDiagnostic[] {
  const out: DealDiagnostic[] = [];
  blocks.slice(1).forEach((block) => out.push(problem('invalid-value', 'error',
    'The costs are already given in this scenario: put all of them in one `costs { }` block.', block.keywordSpan)));
  const seen = new Set<string>();
  for (const line of blocks.flatMap((block) => block.lines)) {
    const name = costLineName(line);
    if (seen.has(name)) {
      out.push(problem('invalid-value', 'error',
        `\`${name}\` is already given in these costs: give each kind of cost once per territory (all its years in one table).`,
        line.keywordSpan));
    }
    seen.add(name);
    if (line.kind === 'development' && line.ofSales && isRead(line.ofSales)) {
      out.push(problem('invalid-value', 'error',
        `Development costs are not a share of sales: give them per year, e.g. \`${name} { 2010: 10M  2011: 12M }\`.`,
        { start: line.ofSales.span.start, end: Math.max(line.ofSales.span.end, line.span.end) }));
    }
    const years = new Set<number>();
    for (const row of line.years) {
      if (!Number.isInteger(row.year) || row.year < 1000 || row.year > 9999) {
        out.push(problem('invalid-date', 'error', 'This is not a year: write each year of costs as four digits, e.g. `2010: 10M`.', row.yearSpan));
        continue;
      }
      if (years.has(row.year)) {
        out.push(problem('invalid-value', 'error', `Costs for ${row.year} are already given in this table: give each year once.`, row.yearSpan));
      }
      years.add(row.year);
    }
  }
  return out;
}
