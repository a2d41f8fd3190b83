// The headline of each deal in a file, as the editor's status bar shows it: the short figure
// (`$36.5M`), the full one for the tooltip, and the lines the deal spans so the editor can pick
// the deal under the cursor.
import type { AnalyzedDocument } from '../document/analyze';
import { formatMoney, formatShort } from '../model/money';
// the deal under the cursor. The title shows control and invisible characters as marks.
import { visibleText } from '../language/unusual-characters';
import { shownDeal } from '../model/shown-figures';
import { incompleteFigures } from './incomplete-figures';

export interface DealHeadline {
  deal: string;
  title: string;
  currency: string;
  /** `$36.5M` */
  headline: string;
  /** `$36,500,000 ($36.5M)` */
  headlineFull: string;
  committed: string;
  contingent: string;
  /** 0-based lines of the deal block, inclusive. */
  startLine: number;
  endLine: number;
  /** Errors in the file: the figures may be incomplete. */
  errors: number;
  /** While the deal itself has errors: `Figures incomplete: 1 error in the deal — $36.5M paid
   * by 'Biotets', not a party`. */
  incomplete?: string;
}

export function dealHeadlines(document: AnalyzedDocument): DealHeadline[] {
  const errors = document.diagnostics.filter((d) => d.severity === 'error').length;
  return document.deals.map((analyzed) => {
    const { model, totals } = shownDeal(analyzed);
    const deal = model.deal;
    const incomplete = incompleteFigures(document, analyzed);
    return {
      deal: deal.name.text,
      title: visibleText(deal.title?.value || deal.name.text),
      currency: model.currency,
      headline: formatShort(totals.headline, model.currency),
      headlineFull: formatMoney(totals.headline, model.currency),
      committed: formatMoney(totals.committed, model.currency),
      contingent: formatMoney(totals.contingent, model.currency),
      startLine: document.lines.positionAt(deal.span.start).line,
      endLine: document.lines.positionAt(deal.span.end).line,
      errors,
      ...(incomplete ? { incomplete } : {}),
    };
  });
}
