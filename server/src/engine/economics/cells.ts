// The product's own profit and loss, territory by territory and year by year: sales (times the
// multiplier a break-even search tries), cost of goods and commercial costs (a share of the
// sales, or year tables), operating profit, and development costs.
import type Decimal from 'decimal.js';
import { Money, ZERO } from '../../model/money';
import { covers, isWorldwide, type SalesBook } from '../scenarios/sales';
import type { CostsInput, EconomicsCell, EconomicsTotals, SalesCost } from './types';

const ALL = '';
const keyOf = (territory: string | undefined) => (territory === undefined || isWorldwide(territory) ? ALL : territory);

/** Every territory-year with sales or costs, years ascending, territories in the order given. */
export function economicsCells(book: SalesBook, costs: CostsInput, program?: string, multiplier: Decimal = new Money(1)): EconomicsCell[] {
  const cells = new Map<string, Map<number, EconomicsCell>>();
  const cellAt = (territory: string | undefined, year: number): EconomicsCell => {
    const key = keyOf(territory);
    let byYear = cells.get(key);
    if (!byYear) cells.set(key, (byYear = new Map()));
    let cell = byYear.get(year);
    if (!cell) {
      cell = { ...(program === undefined ? {} : { program }), territory: key === ALL ? undefined : key, year, sales: ZERO, goods: ZERO, commercial: ZERO, operatingProfit: ZERO, development: ZERO };
      byYear.set(year, cell);
    }
    return cell;
  };

  for (const [year, sales] of book.all) cellAt(undefined, year).sales = sales.times(multiplier);
  for (const [territory, table] of book.byTerritory) {
    for (const [year, sales] of table) cellAt(territory, year).sales = sales.times(multiplier);
  }
  const salesCells = [...cells.values()].flatMap((byYear) => [...byYear.values()]);
  const addCost = (rules: readonly SalesCost[], field: 'goods' | 'commercial') => {
    for (const rule of rules) {
      if ('percentOfSales' in rule) {
        const share = rule.percentOfSales.div(100);
        for (const cell of salesCells) {
          if (appliesTo(rule.territory, cell.territory)) cell[field] = cell[field].plus(cell.sales.times(share));
        }
      } else {
        for (const [year, amount] of rule.years) {
          const cell = cellAt(rule.territory, year);
          cell[field] = cell[field].plus(amount);
        }
      }
    }
  };
  addCost(costs.goods, 'goods');
  addCost(costs.commercial, 'commercial');
  for (const table of costs.development) {
    for (const [year, amount] of table.years) {
      const cell = cellAt(table.territory, year);
      cell.development = cell.development.plus(amount);
    }
  }

  const all: EconomicsCell[] = [];
  for (const byYear of cells.values()) {
    for (const cell of byYear.values()) {
      cell.operatingProfit = cell.sales.minus(cell.goods).minus(cell.commercial);
      all.push(cell);
    }
  }
  // Stable: cells of one year keep the order their territories were first given.
  return all.sort((a, b) => a.year - b.year);
}

/** A cost given as a share of sales reaches a cell when it names no territory, or one that
 * covers the cell's (sales given for all territories together take only undivided shares). */
function appliesTo(rule: string | undefined, cell: string | undefined): boolean {
  if (rule === undefined || isWorldwide(rule)) return true;
  return cell !== undefined && covers(rule, cell);
}

export function economicsTotals(cells: readonly EconomicsCell[]): EconomicsTotals {
  let sales = ZERO, goods = ZERO, commercial = ZERO, operatingProfit = ZERO, development = ZERO;
  for (const cell of cells) {
    sales = sales.plus(cell.sales);
    goods = goods.plus(cell.goods);
    commercial = commercial.plus(cell.commercial);
    operatingProfit = operatingProfit.plus(cell.operatingProfit);
    development = development.plus(cell.development);
  }
  return { sales, goods, commercial, operatingProfit, development, projectValue: operatingProfit.minus(development) };
}
