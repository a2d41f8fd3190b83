// Inlay hints: figures shown inline where they help reading — after an amount in another
// currency, its value in the deal currency. (A milestone group's itemized sum against its cap is
// its CodeLens, not repeated inline.) A request for a screen's range works out only the hints on that screen
// (a long deal's other figures are not formatted after every keystroke).
import type * as ast from '../language/ast';
import { dealsIn, type AnalyzedDeal, type AnalyzedDocument } from '../document/analyze';
import { amountsOf, partsOfPaymentItem, partsOutsidePaymentItems, paymentItemsInOrder } from '../model/deal-walk';
import { formatNumber, formatShort } from '../model/money';
import { shownModel } from '../model/shown-figures';

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
  const money = (value: Parameters<typeof formatShort>[0]) => formatShort(value, model.currency);
  const near = (span: ast.Span) => !range || (span.end >= range.start && span.start <= range.end);
  for (const amount of range ? amountsNear(model.deal, range) : amountsOf(model.deal)) {
    if (!near(amount.span) || model.currencyOf(amount) === model.currency) continue;
    const converted = model.convert(amount);
    if (converted) out.push({ at: { start: amount.span.end, end: amount.span.end }, label: `= ${money(converted)}`, tooltip: `${formatNumber(converted)} ${model.currency}` });
  }
  return out;
}

/** The amounts a deal writes outside its payment items, and those of the items that reach into
 * `range`: the items are in text order, so the first is found by a search and the walk stops past
 * the range (a screen of a long deal does not go through its ten thousand items). */
function amountsNear(deal: ast.Deal, range: ast.Span): ast.Money[] {
  const out = [...partsOutsidePaymentItems(deal).amounts];
  const items = paymentItemsInOrder(deal);
  let low = 0;
  let high = items.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (items[mid].span.end < range.start) low = mid + 1;
    else high = mid;
  }
  for (let i = low; i < items.length && items[i].span.start <= range.end; i++) for (const amount of partsOfPaymentItem(items[i]).amounts) out.push(amount);
  return out;
}
