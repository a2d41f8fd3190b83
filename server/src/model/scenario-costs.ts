// A scenario's own costs as the tools count them: each line of its `costs` blocks resolved into
// the deal currency — development costs per year, and the cost of goods and commercial costs
// either as a share of sales or per year — for all territories or for one. What the costs are
// worth to each party (the economics) is computed from this.
import type Decimal from 'decimal.js';
import type * as ast from '../language/ast';
import type { DealModel } from './deal-model';
import { Money, sum } from './money';

export interface ScenarioCostLine {
  line: ast.CostLine;
  kind: ast.CostKind;
  /** The territory the line is for; none for every territory together (or `worldwide`). */
  territory?: string;
  /** `20% of sales`: the share of the same year's sales, as a fraction (0.2). */
  shareOfSales?: Decimal;
  /** A year table: the amount per year in the deal currency (years that are not years, or
   * amounts with no fx rate, left out: their checks say why). */
  years: Map<number, Decimal>;
  /** The sum of the year table. */
  total: Decimal;
}

export interface ScenarioCosts {
  lines: ScenarioCostLine[];
  /** The scenario's first `costs` keyword: where warnings about its costs stand. */
  keywordSpan?: ast.Span;
}

const worldwide = /^(worldwide|global|all)$/i;

/** A scenario's own costs (those of its programme blocks are each block's: `blockCosts`). */
export function scenarioCosts(model: DealModel, scenario: ast.Scenario): ScenarioCosts {
  return blockCosts(model, scenario.costs ?? []);
}

/** The costs of some `costs { }` blocks, resolved into the deal currency. */
export function blockCosts(model: DealModel, blocks: readonly ast.CostsBlock[]): ScenarioCosts {
  const lines = blocks.flatMap((block) => block.lines).map((line): ScenarioCostLine => {
    const years = new Map<number, Decimal>();
    for (const row of line.years) {
      const amount = model.convert(row.amount);
      if (!amount || !Number.isInteger(row.year) || row.year < 1000 || row.year > 9999) continue;
      years.set(row.year, (years.get(row.year) ?? new Money(0)).plus(amount));
    }
    const territory = line.territory && !worldwide.test(line.territory.text) ? line.territory.text : undefined;
    return {
      line, kind: line.kind, years, total: sum([...years.values()]),
      ...(territory ? { territory } : {}),
      ...(line.ofSales ? { shareOfSales: new Money(line.ofSales.value).div(100) } : {}),
    };
  });
  return { lines, ...(blocks[0] ? { keywordSpan: blocks[0].keywordSpan } : {}) };
}

/** `development US`, `goods`: what a cost line is, as a person reads it. */
export function costLineName(line: ast.CostLine): string {
  return line.territory ? `${line.kind} ${line.territory.text}` : line.kind;
}
