// Semantic tokens: what the TextMate grammar cannot know. It colours keywords and literals by
// their shape; these tokens say what a name *is* (a party, a stage, a payment, an option…,
// declared here or referred to) and which numbers are money, percentages and dates.
import type { Span } from '../language/ast';
import type { AnalyzedDocument } from '../document/analyze';
import { amountsOf, datesOf, percentsOf } from '../model/deal-walk';
import { indexSymbols, type SymbolKind } from './symbol-index';

/** Token types, in legend order. Names use the standard LSP types where one fits; `money`,
 * `percentage` and `date` are this language's own (clients fall back to the TextMate colours). */
export const semanticTokenTypes = [
  'namespace', 'class', 'enumMember', 'variable', 'struct', 'function', 'event', 'interface', 'type',
  'money', 'percentage', 'date',
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
  option: 'function', scenario: 'event', license: 'interface', currency: 'type',
};

export function findSemanticTokens(document: AnalyzedDocument): DealSemanticToken[] {
  const out: DealSemanticToken[] = [];
  const literals: DealSemanticToken[] = [];
  for (const { model } of document.deals) {
    const deal = model.deal;
    for (const money of amountsOf(deal)) literals.push({ span: money.span, type: 'money', modifiers: [] });
    for (const { percent } of percentsOf(deal)) literals.push({ span: percent.span, type: 'percentage', modifiers: [] });
    for (const { date } of datesOf(deal)) literals.push({ span: date.span, type: 'date', modifiers: [] });
    for (const scenario of deal.scenarios) {
      for (const table of scenario.sales) for (const year of table.years) literals.push({ span: year.yearSpan, type: 'date', modifiers: [] });
    }
  }
  const inLiteral = literalContaining(literals);
  for (const symbol of indexSymbols(document).symbols) {
    // A currency inside an amount is part of the money token.
    if (symbol.kind === 'currency' && inLiteral(symbol.span)) continue;
    const modifiers: SemanticTokenModifier[] = [];
    if (symbol.declaration) modifiers.push('declaration');
    // A deal without a `stages` list declares no stage: every stage it names is built in. (Asked
    // of the deal, not of the whole file's index, so a file of many deals stays linear.)
    if (symbol.kind === 'stage' && !document.deals[symbol.deal]?.model.deal.stages) {
      modifiers.push('defaultLibrary');
    }
    out.push({ span: symbol.span, type: typeOfSymbol[symbol.kind], modifiers });
  }
  out.push(...literals);
  // Tokens cannot span lines (an amount written across a line break is left to TextMate).
  const lines = document.lines;
  return out
    .filter((t) => t.span.end > t.span.start && lines.positionAt(t.span.start).line === lines.positionAt(t.span.end).line)
    .sort((a, b) => a.span.start - b.span.start);
}

/** Whether a span lies within one of the literals: a binary search over the literals by start,
 * with the furthest end reached so far, instead of a scan of every literal of the file. */
function literalContaining(literals: readonly DealSemanticToken[]): (span: Span) => boolean {
  const byStart = literals.map((l) => l.span).sort((a, b) => a.start - b.start);
  const furthestEnd: number[] = [];
  byStart.forEach((l, i) => furthestEnd.push(Math.max(l.end, i > 0 ? furthestEnd[i - 1] : -Infinity)));
  return (span) => {
    let low = 0;
    let high = byStart.length; // first literal starting after span.start
    while (low < high) {
      const mid = (low + high) >> 1;
      if (byStart[mid].start <= span.start) low = mid + 1;
      else high = mid;
    }
    return low > 0 && furthestEnd[low - 1] >= span.end;
  };
}

/**
 * The tokens in the protocol's encoding: five integers each — line delta, start character
 * (relative to the previous token on the same line), length, type index, modifier bits.
 */
export function encodeSemanticTokens(document: AnalyzedDocument, tokens: readonly DealSemanticToken[]): number[] {
  const data: number[] = [];
  let previousLine = 0;
  let previousCharacter = 0;
  let previousEnd = -1;
  for (const token of tokens) {
    if (token.span.start < previousEnd) continue; // overlapping tokens are not allowed
    const { line, character } = document.lines.positionAt(token.span.start);
    const deltaLine = line - previousLine;
    const deltaCharacter = deltaLine === 0 ? character - previousCharacter : character;
    const bits = token.modifiers.reduce((b, m) => b | (1 << semanticTokenModifiers.indexOf(m)), 0);
    data.push(deltaLine, deltaCharacter, token.span.end - token.span.start, semanticTokenTypes.indexOf(token.type), bits);
    previousLine = line;
    previousCharacter = character;
    previousEnd = token.span.end;
  }
  return data;
}
