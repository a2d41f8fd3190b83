// What may happen to a deal: options a party may exercise (and what exercising them changes),
// scenarios that set a timeline, the stage reached, options exercised and sales, and the
// valuation settings the scenarios are discounted with.
import type * as ast from './ast';
import { isCurrencyCode } from './currencies';
import { CostRules } from './parser-costs';
import { Comma, CurrencySymbol, Identifier, kw, LCurly, NumberLiteral, RCurly } from './tokens';

export abstract class ScenarioRules extends CostRules {
  protected optionDecl = this.RULE('optionDecl', (): ast.OptionDecl => {
    const start = this.startHere();
    this.CONSUME(kw('option'));
    const option: ast.OptionDecl = { type: 'Option', name: this.consumeName(0), exercises: [], effects: [], span: { start, end: start } };
    this.OPTION(() => { option.title = this.SUBRULE(this.stringLit); });
    this.CONSUME(LCurly);
    this.MANY(() => {
      this.OR([
        { ALT: () => { this.CONSUME(kw('holder')); option.holder = this.consumeName(1); } },
        { ALT: () => { this.CONSUME(kw('territory')); option.territory = this.SUBRULE(this.territoryList); } },
        { ALT: () => { this.CONSUME(kw('for')); option.program = this.consumeName(2); } },
        { ALT: () => this.pushDefined(option.exercises, this.SUBRULE(this.optionExercise)) },
        {
          ALT: () => {
            this.CONSUME(kw('on'));
            this.CONSUME(kw('exercise'));
            this.CONSUME1(LCurly);
            this.MANY1(() => {
              this.OR1([
                { ALT: () => this.pushDefined(option.effects, this.SUBRULE(this.optionEffect)) },
                { ALT: () => this.pushDefined(option.paymentBlocks ??= [], this.SUBRULE(this.paymentBlock)) },
                { ALT: () => this.pushDefined(option.developers ??= [], this.SUBRULE(this.optionDeveloper)) },
              ]);
            });
            this.CONSUME1(RCurly);
          },
        },
      ]);
    });
    this.CONSUME(RCurly);
    option.span = this.spanFrom(start);
    return option;
  });

  protected optionExercise = this.RULE('optionExercise', (): ast.OptionExercise => {
    const start = this.startHere();
    this.CONSUME(kw('exercise'));
    this.CONSUME(kw('at'));
    const exercise: ast.OptionExercise = { stage: this.consumeName(0), span: { start, end: start } };
    this.OPTION(() => {
      this.CONSUME(kw('fee'));
      this.OR([
        {
          ALT: () => {
            exercise.fee = this.SUBRULE(this.money);
            // `fee 200M to 275M` is a range; `fee 5M to Biotest` names who receives it.
            this.OPTION1({ GATE: () => this.amountAfterTo(), DEF: () => { this.CONSUME(kw('to')); exercise.feeMax = this.SUBRULE1(this.money); } });
          },
        },
        { ALT: () => { exercise.feeUndisclosed = this.spanOf(this.CONSUME(kw('undisclosed'))); } },
      ]);
      this.OPTION2(() => { this.CONSUME1(kw('to')); exercise.to = this.consumeName(1); });
    });
    exercise.span = this.spanFrom(start);
    return exercise;
  });

  /** Whether `to` is followed by an amount (`to 275M`, `to $275M`, `to USD 275M`), not a party. */
  private amountAfterTo(): boolean {
    if (this.LA(1).tokenType !== kw('to')) return false;
    const next = this.LA(2).tokenType;
    if (next === NumberLiteral || next === CurrencySymbol) return true;
    return next === Identifier && isCurrencyCode(this.LA(2).image) && this.LA(3).tokenType === NumberLiteral;
  }

  /** `developer PARTY [in TERRITORY, ...]`: who develops the programme from the exercise on. */
  protected optionDeveloper = this.RULE('optionDeveloper', (): ast.OptionDeveloper => {
    const start = this.startHere();
    this.CONSUME(kw('developer'));
    const developer: ast.OptionDeveloper = { party: this.consumeName(0), span: { start, end: start } };
    this.OPTION(() => { this.CONSUME(kw('in')); developer.territory = this.SUBRULE(this.territoryList); });
    developer.span = this.spanFrom(start);
    return developer;
  });

  protected optionEffect = this.RULE('optionEffect', (): ast.OptionEffect => {
    const start = this.startHere();
    return this.OR([
      {
        ALT: () => {
          this.CONSUME(kw('forfeit'));
          return this.OR1([
            {
              ALT: (): ast.OptionEffect => {
                this.CONSUME(kw('unearned'));
                const group = this.consumeName(0);
                return { type: 'ForfeitUnearned', group, span: this.spanFrom(start) };
              },
            },
            {
              ALT: (): ast.OptionEffect => {
                const payment = this.consumeName(1);
                let territory: ast.Territory[] | undefined;
                this.OPTION(() => { this.CONSUME(kw('in')); territory = this.SUBRULE(this.territoryList); });
                return { type: 'Forfeit', payment, territory, span: this.spanFrom(start) };
              },
            },
          ]);
        },
      },
      {
        ALT: (): ast.OptionEffect => {
          this.CONSUME(kw('share'));
          const what = this.OR2([
            { ALT: () => { this.CONSUME(kw('costs')); return 'costs' as const; } },
            { ALT: () => { this.CONSUME(kw('profits')); return 'profits' as const; } },
          ]);
          const shares: ast.PartyShare[] = [];
          this.AT_LEAST_ONE_SEP({ SEP: Comma, DEF: () => this.pushDefined(shares, this.SUBRULE(this.partyShare)) });
          let territory: ast.Territory[] | undefined;
          this.OPTION1(() => { this.CONSUME1(kw('in')); territory = this.SUBRULE1(this.territoryList); });
          return { type: 'Share', what, shares, territory, span: this.spanFrom(start) };
        },
      },
    ]);
  });

  protected partyShare = this.RULE('partyShare', (): ast.PartyShare => {
    const start = this.startHere();
    const party = this.consumeName(0);
    const percent = this.SUBRULE(this.percent);
    return { party, percent, span: this.spanFrom(start) };
  });

  protected scenario = this.RULE('scenario', (): ast.Scenario => {
    const start = this.startHere();
    this.CONSUME(kw('scenario'));
    const scenario: ast.Scenario = { type: 'Scenario', name: this.consumeName(0), timeline: [], exercises: [], sales: [], costs: [], span: { start, end: start } };
    this.OPTION(() => { scenario.title = this.SUBRULE(this.stringLit); });
    this.CONSUME(LCurly);
    this.MANY(() => {
      this.OR([
        { ALT: () => this.SUBRULE(this.timeline, { ARGS: [scenario.timeline] }) },
        { ALT: () => { this.CONSUME(kw('reach')); scenario.reach = this.consumeName(2); } },
        {
          ALT: () => {
            const exStart = this.startHere();
            this.CONSUME(kw('exercise'));
            const option = this.consumeName(3);
            const exercise: ast.ScenarioExercise = { option, span: { start: exStart, end: exStart } };
            this.OPTION1(() => { this.CONSUME(kw('at')); exercise.stage = this.consumeName(4); });
            this.OPTION2(() => { this.CONSUME(kw('paying')); exercise.paying = this.SUBRULE(this.money); });
            exercise.span = this.spanFrom(exStart);
            scenario.exercises.push(exercise);
          },
        },
        { ALT: () => this.pushDefined(scenario.sales, this.SUBRULE(this.salesTable)) },
        { ALT: () => this.pushDefined(scenario.programs ??= [], this.SUBRULE(this.scenarioProgram)) },
        { ALT: () => this.pushDefined(scenario.costs, this.SUBRULE(this.costsBlock)) },
      ]);
    });
    this.CONSUME(RCurly);
    scenario.span = this.spanFrom(start);
    return scenario;
  });

  /** `timeline { phase1 2008  phase2 2010 }`, its entries added to the list given. */
  protected timeline = this.RULE('timeline', (into: ast.TimelineEntry[] | undefined) => {
    this.CONSUME(kw('timeline'));
    this.CONSUME(LCurly);
    this.MANY(() => {
      const entryStart = this.startHere();
      const stage = this.consumeName(0);
      const date = this.SUBRULE(this.dateLike);
      if (date && into) into.push({ stage, date, span: this.spanFrom(entryStart) });
    });
    this.CONSUME(RCurly);
  });

  /** A scenario's `program ID { timeline {...}  reach STAGE  count N  sales ... }`. */
  protected scenarioProgram = this.RULE('scenarioProgram', (): ast.ScenarioProgram => {
    const start = this.startHere();
    this.CONSUME(kw('program'));
    const block: ast.ScenarioProgram = { program: this.consumeName(0), sales: [], span: { start, end: start } };
    this.CONSUME(LCurly);
    this.MANY(() => {
      this.OR([
        { ALT: () => this.SUBRULE(this.timeline, { ARGS: [block.timeline ??= []] }) },
        { ALT: () => { this.CONSUME(kw('reach')); block.reach = this.consumeName(1); } },
        { ALT: () => { block.count = this.SUBRULE(this.programCount); } },
        { ALT: () => this.pushDefined(block.sales, this.SUBRULE(this.salesTable)) },
        { ALT: () => this.pushDefined(block.costs ??= [], this.SUBRULE(this.costsBlock)) },
      ]);
    });
    this.CONSUME(RCurly);
    block.span = this.spanFrom(start);
    return block;
  });

  protected salesTable = this.RULE('salesTable', (): ast.SalesTable => {
    const start = this.startHere();
    this.CONSUME(kw('sales'));
    const table: ast.SalesTable = { years: [], span: { start, end: start } };
    this.OPTION(() => { table.territory = this.SUBRULE(this.territory); });
    // The same `{ YEAR: AMOUNT … }` table as a cost line's.
    table.years = this.SUBRULE(this.yearAmounts) ?? [];
    table.span = this.spanFrom(start);
    return table;
  });

  protected valuation = this.RULE('valuation', (): ast.Valuation => {
    const start = this.startHere();
    const valuation: ast.Valuation = { span: { start, end: start } };
    this.CONSUME(kw('valuation'));
    this.CONSUME(LCurly);
    this.MANY(() => {
      this.OR([
        { ALT: () => { this.CONSUME(kw('as')); this.CONSUME(kw('of')); valuation.asOf = this.SUBRULE(this.dateLike); } },
        { ALT: () => { this.CONSUME(kw('discount')); valuation.discount = this.SUBRULE(this.percent); } },
      ]);
    });
    this.CONSUME(RCurly);
    valuation.span = this.spanFrom(start);
    return valuation;
  });
}
