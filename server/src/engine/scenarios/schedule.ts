// When a payment falls: its own date (`on signing`, `on DATE`, `expected DATE`), a scenario
// timeline's date for its stage, or the yearly instalments of research funding.
import type Decimal from 'decimal.js';
import type * as ast from '../../language/ast';
import type { DealModel, PaymentItem } from '../../model/deal-model';
import { Money } from '../../model/money';
import { instalmentAmounts } from '../../model/instalments';
import { longestFundingYears } from '../../model/limits';

/** The date the deal was signed (`signed`, else `effective`). */
export function signingDate(model: DealModel): ast.DateLit | undefined {
  return model.deal.signed ?? model.deal.effective;
}

/** A payment's own date: signing for `on signing`, else `on DATE`, else `expected DATE`. */
export function ownDate(item: PaymentItem, model: DealModel): ast.DateLit | undefined {
  const node = item.node;
  if (node.onSigning) return signingDate(model);
  return node.on ?? node.expected;
}

/** A bare-year date standing for a whole year (1 July when discounted). */
export function yearDate(year: number, span: ast.Span): ast.DateLit {
  return { text: String(year), precision: 'year', year, span };
}

/** The calendar year of a date, when it has a real one. */
export function yearOf(date: ast.DateLit | undefined): number | undefined {
  return date && Number.isInteger(date.year) ? date.year : undefined;
}

export interface Instalment { amount: Decimal; date?: ast.DateLit; index: number; count: number }

/**
 * `funding X per year for N years`: N equal instalments in the N years from the signing year
 * (or from the payment's own date, where it has one). A fractional count (`for 2.5 years`)
 * ends with a part instalment, so the instalments always add up to the payment's amount.
 */
export function fundingInstalments(item: PaymentItem, model: DealModel): Instalment[] {
  if (item.amount === undefined || item.node.type !== 'Funding') return [];
  const count = new Money(item.node.years?.count ?? 1);
  const amounts = item.instalments ?? instalmentAmounts(item.instalment ?? item.amount.div(count), count);
  // Centuries of funding are one unscheduled payment (see instalmentAmounts).
  if (amounts.length === 1 && count.gt(longestFundingYears)) return [{ amount: item.amount, index: 1, count: 1 }];
  const start = yearOf(ownDate(item, model) ?? signingDate(model));
  return amounts.map((amount, i) => ({
    amount, date: start === undefined ? undefined : yearDate(start + i, item.node.span), index: i + 1, count: amounts.length,
  }));
}


/** The first date a timeline gives each stage. */
export function timelineDates(timeline: readonly ast.TimelineEntry[]): Map<string, ast.DateLit> {
  const dates = new Map<string, ast.DateLit>();
  for (const entry of timeline) if (!dates.has(entry.stage.text)) dates.set(entry.stage.text, entry.date);
  return dates;
}

/** A readable name for a payment: its name, else its title, else its kind. */
export function labelOf(item: PaymentItem): string {
  return item.name ?? item.node.title?.value ?? item.kind;
}
