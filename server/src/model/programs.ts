// Programmes: the products or targets a deal covers, each with its own stage (where its risk
// starts) and a count (`count 3`: three alike targets on the same terms). An amount belongs to
// at most one programme (its own `for`, else its group's, its block's or its option's) and
// counts once per programme it stands for.
import type * as ast from '../language/ast';
import type { DealModel, PaymentItem } from './deal-model';

/** The largest count a programme may have: beyond it the figure is a typo, not a portfolio. */
export const largestProgramCount = 1000;

/** A count as written, when it is a usable one: a whole number from 1 to `largestProgramCount`. */
export function validCount(count: ast.Count | undefined): number | undefined {
  const value = count?.value;
  return value !== undefined && Number.isInteger(value) && value >= 1 && value <= largestProgramCount ? value : undefined;
}

/** How many programmes a declared programme stands for (1 when it gives no usable count, or for
 * a name that is not a programme of the deal: the unknown-reference error says so). */
export function programCount(model: DealModel, program: string | undefined): number {
  if (program === undefined) return 1;
  return validCount(model.programs.get(program)?.count) ?? 1;
}

/** How many times a payment counts in the deal totals: its programme's count. */
export function timesCounted(model: DealModel, item: PaymentItem): number {
  return programCount(model, item.program ?? item.group?.program);
}

/** The programme an option is on, when it names one the deal declares. */
export function optionProgram(model: DealModel, option: ast.OptionDecl): string | undefined {
  const name = option.program?.text;
  return name !== undefined && model.programs.has(name) ? name : undefined;
}

/** Every payment and milestone that belongs to a programme (deal payments, then on-exercise ones). */
export function paymentsOfProgram(model: DealModel, program: string): PaymentItem[] {
  const out: PaymentItem[] = [];
  for (const item of [...model.payments, ...model.exercisePayments]) {
    if (item.program === program) out.push(item);
  }
  return out;
}
