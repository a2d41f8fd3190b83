// The shape of a file: outline (document symbols), folding ranges and selection ranges.
// (Workspace symbols, over the whole workspace, are in workspace-symbols.ts.)
import {
  FoldingRangeKind, SymbolKind, type Connection, type DocumentSymbol, type FoldingRange,
  type SelectionRange,
} from 'vscode-languageserver/node';
import type { AnalyzedDocument } from '../document/analyze';
import { findDocumentSymbols, type DealDocumentSymbol, type OutlineKind } from '../features/document-symbols';
import { findFoldingRanges } from '../features/folding';
import { findSelectionRanges } from '../features/selection-ranges';
import type { DealDocuments } from './document-cache';
import { runSafe } from './run-safe';
import { toOffset, toRange } from './spans';

const symbolKinds: Record<OutlineKind, SymbolKind> = {
  deal: SymbolKind.Namespace, party: SymbolKind.Class, stage: SymbolKind.EnumMember, license: SymbolKind.Interface,
  payments: SymbolKind.Module, payment: SymbolKind.Variable, group: SymbolKind.Struct, option: SymbolKind.Function,
  scenario: SymbolKind.Event, currency: SymbolKind.Constant, program: SymbolKind.Package, costs: SymbolKind.Array,
};

/** A symbol for the protocol. A leaf has no `children` (the protocol's field is optional): an
 * outline is mostly leaves, and a long deal's outline is megabytes the editor reads per keystroke. */
export function toDocumentSymbol(analysis: AnalyzedDocument, symbol: DealDocumentSymbol): DocumentSymbol {
  const result: DocumentSymbol = {
    name: symbol.name,
    ...(symbol.detail ? { detail: symbol.detail } : {}),
    kind: symbolKinds[symbol.kind],
    range: toRange(analysis, symbol.span),
    selectionRange: toRange(analysis, symbol.selectionSpan),
  };
  if (symbol.children.length) result.children = symbol.children.map((child) => toDocumentSymbol(analysis, child));
  return result;
}

export function registerOutline(connection: Connection, documents: DealDocuments): void {
  connection.onDocumentSymbol((params, token) => runSafe<DocumentSymbol[]>(connection, 'Outline', token, [], () => {
    const analysis = documents.analysisByUri(params.textDocument.uri);
    return analysis ? findDocumentSymbols(analysis).map((s) => toDocumentSymbol(analysis, s)) : [];
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
