// Decoding of literal text into values. Tolerant by design: the parser calls these on tokens
// that error recovery may have invented (empty image), and they must never throw.
import Decimal from 'decimal.js';
import type { DateLit, Span } from './ast';

const scales: Record<string, string> = { K: '1e3', M: '1e6', B: '1e9', bn: '1e9' };

/** `35.5M` → 35500000, `1,000,000` → 1000000, `1_000` → 1000. Exact decimal. */
export function parseNumber(image: string): Decimal {
  const match = /^(-?[\d.,_]+)(K|M|B|bn)?$/.exec(image);
  if (!match) return new Decimal(0);
  try {
    const base = new Decimal(match[1].replace(/[,_]/g, ''));
    return match[2] ? base.times(scales[match[2]]) : base;
  } catch {
    return new Decimal(0);
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
  return { value: inner.replace(/\\(.)/g, '$1'), unterminated };
}

function isClosed(image: string): boolean {
  // A string is closed when its last quote is not escaped: count the backslashes before it.
  let backslashes = 0;
  for (let i = image.length - 2; i > 0 && image[i] === '\\'; i--) backslashes++;
  return backslashes % 2 === 0;
}

const scaleOf = (image: string): boolean => /(K|M|B|bn)$/.test(image);

/** A date as written: `2006-07-07`, `2008-Q3` or a bare year `2009`. Validity (2006-02-30)
 * is judged by analysis, which reports invalid-date; here the parts are only read. */
export function parseDate(image: string, span: Span): DateLit {
  let m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(image);
  if (m) return { text: image, precision: 'day', year: +m[1], month: +m[2], day: +m[3], span };
  m = /^(\d{4})-Q(\d)$/.exec(image);
  if (m) return { text: image, precision: 'quarter', year: +m[1], quarter: +m[2], span };
  const year = /^\d{4}$/.test(image) && !scaleOf(image) ? +image : NaN;
  return { text: image, precision: 'year', year, span };
}
