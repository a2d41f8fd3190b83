// A scenario's net sales, year by year: for all territories (`sales { ... }`) or per territory
// (`sales US { ... }`), and the sales a royalty or sales milestone is measured on. Sales in a year
// before the signing year come before the deal: it earns nothing on them (sales-before-signing).
import type Decimal from 'decimal.js';
import type * as ast from '../../language/ast';
import type { DealModel } from '../../model/deal-model';
import { ZERO } from '../../model/money';

export interface SalesBook {
  /** Sales given for all territories together, per year. */
  all: Map<number, Decimal>;
  /** Sales given per territory, per year. */
  byTerritory: Map<string, Map<number, Decimal>>;
  /** Every year with sales, ascending. */
  years: number[];
  /** The first year with any sales above zero: royalty terms count from it. */
  firstYear?: number;
  /** Amounts that could not be converted into the deal currency (no fx rate). */
  unconverted: ast.SalesYear[];
  /** Years before the signing year: left out. */
  beforeSigning: ast.SalesYear[];
}

/** The year the deal was signed (`signed`), when it gives one: sales before it earn nothing. */
export function signingYear(deal: ast.Deal): number | undefined {
  const year = deal.signed?.year;
  return year !== undefined && Number.isInteger(year) ? year : undefined;
}

/** Sales tables to add up, each as many times as its programme goes ahead. */
export interface SalesSource { tables: readonly ast.SalesTable[]; times: number }

export function salesBook(model: DealModel, scenario: ast.Scenario): SalesBook {
  return salesBookOf(model, [{ tables: scenario.sales, times: 1 }]);
}

export function salesBookOf(model: DealModel, sources: readonly SalesSource[]): SalesBook {
  const book: SalesBook = { all: new Map(), byTerritory: new Map(), years: [], unconverted: [], beforeSigning: [] };
  const years = new Set<number>();
  const signed = signingYear(model.deal);
  for (const { tables, times } of sources) for (const table of tables) {
    let target = book.all;
    if (table.territory && !isWorldwide(table.territory.text)) {
      target = book.byTerritory.get(table.territory.text) ?? new Map<number, Decimal>();
      book.byTerritory.set(table.territory.text, target);
    }
    for (const entry of table.years) {
      const amount = model.convert(entry.amount);
      // A year that is not four digits is an error (invalid-date) and counts nowhere.
      if (!Number.isInteger(entry.year) || entry.year < 1000 || entry.year > 9999) continue;
      if (signed !== undefined && entry.year < signed) {
        book.beforeSigning.push(entry);
        continue;
      }
      if (!amount) {
        book.unconverted.push(entry);
        continue;
      }
      // Negative sales are a typo, never a refund: they count as none.
      const sales = amount.isNegative() ? ZERO : times === 1 ? amount : amount.times(times);
      target.set(entry.year, (target.get(entry.year) ?? ZERO).plus(sales));
      years.add(entry.year);
    }
  }
  book.years = [...years].sort((a, b) => a - b);
  book.firstYear = book.years.find((year) => totalSales(book, year).gt(0));
  return book;
}

/** All of a year's sales, every territory summed. */
export function totalSales(book: SalesBook, year: number): Decimal {
  let total = book.all.get(year) ?? ZERO;
  for (const table of book.byTerritory.values()) total = total.plus(table.get(year) ?? ZERO);
  return total;
}

export function isWorldwide(territory: string): boolean {
  return /^(worldwide|global|all)$/i.test(territory);
}

/** Whether a territory restriction (`US`, `"ex-US"`, `worldwide`) covers a territory's sales. */
export function covers(restriction: string, territory: string): boolean {
  if (isWorldwide(restriction) || restriction === territory) return true;
  const except = /^ex-(.+)$/i.exec(restriction);
  return except !== null && except[1] !== territory && !/^ex-/i.test(territory);
}

export type SalesBase =
  | { ok: true; perYear: Map<number, Decimal> }
  | { ok: false; reason: string };

/**
 * The yearly sales a royalty or sales milestone is measured on: all sales when it has no
 * territory (or `worldwide`); else the sales of the territories it covers, less those of
 * `excluded` (territories forfeited by an option). A territory split needs per-territory sales
 * only: with sales for all territories together there is no telling how much was US sales, so
 * the figure is not computed and the reason is given instead.
 */
export function salesBase(book: SalesBook, restriction: readonly string[] | undefined, excluded: readonly string[]): SalesBase {
  const restricted = restriction !== undefined && restriction.length > 0 && !restriction.some(isWorldwide);
  const perYear = new Map<number, Decimal>();
  if (!restricted && excluded.length === 0) {
    for (const year of book.years) perYear.set(year, totalSales(book, year));
    return { ok: true, perYear };
  }
  const split = [...(restricted ? restriction! : []), ...excluded].join(', ');
  if (book.byTerritory.size === 0) {
    return { ok: false, reason: `the scenario gives sales for all territories together; give sales per territory (e.g. \`sales US { ... }\`) to split them by ${split}` };
  }
  if (book.all.size > 0) {
    return { ok: false, reason: `the scenario mixes sales for all territories with sales per territory; give them per territory only to split them by ${split}` };
  }
  for (const year of book.years) {
    let sales = ZERO;
    for (const [territory, table] of book.byTerritory) {
      const included = !restricted || restriction!.some((r) => covers(r, territory));
      const forfeited = excluded.some((r) => covers(r, territory));
      if (included && !forfeited) sales = sales.plus(table.get(year) ?? ZERO);
    }
    perYear.set(year, sales);
  }
  return { ok: true, perYear };
}
