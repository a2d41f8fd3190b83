// Whether a suggested name fits where the quick fix would write it: the closest spelling is not
// always a right one. A timeline lists each stage once; a scenario exercises an option only at
// a stage the option offers; an amount's currency must be one the deal converts (the deal's own
// currency, or one with an `fx` rate).
import type * as ast from '../language/ast';
import type { AnalyzedDeal } from '../document/analyze';
import { amountsOf } from '../model/deal-walk';
import { Money } from '../model/money';

export function suggestionFits(deal: AnalyzedDeal, at: ast.Span, suggestion: string): boolean {
  const d = deal.model.deal;
  const same = (name: ast.Name | undefined) => name?.span.start === at.start && name.span.end === at.end;
  const timeline = d.scenarios.map((s) => s.timeline).find((t) => t.some((e) => same(e.stage)));
  if (timeline?.some((e) => e.stage.text === suggestion)) return false;
  const exercise = d.scenarios.flatMap((s) => s.exercises).find((e) => same(e.stage));
  if (exercise) {
    const option = d.options.find((o) => o.name.text === exercise.option.text);
    if (option && !option.exercises.some((e) => e.stage?.text === suggestion)) return false;
  }
  const amount = amountsOf(d).find((m) => same(m.currency));
  if (amount) {
    const written: ast.Money = { value: new Money(1), currency: { text: suggestion, span: at }, span: amount.span };
    if (deal.model.convert(written) === undefined) return false;
  }
  return true;
}
