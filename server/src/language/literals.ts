// Decoding of literal text into values. Tolerant by design: the parser calls these on tokens
// that error recovery may have invented (empty image), and they must never throw.
import Decimal from 'decimal.js';
import type { DateLit, Span } from './ast';
import { scaleExponents } from './tokens';

/** Values as read: plain notation however large or small (`String(x)` never gives `1e+21`),
 * the same settings as analysis's Money. */
const Exact = Decimal.clone({ precision: 60, rounding: Decimal.ROUND_HALF_EVEN, toExpNeg: -1e9, toExpPos: 1e9 });

/** `35.5M` → 35500000, `1,000,000` → 1000000, `1_000` → 1000, `120 million` → 120000000.
 * Exact decimal: the scale is written as an exponent, because a Decimal is exact as read but
 * `times` rounds to 20 digits. Anything but an optional `-`, then digits, `.`, `,` and `_`,
 * then an optional scale (scaleExponents, any case, after optional spaces) is 0.
 * Read with a loop, not a regular expression: the parser reads every amount of the file. */
export function parseNumber(image: string): Decimal {
  const start = image.charCodeAt(0) === 45 /* - */ ? 1 : 0;
  let end = start;
  let separators = false;
  for (; end < image.length; end++) {
    const c = image.charCodeAt(end);
    if (c === 44 /* , */ || c === 95 /* _ */) separators = true;
    else if ((c < 48 || c > 57) && c !== 46 /* . */) break;
  }
  let exponent = 0;
  if (end < image.length) {
    const scale = scaleExponents[image.slice(end).trim().toLowerCase()];
    if (scale === undefined) return new Exact(0);
    exponent = scale;
  }
  if (end <= start) return new Exact(0);
  const body = separators ? image.slice(0, end).replace(/[,_]/g, '') : image.slice(0, end);
  try {
    return new Exact(exponent ? `${body}e${exponent}` : body);
  } catch {
    return new Exact(0);
  }
}

/** `7.5%` → 7.5 */
export function parsePercent(image: string): Decimal {
  return parseNumber(image.replace(/%$/, ''));
}

/** The text between the quotes, with `\"` and `\\` (and any other `\x`) unescaped. */
export function parseString(image: string): { value: string; unterminated: boolean } {
  const unterminated = image.length < 2 || !image.endsWith('"') || !isClosed(image);
  const inner = image.slice(1, unterminated ? undefined : -1);
  return { value: inner.includes('\\') ? inner.replace(/\\(.)/g, '$1') : inner, unterminated };
}

function isClosed(image: string): boolean {
  // A string is closed when its last quote is not escaped: count the backslashes before it.
  let backslashes = 0;
  for (let i = image.length - 2; i > 0 && image[i] === '\\'; i--) backslashes++;
  return backslashes % 2 === 0;
}

/** A date as written: `2006-07-07`, a month `2016-09`, `2008-Q3` or a bare year `2009`. Validity (2006-02-30)
 * is judged by analysis, which reports invalid-date; here the parts are only read. */
export function parseDate(image: string, span: Span): DateLit {
  let m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(image);
  if (m) return { text: image, precision: 'day', year: +m[1], month: +m[2], day: +m[3], span };
  m = /^(\d{4})-(\d{2})$/.exec(image);
  if (m) return { text: image, precision: 'month', year: +m[1], month: +m[2], span };
  m = /^(\d{4})-Q(\d)$/.exec(image);
  if (m) return { text: image, precision: 'quarter', year: +m[1], quarter: +m[2], span };
  const year = /^\d{4}$/.test(image) ? +image : NaN;
  return { text: image, precision: 'year', year, span };
}
