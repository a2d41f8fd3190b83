// A scenario's own costs, for the economics: `costs { ... }` with development costs by year
// (`development [TERRITORY] { YEAR: AMOUNT ... }`), and the cost of goods and commercial costs,
// each either a share of sales (`goods 20% of sales`) or a year table, for all territories or
// for one (`commercial US { 2016: 30M }`). The rules stand on their own so that any block that
// gives a programme's sales (a scenario, a scenario's `program` block) can hold costs too.
import type { IOrAlt } from 'chevrotain';
import type * as ast from './ast';
import { TermRules } from './parser-terms';
import { Colon, kw, LCurly, NumberLiteral, RCurly } from './tokens';

export abstract class CostRules extends TermRules {
  protected costsBlock = this.RULE('costsBlock', (): ast.CostsBlock => {
    const start = this.startHere();
    this.CONSUME(kw('costs'));
    const block: ast.CostsBlock = { keywordSpan: this.spanFrom(start), lines: [], span: { start, end: start } };
    this.CONSUME(LCurly);
    this.MANY(() => this.pushDefined(block.lines, this.SUBRULE(this.costLine)));
    this.CONSUME(RCurly);
    block.span = this.spanFrom(start);
    return block;
  });

  private costKindAlts?: IOrAlt<ast.CostKind>[];
  private costFormAlts?: IOrAlt<void>[];
  /** The line `costLine` is reading. */
  private line: ast.CostLine = { kind: 'goods', keywordSpan: { start: 0, end: 0 }, years: [], span: { start: 0, end: 0 } };

  protected costLine = this.RULE('costLine', (): ast.CostLine => {
    const start = this.startHere();
    const kind = this.OR(this.costKindAlts ??= [
      { ALT: () => { this.CONSUME(kw('development')); return 'development' as const; } },
      { ALT: () => { this.CONSUME(kw('goods')); return 'goods' as const; } },
      { ALT: () => { this.CONSUME(kw('commercial')); return 'commercial' as const; } },
    ]);
    const line: ast.CostLine = this.line = { kind, keywordSpan: this.spanFrom(start), years: [], span: { start, end: start } };
    this.OPTION(() => { line.territory = this.SUBRULE(this.territory); });
    this.OR1(this.costFormAlts ??= [
      {
        ALT: () => {
          this.line.ofSales = this.SUBRULE(this.percent);
          this.CONSUME(kw('of'));
          this.CONSUME(kw('sales'));
        },
      },
      { ALT: () => { this.line.years = this.SUBRULE(this.yearAmounts); } },
    ]);
    line.span = this.spanFrom(start);
    return line;
  });

  /** `{ 2010: 10M  2011: 12M }`: an amount per year. */
  protected yearAmounts = this.RULE('yearAmounts', (): ast.SalesYear[] => {
    const years: ast.SalesYear[] = [];
    this.CONSUME(LCurly);
    this.MANY(() => {
      const yearStart = this.startHere();
      const year = this.CONSUME(NumberLiteral);
      this.CONSUME(Colon);
      const amount = this.SUBRULE(this.money);
      if (amount) years.push({ year: Number(year.image), yearSpan: this.spanOf(year), amount, span: this.spanFrom(yearStart) });
    });
    this.CONSUME(RCurly);
    return years;
  });
}
