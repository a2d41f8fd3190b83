// The language server: capabilities and the handlers, one small module per feature.
import { TextDocumentSyncKind, type Connection, type InitializeResult } from './language-server-library';
import { PortfolioIndex } from '../workspace/portfolio-index';
import { noActivity, type EditorActivity } from './activity';
import { registerDiagnostics } from './diagnostics';
import { DealDocuments } from './document-cache';
import { registerHeadlines } from './headlines';
import { registerHover } from './hover';
import { intelligenceCapabilities, registerIntelligence } from './intelligence';
import { registerPortfolio } from './portfolio';
import { registerRender } from './render';
import { registerScenarios } from './scenarios';
import { registerWorkspaceIndex, workspaceFolderPaths } from './workspace';
import { registerWorkspaceSymbols } from './workspace-symbols';

/** `activity` tells what the editor has sent that is not yet handled (see activity.ts). */
export function startDealServer(connection: Connection, activity: EditorActivity = noActivity): void {
  const documents = new DealDocuments();
  const workspace = new PortfolioIndex();
  let folders: string[] = [];
  const intelligence = registerIntelligence(connection, documents);

  connection.onInitialize((params): InitializeResult => {
    folders = workspaceFolderPaths(params);
    intelligence.useClientCapabilities(params.capabilities);
    return {
      capabilities: {
        // Incremental: a keystroke in a long portfolio file sends the keystroke, not the file.
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
        hoverProvider: true,
        ...intelligenceCapabilities,
      },
      serverInfo: { name: 'deal-language-server' },
    };
  });

  registerDiagnostics(connection, documents, activity);
  registerHover(connection, documents);
  registerRender(connection, documents);
  registerScenarios(connection, documents);
  registerHeadlines(connection, documents);
  registerWorkspaceIndex(connection, workspace, () => folders);
  registerPortfolio(connection, documents, workspace, () => folders);
  registerWorkspaceSymbols(connection, documents, workspace, () => folders);

  documents.documents.listen(connection);
  connection.listen();
}
