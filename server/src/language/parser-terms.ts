// The standing terms of a deal: its parties, its stages with their odds of success, the
// license granted, and the exchange rates its figures are converted with.
import type * as ast from './ast';
import { parseNumber } from './literals';
import { PaymentRules } from './parser-payments';
import { Comma, Equals, kw, LCurly, NumberLiteral, RCurly } from './tokens';

export abstract class TermRules extends PaymentRules {
  private headlineTerms: ast.HeadlineTerms = {};

  /** After `headline`: the figure, with `up to`, `about`, `including options` and `excluding
   * equity` before or after it, in any order. */
  protected headlineLine = this.RULE('headlineLine', (): { money: ast.Money; terms: ast.HeadlineTerms } => {
    const terms: ast.HeadlineTerms = this.headlineTerms = {};
    this.MANY(() => this.SUBRULE(this.headlineQualifier));
    const money = this.SUBRULE(this.money);
    this.MANY1(() => this.SUBRULE1(this.headlineQualifier));
    return { money, terms };
  });

  private headlineQualifier = this.RULE('headlineQualifier', () => {
    const start = this.startHere();
    const terms = this.headlineTerms;
    this.OR([
      { ALT: () => { this.CONSUME(kw('up')); this.CONSUME(kw('to')); terms.upTo = this.spanFrom(start); } },
      { ALT: () => { this.CONSUME(kw('about')); terms.about = this.spanFrom(start); } },
      { ALT: () => { this.CONSUME(kw('including')); this.CONSUME(kw('options')); terms.includingOptions = this.spanFrom(start); } },
      { ALT: () => { this.CONSUME(kw('excluding')); this.CONSUME(kw('equity')); terms.excludingEquity = this.spanFrom(start); } },
    ]);
  });

  protected fxRate = this.RULE('fxRate', (): ast.FxRate => {
    const start = this.startHere();
    this.CONSUME(kw('fx'));
    const from = this.consumeName(0);
    this.CONSUME(Equals);
    const number = this.CONSUME(NumberLiteral);
    const rate = parseNumber(number.image);
    const to = this.consumeName(1);
    return { from, rate, to, span: this.spanFrom(start), rateSpan: this.spanOf(number) };
  });

  protected party = this.RULE('party', (): ast.Party => {
    const start = this.startHere();
    this.CONSUME(kw('party'));
    const party: ast.Party = { type: 'Party', name: this.consumeName(0), span: { start, end: start } };
    this.OPTION(() => { party.title = this.SUBRULE(this.stringLit); });
    this.OPTION1(() => {
      this.OR([
        { ALT: () => { party.role = this.consumeName(1); } },
        {
          ALT: () => {
            this.CONSUME(LCurly);
            this.MANY(() => {
              this.OR1([
                { ALT: () => { this.CONSUME(kw('role')); party.role = this.consumeName(2); } },
                { ALT: () => { this.CONSUME(kw('ticker')); party.ticker = this.SUBRULE1(this.stringLit); } },
                { ALT: () => { this.CONSUME(kw('country')); party.country = this.SUBRULE(this.territory); } },
              ]);
            });
            this.CONSUME(RCurly);
          },
        },
      ]);
    });
    party.span = this.spanFrom(start);
    return party;
  });

  /** `program ID ["title"] { stage STAGE  count N }`: a programme the deal covers. */
  protected programDecl = this.RULE('programDecl', (): ast.ProgramDecl => {
    const start = this.startHere();
    this.CONSUME(kw('program'));
    const program: ast.ProgramDecl = { type: 'Program', name: this.consumeName(0), span: { start, end: start } };
    this.OPTION(() => { program.title = this.SUBRULE(this.stringLit); });
    this.OPTION1(() => {
      this.CONSUME(LCurly);
      this.MANY(() => {
        this.OR([
          { ALT: () => { this.CONSUME(kw('stage')); program.stage = this.consumeName(1); } },
          { ALT: () => { program.count = this.SUBRULE(this.programCount); } },
          { ALT: () => { this.CONSUME(kw('developer')); program.developer = this.consumeName(2); } },
        ]);
      });
      this.CONSUME(RCurly);
    });
    program.span = this.spanFrom(start);
    return program;
  });

  /** `count N`: how many alike programmes (a whole number, checked by analysis). */
  protected programCount = this.RULE('programCount', (): ast.Count => {
    this.CONSUME(kw('count'));
    const number = this.CONSUME(NumberLiteral);
    return { value: parseNumber(number.image ?? '').toNumber(), span: this.spanOf(number) };
  });

  protected stageList = this.RULE('stageList', (): ast.StageList => {
    const start = this.startHere();
    const stages: ast.StageDecl[] = [];
    this.CONSUME(kw('stages'));
    this.CONSUME(LCurly);
    this.MANY(() => {
      const stageStart = this.startHere();
      const name = this.consumeName(0);
      let success: ast.Percent | undefined;
      this.OPTION(() => { this.CONSUME(kw('success')); success = this.SUBRULE(this.percent); });
      stages.push({ name, success, span: this.spanFrom(stageStart) });
    });
    this.CONSUME(RCurly);
    return { stages, span: this.spanFrom(start) };
  });

  protected license = this.RULE('license', (): ast.License => {
    const start = this.startHere();
    this.CONSUME(kw('license'));
    const license: ast.License = { type: 'License', name: this.consumeName(0), indications: [], span: { start, end: start } };
    this.OPTION(() => { license.title = this.SUBRULE(this.stringLit); });
    this.CONSUME(LCurly);
    this.MANY(() => {
      this.OR([
        { ALT: () => { this.CONSUME(kw('from')); license.from = this.consumeName(1); this.CONSUME(kw('to')); license.to = this.consumeName(2); } },
        { ALT: () => { license.exclusivity = { value: 'exclusive', span: this.spanOf(this.CONSUME(kw('exclusive'))) }; } },
        { ALT: () => { license.exclusivity = { value: 'non-exclusive', span: this.spanOf(this.CONSUME(kw('non-exclusive'))) }; } },
        { ALT: () => { license.exclusivity = { value: 'co-exclusive', span: this.spanOf(this.CONSUME(kw('co-exclusive'))) }; } },
        { ALT: () => { this.CONSUME(kw('technology')); license.technology = this.SUBRULE1(this.stringLit); } },
        { ALT: () => { this.CONSUME(kw('field')); license.field = this.SUBRULE2(this.stringLit); } },
        {
          ALT: () => {
            this.CONSUME(kw('target'));
            this.OR1([
              { ALT: () => { license.target = this.SUBRULE3(this.stringLit); } },
              { ALT: () => { license.target = { undisclosed: true, span: this.spanOf(this.CONSUME(kw('undisclosed'))) }; } },
            ]);
          },
        },
        { ALT: () => { this.CONSUME(kw('territory')); license.territory = this.SUBRULE(this.territoryList); } },
        {
          ALT: () => {
            this.CONSUME(kw('indications'));
            this.pushDefined(license.indications, this.SUBRULE4(this.stringLit));
            this.MANY1(() => { this.CONSUME(Comma); this.pushDefined(license.indications, this.SUBRULE5(this.stringLit)); });
          },
        },
        {
          ALT: () => {
            const kwStart = this.startHere();
            this.CONSUME(kw('sublicensing'));
            let value: 'allowed' | 'with consent' | 'not allowed' = 'allowed';
            this.OR2([
              { ALT: () => { this.CONSUME(kw('allowed')); value = 'allowed'; } },
              { ALT: () => { this.CONSUME(kw('with')); this.CONSUME(kw('consent')); value = 'with consent'; } },
              { ALT: () => { this.CONSUME(kw('not')); this.CONSUME1(kw('allowed')); value = 'not allowed'; } },
            ]);
            license.sublicensing = { value, span: this.spanFrom(kwStart) };
          },
        },
        { ALT: () => { this.CONSUME(kw('term')); license.term = this.SUBRULE(this.duration); } },
      ]);
    });
    this.CONSUME(RCurly);
    license.span = this.spanFrom(start);
    return license;
  });
}
