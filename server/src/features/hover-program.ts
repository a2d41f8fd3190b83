// Hover on a programme: where its risk starts, how many programmes it stands for, what belongs
// to it and what that adds up to in the deal totals (each amount once per programme).
import type { AnalyzedDeal } from '../document/analyze';
import type { PaymentItem } from '../model/deal-model';
import { kindLabel } from '../model/payment-kinds';
import { programCount, paymentsOfProgram } from '../model/programs';
import { committedKinds, contingentKinds, countedAmount, isCounted } from '../model/totals';
import { ZERO } from '../model/money';
import { figureList, heading, md, moneyIn, paragraphs } from './hover-format';

/** At most this many payments are listed; the totals count them all. */
const listed = 12;

export function describeProgram({ model }: AnalyzedDeal, name: string): string | undefined {
  const program = model.programs.get(name);
  if (!program) return undefined;
  const money = moneyIn(model);
  const count = programCount(model, name);
  const items = paymentsOfProgram(model, name);
  const options = model.deal.options.filter((o) => o.program?.text === name).map((o) => md(o.name.text));
  let committed = ZERO;
  let contingent = ZERO;
  let onExercise = ZERO;
  for (const item of items) {
    if (!isCounted(item)) continue;
    const amount = countedAmount(model, item);
    if (item.option) onExercise = onExercise.plus(amount);
    else if (committedKinds.includes(item.kind)) committed = committed.plus(amount);
    else if (contingentKinds.includes(item.kind)) contingent = contingent.plus(amount);
  }
  const figure = (item: PaymentItem) => (item.amount === undefined ? '—' : money(item.amount));
  const each = count === 1 ? '' : ' each programme';
  const rows = items.slice(0, listed).map((item) =>
    `${md(item.name ?? item.node.title?.value ?? item.kind)} (${kindLabel(item.kind)}${item.option ? `, on exercise of ${md(item.option.name.text)}` : ''}): ${figure(item)}${item.amount === undefined ? '' : each}`);
  const more = items.length > listed ? `…and ${items.length - listed} more.` : undefined;
  const times = count === 1 ? '' : ` × ${count}`;
  return paragraphs(
    heading('Programme', name, program.title),
    [
      program.stage?.text ? `Stage ${md(program.stage.text)} (its risk starts here)` : 'Stage: the deal\'s current stage',
      count === 1 ? undefined : `stands for ${count} alike programmes: each amount counts ${count} times`,
    ].filter(Boolean).join(' · '),
    rows.length ? figureList(rows) : 'No payment belongs to it yet: add `for ' + md(name) + '` to a payment, group or option.',
    more,
    options.length ? `Options on it: ${options.join(', ')}.` : undefined,
    rows.length ? `In the deal totals${times}: committed ${money(committed)} · contingent ${money(contingent)}${onExercise.isZero() ? '' : ` · on exercise ${money(onExercise)}`}.` : undefined,
  );
}
