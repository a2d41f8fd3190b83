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

/** The figure to the cent, half-even: the one rounding rule, for what is shown and what a quick
 * fix writes. */
export function toCents(value: Decimal): Decimal {
  // Most amounts are already whole cents: kept as they are (a decimal never changes).
  if (value instanceof Money && value.decimalPlaces() <= 2) return value;
  return new Money(value).toDecimalPlaces(2, Decimal.ROUND_HALF_EVEN);
}

/** The exact figure as the JSON API writes it: plain decimal, no exponent, no trailing zeros,
 * never `-0`. Written from the exponential form, whose zeros decimal.js would add one by one
 * (minutes for a five-megabyte number). */
export function exact(value: Decimal): string {
  const [mantissa, exponent] = new Money(value).toExponential().split('e');
  const sign = mantissa.startsWith('-') && /[1-9]/.test(mantissa) ? '-' : '';
  const digits = mantissa.replace(/^-/, '').replace('.', '');
  const e = Number(exponent);
  if (e >= digits.length - 1) return `${sign}${digits}${'0'.repeat(e - digits.length + 1)}`;
  if (e >= 0) return `${sign}${digits.slice(0, e + 1)}.${digits.slice(e + 1)}`;
  return `${sign}0.${'0'.repeat(-e - 1)}${digits}`;
}

/** `$36,500,000` — to the cent where there are cents, half-even. A figure of more than
 * `longestShown` digits is cut short with its digit count: `$9,999,999…(40,000 digits)`. */
export function formatAmount(value: Decimal, currency: string): string {
  const abs = new Money(value).abs();
  const sign = value.isNegative() ? '-' : '';
  if (abs.gte(tooLongToShow)) return `${sign}${currencyPrefix(currency)}${cutShort(abs)}`;
  const fixed = abs.decimalPlaces() > 0 ? abs.toFixed(2, Decimal.ROUND_HALF_EVEN) : abs.toFixed(0);
  const [whole, cents] = fixed.split('.');
  // The sign of what is shown: an amount that rounds to $0 is $0, never -$0.
  const negative = sign && /[1-9]/.test(fixed) ? '-' : '';
  return `${negative}${currencyPrefix(currency)}${groupDigits(whole)}${cents && cents !== '00' ? `.${cents}` : ''}`;
}

/** The most digits a figure is shown with: more than any real deal figure, far fewer than a
 * pasted serial number (which the checks report as an error). */
export const longestShown = 30;

/** `1234567` → `1,234,567`, in one pass (a look-ahead regular expression is quadratic). */
export function groupDigits(digits: string): string {
  const head = digits.length % 3 || 3;
  const groups = [digits.slice(0, head)];
  for (let i = head; i < digits.length; i += 3) groups.push(digits.slice(i, i + 3));
  return groups.join(',');
}

/** The leading digits of a too-long whole number and how many it has: `9,999,999…(40,000
 * digits)`. Read from the exponent, never by writing every digit out (a five-megabyte number
 * would take a minute). */
function cutShort(abs: Decimal): string {
  const count = abs.e + 1;
  const head = count % 3 || 3;
  const leading = abs.toExponential(head + 5, Decimal.ROUND_DOWN).replace(/\.|e.*$/g, '');
  return `${groupDigits(leading)}…(${groupDigits(String(count))} digits)`;
}

/** A plain number as shown in text (a rate, a percentage, a count): in full up to
 * `longestShown` digits, else cut short with its digit count. */
export function formatNumber(value: Decimal): string {
  const abs = new Money(value).abs();
  const sign = value.isNegative() ? '-' : '';
  if (abs.gte(tooLongToShow)) return `${sign}${cutShort(abs)}`;
  if (abs.decimalPlaces() + abs.e + 1 <= longestShown) return new Money(value).toFixed();
  const whole = abs.toFixed(0, Decimal.ROUND_DOWN);
  const kept = Math.max(2, longestShown - whole.length);
  const fraction = abs.toFixed(kept, Decimal.ROUND_DOWN).slice(whole.length + 1);
  return `${sign}${whole}.${fraction}…(${groupDigits(String(abs.decimalPlaces()))} decimals)`;
}

/** Figures this large are shown cut short, with their digit count, and have no short form. */
const tooLongToShow = new Money(`1e${longestShown}`);

/** Each scale: what it stands for, its inverse (an exact shift of the decimal point, quicker than
 * dividing), the least figure that shows as 1 or more in it (0.9995 rounds half-even to 1.000),
 * and its letter. */
const shortScales: [Decimal, Decimal, Decimal, string][] = (['9', '6', '3'] as const).map((e, i) =>
  [new Money(`1e${e}`), new Money(`1e-${e}`), new Money(`9995e${Number(e) - 4}`), 'BMK'[i]]);

/** `$36.5M`, `$250K`, `$1.2B`: the short form deal people say aloud. A figure that rounds up
 * to the next scale takes it: $999,999.60 is $1M, never $1000K. */
export function formatShort(value: Decimal, currency: string): string {
  const short = shortForm(value);
  if (!short) return formatAmount(value, currency);
  return `${value.isNegative() ? '-' : ''}${currencyPrefix(currency)}${short.scaled.toFixed()}${short.suffix}`;
}

/** The scaled figure and scale of a short form (none below a thousand, nor for huge figures). */
function shortForm(value: Decimal): { scaled: Decimal; suffix: string; stands: Decimal } | undefined {
  const abs = new Money(value).abs();
  if (abs.lt(1000) || abs.gte(tooLongToShow)) return undefined;
  for (const [scale, inverse, least, suffix] of shortScales) {
    if (abs.lt(least)) continue;
    const scaled = abs.times(inverse).toDecimalPlaces(3, Decimal.ROUND_HALF_EVEN);
    return { scaled, suffix, stands: value.isNegative() ? scaled.times(scale).neg() : scaled.times(scale) };
  }
  return undefined;
}

/**
 * A total and the parts it adds up, as shown side by side: in short forms where those add up
 * too ($36.5M = $1M + $35.5M), else in full figures to the cent, which do ($1,234,500 +
 * $2,345,500 = $3,580,000, where $1.235M + $2.346M would not make $3.58M).
 */
export function formatFooting(total: Decimal, parts: readonly Decimal[], currency: string): { total: string; parts: string[] } {
  const stands = (value: Decimal) => shortForm(value)?.stands ?? toCents(value);
  const footsShort = sum(parts.map(stands)).eq(stands(total));
  const show = footsShort ? formatShort : formatAmount;
  return { total: show(total, currency), parts: parts.map((part) => show(part, currency)) };
}

/** `$36,500,000 ($36.5M)`: the full figure, with the short form where it reads differently. */
export function formatMoney(value: Decimal, currency: string): string {
  const full = formatAmount(value, currency);
  const short = formatShort(value, currency);
  return short === full ? full : `${full} (${short})`;
}

/** Text written where a figure or a date stands, as written, unless it is a number too long to
 * show (a date of 50,000 digits is an error, and is quoted cut short). */
export function writtenShort(text: string): string {
  return text.length > longestShown && /^\d+$/.test(text) ? formatNumber(new Money(text)) : text;
}

/** `7.5%` from a percent value of 7.5. */
export function formatPercent(value: Decimal): string {
  return `${formatNumber(value)}%`;
}
