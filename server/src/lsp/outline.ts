// The shape of a file: outline (document symbols), folding ranges and selection ranges.
// (Workspace symbols, over the whole workspace, are in workspace-symbols.ts.)
import {
  FoldingRangeKind, SymbolKind, type Connection, type DocumentSymbol, type FoldingRange,
  type SelectionRange,
} from './language-server-library';
import type { AnalyzedDocument } from '../document/analyze';
import { findDocumentSymbols, type DealDocumentSymbol, type OutlineKind } from '../features/document-symbols';
import { findFoldingRanges } from '../features/folding';
import { findSelectionRanges } from '../features/selection-ranges';
import { keepingJson } from './json-into-buffer';
import type { DealDocuments } from './document-cache';
import { runSafe } from './run-safe';
import { isRangeOf, toOffset, toRange } from './spans';

const symbolKinds: Record<OutlineKind, SymbolKind> = {
  deal: SymbolKind.Namespace, party: SymbolKind.Class, stage: SymbolKind.EnumMember, license: SymbolKind.Interface,
  payments: SymbolKind.Module, payment: SymbolKind.Variable, group: SymbolKind.Struct, option: SymbolKind.Function,
  scenario: SymbolKind.Event, currency: SymbolKind.Constant, program: SymbolKind.Package, costs: SymbolKind.Array,
};

/** A symbol for the protocol. A leaf has no `children` (the protocol's field is optional): an
 * outline is mostly leaves, and a long deal's outline is megabytes the editor reads per keystroke. */
export function toDocumentSymbol(analysis: AnalyzedDocument, symbol: DealDocumentSymbol): DocumentSymbol {
  const convert = (child: DealDocumentSymbol): DocumentSymbol => toProtocol(analysis, child, convert);
  return convert(symbol);
}

function toProtocol(analysis: AnalyzedDocument, symbol: DealDocumentSymbol, convertChild: (child: DealDocumentSymbol) => DocumentSymbol): DocumentSymbol {
  const { name, detail } = symbol;
  const kind = symbolKinds[symbol.kind];
  const range = toRange(analysis, symbol.span);
  const selectionRange = toRange(analysis, symbol.selectionSpan);
  const result: DocumentSymbol = detail ? { name, detail, kind, range, selectionRange } : { name, kind, range, selectionRange };
  if (symbol.children.length) result.children = keepingJson(symbol.children.map(convertChild));
  return result;
}

/** Each symbol of the core's outline as it went to the editor, kept from one answer for the next. */
export type ConvertedSymbols = ReadonlyMap<DealDocumentSymbol, DocumentSymbol>;

/** The outline for the protocol, taking over from the answer before (`earlier`) every symbol the
 * core kept (the same object: the same payment, its text untouched, so the same name, detail and
 * children) that starts and ends where it did: after a keystroke in a long deal that is every
 * payment but the edited one, unless the keystroke added or removed a line. */
export function outlineForProtocol(analysis: AnalyzedDocument, earlier?: ConvertedSymbols): { outline: DocumentSymbol[]; converted: ConvertedSymbols } {
  const converted = new Map<DealDocumentSymbol, DocumentSymbol>();
  const convert = (symbol: DealDocumentSymbol): DocumentSymbol => {
    const before = earlier?.get(symbol);
    const stands = before && isRangeOf(analysis, symbol.span, before.range) && isRangeOf(analysis, symbol.selectionSpan, before.selectionRange);
    const result = stands ? before : toProtocol(analysis, symbol, convert);
    converted.set(symbol, result);
    return result;
  };
  return { outline: keepingJson(findDocumentSymbols(analysis).map(convert)), converted };
}

export function registerOutline(connection: Connection, documents: DealDocuments): void {
  const answered = new Map<string, ConvertedSymbols>();
  documents.documents.onDidClose((event) => answered.delete(event.document.uri));
  connection.onDocumentSymbol((params, token) => runSafe<DocumentSymbol[]>(connection, 'Outline', token, [], () => {
    const uri = params.textDocument.uri;
    const analysis = documents.analysisByUri(uri);
    if (!analysis) return [];
    const { outline, converted } = outlineForProtocol(analysis, answered.get(uri));
    answered.set(uri, converted);
    return outline;
  }));

  connection.onFoldingRanges((params, token) => runSafe<FoldingRange[]>(connection, 'Folding', token, [], () => {
    const analysis = documents.analysisByUri(params.textDocument.uri);
    if (!analysis) return [];
    return findFoldingRanges(analysis).map((r) => ({
      startLine: r.startLine, endLine: r.endLine, kind: r.kind === 'comment' ? FoldingRangeKind.Comment : FoldingRangeKind.Region,
    }));
  }));

  connection.onSelectionRanges((params, token) => runSafe<SelectionRange[]>(connection, 'Selection ranges', token, [], () => {
    const analysis = documents.analysisByUri(params.textDocument.uri);
    if (!analysis) return [];
    return params.positions.map((position) => {
      const spans = findSelectionRanges(analysis, toOffset(analysis, position));
      let parent: SelectionRange | undefined;
      for (const span of [...spans].reverse()) parent = { range: toRange(analysis, span), ...(parent ? { parent } : {}) };
      return parent ?? { range: { start: position, end: position } };
    });
  }));
}
