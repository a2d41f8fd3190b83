// The grammar of the .deal language, as a Chevrotain parser with embedded actions that build
// the typed AST directly (no intermediate CST: cheaper, and the AST is what every feature uses).
// Error recovery is on: a rule that fails re-syncs, returns `undefined`, and the caller keeps
// going, so every node and list below is built defensively.
import { EmbeddedActionsParser, type IOrAlt, type IToken, type TokenType } from 'chevrotain';
import type * as ast from './ast';
import { isCurrencyCode } from './currencies';
import { parseDate, parseNumber, parsePercent, parseString } from './literals';
import { dealErrorMessages } from './parse-messages';
import { limitRecoveryCost } from './recovery-cost';
import {
  allTokens, Colon, Comma, CurrencySymbol, DateLiteral, Equals, Identifier, kw, LCurly,
  NumberLiteral, PercentLiteral, QuarterLiteral, RCurly, StringLiteral,
} from './tokens';

/** A node built by a rule, as opposed to the placeholder a rule yields while recording or recovering. */
const isNode = (item: unknown): boolean => typeof item === 'object' && item !== null && 'span' in item;
const defined = <T>(items: (T | undefined)[]): T[] => items.filter((i): i is T => isNode(i));
/** A deal to hold terms written outside any deal, so they are parsed (and checked for syntax) but kept out of the file. */
const emptyDeal = (at: number): ast.Deal => ({
  type: 'Deal', name: { text: '', span: { start: at, end: at } }, fx: [], parties: [], licenses: [], paymentBlocks: [],
  options: [], scenarios: [], span: { start: at, end: at },
});

export class DealParser extends EmbeddedActionsParser {
  constructor() {
    super(allTokens, { recoveryEnabled: true, maxLookahead: 3, errorMessageProvider: dealErrorMessages });
    this.performSelfAnalysis();
    limitRecoveryCost(this);
  }

  // ---- spans --------------------------------------------------------------------------------

  /** Offset where the next token starts (or where the last one ended, at end of input). */
  private startHere(): number {
    const next = this.LA(1);
    if (Number.isFinite(next.startOffset)) return next.startOffset;
    return this.endHere();
  }

  /** Offset just past the last consumed token. */
  private endHere(): number {
    const last = this.LA(0);
    return last && Number.isFinite(last.endOffset) ? (last.endOffset as number) + 1 : 0;
  }

  private spanFrom(start: number): ast.Span {
    return { start, end: Math.max(start, this.endHere()) };
  }

  private spanOf(token: IToken): ast.Span {
    if (Number.isFinite(token.startOffset) && Number.isFinite(token.endOffset)) {
      return { start: token.startOffset, end: (token.endOffset as number) + 1 };
    }
    const at = this.endHere();
    return { start: at, end: at };
  }

  private name(token: IToken): ast.Name {
    return { text: token.image ?? '', span: this.spanOf(token) };
  }

  private consumeName(idx: number): ast.Name {
    return this.name(this.consumeByIndex(idx, Identifier));
  }

  private consumeByIndex(idx: number, type: TokenType): IToken {
    switch (idx) {
      case 0: return this.CONSUME(type);
      case 1: return this.CONSUME1(type);
      case 2: return this.CONSUME2(type);
      case 3: return this.CONSUME3(type);
      case 4: return this.CONSUME4(type);
      default: return this.CONSUME5(type);
    }
  }

  /** An identifier is a payment's name unless it is a currency code directly before a number. */
  private identifierIsName(): boolean {
    const next = this.LA(1);
    if (next.tokenType !== Identifier) return false;
    return !(isCurrencyCode(next.image) && this.LA(2).tokenType === NumberLiteral);
  }

  // ---- file and deal ------------------------------------------------------------------------

  /** Problems the grammar itself finds around deals (see `afterDeal`); cleared per parse. */
  public structureErrors: { message: string; span: ast.Span }[] = [];

  public dealFile = this.RULE('dealFile', (): ast.DealFile => {
    this.structureErrors = [];
    this.openDeal = undefined;
    const deals: (ast.Deal | undefined)[] = this.readDeals = [];
    const state = { continuing: false };
    this.MANY(() => {
      this.OR([
        { ALT: () => { deals.push(this.SUBRULE(this.deal)); state.continuing = false; } },
        { ALT: () => this.SUBRULE(this.afterDeal, { ARGS: [deals[deals.length - 1], state] }) },
      ]);
    });
    return { deals: defined(deals), span: { start: 0, end: this.endHere() } };
  }, {
    // The end of the file inside a deal: keep the deals read, and the open one with what it has.
    recoveryValueFunc: (): ast.DealFile => ({
      deals: defined([...this.readDeals, this.recoverOpenDeal()]), span: { start: 0, end: this.endHere() },
    }),
  });

  /** The deals of the file read so far (for recovery at the end of the file). */
  private readDeals: (ast.Deal | undefined)[] = [];

  /**
   * What follows a deal's closing '}' at the top level. Terms of a deal there mean a '}' closed
   * the deal too early: they are kept in that deal (so its figures and later deals survive) with
   * one error on the brace that closed it, and the next '}' is the deal's own. A '}' that closes
   * nothing is an error of its own.
   */
  private afterDeal = this.RULE('afterDeal', (deal: ast.Deal | undefined, state: { continuing: boolean } | undefined) => {
    const closing = this.LA(0);
    this.OR([
      {
        ALT: () => {
          const brace = this.CONSUME(RCurly);
          if (this.RECORDING_PHASE || !state) return;
          if (state.continuing && isNode(deal)) deal!.span = { start: deal!.span.start, end: this.endHere() };
          else this.structureErrors.push({ message: "This '}' closes nothing: every block before it is already closed. Remove it.", span: this.spanOf(brace) });
          state.continuing = false;
        },
      },
      {
        ALT: () => {
          const next = this.LA(1);
          const into = isNode(deal) ? deal! : emptyDeal(this.startHere());
          if (!this.RECORDING_PHASE && state && !state.continuing) {
            if (isNode(deal) && closing?.tokenType === RCurly) {
              this.structureErrors.push({
                message: `This '}' ends deal ${deal!.name.text} early: more of its terms follow. Remove it; the deal's own '}' comes after its last term.`,
                span: this.spanOf(closing),
              });
            } else if (!isNode(deal)) {
              this.structureErrors.push({
                message: `'${next.image}' belongs inside a deal: start one with deal Name "title" { … } and write it there.`,
                span: this.spanOf(next),
              });
            }
          }
          this.SUBRULE(this.dealItem, { ARGS: [into] });
          if (this.RECORDING_PHASE || !state || !isNode(deal)) return;
          state.continuing = true;
          deal!.span = { start: deal!.span.start, end: this.endHere() };
        },
      },
    ]);
  });

  private deal = this.RULE('deal', (): ast.Deal => {
    const start = this.startHere();
    this.CONSUME(kw('deal'));
    const name = this.consumeName(0);
    let title: ast.StringLit | undefined;
    this.OPTION(() => { title = this.SUBRULE(this.stringLit); });
    const deal: ast.Deal = {
      type: 'Deal', name, title, fx: [], parties: [], licenses: [], paymentBlocks: [], options: [],
      scenarios: [], span: { start, end: start },
    };
    this.openDeal = deal;
    this.CONSUME(LCurly);
    this.MANY(() => this.SUBRULE(this.dealItem, { ARGS: [deal] }));
    this.CONSUME(RCurly);
    this.openDeal = undefined;
    deal.span = this.spanFrom(start);
    return deal;
  }, { recoveryValueFunc: () => this.recoverOpenDeal() as ast.Deal });

  /** The deal being read: one that the end of the file (or the next deal) cuts off before its
   * '}' is kept with the terms read so far, so a half-typed file still has its figures. */
  private openDeal: ast.Deal | undefined;

  private recoverOpenDeal(): ast.Deal | undefined {
    const deal = this.openDeal;
    this.openDeal = undefined;
    if (deal && !this.RECORDING_PHASE) deal.span = { start: deal.span.start, end: Math.max(deal.span.start, this.endHere()) };
    return deal;
  }

  // The rules read most often build their `OR` alternatives once and keep them (Chevrotain's
  // advice for embedded actions): what an alternative writes into is a field set on entry,
  // not a local it closes over. None of these rules can run inside itself, so one field each
  // is enough.

  /** The deal `dealItem` writes into. */
  private itemDeal: ast.Deal = emptyDeal(0);
  private dealItemAlts?: IOrAlt<void>[];

  /** One term of a deal, written into it. */
  private dealItem = this.RULE('dealItem', (into: ast.Deal | undefined) => {
    this.itemDeal = into ?? emptyDeal(0);
    this.OR(this.dealItemAlts ??= [
      { ALT: () => { this.CONSUME(kw('currency')); this.itemDeal.currency = this.consumeName(1); } },
      { ALT: () => { this.CONSUME(kw('signed')); this.itemDeal.signed = this.SUBRULE(this.dateLike); } },
      { ALT: () => { this.CONSUME(kw('effective')); this.itemDeal.effective = this.SUBRULE1(this.dateLike); } },
      { ALT: () => { this.CONSUME(kw('announced')); this.itemDeal.announced = this.SUBRULE2(this.dateLike); } },
      { ALT: () => { this.CONSUME(kw('source')); this.itemDeal.source = this.SUBRULE1(this.stringLit); } },
      { ALT: () => { this.CONSUME(kw('headline')); this.itemDeal.headline = this.SUBRULE(this.money); } },
      { ALT: () => { this.CONSUME(kw('stage')); this.itemDeal.stage = this.consumeName(2); } },
      { ALT: () => this.pushDefined(this.itemDeal.fx, this.SUBRULE(this.fxRate)) },
      { ALT: () => this.pushDefined(this.itemDeal.parties, this.SUBRULE(this.party)) },
      { ALT: () => { const deal = this.itemDeal; deal.stages = this.SUBRULE(this.stageList) ?? deal.stages; } },
      { ALT: () => this.pushDefined(this.itemDeal.licenses, this.SUBRULE(this.license)) },
      { ALT: () => this.pushDefined(this.itemDeal.paymentBlocks, this.SUBRULE(this.paymentBlock)) },
      { ALT: () => this.pushDefined(this.itemDeal.options, this.SUBRULE(this.optionDecl)) },
      { ALT: () => this.pushDefined(this.itemDeal.scenarios, this.SUBRULE(this.scenario)) },
      { ALT: () => { const deal = this.itemDeal; deal.valuation = this.SUBRULE(this.valuation) ?? deal.valuation; } },
    ]);
  });

  private pushDefined<T>(list: T[], item: T | undefined): void {
    if (isNode(item)) list.push(item as T);
  }

  private fxRate = this.RULE('fxRate', (): ast.FxRate => {
    const start = this.startHere();
    this.CONSUME(kw('fx'));
    const from = this.consumeName(0);
    this.CONSUME(Equals);
    const rate = parseNumber(this.CONSUME(NumberLiteral).image);
    const to = this.consumeName(1);
    return { from, rate, to, span: this.spanFrom(start) };
  });

  // ---- parties, stages, license -------------------------------------------------------------

  private party = this.RULE('party', (): ast.Party => {
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

  private stageList = this.RULE('stageList', (): ast.StageList => {
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

  private license = this.RULE('license', (): ast.License => {
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

  // ---- payments -----------------------------------------------------------------------------

  private paymentBlock = this.RULE('paymentBlock', (): ast.PaymentBlock => {
    const start = this.startHere();
    const block: ast.PaymentBlock = { payments: [], span: { start, end: start } };
    this.CONSUME(kw('payments'));
    this.OPTION(() => {
      this.CONSUME(kw('from'));
      block.from = this.consumeName(0);
      this.CONSUME(kw('to'));
      block.to = this.consumeName(1);
    });
    this.CONSUME(LCurly);
    this.MANY(() => this.pushDefined(block.payments, this.SUBRULE(this.payment)));
    this.CONSUME(RCurly);
    block.span = this.spanFrom(start);
    return block;
  });

  private paymentAlts?: IOrAlt<ast.Payment>[];
  private payment = this.RULE('payment', (): ast.Payment => this.OR(this.paymentAlts ??= [
    { ALT: () => this.SUBRULE(this.simplePayment) },
    { ALT: () => this.SUBRULE(this.milestone) },
    { ALT: () => this.SUBRULE(this.milestoneGroup) },
    { ALT: () => this.SUBRULE(this.salesMilestone) },
    { ALT: () => this.SUBRULE(this.royalty) },
    { ALT: () => this.SUBRULE(this.funding) },
    { ALT: () => this.SUBRULE(this.manufacturing) },
  ]));

  private simplePaymentAlts?: IOrAlt<'Upfront' | 'Fee' | 'Equity'>[];
  /** `upfront`, `fee` and `equity`: a keyword, an optional name and title, an amount, clauses. */
  private simplePayment = this.RULE('simplePayment', (): ast.Upfront | ast.Fee | ast.Equity => {
    const start = this.startHere();
    const type = this.OR(this.simplePaymentAlts ??= [
      { ALT: () => { this.CONSUME(kw('upfront')); return 'Upfront' as const; } },
      { ALT: () => { this.CONSUME(kw('fee')); return 'Fee' as const; } },
      { ALT: () => { this.CONSUME(kw('equity')); return 'Equity' as const; } },
    ]);
    const keywordSpan = this.spanFrom(start);
    const head = this.SUBRULE(this.paymentHead);
    const amount = this.SUBRULE(this.amountOrUndisclosed);
    const payment = { type, keywordSpan, ...head, ...amount, span: { start, end: start } } as ast.Upfront;
    this.SUBRULE(this.paymentClauses, { ARGS: [payment] });
    payment.span = this.spanFrom(start);
    return payment;
  });

  private milestone = this.RULE('milestone', (): ast.Milestone => {
    const start = this.startHere();
    this.CONSUME(kw('milestone'));
    const keywordSpan = this.spanFrom(start);
    const head = this.SUBRULE(this.paymentHead);
    const amount = this.SUBRULE(this.amountOrUndisclosed);
    const milestone: ast.Milestone = { type: 'Milestone', keywordSpan, ...head, ...amount, span: { start, end: start } };
    this.SUBRULE(this.paymentClauses, { ARGS: [milestone] });
    milestone.span = this.spanFrom(start);
    return milestone;
  });

  private milestoneGroup = this.RULE('milestoneGroup', (): ast.MilestoneGroup => {
    const start = this.startHere();
    this.CONSUME(kw('milestones'));
    const keywordSpan = this.spanFrom(start);
    const head = this.SUBRULE(this.paymentHead);
    const group: ast.MilestoneGroup = { type: 'MilestoneGroup', keywordSpan, ...head, milestones: [], span: { start, end: start } };
    this.OPTION(() => {
      this.CONSUME(kw('up'));
      this.CONSUME(kw('to'));
      group.cap = this.SUBRULE(this.money);
    });
    this.OPTION1(() => { this.CONSUME(kw('by')); group.by = this.consumeName(0); });
    this.SUBRULE(this.paymentClauses, { ARGS: [group] });
    this.CONSUME(LCurly);
    this.MANY(() => this.pushDefined(group.milestones, this.SUBRULE(this.milestone)));
    this.CONSUME(RCurly);
    group.span = this.spanFrom(start);
    return group;
  });

  private salesMilestone = this.RULE('salesMilestone', (): ast.SalesMilestone => {
    const start = this.startHere();
    this.CONSUME(kw('sales'));
    this.CONSUME(kw('milestone'));
    const keywordSpan = this.spanFrom(start);
    const head = this.SUBRULE(this.paymentHead);
    const amount = this.SUBRULE(this.amountOrUndisclosed);
    const milestone: ast.SalesMilestone = { type: 'SalesMilestone', keywordSpan, ...head, ...amount, span: { start, end: start } };
    this.OPTION(() => {
      this.CONSUME(kw('when'));
      this.CONSUME(kw('annual'));
      milestone.measure = this.consumeName(0);
      this.CONSUME(kw('reach'));
      milestone.threshold = this.SUBRULE(this.money);
    });
    this.SUBRULE(this.paymentClauses, { ARGS: [milestone] });
    milestone.span = this.spanFrom(start);
    return milestone;
  });

  private royalty = this.RULE('royalty', (): ast.Royalty => {
    const start = this.startHere();
    this.CONSUME(kw('royalty'));
    const keywordSpan = this.spanFrom(start);
    const head = this.SUBRULE(this.paymentHead);
    const royalty: ast.Royalty = { type: 'Royalty', keywordSpan, ...head, tiers: [], span: { start, end: start } };
    this.OPTION(() => { royalty.rate = this.SUBRULE(this.percent); });
    this.CONSUME(kw('on'));
    royalty.base = this.consumeName(0);
    this.OPTION1(() => { royalty.total = this.spanOf(this.CONSUME(kw('total'))); });
    this.OPTION2(() => {
      const tiersStart = this.startHere();
      this.CONSUME(LCurly);
      this.MANY(() => this.pushDefined(royalty.tiers, this.SUBRULE(this.royaltyTier)));
      this.CONSUME(RCurly);
      royalty.tiersSpan = this.spanFrom(tiersStart);
    });
    this.SUBRULE(this.paymentClauses, { ARGS: [royalty] });
    royalty.span = this.spanFrom(start);
    return royalty;
  });

  private royaltyTier = this.RULE('royaltyTier', (): ast.RoyaltyTier => {
    const start = this.startHere();
    const tier: ast.RoyaltyTier = { rate: this.SUBRULE(this.percent), span: { start, end: start } };
    this.OR([
      { ALT: () => { this.CONSUME(kw('up')); this.CONSUME(kw('to')); tier.upTo = this.SUBRULE(this.money); } },
      { ALT: () => { tier.above = this.spanOf(this.CONSUME(kw('above'))); } },
    ]);
    tier.span = this.spanFrom(start);
    return tier;
  });

  private funding = this.RULE('funding', (): ast.Funding => {
    const start = this.startHere();
    this.CONSUME(kw('funding'));
    const keywordSpan = this.spanFrom(start);
    const head = this.SUBRULE(this.paymentHead);
    const amount = this.SUBRULE(this.amountOrUndisclosed);
    const funding: ast.Funding = { type: 'Funding', keywordSpan, ...head, ...amount, span: { start, end: start } };
    this.OPTION(() => {
      this.CONSUME(kw('per'));
      this.CONSUME(kw('year'));
      this.CONSUME(kw('for'));
      const count = this.CONSUME(NumberLiteral);
      this.OR([{ ALT: () => this.CONSUME(kw('years')) }, { ALT: () => this.CONSUME1(kw('year')) }]);
      funding.years = { count: parseNumber(count.image).toNumber(), span: this.spanOf(count) };
    });
    this.SUBRULE(this.paymentClauses, { ARGS: [funding] });
    funding.span = this.spanFrom(start);
    return funding;
  });

  private manufacturing = this.RULE('manufacturing', (): ast.Manufacturing => {
    const start = this.startHere();
    this.CONSUME(kw('manufacturing'));
    const keywordSpan = this.spanFrom(start);
    const head = this.SUBRULE(this.paymentHead);
    const payment: ast.Manufacturing = { type: 'Manufacturing', keywordSpan, ...head, span: { start, end: start } };
    this.CONSUME(kw('at'));
    this.CONSUME(kw('cost'));
    this.OPTION(() => { this.CONSUME(kw('plus')); payment.costPlus = this.SUBRULE(this.percent); });
    this.SUBRULE(this.paymentClauses, { ARGS: [payment] });
    payment.span = this.spanFrom(start);
    return payment;
  });

  private paymentHead = this.RULE('paymentHead', (): { name?: ast.Name; title?: ast.StringLit } => {
    const head: { name?: ast.Name; title?: ast.StringLit } = {};
    this.OPTION({ GATE: () => this.identifierIsName(), DEF: () => { head.name = this.consumeName(0); } });
    this.OPTION1(() => { head.title = this.SUBRULE(this.stringLit); });
    return head;
  });

  private amountAlts?: IOrAlt<{ amount?: ast.Money; undisclosed?: ast.Span }>[];
  private amountOrUndisclosed = this.RULE('amountOrUndisclosed', (): { amount?: ast.Money; undisclosed?: ast.Span } => this.OR(this.amountAlts ??= [
    { ALT: () => ({ amount: this.SUBRULE(this.money) }) },
    { ALT: () => ({ undisclosed: this.spanOf(this.CONSUME(kw('undisclosed'))) }) },
  ]));

  /** The payment `paymentClauses` writes into. */
  private clauses: ast.PaymentClauses = {};
  private clauseAlts?: IOrAlt<void>[];
  private onAlts?: IOrAlt<void>[];

  /** The clauses after a payment's amount, in any order, written into the payment given. */
  private paymentClauses = this.RULE('paymentClauses', (into?: ast.PaymentClauses) => {
    this.clauses = into ?? {};
    this.MANY(() => {
      this.OR(this.clauseAlts ??= [
        {
          ALT: () => {
            this.CONSUME(kw('on'));
            this.OR1(this.onAlts ??= [
              { ALT: () => { this.clauses.onSigning = this.spanOf(this.CONSUME(kw('signing'))); } },
              { ALT: () => { this.clauses.on = this.SUBRULE(this.dateLike); } },
            ]);
          },
        },
        { ALT: () => { this.CONSUME(kw('at')); this.clauses.at = this.consumeName(0); } },
        { ALT: () => { this.CONSUME(kw('expected')); this.clauses.expected = this.SUBRULE1(this.dateLike); } },
        { ALT: () => { this.CONSUME(kw('territory')); this.clauses.territory = this.SUBRULE(this.territoryList); } },
        { ALT: () => { this.CONSUME(kw('from')); this.clauses.from = this.consumeName(1); this.CONSUME(kw('to')); this.clauses.to = this.consumeName(2); } },
        { ALT: () => { this.CONSUME(kw('premium')); this.clauses.premium = this.SUBRULE(this.percent); } },
        { ALT: () => { this.CONSUME(kw('term')); this.clauses.term = this.SUBRULE(this.duration); } },
        { ALT: () => { this.clauses.undisclosed = this.spanOf(this.CONSUME(kw('undisclosed'))); } },
      ]);
    });
  });

  // ---- options, scenarios, valuation --------------------------------------------------------

  private optionDecl = this.RULE('optionDecl', (): ast.OptionDecl => {
    const start = this.startHere();
    this.CONSUME(kw('option'));
    const option: ast.OptionDecl = { type: 'Option', name: this.consumeName(0), exercises: [], effects: [], span: { start, end: start } };
    this.OPTION(() => { option.title = this.SUBRULE(this.stringLit); });
    this.CONSUME(LCurly);
    this.MANY(() => {
      this.OR([
        { ALT: () => { this.CONSUME(kw('holder')); option.holder = this.consumeName(1); } },
        { ALT: () => { this.CONSUME(kw('territory')); option.territory = this.SUBRULE(this.territoryList); } },
        { ALT: () => this.pushDefined(option.exercises, this.SUBRULE(this.optionExercise)) },
        {
          ALT: () => {
            this.CONSUME(kw('on'));
            this.CONSUME(kw('exercise'));
            this.CONSUME1(LCurly);
            this.MANY1(() => this.pushDefined(option.effects, this.SUBRULE(this.optionEffect)));
            this.CONSUME1(RCurly);
          },
        },
      ]);
    });
    this.CONSUME(RCurly);
    option.span = this.spanFrom(start);
    return option;
  });

  private optionExercise = this.RULE('optionExercise', (): ast.OptionExercise => {
    const start = this.startHere();
    this.CONSUME(kw('exercise'));
    this.CONSUME(kw('at'));
    const exercise: ast.OptionExercise = { stage: this.consumeName(0), span: { start, end: start } };
    this.OPTION(() => {
      this.CONSUME(kw('fee'));
      exercise.fee = this.SUBRULE(this.money);
      this.OPTION1(() => { this.CONSUME(kw('to')); exercise.to = this.consumeName(1); });
    });
    exercise.span = this.spanFrom(start);
    return exercise;
  });

  private optionEffect = this.RULE('optionEffect', (): ast.OptionEffect => {
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

  private partyShare = this.RULE('partyShare', (): ast.PartyShare => {
    const start = this.startHere();
    const party = this.consumeName(0);
    const percent = this.SUBRULE(this.percent);
    return { party, percent, span: this.spanFrom(start) };
  });

  private scenario = this.RULE('scenario', (): ast.Scenario => {
    const start = this.startHere();
    this.CONSUME(kw('scenario'));
    const scenario: ast.Scenario = { type: 'Scenario', name: this.consumeName(0), timeline: [], exercises: [], sales: [], span: { start, end: start } };
    this.OPTION(() => { scenario.title = this.SUBRULE(this.stringLit); });
    this.CONSUME(LCurly);
    this.MANY(() => {
      this.OR([
        {
          ALT: () => {
            this.CONSUME(kw('timeline'));
            this.CONSUME1(LCurly);
            this.MANY1(() => {
              const entryStart = this.startHere();
              const stage = this.consumeName(1);
              const date = this.SUBRULE(this.dateLike);
              if (date) scenario.timeline.push({ stage, date, span: this.spanFrom(entryStart) });
            });
            this.CONSUME1(RCurly);
          },
        },
        { ALT: () => { this.CONSUME(kw('reach')); scenario.reach = this.consumeName(2); } },
        {
          ALT: () => {
            const exStart = this.startHere();
            this.CONSUME(kw('exercise'));
            const option = this.consumeName(3);
            let stage: ast.Name | undefined;
            this.OPTION1(() => { this.CONSUME(kw('at')); stage = this.consumeName(4); });
            scenario.exercises.push({ option, stage, span: this.spanFrom(exStart) });
          },
        },
        { ALT: () => this.pushDefined(scenario.sales, this.SUBRULE(this.salesTable)) },
      ]);
    });
    this.CONSUME(RCurly);
    scenario.span = this.spanFrom(start);
    return scenario;
  });

  private salesTable = this.RULE('salesTable', (): ast.SalesTable => {
    const start = this.startHere();
    this.CONSUME(kw('sales'));
    const table: ast.SalesTable = { years: [], span: { start, end: start } };
    this.OPTION(() => { table.territory = this.SUBRULE(this.territory); });
    this.CONSUME(LCurly);
    this.MANY(() => {
      const yearStart = this.startHere();
      const year = this.CONSUME(NumberLiteral);
      this.CONSUME(Colon);
      const amount = this.SUBRULE(this.money);
      if (amount) {
        table.years.push({ year: Number(year.image), yearSpan: this.spanOf(year), amount, span: this.spanFrom(yearStart) });
      }
    });
    this.CONSUME(RCurly);
    table.span = this.spanFrom(start);
    return table;
  });

  private valuation = this.RULE('valuation', (): ast.Valuation => {
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

  // ---- small pieces -------------------------------------------------------------------------

  /** `1M`, `$1M`, `USD 1M`, `1M USD`, `€2.5M`, `EUR 2,500,000`. */
  /** The currency `money` has read so far. */
  private moneyCurrency: ast.Name | undefined;
  private currencyFirst?: () => void;
  private currencyAlts?: IOrAlt<void>[];
  private currencyAfter?: { GATE: () => boolean; DEF: () => void };

  private money = this.RULE('money', (): ast.Money => {
    const start = this.startHere();
    this.moneyCurrency = undefined;
    this.OPTION(this.currencyFirst ??= () => {
      this.OR(this.currencyAlts ??= [
        { ALT: () => { const symbol = this.CONSUME(CurrencySymbol); this.moneyCurrency = this.name(symbol); } },
        { ALT: () => { this.moneyCurrency = this.consumeName(0); } },
      ]);
    });
    const value = parseNumber(this.CONSUME(NumberLiteral).image ?? '');
    this.OPTION1(this.currencyAfter ??= {
      // A currency after the amount: only a known code, so `1M at phase1` never reads `at`-like names as currencies.
      GATE: () => !this.moneyCurrency && this.LA(1).tokenType === Identifier && isCurrencyCode(this.LA(1).image),
      DEF: () => { this.moneyCurrency = this.consumeName(1); },
    });
    return { value, currency: this.moneyCurrency, span: this.spanFrom(start) };
  });

  private percent = this.RULE('percent', (): ast.Percent => {
    const token = this.CONSUME(PercentLiteral);
    return { value: parsePercent(token.image ?? ''), span: this.spanOf(token) };
  });

  private durationAlts?: IOrAlt<'years' | 'months'>[];
  private duration = this.RULE('duration', (): ast.Duration => {
    const start = this.startHere();
    const count = parseNumber(this.CONSUME(NumberLiteral).image ?? '');
    const unit = this.OR(this.durationAlts ??= [
      { ALT: () => { this.CONSUME(kw('years')); return 'years' as const; } },
      { ALT: () => { this.CONSUME(kw('year')); return 'years' as const; } },
      { ALT: () => { this.CONSUME(kw('months')); return 'months' as const; } },
      { ALT: () => { this.CONSUME(kw('month')); return 'months' as const; } },
    ]);
    return { count, unit, span: this.spanFrom(start) };
  });

  private dateAlts?: IOrAlt<IToken>[];
  private dateLike = this.RULE('dateLike', (): ast.DateLit => {
    const token = this.OR(this.dateAlts ??= [
      { ALT: () => this.CONSUME(DateLiteral) },
      { ALT: () => this.CONSUME(QuarterLiteral) },
      { ALT: () => this.CONSUME(NumberLiteral) },
    ]);
    return parseDate(token.image ?? '', this.spanOf(token));
  });

  private stringLit = this.RULE('stringLit', (): ast.StringLit => {
    const token = this.CONSUME(StringLiteral);
    const { value, unterminated } = parseString(token.image ?? '');
    return { value, span: this.spanOf(token), ...(unterminated ? { unterminated } : {}) };
  });

  private territoryAlts?: IOrAlt<ast.Territory>[];
  private territory = this.RULE('territory', (): ast.Territory => this.OR(this.territoryAlts ??= [
    { ALT: () => this.consumeName(0) },
    { ALT: () => { const s = this.SUBRULE(this.stringLit); return { text: s?.value ?? '', span: s?.span ?? { start: 0, end: 0 } }; } },
  ]));

  private territoryList = this.RULE('territoryList', (): ast.Territory[] => {
    const list: ast.Territory[] = [];
    this.AT_LEAST_ONE_SEP({ SEP: Comma, DEF: () => this.pushDefined(list, this.SUBRULE(this.territory)) });
    return list;
  });
}

/** One parser instance, reused: Chevrotain parsers are built once and reset per input. */
let shared: DealParser | undefined;
export function dealParser(): DealParser {
  return (shared ??= new DealParser());
}
