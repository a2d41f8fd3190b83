// Deal terms given once: `currency`, `signed`, `headline`, `stage`, `valuation` and the like,
// and one exchange rate per currency (either way round). Written twice, the first counts — the
// parser keeps it, the model converts with it — and each repeat is a repeated-term warning
// that says which one counts, quoted as written (a line number would go stale as the text above
// is edited). An exchange rate of zero or below converts nothing: an invalid-value error.
import type Decimal from 'decimal.js';
import type * as ast from '../language/ast';
import type { DealModel } from '../model/deal-model';
import type { DealDiagnostic } from '../model/diagnostic';
import { formatMoney, formatNumber, Money } from '../model/money';
import { isRead, isWritten, problem } from '../model/deal-walk';

const removeOne = 'Remove the one that is wrong.';

export function checkRepeatedTerms(model: DealModel): DealDiagnostic[] {
  const deal = model.deal;
  const out: DealDiagnostic[] = [];
  for (const repeat of deal.repeated ?? []) {
    const first = firstAsWritten(model, repeat.term);
    const message = first === undefined
      ? `\`${repeat.term}\` is given twice: the first counts. ${repeat.term === 'stages' ? 'List every stage in one `stages` block.' : 'Put the valuation in one block.'}`
      : `\`${repeat.term}\` is given twice: the first, ${first}, counts. ${removeOne}`;
    out.push(problem('repeated-term', 'warning', message, repeat.span));
  }
  return [...out, ...checkFxLines(model)];
}

/** The first value of a term, as the message quotes it; none for blocks. */
function firstAsWritten(model: DealModel, term: ast.SingleTerm): string | undefined {
  const deal = model.deal;
  switch (term) {
    case 'currency': return deal.currency?.text;
    case 'signed': case 'effective': case 'announced': return deal[term]?.text;
    case 'stage': return deal.stage?.text;
    case 'developer': return deal.developer?.text;
    case 'source': {
      const text = deal.source?.value ?? '';
      return `"${text.length > 40 ? `${text.slice(0, 40)}…` : text}"`;
    }
    case 'headline': return deal.headline ? formatMoney(deal.headline.value, model.currencyOf(deal.headline)) : undefined;
    case 'stages': case 'valuation': return undefined;
  }
}

/** A second rate for a currency the deal converts, and rates of zero or below. */
function checkFxLines(model: DealModel): DealDiagnostic[] {
  const out: DealDiagnostic[] = [];
  const currency = model.currency;
  for (const fx of model.deal.fx) {
    if (!isWritten(fx.from) || !isWritten(fx.to) || !isRead({ span: fx.rateSpan })) continue;
    if (!fx.rate.isPositive() || fx.rate.isZero()) {
      const [foreign, home] = fx.from.text === currency ? [fx.to.text, fx.from.text] : [fx.from.text, fx.to.text];
      out.push(problem('invalid-value', 'error',
        `An exchange rate must be above zero: write how many ${home} one ${foreign} is worth, e.g. \`fx ${foreign} = 1.10 ${home}\`.`,
        fx.rateSpan));
      continue;
    }
    const foreign = fx.to.text === currency ? fx.from.text : fx.from.text === currency ? fx.to.text : undefined;
    const first = foreign === undefined ? undefined : model.fxLines.get(foreign);
    if (!foreign || !first || first === fx) continue;
    const was = perUnit(first, currency);
    const now = perUnit(fx, currency);
    const same = was.numerator.times(now.denominator).eq(now.numerator.times(was.denominator));
    const says = same
      ? 'this one says the same. Remove it.'
      : `this one would make 1 ${foreign} = ${formatNumber(now.numerator.div(now.denominator).toSignificantDigits(10))} ${currency}. ${removeOne}`;
    out.push(problem('repeated-term', 'warning',
      `The rate between ${foreign} and ${currency} is given twice: the first, \`${lineText(first)}\`, counts; ${says}`,
      fx.span));
  }
  return out;
}

/** Units of the deal currency one unit of the other is worth, as a fraction (exact either way round). */
function perUnit(fx: ast.FxRate, currency: string): { numerator: Decimal; denominator: Decimal } {
  const rate = new Money(fx.rate);
  return fx.to.text === currency ? { numerator: rate, denominator: new Money(1) } : { numerator: new Money(1), denominator: rate };
}

function lineText(fx: ast.FxRate): string {
  return `fx ${fx.from.text} = ${formatNumber(fx.rate)} ${fx.to.text}`;
}
