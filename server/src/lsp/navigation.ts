// Definition, references, document highlights and rename: names and where they are used.
import {
  DocumentHighlightKind, LSPErrorCodes, ResponseError, type Connection, type DocumentHighlight, type Location,
  type Range, type WorkspaceEdit,
} from './language-server-library';
import { findDefinition } from '../features/definition';
import { findHighlights, findReferences } from '../features/references';
import { prepareRename, renameSymbol } from '../features/rename';
import type { DealDocuments } from './document-cache';
import { runSafe } from './run-safe';
import { toOffset, toRange, toTextEdits } from './spans';

/** A refused rename: a request that failed for a reason the editor shows as it is, not a
 * malformed request and not a fault of the server (nothing is logged). */
const refused = (reason: string) => new ResponseError<void>(LSPErrorCodes.RequestFailed, reason);

export function registerNavigation(connection: Connection, documents: DealDocuments): void {
  const analysed = (uri: string) => documents.analysisByUri(uri);

  connection.onDefinition((params, token) => runSafe<Location | null>(connection, 'Go to definition', token, null, () => {
    const analysis = analysed(params.textDocument.uri);
    const found = analysis && findDefinition(analysis, toOffset(analysis, params.position));
    return found ? { uri: params.textDocument.uri, range: toRange(analysis, found.span) } : null;
  }));

  connection.onReferences((params, token) => runSafe<Location[]>(connection, 'Find references', token, [], () => {
    const analysis = analysed(params.textDocument.uri);
    if (!analysis) return [];
    return findReferences(analysis, toOffset(analysis, params.position), { includeDeclaration: params.context.includeDeclaration })
      .map((r) => ({ uri: params.textDocument.uri, range: toRange(analysis, r.span) }));
  }));

  connection.onDocumentHighlight((params, token) => runSafe<DocumentHighlight[]>(connection, 'Highlights', token, [], () => {
    const analysis = analysed(params.textDocument.uri);
    if (!analysis) return [];
    return findHighlights(analysis, toOffset(analysis, params.position)).map((h) => ({
      range: toRange(analysis, h.span),
      kind: h.kind === 'write' ? DocumentHighlightKind.Write : DocumentHighlightKind.Read,
    }));
  }));

  connection.onPrepareRename((params, token) => runSafe<{ range: Range; placeholder: string } | ResponseError<void> | null>(connection, 'Rename', token, null, () => {
    const analysis = analysed(params.textDocument.uri);
    if (!analysis) return null;
    const result = prepareRename(analysis, toOffset(analysis, params.position));
    if ('error' in result) return refused(result.error);
    return { range: toRange(analysis, result.span), placeholder: result.placeholder };
  }));

  connection.onRenameRequest((params, token) => runSafe<WorkspaceEdit | ResponseError<void> | null>(connection, 'Rename', token, null, () => {
    const analysis = analysed(params.textDocument.uri);
    if (!analysis) return null;
    const result = renameSymbol(analysis, toOffset(analysis, params.position), params.newName);
    if ('error' in result) return refused(result.error);
    return { changes: { [params.textDocument.uri]: toTextEdits(analysis, result.edits) } };
  }));
}
