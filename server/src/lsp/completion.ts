// textDocument/completion: keywords the grammar allows at the cursor, names by context, snippets.
import { CompletionItemKind, InsertTextFormat, MarkupKind, type CompletionItem, type Connection } from './language-server-library';
import { doComplete, type CompletionKind } from '../features/completion';
import type { DealDocuments } from './document-cache';
import { runSafe } from './run-safe';
import { toOffset, toRange } from './spans';

const kinds: Record<CompletionKind, CompletionItemKind> = {
  keyword: CompletionItemKind.Keyword, party: CompletionItemKind.Class, stage: CompletionItemKind.EnumMember,
  payment: CompletionItemKind.Variable, group: CompletionItemKind.Struct, option: CompletionItemKind.Function,
  currency: CompletionItemKind.Unit, role: CompletionItemKind.Value, territory: CompletionItemKind.Value,
  measure: CompletionItemKind.Value, snippet: CompletionItemKind.Snippet, program: CompletionItemKind.Module,
};

export function registerCompletion(connection: Connection, documents: DealDocuments): void {
  connection.onCompletion((params, token) => runSafe<CompletionItem[]>(connection, 'Completion', token, [], () => {
    const analysis = documents.analysisByUri(params.textDocument.uri);
    if (!analysis) return [];
    return doComplete(analysis, toOffset(analysis, params.position)).map((item) => ({
      label: item.label,
      kind: kinds[item.kind],
      ...(item.detail ? { detail: item.detail } : {}),
      sortText: item.sortText,
      documentation: { kind: MarkupKind.Markdown, value: item.documentation },
      textEdit: { range: toRange(analysis, item.span), newText: item.insertText },
      insertTextFormat: item.snippet ? InsertTextFormat.Snippet : InsertTextFormat.PlainText,
    }));
  }));
}
