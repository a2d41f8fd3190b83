// The document states in one place: text → parsed → deal models → totals → diagnostics.
// Callers (CLI, language server, tests) analyse once per text version and read from this; what
// features derive from a deal is kept on it (`dealFacet`), what they derive from the whole
// document on the document (`documentFacet`).
import type { Deal, Span } from '../language/ast';
import { LineMap } from '../language/line-map';
import { hasUnusualCharacter } from '../language/unusual-characters';
import { parseDealText, type ParsedDealFile } from '../language/parse';
import { buildDealModel, type DealModel } from '../model/deal-model';
import { keptFromPayments } from '../model/after-edit';
import { FacetStore } from '../model/facets';
import type { DealDiagnostic } from '../model/diagnostic';
import { checkDeal, checkFile, type TermFindings } from '../checks';
import { carryShownModel } from '../model/shown-figures';
import { rollupDeal, type DealTotals } from '../model/totals';
import { spliceDealTokens, type TermTokens } from './deal-tokens';

export interface AnalyzedDeal {
  model: DealModel;
  totals: DealTotals;
  /** The deal's own findings (file-wide ones and syntax errors are the document's). */
  diagnostics: DealDiagnostic[];
  /** The deal's text, from its first character to its closing brace. */
  source: string;
  /** What the checks found per term, for the next analysis after an edit inside the deal. */
  findings?: TermFindings;
}

export interface AnalyzedDocument {
  text: string;
  parsed: ParsedDealFile;
  deals: AnalyzedDeal[];
  diagnostics: DealDiagnostic[];
  lines: LineMap;
  /** Whether the text holds a control or invisible character anywhere (checks/characters.ts). */
  unusualCharacters: boolean;
  /** What features derive from the document as a whole: the deals' facets joined. */
  facets: FacetStore;
}

export function analyzeDealText(text: string): AnalyzedDocument {
  const parsed = parseDealText(text);
  return assembleDocument(parsed, parsed.file.deals.map((deal) => analyzeDeal(deal, text.slice(deal.span.start, deal.span.end))));
}

/** One deal's model, totals and diagnostics; `source` is its text. With `reuse`, the deal is an
 * earlier tree of it with one term read again (document/reparse-term.ts): what was derived from
 * the terms it shares is taken over. */
export function analyzeDeal(deal: Deal, source: string, reuse?: { previous: AnalyzedDeal; replaced: Span; tokens?: TermTokens }): AnalyzedDeal {
  const model = buildDealModel(deal, { previous: reuse?.previous.model });
  if (reuse) model.facets.inherit(reuse.previous.model.facets);
  carryShownModel(model, reuse?.previous.model);
  const totals = rollupDeal(model, reuse?.previous.totals);
  const findings: TermFindings = {};
  const diagnostics = checkDeal(model, totals, { previous: reuse?.previous.findings, next: findings });
  // What the checks found per term is kept for long deals only (edits inside one term of a short
  // deal are checked whole quickly): a file of many short deals holds no lists for each. What
  // the caps gave is kept while there is something, so that an unchanged note is the same one.
  const long = (findings.references?.items.values.length ?? 0) >= keptFromPayments;
  const kept: TermFindings | undefined = long ? findings : findings.caps?.values.some(Boolean) ? { caps: findings.caps } : undefined;
  const analyzed: AnalyzedDeal = kept ? { model, totals, diagnostics, source, findings: kept } : { model, totals, diagnostics, source };
  if (reuse?.tokens) spliceDealTokens(reuse.previous, analyzed, reuse.tokens);
  return analyzed;
}

/** The document from its parse and its analysed deals: syntax errors, file-wide checks and
 * each deal's diagnostics, in text order; `afterEdit`: its lines and whether it holds unusual
 * characters, worked out from the previous text's after an edit. */
export function assembleDocument(parsed: ParsedDealFile, deals: AnalyzedDeal[], afterEdit?: { lines: LineMap; unusualCharacters: boolean }): AnalyzedDocument {
  const diagnostics: DealDiagnostic[] = parsed.syntaxErrors.map((e) => ({
    code: 'syntax-error', severity: 'error', message: e.message, span: e.span,
  }));
  const unusualCharacters = afterEdit?.unusualCharacters ?? hasUnusualCharacter(parsed.text);
  for (const d of checkFile(parsed, unusualCharacters)) diagnostics.push(d);
  for (const deal of deals) for (const d of deal.diagnostics) diagnostics.push(d);
  diagnostics.sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end);
  return { text: parsed.text, parsed, deals, diagnostics, lines: afterEdit?.lines ?? new LineMap(parsed.text), unusualCharacters, facets: new FacetStore() };
}

/** A value derived from one analysed deal, kept on it until the deal changes (see model/facets). */
export function dealFacet<T>(compute: (deal: AnalyzedDeal) => T): (deal: AnalyzedDeal) => T {
  const key = {};
  return (deal) => deal.model.facets.get(key, () => compute(deal));
}

/** A value derived from one analysed deal, as `dealFacet`, computed with what the deal's
 * previous analysis derived under the same facet, when the deal was analysed again after an edit
 * inside one of its terms (see FacetStore.inherit): what concerns the terms the edit did not touch
 * can be taken over. */
export function carriedDealFacet<T>(compute: (deal: AnalyzedDeal, earlier: T | undefined) => T): (deal: AnalyzedDeal) => T {
  const key = {};
  return (deal) => deal.model.facets.get(key, () => compute(deal, deal.model.facets.carried<T>(key)));
}

/** A value derived from the whole document, kept for this version of its text. */
export function documentFacet<T>(compute: (document: AnalyzedDocument) => T): (document: AnalyzedDocument) => T {
  const key = {};
  return (document) => document.facets.get(key, () => compute(document));
}

/** The deal whose text contains an offset (deals are in text order: a binary search). */
export function dealAt(document: AnalyzedDocument, offset: number): AnalyzedDeal | undefined {
  const index = dealIndexAt(document, offset);
  return index < 0 ? undefined : document.deals[index];
}

/** The index of the deal whose text contains an offset, or -1. */
export function dealIndexAt(document: AnalyzedDocument, offset: number): number {
  const deals = document.deals;
  let low = 0;
  let high = deals.length - 1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    const span = deals[mid].model.deal.span;
    if (span.end < offset) low = mid + 1;
    else if (span.start > offset) high = mid - 1;
    else {
      // Touching deals (`}deal`): the first one that holds the offset, as a linear search finds.
      let first = mid;
      while (first > 0 && contains(deals[first - 1].model.deal.span, offset)) first--;
      return first;
    }
  }
  return -1;
}

/** The deals whose text overlaps [start, end], in text order. */
export function dealsIn(document: AnalyzedDocument, range: Span): AnalyzedDeal[] {
  return document.deals.filter((d) => d.model.deal.span.end >= range.start && d.model.deal.span.start <= range.end);
}

export function contains(span: Span, offset: number): boolean {
  return offset >= span.start && offset <= span.end;
}
