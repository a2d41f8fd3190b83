// The payments of a deal: a `payments` block and each kind of payment in it (upfront, fee,
// equity, milestones and milestone groups, sales milestones, royalties with their tiers,
// funding, manufacturing), with the clauses that may follow any payment's amount.
import type { IOrAlt } from 'chevrotain';
import type * as ast from './ast';
import { parseNumber } from './literals';
import { DealParserBase, isNode } from './parser-base';
import { kw, LCurly, NumberLiteral, RCurly } from './tokens';

/** What a message calls a payment that cannot stand inside a milestone group. */
const notInGroup: Record<Exclude<ast.Payment['type'], ast.GroupItem['type']>, string> = {
  Upfront: 'An upfront payment', Fee: 'A fee', Equity: 'An equity purchase', MilestoneGroup: 'A milestone group',
  Royalty: 'A royalty', Funding: 'Research funding', Manufacturing: 'A manufacturing payment',
};

export abstract class PaymentRules extends DealParserBase {
  protected paymentBlock = this.RULE('paymentBlock', (): ast.PaymentBlock => {
    const start = this.startHere();
    const block: ast.PaymentBlock = { payments: [], span: { start, end: start } };
    this.CONSUME(kw('payments'));
    this.OPTION(() => {
      this.CONSUME(kw('from'));
      block.from = this.consumeName(0);
      this.CONSUME(kw('to'));
      block.to = this.consumeName(1);
    });
    this.OPTION1(() => { this.CONSUME(kw('for')); block.program = this.consumeName(2); });
    this.CONSUME(LCurly);
    this.MANY(() => {
      const payment = this.SUBRULE(this.payment);
      this.pushDefined(block.payments, payment);
      // Payments written inside a group by mistake are still the block's (a syntax error says so).
      if (isNode(payment) && payment.type === 'MilestoneGroup' && payment.misplaced) {
        for (const item of payment.misplaced) block.payments.push(item);
        delete payment.misplaced;
      }
    });
    this.CONSUME(RCurly);
    block.span = this.spanFrom(start);
    return block;
  });

  private paymentAlts?: IOrAlt<ast.Payment>[];
  protected payment = this.RULE('payment', (): ast.Payment => this.OR(this.paymentAlts ??= [
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
  protected simplePayment = this.RULE('simplePayment', (): ast.Upfront | ast.Fee | ast.Equity => {
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

  protected milestone = this.RULE('milestone', (): ast.Milestone => {
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

  /** An item of a milestone group: a milestone or a sales milestone. Any other payment is read
   * too, so that one written inside a group by mistake costs one error, not a cascade. */
  protected groupItem = this.RULE('groupItem', (): ast.Payment => this.SUBRULE(this.payment));

  private placeInGroup(group: ast.MilestoneGroup, item: ast.Payment | undefined): void {
    if (this.RECORDING_PHASE || !isNode(item)) return;
    if (item!.type === 'Milestone' || item!.type === 'SalesMilestone') {
      group.milestones.push(item!);
      return;
    }
    (group.misplaced ??= []).push(item!);
    const name = group.name?.text ? ` ${group.name.text}` : '';
    this.structureErrors.push({
      message: `${notInGroup[item!.type]} cannot stand inside milestone group${name}: a group holds milestones and sales milestones. Move it after the group's '}'.`,
      // A span of its own: the tree's spans move with the tree, the errors' apart.
      span: { start: item!.keywordSpan.start, end: item!.keywordSpan.end },
    });
  }

  /** `milestones NAME up to CAP [by STAGE] { ... }`: milestones and sales milestones under one cap. */
  protected milestoneGroup = this.RULE('milestoneGroup', (): ast.MilestoneGroup => {
    const start = this.startHere();
    this.CONSUME(kw('milestones'));
    const keywordSpan = this.spanFrom(start);
    const head = this.SUBRULE(this.paymentHead);
    const group: ast.MilestoneGroup = { type: 'MilestoneGroup', keywordSpan, ...head, milestones: [], span: { start, end: start } };
    // The cap and the clauses (`by`, `territory`, …) in any order.
    this.SUBRULE(this.paymentClauses, { ARGS: [group] });
    this.OPTION(() => {
      this.CONSUME(kw('up'));
      this.CONSUME(kw('to'));
      group.cap = this.SUBRULE(this.money);
    });
    this.SUBRULE1(this.paymentClauses, { ARGS: [group] });
    this.CONSUME(LCurly);
    this.MANY(() => this.placeInGroup(group, this.SUBRULE(this.groupItem)));
    this.CONSUME(RCurly);
    group.span = this.spanFrom(start);
    return group;
  });

  protected salesMilestone = this.RULE('salesMilestone', (): ast.SalesMilestone => {
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

  /** `royalty NAME [RATE [to RATE]] on [cumulative] BASE [total] [{ tiers }]`. */
  protected royalty = this.RULE('royalty', (): ast.Royalty => {
    const start = this.startHere();
    this.CONSUME(kw('royalty'));
    const keywordSpan = this.spanFrom(start);
    const head = this.SUBRULE(this.paymentHead);
    const royalty: ast.Royalty = { type: 'Royalty', keywordSpan, ...head, tiers: [], span: { start, end: start } };
    this.OPTION(() => {
      royalty.rate = this.SUBRULE(this.percent);
      this.OPTION3(() => { this.CONSUME(kw('to')); royalty.rateTo = this.SUBRULE1(this.percent); });
    });
    this.CONSUME(kw('on'));
    this.OPTION4(() => { royalty.cumulative = this.spanOf(this.CONSUME(kw('cumulative'))); });
    royalty.base = this.consumeName(0);
    this.OPTION1(() => { royalty.total = this.spanOf(this.CONSUME(kw('total'))); });
    // `royalty R on net_sales for P { ... }`: the programme may come before the tiers.
    this.OPTION5(() => { this.CONSUME(kw('for')); royalty.program = this.consumeName(1); });
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

  protected royaltyTier = this.RULE('royaltyTier', (): ast.RoyaltyTier => {
    const start = this.startHere();
    const tier: ast.RoyaltyTier = { rate: this.SUBRULE(this.percent), span: { start, end: start } };
    this.OPTION(() => { this.CONSUME1(kw('to')); tier.rateTo = this.SUBRULE1(this.percent); });
    this.OR([
      { ALT: () => { this.CONSUME(kw('up')); this.CONSUME(kw('to')); tier.upTo = this.SUBRULE(this.money); } },
      { ALT: () => { tier.above = this.spanOf(this.CONSUME(kw('above'))); } },
    ]);
    tier.span = this.spanFrom(start);
    return tier;
  });

  protected funding = this.RULE('funding', (): ast.Funding => {
    const start = this.startHere();
    this.CONSUME(kw('funding'));
    const keywordSpan = this.spanFrom(start);
    const head = this.SUBRULE(this.paymentHead);
    const funding: ast.Funding = { type: 'Funding', keywordSpan, ...head, span: { start, end: start } };
    this.OR1([
      {
        // `up to 400M over 10 years`: the total, paid in equal yearly instalments.
        ALT: () => {
          const upStart = this.startHere();
          this.CONSUME(kw('up'));
          this.CONSUME(kw('to'));
          funding.upTo = this.spanFrom(upStart);
          funding.amount = this.SUBRULE(this.money);
        },
      },
      { ALT: () => { Object.assign(funding, this.SUBRULE(this.amountOrUndisclosed)); } },
    ]);
    this.OPTION1(() => {
      this.CONSUME(kw('over'));
      const count = this.CONSUME1(NumberLiteral);
      this.OR2([{ ALT: () => this.CONSUME2(kw('years')) }, { ALT: () => this.CONSUME2(kw('year')) }]);
      funding.over = { count: parseNumber(count.image).toNumber(), span: this.spanOf(count) };
    });
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

  protected manufacturing = this.RULE('manufacturing', (): ast.Manufacturing => {
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

  /** The payment `paymentClauses` writes into. */
  private clauses: ast.PaymentClauses = {};
  private clauseAlts?: IOrAlt<void>[];
  private onAlts?: IOrAlt<void>[];
  private premiumAlts?: IOrAlt<void>[];

  /** The clauses after a payment's amount, in any order, written into the payment given. */
  protected paymentClauses = this.RULE('paymentClauses', (into?: ast.PaymentClauses) => {
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
        { ALT: () => { this.CONSUME(kw('by')); this.clauses.by = this.consumeName(3); } },
        { ALT: () => { this.CONSUME(kw('expected')); this.clauses.expected = this.SUBRULE1(this.dateLike); } },
        { ALT: () => { this.CONSUME(kw('territory')); this.clauses.territory = this.SUBRULE(this.territoryList); } },
        { ALT: () => { this.CONSUME(kw('from')); this.clauses.from = this.consumeName(1); this.CONSUME(kw('to')); this.clauses.to = this.consumeName(2); } },
        {
          // `premium 25%` over the market price, or the premium as an amount (`premium 90.6M`).
          ALT: () => {
            this.CONSUME(kw('premium'));
            this.OR2(this.premiumAlts ??= [
              { ALT: () => { this.clauses.premium = this.SUBRULE(this.percent); } },
              { ALT: () => { this.clauses.premiumAmount = this.SUBRULE(this.money); } },
            ]);
          },
        },
        { ALT: () => { this.CONSUME(kw('term')); this.clauses.term = this.SUBRULE(this.duration); } },
        { ALT: () => { this.clauses.undisclosed = this.spanOf(this.CONSUME(kw('undisclosed'))); } },
        { ALT: () => { this.CONSUME(kw('for')); this.clauses.program = this.consumeName(4); } },
      ]);
    });
  });
}
