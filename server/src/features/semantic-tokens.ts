// Semantic tokens: what the TextMate grammar cannot know. It colours keywords and literals by
// their shape; these tokens say what a name *is* (a party, a stage, a payment, an option…,
// declared here or referred to) and which numbers are money, percentages and dates.
// Each deal's tokens are found once and kept on the deal; the document's are the deals' joined,
// so a request costs a walk over the tokens, linear in the text.
import type { Span } from '../language/ast';
import { dealFacet, type AnalyzedDeal, type AnalyzedDocument } from '../document/analyze';
import { amountsOf, costLinesOf, datesOf, percentsOf } from '../model/deal-walk';
import { declarationOf, symbolsOfDeal, type SymbolKind } from './symbol-index';

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
export function findSemanticTokens(document: AnalyzedDocument): DealSemanticToken[] {
  const out: DealSemanticToken[] = [];
  document.deals.forEach((_, n) => {
    for (const token of semanticTokensOfDeal(document, n)) out.push(token);
  });
  return out;
}

/** One deal's tokens (kept on the deal; their spans are the tree's and move with it). */
export function semanticTokensOfDeal(document: AnalyzedDocument, dealNumber: number): DealSemanticToken[] {
  return tokensFacet(document.deals[dealNumber])(document, dealNumber);
}

const tokensFacet = dealFacet((analyzed) => {
  let found: DealSemanticToken[] | undefined;
  return (document: AnalyzedDocument, dealNumber: number) => (found ??= dealTokens(document, analyzed, dealNumber));
});

function dealTokens(document: AnalyzedDocument, analyzed: AnalyzedDeal, dealNumber: number): DealSemanticToken[] {
  const deal = analyzed.model.deal;
  const literals: DealSemanticToken[] = [];
  for (const money of amountsOf(deal)) literals.push({ span: money.span, type: 'money', modifiers: [] });
  for (const { percent } of percentsOf(deal)) literals.push({ span: percent.span, type: 'percentage', modifiers: [] });
  for (const { date } of datesOf(deal)) literals.push({ span: date.span, type: 'date', modifiers: [] });
  for (const scenario of deal.scenarios) {
    for (const table of scenario.sales) for (const year of table.years) literals.push({ span: year.yearSpan, type: 'date', modifiers: [] });
    for (const line of costLinesOf(scenario)) for (const year of line.years) literals.push({ span: year.yearSpan, type: 'date', modifiers: [] });
  }
  literals.sort((a, b) => a.span.start - b.span.start);
  const inLiteral = literalContainment(literals);

  const names: DealSemanticToken[] = [];
  const builtInStages = !deal.stages;
  for (const symbol of symbolsOfDeal(document, dealNumber).symbols) {
    // A currency inside an amount is part of the money token.
    if (symbol.kind === 'currency' && inLiteral(symbol.span)) continue;
    const modifiers: SemanticTokenModifier[] = [];
    if (symbol.declaration) modifiers.push('declaration');
    if (symbol.kind === 'stage' && builtInStages && !declarationOf(document, symbol)) modifiers.push('defaultLibrary');
    names.push({ span: symbol.span, type: typeOfSymbol[symbol.kind], modifiers });
  }

  // Both lists are in text order: merge them (names first on a tie, as before), then drop what
  // the protocol cannot carry — empty tokens, tokens across a line break, overlapping tokens.
  const source = analyzed.source;
  const base = deal.span.start;
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
