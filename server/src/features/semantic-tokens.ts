// Semantic tokens: what the TextMate grammar cannot know. It colours keywords and literals by
// their shape; these tokens say what a name *is* (a party, a stage, a payment, an option…,
// declared here or referred to) and which numbers are money, percentages and dates.
// Each deal's tokens are found once and kept on the deal; the document's are the deals' joined,
// so a request costs a walk over the tokens, linear in the text.
import type * as ast from '../language/ast';
import type { Span } from '../language/ast';
import { carriedDealFacet, type AnalyzedDeal, type AnalyzedDocument } from '../document/analyze';
import { ItemValues } from '../model/facets';
import { costLinesOf, partsOfPaymentItem, partsOutsidePaymentItems, type PaymentItemParts } from '../model/deal-walk';
import { mergeInOrder, symbolsOfDeal, type DealSymbol, type SymbolKind } from './symbol-index';

/** Token types, in legend order. Names use the standard LSP types where one fits; `money`,
 * `percentage` and `date` are this language's own (clients fall back to the TextMate colours). */
export const semanticTokenTypes = [
  'namespace', 'class', 'enumMember', 'variable', 'struct', 'function', 'event', 'interface', 'type',
  'money', 'percentage', 'date', 'module',
] as const;
export type SemanticTokenType = (typeof semanticTokenTypes)[number];

/** `declaration` on the declaring name; `defaultLibrary` on a built-in stage. */
export const semanticTokenModifiers = ['declaration', 'defaultLibrary'] as const;
export type SemanticTokenModifier = (typeof semanticTokenModifiers)[number];

export interface DealSemanticToken {
  span: Span;
  type: SemanticTokenType;
  modifiers: SemanticTokenModifier[];
}

const typeOfSymbol: Record<SymbolKind, SemanticTokenType> = {
  deal: 'namespace', party: 'class', stage: 'enumMember', payment: 'variable', group: 'struct',
  option: 'function', scenario: 'event', license: 'interface', currency: 'type', program: 'module',
};

/** Every token of the document, in text order, none overlapping another and none across lines. */
export function findSemanticTokens(document: AnalyzedDocument): readonly DealSemanticToken[] {
  // One deal: its own tokens, as kept (a long deal has hundreds of thousands).
  if (document.deals.length === 1) return semanticTokensOfDeal(document, 0);
  const out: DealSemanticToken[] = [];
  document.deals.forEach((_, n) => {
    for (const token of semanticTokensOfDeal(document, n)) out.push(token);
  });
  return out;
}

/** A deal's tokens in runs that, joined in order, give them: each payment item's tokens are one
 * run, the very list kept for the item while an edit leaves it alone, and the tokens outside the
 * items make the runs between. The list of runs is itself kept with the deal's tokens, so it is
 * the same list while the deal is untouched. */
export type TokenRuns = readonly (readonly DealSemanticToken[])[];

/** The same tokens as `findSemanticTokens`, as each deal's runs in order. What is worked out
 * from a run or a deal's runs (their encoding for the protocol) can be kept with them: after a
 * keystroke, every deal but the edited one, and in a long deal every item but the edited one,
 * has the same runs as for the answer before. */
export function semanticTokenRuns(document: AnalyzedDocument): TokenRuns[] {
  return document.deals.map((analyzed, n) => tokensFacet(analyzed).runsOf(document, analyzed, n));
}

/** One deal's tokens (kept on the deal; their spans are the tree's and move with it). */
export function semanticTokensOfDeal(document: AnalyzedDocument, dealNumber: number): DealSemanticToken[] {
  return dealTokens(document, document.deals[dealNumber], dealNumber);
}

/** A deal's tokens as found: those of each item of its payment blocks kept by the item's node, so
 * that after an edit inside one item of a long deal only that item's tokens are found again. */
class KeptTokens {
  private found?: {
    builtInStages: boolean;
    /** The tokens outside the payment items, and each item's (`items`), in text order. */
    outside: DealSemanticToken[];
    tokens?: DealSemanticToken[];
    /** The runs, made once: the same lists for every answer while the deal is untouched. */
    runs?: TokenRuns;
    items: ItemValues<ast.Payment, DealSemanticToken[]>;
  };
  constructor(private earlier: KeptTokens | undefined) {}

  of(document: AnalyzedDocument, analyzed: AnalyzedDeal, dealNumber: number): DealSemanticToken[] {
    const found = this.find(document, analyzed, dealNumber);
    return (found.tokens ??= mergeInOrder(found.outside, found.items.values));
  }

  runsOf(document: AnalyzedDocument, analyzed: AnalyzedDeal, dealNumber: number): TokenRuns {
    const found = this.find(document, analyzed, dealNumber);
    return (found.runs ??= runsInOrder(found.outside, found.items.values));
  }

  private find(document: AnalyzedDocument, analyzed: AnalyzedDeal, dealNumber: number): NonNullable<KeptTokens['found']> {
    if (!this.found) {
      const deal = analyzed.model.deal;
      // A deal without its own `stages` uses the built-in ones: each stage named is marked so.
      const builtInStages = !deal.stages;
      const earlier = this.earlier?.found?.builtInStages === builtInStages ? this.earlier.found.items : undefined;
      this.earlier = undefined; // nothing older is kept
      const symbols = symbolsOfDeal(document, dealNumber).parts;
      const outside = partsOutsidePaymentItems(deal);
      const literals: DealSemanticToken[] = [];
      addLiterals(literals, outside);
      for (const scenario of deal.scenarios) {
        for (const table of scenario.sales) for (const year of table.years) literals.push({ span: year.yearSpan, type: 'date', modifiers: [] });
        for (const line of costLinesOf(scenario)) for (const year of line.years) literals.push({ span: year.yearSpan, type: 'date', modifiers: [] });
      }
      const context = { source: analyzed.source, base: deal.span.start, builtInStages };
      const items = ItemValues.of(symbols.items.items, (item, index) => {
        const itemLiterals: DealSemanticToken[] = [];
        addLiterals(itemLiterals, partsOfPaymentItem(item));
        return tokensOfPart(symbols.items.values[index], itemLiterals, context);
      }, earlier);
      this.found = { builtInStages, outside: tokensOfPart(symbols.outside, literals, context), items };
    }
    return this.found;
  }
}

/** The runs of `semanticTokenRuns`: each item's list as it is, with the outside tokens between
 * them. An outside token that falls among an item's tokens (none does today) gets the item's
 * tokens merged with it into a run of its own, so that joining the runs always keeps text order. */
function runsInOrder(outside: readonly DealSemanticToken[], inItems: readonly DealSemanticToken[][]): TokenRuns {
  const runs: (readonly DealSemanticToken[])[] = [];
  let i = 0;
  for (const list of inItems) {
    if (list.length === 0) continue;
    const from = i;
    while (i < outside.length && outside[i].span.start <= list[0].span.start) i++;
    if (i > from) runs.push(outside.slice(from, i));
    if (i < outside.length && outside[i].span.start <= list[list.length - 1].span.start) {
      const among = i;
      while (i < outside.length && outside[i].span.start <= list[list.length - 1].span.start) i++;
      runs.push(mergeInOrder(outside.slice(among, i), [list]));
    } else {
      runs.push(list);
    }
  }
  if (i < outside.length) runs.push(outside.slice(i));
  return runs;
}

const tokensFacet = carriedDealFacet<KeptTokens>((_, earlier) => new KeptTokens(earlier));

function dealTokens(document: AnalyzedDocument, analyzed: AnalyzedDeal, dealNumber: number): DealSemanticToken[] {
  return tokensFacet(analyzed).of(document, analyzed, dealNumber);
}

function addLiterals(out: DealSemanticToken[], parts: Pick<PaymentItemParts, 'amounts' | 'percents' | 'dates'>): void {
  for (const money of parts.amounts) out.push({ span: money.span, type: 'money', modifiers: [] });
  for (const { percent } of parts.percents) out.push({ span: percent.span, type: 'percentage', modifiers: [] });
  for (const { date } of parts.dates) out.push({ span: date.span, type: 'date', modifiers: [] });
}

/** The tokens of one part of a deal (the text outside its payment items, or one item), from its
 * names and literals: in text order, none overlapping another and none across lines. */
function tokensOfPart(
  symbols: readonly DealSymbol[], literals: DealSemanticToken[], context: { source: string; base: number; builtInStages: boolean },
): DealSemanticToken[] {
  literals.sort((a, b) => a.span.start - b.span.start);
  const inLiteral = literalContainment(literals);

  const names: DealSemanticToken[] = [];
  for (const symbol of symbols) {
    // A currency inside an amount is part of the money token.
    if (symbol.kind === 'currency' && inLiteral(symbol.span)) continue;
    const modifiers: SemanticTokenModifier[] = [];
    if (symbol.declaration) modifiers.push('declaration');
    if (symbol.kind === 'stage' && context.builtInStages) modifiers.push('defaultLibrary');
    names.push({ span: symbol.span, type: typeOfSymbol[symbol.kind], modifiers });
  }

  // Both lists are in text order: merge them (names first on a tie, as before), then drop what
  // the protocol cannot carry — empty tokens, tokens across a line break, overlapping tokens.
  const { source, base } = context;
  const out: DealSemanticToken[] = [];
  let previousEnd = -1;
  for (let i = 0, j = 0; i < names.length || j < literals.length;) {
    const token = j >= literals.length || (i < names.length && names[i].span.start <= literals[j].span.start) ? names[i++] : literals[j++];
    const { start, end } = token.span;
    if (end <= start || start < previousEnd || crossesLine(source, start - base, end - base)) continue;
    out.push(token);
    previousEnd = end;
  }
  return out;
}

/** Whether a span lies inside one of the literals (sorted, not overlapping): a binary search. */
function literalContainment(literals: DealSemanticToken[]): (span: Span) => boolean {
  return (span) => {
    let low = 0;
    let high = literals.length - 1;
    while (low <= high) {
      const mid = (low + high) >> 1;
      const literal = literals[mid].span;
      if (literal.end < span.end) low = mid + 1;
      else if (literal.start > span.start) high = mid - 1;
      else return true;
    }
    return false;
  };
}

function crossesLine(text: string, start: number, end: number): boolean {
  for (let i = Math.max(0, start); i < end && i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13) return true;
  }
  return false;
}
