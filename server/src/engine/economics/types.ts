// What a scenario's economics are made of and what they come to. A scenario that gives its
// programme's costs (`costs { ... }`) says what the product earns and costs year by year; the
// deal then divides that between the parties as its developer rule and exercised shares say.
// Figures are in the deal currency, exact; they are rounded only where shown.
import type Decimal from 'decimal.js';
import type * as ast from '../../language/ast';
import type { SalesBook } from '../scenarios/sales';

/** Yearly figures for one territory (`development US { 2026: 30M }`), or for all together. */
export interface YearTable { territory?: string; years: Map<number, Decimal> }

/** Cost of goods or commercial costs: a share of the sales, or a year table. */
export type SalesCost =
  | { territory?: string; percentOfSales: Decimal }
  | { territory?: string; years: Map<number, Decimal> };

/** A scenario's `costs { ... }`, read into the deal currency. */
export interface CostsInput {
  development: YearTable[];
  goods: SalesCost[];
  commercial: SalesCost[];
}

/** What one line of business sells and costs: the deal as a whole, or one programme (its sales
 * and costs already counted as many times as the programme goes ahead). */
export interface EconomicsUnit { program?: string; book: SalesBook; costs: CostsInput }

/** One territory (or all territories together: `territory` undefined) in one year, of the deal
 * as a whole or of one programme. */
export interface EconomicsCell {
  program?: string;
  territory?: string;
  year: number;
  sales: Decimal;
  goods: Decimal;
  commercial: Decimal;
  /** sales − goods − commercial. */
  operatingProfit: Decimal;
  development: Decimal;
}

/** How one cell's operating profit and development costs are divided, party by party. */
export interface CellDivision {
  cell: EconomicsCell;
  profit: Map<string, Decimal>;
  costs: Map<string, Decimal>;
}

export interface EconomicsTotals {
  sales: Decimal;
  goods: Decimal;
  commercial: Decimal;
  operatingProfit: Decimal;
  development: Decimal;
  /** operatingProfit − development: what the parties' values add up to. */
  projectValue: Decimal;
}

export interface PartyValue {
  receives: Decimal;
  pays: Decimal;
  profit: Decimal;
  costs: Decimal;
  /** receives − pays + profit − costs, equity counted at its premium only. */
  value: Decimal;
}

export interface ExerciseGain {
  option: ast.OptionDecl;
  stage?: string;
  happens: boolean;
  /** The fee the scenario pays for it, where it has a figure. */
  fee?: Decimal;
  /** Value with the exercise − value without it, per party. */
  gain: Map<string, Decimal>;
  /** The gain in rNPV valued at signing, where the deal has a valuation. */
  rnpvGain?: Map<string, Decimal>;
  /** The same gain as the holder sees it when deciding: each flow's P divided by that of
   * reaching the exercise stage, discounted to 1 July of the exercise year. */
  rnpvGainAtExercise?: Map<string, Decimal>;
  /** The multiplier of all the scenario's sales at which the holder's gain changes sign, to
   * 10⁻⁶; undefined when it keeps one sign from 0 to 100 times the sales. */
  breakEven?: number;
  /** Whether exercising pays off above the break-even (else it stops paying off there). */
  paysOffAbove?: boolean;
}

/** What a scenario is worth to each party. */
export interface ScenarioValue {
  cells: CellDivision[];
  totals: EconomicsTotals;
  /** Every party of the deal, in declaration order. */
  parties: Map<string, PartyValue>;
  /** The value in rNPV, where the deal has a valuation. */
  rnpv?: { value: Map<string, Decimal>; projectValue: Decimal };
}

/** The value, and what each of the scenario's exercises gains each party. */
export interface ScenarioEconomics extends ScenarioValue {
  exercises: ExerciseGain[];
}
