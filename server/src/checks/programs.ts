// Programmes: a count is a whole number of programmes (invalid-value); a scenario says what
// happens to each programme once, goes ahead with no more of a counted programme than the deal
// covers, and gives each programme's sales inside its `program ID { }` block when the deal
// covers more than one (top-level sales could be any of them).
import type * as ast from '../language/ast';
import type { DealModel } from '../model/deal-model';
import type { DealDiagnostic } from '../model/diagnostic';
import { isRead, isWritten, problem } from '../model/deal-walk';
import { listNames } from '../model/names';
import { largestProgramCount, programCount, validCount } from '../model/programs';

export function checkPrograms(model: DealModel): DealDiagnostic[] {
  const out: DealDiagnostic[] = [];
  for (const program of model.deal.programs ?? []) {
    const count = countProblem(program.count, `how many alike programmes ${program.name.text} stands for`);
    if (count) out.push(count);
  }
  for (const scenario of model.deal.scenarios) for (const d of checkScenarioPrograms(model, scenario)) out.push(d);
  return out;
}

function countProblem(count: ast.Count | undefined, what: string): DealDiagnostic | undefined {
  if (!count || !isRead(count) || validCount(count) !== undefined) return undefined;
  return problem('invalid-value', 'error',
    `\`count\` says ${what}: a whole number from 1 to ${largestProgramCount.toLocaleString('en-US')}, e.g. \`count 3\`.`,
    count.span);
}

function checkScenarioPrograms(model: DealModel, scenario: ast.Scenario): DealDiagnostic[] {
  const out: DealDiagnostic[] = [];
  const seen = new Set<string>();
  for (const block of scenario.programs ?? []) {
    if (!isWritten(block.program)) continue;
    if (seen.has(block.program.text)) {
      out.push(problem('invalid-value', 'error',
        `This scenario already says what happens to programme ${block.program.text}: put it all in one \`program ${block.program.text} { }\` block.`,
        block.program.span));
    }
    seen.add(block.program.text);
    const bad = countProblem(block.count, `how many of ${block.program.text} go ahead`);
    if (bad) {
      out.push(bad);
      continue;
    }
    const declared = model.programs.get(block.program.text);
    const most = programCount(model, block.program.text);
    if (declared && block.count && validCount(block.count)! > most) {
      out.push(problem('invalid-value', 'error',
        `Programme ${block.program.text} stands for ${most} programme${most === 1 ? '' : 's'} (\`count ${most}\`): no more than that can go ahead. Lower the count, or raise the programme's.`,
        block.count.span));
    }
  }
  if (model.programs.size > 1) {
    for (const table of scenario.sales) {
      const names = [...model.programs.keys()];
      out.push(problem('invalid-value', 'error',
        `This deal covers several programmes (${listNames(names)}): give each one's sales inside its block, e.g. \`program ${names[0]} { sales { 2030: 100M } }\`.`,
        { start: table.span.start, end: table.span.start + 'sales'.length }));
    }
  }
  return out;
}
