// Dates: each must exist (invalid-date: 2006-02-30, month 13, Q5, a five-digit year), dated
// events need a day, and no payment falls before the deal was signed (date-before-signing).
import type * as ast from '../language/ast';
import type { DealDiagnostic } from '../model/diagnostic';
import { problem, type DateInContext } from '../model/deal-walk';
import { writtenShort } from '../model/money';

const monthNames = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

function daysInMonth(year: number, month: number): number {
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  return [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1];
}

/** Why a date does not exist, or undefined when it does. */
export function dateProblem(date: ast.DateLit): string | undefined {
  if (!Number.isInteger(date.year)) {
    return `'${writtenShort(date.text)}' is not a date: write a day (2006-07-07), a month (2016-09), a quarter (2008-Q3) or a year of four digits (2009).`;
  }
  if (date.precision === 'quarter' && !(date.quarter! >= 1 && date.quarter! <= 4)) {
    return `There is no quarter Q${date.quarter} in '${date.text}': quarters run from Q1 to Q4.`;
  }
  if (date.precision === 'month' && !(date.month! >= 1 && date.month! <= 12)) {
    return `There is no month ${String(date.month).padStart(2, '0')} in '${date.text}': months run from 01 to 12 (YYYY-MM).`;
  }
  if (date.precision === 'day') {
    const { year, month = 0, day = 0 } = date;
    if (month < 1 || month > 12) return `There is no month ${String(month).padStart(2, '0')} in '${date.text}': months run from 01 to 12 (YYYY-MM-DD).`;
    const days = daysInMonth(year, month);
    if (day < 1 || day > days) return `'${date.text}' does not exist: ${monthNames[month - 1]} ${year} has ${days} days.`;
  }
  return undefined;
}

/** The first and last day a date may mean, as comparable numbers (yyyymmdd). Only for valid dates. */
export function dateBounds(date: ast.DateLit): { first: number; last: number } {
  const base = date.year * 10000;
  if (date.precision === 'day') return { first: base + date.month! * 100 + date.day!, last: base + date.month! * 100 + date.day! };
  if (date.precision === 'month') return { first: base + date.month! * 100 + 1, last: base + date.month! * 100 + daysInMonth(date.year, date.month!) };
  if (date.precision === 'quarter') return { first: base + (date.quarter! * 3 - 2) * 100 + 1, last: base + date.quarter! * 300 + 31 };
  return { first: base + 101, last: base + 1231 };
}

/** A day, or a month (which counts as its 15th where timing needs a day). */
const isDayOrMonth = (date: ast.DateLit): boolean => date.precision === 'day' || date.precision === 'month';

/** Dates that are not dates, or not as precise as their clause needs. */
export function dateFormats(dates: readonly DateInContext[], out: DealDiagnostic[]): void {
  for (const { date, clause, needsDay } of dates) {
    const why = dateProblem(date);
    if (why) {
      out.push(problem('invalid-date', 'error', why, date.span));
    } else if (needsDay && !isDayOrMonth(date)) {
      const instead = clause === 'on' ? ' If only the year or quarter is known, write `expected` instead of `on`.' : '';
      out.push(problem('invalid-date', 'error',
        `\`${clause}\` needs a full date (YYYY-MM-DD, such as 2006-07-07) or a month (YYYY-MM, such as 2016-09), not '${date.text}'.${instead}`, date.span));
    }
  }
}

/** Payments dated or expected before the deal was signed. */
export function datesBeforeSigning(signed: ast.DateLit | undefined, payments: readonly ast.Payment[], out: DealDiagnostic[]): void {
  if (!signed || !isDayOrMonth(signed) || dateProblem(signed)) return;
  const signing = dateBounds(signed).first;
  for (const payment of payments) {
    for (const [clause, date] of [['dated', payment.on], ['expected', payment.expected]] as const) {
      if (!date || dateProblem(date) || dateBounds(date).last >= signing) continue;
      out.push(problem('date-before-signing', 'warning',
        `This payment is ${clause} ${date.text}, before the deal was signed on ${signed.text}: payments fall due at or after signing. Check the date (or the \`signed\` date).`,
        date.span));
    }
  }
}
