// Inlay hints: figures shown inline where they help reading — after an amount in another
// currency, its value in the deal currency; after a milestone group's header, the itemized
// sum against the cap. A request for a screen's range works out only the hints on that screen
// (a long deal's other figures are not formatted after every keystroke).
import type * as ast from '../language/ast';
import { LCurly } from '../language/tokens';
import { dealsIn, type AnalyzedDeal, type AnalyzedDocument } from '../document/analyze';
import { amountsOf } from '../model/deal-walk';
import { formatNumber, formatShort } from '../model/money';
import { shownModel } from '../model/shown-figures';
import { dealTokens } from '../document/deal-tokens';

export interface DealInlayHint {
  /** Where the hint stands (just after the text it explains). */
  offset: number;
  label: string;
  /** The full figure, for the hint's tooltip. */
  tooltip?: string;
}

/** A hint of a deal: where it stands, and what it says. */
interface KeptHint { at: ast.Span; label: string; tooltip?: string }

export function findInlayHints(document: AnalyzedDocument, range?: ast.Span): DealInlayHint[] {
  const out: DealInlayHint[] = [];
  for (const deal of range ? dealsIn(document, range) : document.deals) {
    for (const hint of hintsOf(deal, range)) {
      if (range && (hint.at.start < range.start || hint.at.start > range.end)) continue;
      out.push({ offset: hint.at.start, label: hint.label, ...(hint.tooltip ? { tooltip: hint.tooltip } : {}) });
    }
  }
  return out.sort((a, b) => a.offset - b.offset);
}

/** The hints of a deal that stand in `range` (all of them without one). */
function hintsOf(analyzed: AnalyzedDeal, range: ast.Span | undefined): KeptHint[] {
  const out: KeptHint[] = [];
  const model = shownModel(analyzed.model);
  const base = model.deal.span.start;
  const money = (value: Parameters<typeof formatShort>[0]) => formatShort(value, model.currency);
  const near = (span: ast.Span) => !range || (span.end >= range.start && span.start <= range.end);
  for (const amount of amountsOf(model.deal)) {
    if (!near(amount.span) || model.currencyOf(amount) === model.currency) continue;
    const converted = model.convert(amount);
    if (converted) out.push({ at: { start: amount.span.end, end: amount.span.end }, label: `= ${money(converted)}`, tooltip: `${formatNumber(converted)} ${model.currency}` });
  }
  const tokens = dealTokens(analyzed);
  for (const item of model.payments) {
    const node = item.node;
    if (node.type !== 'MilestoneGroup' || item.itemized === undefined || !near(node.span)) continue;
    const headerEnd = Math.max(node.keywordSpan.end, node.name?.span.end ?? 0, node.title?.span.end ?? 0, node.cap?.span.end ?? 0, node.by?.span.end ?? 0);
    const brace = firstBrace(tokens.tokens, tokens.firstEndingAtOrAfter(headerEnd - base), headerEnd - base, node.span.end - base);
    if (brace === undefined) continue;
    const label = node.cap && item.amount !== undefined
      ? `itemized ${money(item.itemized)} / cap ${money(item.amount)}`
      : `itemized ${money(item.itemized)}`;
    out.push({ at: { start: base + brace + 1, end: base + brace + 1 }, label });
  }
  return out;
}

/** The first `{` from token `from` on that starts in [start, end) (deal-relative offsets). */
function firstBrace(tokens: DealTokensList, from: number, start: number, end: number): number | undefined {
  for (let i = from; i < tokens.length && tokens[i].startOffset < end; i++) {
    if (tokens[i].tokenType === LCurly && tokens[i].startOffset >= start) return tokens[i].startOffset;
  }
  return undefined;
}

type DealTokensList = ReturnType<typeof dealTokens>['tokens'];
