// The language server: capabilities and the handlers, one small module per feature.
import { TextDocumentSyncKind, type Connection, type InitializeResult } from 'vscode-languageserver/node';
import { registerDiagnostics } from './diagnostics';
import { DealDocuments } from './document-cache';
import { registerHeadlines } from './headlines';
import { registerHover } from './hover';
import { registerRender } from './render';
import { registerScenarios } from './scenarios';

export function startDealServer(connection: Connection): void {
  const documents = new DealDocuments();

  connection.onInitialize((): InitializeResult => ({
    capabilities: {
      textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Full },
      hoverProvider: true,
    },
    serverInfo: { name: 'deal-language-server' },
  }));

  registerDiagnostics(connection, documents);
  registerHover(connection, documents);
  registerRender(connection, documents);
  registerScenarios(connection, documents);
  registerHeadlines(connection, documents);

  documents.documents.listen(connection);
  connection.listen();
}
