// The foundation of the .deal grammar: the parser's configuration, the helpers every rule uses
// to build spans and names, and the small pieces (amounts, percentages, dates, durations, quoted
// text, territories, a payment's name and amount) that the rules of every block share.
// The grammar is built in layers, each a subclass adding one part of the language:
//   parser-base.ts → parser-payments.ts → parser-terms.ts → parser-costs.ts → parser-scenarios.ts → parser.ts
// and only the last, `DealParser`, runs Chevrotain's self-analysis once every rule is defined.
import { EmbeddedActionsParser, type IOrAlt, type IToken, type TokenType } from 'chevrotain';
import type * as ast from './ast';
import { isCurrencyCode } from './currencies';
import { parseDate, parseNumber, parsePercent, parseString } from './literals';
import { dealErrorMessages } from './parse-messages';
import {
  allTokens, Comma, CurrencySymbol, DateLiteral, Identifier, kw, MonthLiteral, NumberLiteral, PercentLiteral,
  QuarterLiteral, StringLiteral,
} from './tokens';

/** A node built by a rule, as opposed to the placeholder a rule yields while recording or recovering. */
export const isNode = (item: unknown): boolean => typeof item === 'object' && item !== null && 'span' in item;

export abstract class DealParserBase extends EmbeddedActionsParser {
  constructor() {
    super(allTokens, { recoveryEnabled: true, maxLookahead: 3, errorMessageProvider: dealErrorMessages });
  }

  /** Problems the grammar itself finds (a term where it cannot stand, a '}' that closes
   * nothing); cleared per parse. */
  public structureErrors: { message: string; span: ast.Span }[] = [];

  // ---- spans --------------------------------------------------------------------------------

  /** Offset where the next token starts (or where the last one ended, at end of input). */
  protected startHere(): number {
    const next = this.LA(1);
    if (Number.isFinite(next.startOffset)) return next.startOffset;
    return this.endHere();
  }

  /** Offset just past the last consumed token. */
  protected endHere(): number {
    const last = this.LA(0);
    return last && Number.isFinite(last.endOffset) ? (last.endOffset as number) + 1 : 0;
  }

  protected spanFrom(start: number): ast.Span {
    return { start, end: Math.max(start, this.endHere()) };
  }

  protected spanOf(token: IToken): ast.Span {
    if (Number.isFinite(token.startOffset) && Number.isFinite(token.endOffset)) {
      return { start: token.startOffset, end: (token.endOffset as number) + 1 };
    }
    const at = this.endHere();
    return { start: at, end: at };
  }

  protected name(token: IToken): ast.Name {
    return { text: token.image ?? '', span: this.spanOf(token) };
  }

  protected consumeName(idx: number): ast.Name {
    return this.name(this.consumeByIndex(idx, Identifier));
  }

  protected consumeByIndex(idx: number, type: TokenType): IToken {
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
  protected identifierIsName(): boolean {
    const next = this.LA(1);
    if (next.tokenType !== Identifier) return false;
    return !(isCurrencyCode(next.image) && this.LA(2).tokenType === NumberLiteral);
  }

  protected pushDefined<T>(list: T[], item: T | undefined): void {
    if (isNode(item)) list.push(item as T);
  }

  // ---- small pieces -------------------------------------------------------------------------

  // ---- small pieces -------------------------------------------------------------------------

  /** The currency `money` has read so far. */
  private moneyCurrency: ast.Name | undefined;
  private currencyFirst?: () => void;
  private currencyAlts?: IOrAlt<void>[];
  private currencyAfter?: { GATE: () => boolean; DEF: () => void };

  /** `1M`, `$1M`, `USD 1M`, `1M USD`, `€2.5M`, `EUR 2,500,000`. */
  protected money = this.RULE('money', (): ast.Money => {
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

  protected percent = this.RULE('percent', (): ast.Percent => {
    const token = this.CONSUME(PercentLiteral);
    return { value: parsePercent(token.image ?? ''), span: this.spanOf(token) };
  });

  private durationAlts?: IOrAlt<'years' | 'months'>[];
  protected duration = this.RULE('duration', (): ast.Duration => {
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
  protected dateLike = this.RULE('dateLike', (): ast.DateLit => {
    const token = this.OR(this.dateAlts ??= [
      { ALT: () => this.CONSUME(DateLiteral) },
      { ALT: () => this.CONSUME(MonthLiteral) },
      { ALT: () => this.CONSUME(QuarterLiteral) },
      { ALT: () => this.CONSUME(NumberLiteral) },
    ]);
    return parseDate(token.image ?? '', this.spanOf(token));
  });

  protected stringLit = this.RULE('stringLit', (): ast.StringLit => {
    const token = this.CONSUME(StringLiteral);
    const { value, unterminated } = parseString(token.image ?? '');
    return { value, span: this.spanOf(token), ...(unterminated ? { unterminated } : {}) };
  });

  private territoryAlts?: IOrAlt<ast.Territory>[];
  protected territory = this.RULE('territory', (): ast.Territory => this.OR(this.territoryAlts ??= [
    { ALT: () => this.consumeName(0) },
    { ALT: () => { const s = this.SUBRULE(this.stringLit); return { text: s?.value ?? '', span: s?.span ?? { start: 0, end: 0 } }; } },
  ]));

  protected territoryList = this.RULE('territoryList', (): ast.Territory[] => {
    const list: ast.Territory[] = [];
    this.AT_LEAST_ONE_SEP({ SEP: Comma, DEF: () => this.pushDefined(list, this.SUBRULE(this.territory)) });
    return list;
  });

  // ---- a payment's name, title and amount ---------------------------------------------------

  protected paymentHead = this.RULE('paymentHead', (): { name?: ast.Name; title?: ast.StringLit } => {
    const head: { name?: ast.Name; title?: ast.StringLit } = {};
    this.OPTION({ GATE: () => this.identifierIsName(), DEF: () => { head.name = this.consumeName(0); } });
    this.OPTION1(() => { head.title = this.SUBRULE(this.stringLit); });
    return head;
  });

  private amountAlts?: IOrAlt<{ amount?: ast.Money; undisclosed?: ast.Span }>[];
  protected amountOrUndisclosed = this.RULE('amountOrUndisclosed', (): { amount?: ast.Money; undisclosed?: ast.Span } => this.OR(this.amountAlts ??= [
    { ALT: () => ({ amount: this.SUBRULE(this.money) }) },
    { ALT: () => ({ undisclosed: this.spanOf(this.CONSUME(kw('undisclosed'))) }) },
  ]));
}
