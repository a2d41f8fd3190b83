// The grammar of the .deal language, as a Chevrotain parser with embedded actions that build
// the typed AST directly (no intermediate CST: cheaper, and the AST is what every feature uses).
// Error recovery is on: a rule that fails re-syncs, returns `undefined`, and the caller keeps
// going, so every node and list below is built defensively.
// This file holds the file and deal level; the rules of each block live in the layers it
// extends (parser-base.ts, parser-payments.ts, parser-terms.ts, parser-scenarios.ts).
import { tokenMatcher, type IOrAlt } from 'chevrotain';
import type * as ast from './ast';
import { isNode } from './parser-base';
import { ScenarioRules } from './parser-scenarios';
import { limitRecoveryCost } from './recovery-cost';
import { dealErrorMessages } from './parse-messages';
import { Identifier, kw, LCurly, RCurly, StringLiteral } from './tokens';

const defined = <T>(items: (T | undefined)[]): T[] => items.filter((i): i is T => isNode(i));
/** A deal to hold terms written outside any deal, so they are parsed (and checked for syntax) but kept out of the file. */
export const emptyDeal = (at: number): ast.Deal => ({
  type: 'Deal', name: { text: '', span: { start: at, end: at } }, fx: [], parties: [], licenses: [], paymentBlocks: [],
  options: [], scenarios: [], span: { start: at, end: at },
});

export class DealParser extends ScenarioRules {
  constructor() {
    super();
    // The rules of every layer are defined by now (each class's fields are set as its constructor
    // starts), so the grammar is analysed once, whole.
    this.performSelfAnalysis();
    limitRecoveryCost(this);
  }

  // ---- file and deal ------------------------------------------------------------------------

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
    const name = this.dealName();
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

  /** The deal's name. A deal written without one (`deal { }`, `deal "title" {`) is one error and
   * reads on with an empty name, as the parser's recovery would, but without its search for a
   * way to recover: a file of thousands of such deals stays linear and quick. */
  private dealName(): ast.Name {
    const next = this.LA(1);
    if (this.RECORDING_PHASE || !(tokenMatcher(next, LCurly) || tokenMatcher(next, StringLiteral))) return this.consumeName(0);
    const message = dealErrorMessages.buildMismatchTokenMessage({ expected: Identifier, actual: next, previous: this.LA(0), ruleName: 'deal' });
    this.structureErrors.push({ message, span: this.spanOf(next) });
    const at = this.endHere();
    return { text: '', span: { start: at, end: at } };
  }

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
    this.itemStart = this.startHere();
    this.OR(this.dealItemAlts ??= [
      { ALT: () => { this.CONSUME(kw('currency')); this.once('currency', this.consumeName(1)); } },
      { ALT: () => { this.CONSUME(kw('signed')); this.once('signed', this.SUBRULE(this.dateLike)); } },
      { ALT: () => { this.CONSUME(kw('effective')); this.once('effective', this.SUBRULE1(this.dateLike)); } },
      { ALT: () => { this.CONSUME(kw('announced')); this.once('announced', this.SUBRULE2(this.dateLike)); } },
      { ALT: () => { this.CONSUME(kw('source')); this.once('source', this.SUBRULE1(this.stringLit)); } },
      {
        ALT: () => {
          this.CONSUME(kw('headline'));
          const line = this.SUBRULE(this.headlineLine);
          if (this.RECORDING_PHASE || !line || !isNode(line.money)) return;
          if (this.itemDeal.headline === undefined) this.itemDeal.headlineTerms = line.terms;
          this.once('headline', line.money);
        },
      },
      { ALT: () => { this.CONSUME(kw('stage')); this.once('stage', this.consumeName(2)); } },
      { ALT: () => { this.CONSUME(kw('developer')); this.once('developer', this.consumeName(3)); } },
      { ALT: () => this.pushDefined(this.itemDeal.fx, this.SUBRULE(this.fxRate)) },
      { ALT: () => this.pushDefined(this.itemDeal.parties, this.SUBRULE(this.party)) },
      { ALT: () => this.pushDefined(this.itemDeal.programs ??= [], this.SUBRULE(this.programDecl)) },
      { ALT: () => this.once('stages', this.SUBRULE(this.stageList)) },
      { ALT: () => this.pushDefined(this.itemDeal.licenses, this.SUBRULE(this.license)) },
      { ALT: () => this.pushDefined(this.itemDeal.paymentBlocks, this.SUBRULE(this.paymentBlock)) },
      { ALT: () => this.pushDefined(this.itemDeal.options, this.SUBRULE(this.optionDecl)) },
      { ALT: () => this.pushDefined(this.itemDeal.scenarios, this.SUBRULE(this.scenario)) },
      { ALT: () => this.once('valuation', this.SUBRULE(this.valuation)) },
    ]);
  });

  /** Where the deal term being read starts. */
  private itemStart = 0;

  /** A term a deal gives once: the first counts; a repeat is kept for the repeated-term warning. */
  private once<K extends ast.SingleTerm>(term: K, value: ast.Deal[K] | undefined): void {
    if (value === undefined || this.RECORDING_PHASE) return;
    const deal = this.itemDeal;
    if (deal[term] === undefined) deal[term] = value;
    else (deal.repeated ??= []).push({ term, span: this.spanFrom(this.itemStart) });
  }

  // ---- one term alone ------------------------------------------------------------------------

  /**
   * One term of a deal read alone, by the very rule that reads it inside the deal (re-analysis
   * after an edit inside a long deal re-reads only the term edited, see document/reparse-term.ts):
   * `dealItem` writes the term into `into`, as inside a deal; a payment or a milestone is returned.
   */
  public readTerm(rule: TermRule, into: ast.Deal): ast.Payment | ast.Deal | undefined {
    this.structureErrors = [];
    this.openDeal = undefined;
    switch (rule) {
      case 'dealItem': this.dealItem(into); return into;
      case 'payment': return this.payment();
      case 'milestone': return this.groupItem();
    }
  }
}

/** The rules a term of a deal can be read by on its own. */
export type TermRule = 'dealItem' | 'payment' | 'milestone';

/** One parser instance, reused: Chevrotain parsers are built once and reset per input. */
let shared: DealParser | undefined;
export function dealParser(): DealParser {
  return (shared ??= new DealParser());
}
