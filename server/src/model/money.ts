// Exact money: every amount is a Decimal from the text to the output. Rounding happens only
// where a person reads a figure (half-even, to the cent); JSON keeps full precision.
import Decimal from 'decimal.js';
import { currencyPrefix } from '../language/currencies';

/** A Decimal constructor for money: 60 significant digits, half-even, never exponent notation. */
export const Money = Decimal.clone({ precision: 60, rounding: Decimal.ROUND_HALF_EVEN, toExpNeg: -1e9, toExpPos: 1e9 });
export type Money = Decimal;

export const ZERO: Decimal = new Money(0);

export function sum(values: Iterable<Decimal | undefined>): Decimal {
  let total: Decimal = ZERO;
  for (const v of values) if (v) total = total.plus(v);
  return total;
}

/** The exact figure as the JSON API writes it: plain decimal, no exponent, no trailing zeros. */
export function exact(value: Decimal): string {
  return new Money(value).toFixed();
}

/** `$36,500,000` — to the cent where there are cents, half-even. */
export function formatAmount(value: Decimal, currency: string): string {
  const negative = value.isNegative() && !value.isZero();
  const abs = new Money(value).abs();
  const fixed = abs.decimalPlaces() > 0 ? abs.toFixed(2, Decimal.ROUND_HALF_EVEN) : abs.toFixed(0);
  const [whole, cents] = fixed.split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${negative ? '-' : ''}${currencyPrefix(currency)}${grouped}${cents && cents !== '00' ? `.${cents}` : ''}`;
}

const shortScales: [Decimal, string][] = [[new Money('1e9'), 'B'], [new Money('1e6'), 'M'], [new Money('1e3'), 'K']];

/** `$36.5M`, `$250K`, `$1.2B`: the short form deal people say aloud. */
export function formatShort(value: Decimal, currency: string): string {
  const abs = new Money(value).abs();
  const negative = value.isNegative() && !value.isZero() ? '-' : '';
  for (const [scale, suffix] of shortScales) {
    if (abs.gte(scale)) {
      const scaled = abs.div(scale).toDecimalPlaces(3, Decimal.ROUND_HALF_EVEN);
      return `${negative}${currencyPrefix(currency)}${scaled.toFixed()}${suffix}`;
    }
  }
  return `${negative}${formatAmount(abs, currency)}`;
}

/** `$36,500,000 ($36.5M)`: the full figure, with the short form where it reads differently. */
export function formatMoney(value: Decimal, currency: string): string {
  const full = formatAmount(value, currency);
  const short = formatShort(value, currency);
  return short === full ? full : `${full} (${short})`;
}

/** `7.5%` from a percent value of 7.5. */
export function formatPercent(value: Decimal): string {
  return `${new Money(value).toFixed()}%`;
}
