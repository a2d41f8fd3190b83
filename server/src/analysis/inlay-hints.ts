// Inlay hints: figures shown inline where they help reading — after an amount in another
// currency, its value in the deal currency; after a milestone group's header, the itemized
// sum against the cap.
import type * as ast from '../language/ast';
import { dealLexer, LCurly } from '../language/tokens';
import type { AnalyzedDocument } from './analyze';
import { amountsOf } from './diagnostics/deal-walk';
import { formatNumber, formatShort } from './money';
import { shownModel } from './shown-figures';

export interface DealInlayHint {
  /** Where the hint stands (just after the text it explains). */
  offset: number;
  label: string;
  /** The full figure, for the hint's tooltip. */
  tooltip?: string;
}

export function findInlayHints(document: AnalyzedDocument, range?: ast.Span): DealInlayHint[] {
  const out: DealInlayHint[] = [];
  const braces = dealLexer.tokenize(document.text).tokens.filter((t) => t.tokenType === LCurly).map((t) => t.startOffset);
  for (const model of document.deals.map((deal) => shownModel(deal.model))) {
    const money = (value: Parameters<typeof formatShort>[0]) => formatShort(value, model.currency);
    for (const amount of amountsOf(model.deal)) {
      if (model.currencyOf(amount) === model.currency) continue;
      const converted = model.convert(amount);
      if (converted) out.push({ offset: amount.span.end, label: `= ${money(converted)}`, tooltip: `${formatNumber(converted)} ${model.currency}` });
    }
    for (const item of model.payments) {
      const node = item.node;
      if (node.type !== 'MilestoneGroup' || item.itemized === undefined) continue;
      const headerEnd = Math.max(node.keywordSpan.end, node.name?.span.end ?? 0, node.title?.span.end ?? 0, node.cap?.span.end ?? 0, node.by?.span.end ?? 0);
      const brace = braces.find((b) => b >= headerEnd && b < node.span.end);
      if (brace === undefined) continue;
      const label = node.cap && item.amount !== undefined
        ? `itemized ${money(item.itemized)} / cap ${money(item.amount)}`
        : `itemized ${money(item.itemized)}`;
      out.push({ offset: brace + 1, label });
    }
  }
  return out
    .filter((hint) => !range || (hint.offset >= range.start && hint.offset <= range.end))
    .sort((a, b) => a.offset - b.offset);
}
