// textDocument/codeAction: quick fixes for the diagnostics in the requested range.
import { CodeActionKind, type CodeAction, type Connection } from './language-server-library';
import { findCodeActions } from '../features/code-actions';
import { toLspDiagnostic } from './diagnostics';
import type { DealDocuments } from './document-cache';
import { runSafe } from './run-safe';
import { toSpan, toTextEdits } from './spans';

export function registerCodeActions(connection: Connection, documents: DealDocuments): void {
  connection.onCodeAction((params, token) => runSafe<CodeAction[]>(connection, 'Quick fixes', token, [], () => {
    const only = params.context.only;
    if (only && !only.some((kind) => CodeActionKind.QuickFix.startsWith(kind))) return [];
    const analysis = documents.analysisByUri(params.textDocument.uri);
    if (!analysis) return [];
    return findCodeActions(analysis, toSpan(analysis, params.range)).map((action) => ({
      title: action.title,
      kind: CodeActionKind.QuickFix,
      diagnostics: [toLspDiagnostic(analysis, action.diagnostic)],
      edit: { changes: { [params.textDocument.uri]: toTextEdits(analysis, action.edits) } },
      ...(action.isPreferred ? { isPreferred: true } : {}),
    }));
  }));
}
