// Editor intelligence over the protocol: the capabilities it adds and its handlers
// (navigation, completion, outline, semantic tokens, formatting, quick fixes, figures).
import type { ClientCapabilities, Connection, ServerCapabilities } from './language-server-library';
import { registerCodeActions } from './code-actions';
import { registerCompletion } from './completion';
import type { DealDocuments } from './document-cache';
import { registerFigures } from './figures';
import { registerFormatting } from './format';
import { registerNavigation } from './navigation';
import { registerOutline } from './outline';
import { registerSemanticTokens, semanticTokensLegend } from './semantic-tokens';
import { SettingsReader } from './settings';

export const intelligenceCapabilities: ServerCapabilities = {
  definitionProvider: true,
  referencesProvider: true,
  documentHighlightProvider: true,
  renameProvider: { prepareProvider: true },
  completionProvider: { resolveProvider: false },
  documentSymbolProvider: true,
  workspaceSymbolProvider: true,
  foldingRangeProvider: true,
  selectionRangeProvider: true,
  semanticTokensProvider: { legend: semanticTokensLegend, full: { delta: true } },
  documentFormattingProvider: true,
  documentRangeFormattingProvider: true,
  codeActionProvider: { codeActionKinds: ['quickfix'] },
  codeLensProvider: { resolveProvider: true },
  inlayHintProvider: true,
};

/** Registers every handler; call `useClientCapabilities` from `onInitialize`. */
export function registerIntelligence(connection: Connection, documents: DealDocuments): { useClientCapabilities(c: ClientCapabilities): void } {
  const settings = new SettingsReader(connection);
  documents.documents.onDidClose((event) => settings.forget(event.document.uri));
  registerNavigation(connection, documents);
  registerCompletion(connection, documents);
  registerOutline(connection, documents);
  registerSemanticTokens(connection, documents);
  registerFormatting(connection, documents, settings);
  registerCodeActions(connection, documents);
  registerFigures(connection, documents, settings);
  return { useClientCapabilities: (capabilities) => settings.useCapabilities(capabilities) };
}
