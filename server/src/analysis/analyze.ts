// The document states in one place: text → parsed → deal models → totals → diagnostics.
// Callers (CLI, language server, tests) analyse once per text version and read from this.
import type { Deal, Span } from '../language/ast';
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
  return assembleDocument(parsed, parsed.file.deals.map(analyzeDeal));
}

/** Each deal's own diagnostics, kept so an edit elsewhere in the file can reuse them. */
const dealDiagnostics = new WeakMap<AnalyzedDeal, DealDiagnostic[]>();

/** One deal's model, totals and diagnostics. */
export function analyzeDeal(deal: Deal): AnalyzedDeal {
  const model = buildDealModel(deal);
  const analyzed = { model, totals: rollupDeal(model) };
  dealDiagnostics.set(analyzed, checkDeal(analyzed.model, analyzed.totals));
  return analyzed;
}

/** The diagnostics `analyzeDeal` found in a deal (undefined for a deal it did not analyse). */
export function diagnosticsOfDeal(deal: AnalyzedDeal): DealDiagnostic[] | undefined {
  return dealDiagnostics.get(deal);
}

/** Records a deal's diagnostics (a deal moved in the text keeps its findings, moved too). */
export function setDiagnosticsOfDeal(deal: AnalyzedDeal, diagnostics: DealDiagnostic[]): void {
  dealDiagnostics.set(deal, diagnostics);
}

/** The document from its parse and its analysed deals: syntax errors, file-wide checks and
 * each deal's diagnostics, in text order. */
export function assembleDocument(parsed: ParsedDealFile, deals: AnalyzedDeal[]): AnalyzedDocument {
  const diagnostics: DealDiagnostic[] = parsed.syntaxErrors.map((e) => ({
    code: 'syntax-error', severity: 'error', message: e.message, span: e.span,
  }));
  for (const d of checkFile(parsed.file)) diagnostics.push(d);
  for (const deal of deals) for (const d of dealDiagnostics.get(deal) ?? []) diagnostics.push(d);
  diagnostics.sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end);
  return { text: parsed.text, parsed, deals, diagnostics, lines: new LineMap(parsed.text) };
}

/** The deal whose text contains an offset. */
export function dealAt(document: AnalyzedDocument, offset: number): AnalyzedDeal | undefined {
  return document.deals.find((d) => contains(d.model.deal.span, offset));
}

export function contains(span: Span, offset: number): boolean {
  return offset >= span.start && offset <= span.end;
}
