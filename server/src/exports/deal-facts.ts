// Facts of a deal that every rendering states in the same words: its exchange rates.
import type * as ast from '../language/ast';
import { formatNumber } from '../model/money';

/** One `fx` line as a reader says it: `1 EUR = 1.1 USD`. */
export function exchangeRateText(fx: ast.FxRate): string {
  return `1 ${fx.from.text} = ${formatNumber(fx.rate)} ${fx.to.text}`;
}

/** The deal's exchange rates, `; `-separated; undefined when it gives none. */
export function exchangeRatesText(deal: ast.Deal): string | undefined {
  return deal.fx.map(exchangeRateText).join('; ') || undefined;
}
