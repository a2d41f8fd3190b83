// The document states in one place: text → parsed → deal models → totals → diagnostics.
// Callers (CLI, language server, tests) analyse once per text version and read from this.
import type { Span } from '../language/ast';
import { LineMap } from '../language/line-map';
import { parseDealText, type ParsedDealFile } from '../language/parse';
import { buildDealModel, type DealModel } from './deal-model';
import type { DealDiagnostic } from './diagnostic';
import { checkDeal, checkFile } from './diagnostics';
import { rollupDeal, type DealTotals } from './totals';

export interface AnalyzedDeal {
  model: DealModel;
  totals: DealTotals;
}

export interface AnalyzedDocument {
  text: string;
  parsed: ParsedDealFile;
  deals: AnalyzedDeal[];
  diagnostics: DealDiagnostic[];
  lines: LineMap;
}

export function analyzeDealText(text: string): AnalyzedDocument {
  const parsed = parseDealText(text);
  const deals = parsed.file.deals.map((deal) => {
    const model = buildDealModel(deal);
    return { model, totals: rollupDeal(model) };
  });
  const diagnostics: DealDiagnostic[] = parsed.syntaxErrors.map((e) => ({
    code: 'syntax-error', severity: 'error', message: e.message, span: e.span,
  }));
  diagnostics.push(...checkFile(parsed.file));
  for (const deal of deals) diagnostics.push(...checkDeal(deal.model, deal.totals));
  diagnostics.sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end);
  return { text, parsed, deals, diagnostics, lines: new LineMap(text) };
}

/** The deal whose text contains an offset. */
export function dealAt(document: AnalyzedDocument, offset: number): AnalyzedDeal | undefined {
  return document.deals.find((d) => contains(d.model.deal.span, offset));
}

export function contains(span: Span, offset: number): boolean {
  return offset >= span.start && offset <= span.end;
}
