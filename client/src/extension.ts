// The VS Code side of Deal Terms: starts the language server and wires the commands. Every
// figure and check comes from the server; nothing here knows the language.
import * as path from 'node:path';
import * as vscode from 'vscode';
import { TransportKind, type LanguageClient, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { DealLanguageClient } from './deal-client';
import { DealsTree } from './deals-tree';
import { DealPreview, previewViewType } from './deal-preview';
import { exportDeal, type ExportOptions } from './export-command';
import { PortfolioChanges } from './portfolio-changes';
import { PortfolioPanel, portfolioViewType } from './portfolio-panel';
import { showRollup } from './rollup-command';
import { HeadlineStatus } from './status-headline';

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const serverModule = context.asAbsolutePath(path.join('dist', 'server.js'));
  // Over standard input and output, as other editors run it: the server writes its messages
  // itself there (keeping the JSON of what an answer repeats from the answer before), while
  // Node's IPC channel would write every message whole again.
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.stdio },
    debug: { module: serverModule, transport: TransportKind.stdio, options: { execArgv: ['--nolazy', '--inspect=6009'] } },
  };
  // The server's portfolio index follows .deal files changed on disk (workspace/didChangeWatchedFiles).
  const dealFiles = vscode.workspace.createFileSystemWatcher('**/*.deal');
  const clientOptions: LanguageClientOptions = {
    documentSelector: [{ language: 'deal' }],
    synchronize: { fileEvents: dealFiles },
  };
  // The id `deal` makes the `deal.trace.server` setting trace the protocol.
  client = new DealLanguageClient('deal', 'Deal Terms', serverOptions, clientOptions);
  const started = client.start();

  const preview = new DealPreview(client, started);
  const changes = new PortfolioChanges(client, dealFiles);
  const deals = new DealsTree(client, started, changes);
  const portfolio = new PortfolioPanel(client, started, changes);
  context.subscriptions.push(
    dealFiles, changes, deals, portfolio,
    vscode.window.registerTreeDataProvider('deal.deals', deals),
    vscode.commands.registerCommand('deal.showPortfolio', () => portfolio.show()),
    // After a window reload, the preview and the portfolio page come back as they were.
    vscode.window.registerWebviewPanelSerializer(previewViewType, { deserializeWebviewPanel: (panel, state) => preview.restore(panel, state) }),
    vscode.window.registerWebviewPanelSerializer(portfolioViewType, { deserializeWebviewPanel: (panel) => portfolio.restore(panel) }),
    vscode.commands.registerCommand('deal.refreshDeals', () => deals.refresh()),
    preview,
    new HeadlineStatus(client, started),
    vscode.commands.registerCommand('deal.showPreview', (uri?: vscode.Uri) => preview.show(uri, false)),
    vscode.commands.registerCommand('deal.showPreviewToSide', (uri?: vscode.Uri) => preview.show(uri, true)),
    vscode.commands.registerCommand('deal.showRollup', (uri?: string | vscode.Uri, scenario?: unknown) => showRollup(client!, started, preview, uri, scenario)),
    vscode.commands.registerCommand('deal.togglePreviewLock', () => preview.toggleLock()),
    vscode.commands.registerCommand('deal.export', (uri?: vscode.Uri, options?: ExportOptions) => exportDeal(client!, started, uri, options)),
  );
  try {
    await started;
  } catch (error) {
    void vscode.window.showErrorMessage(`Deal Terms: the language server did not start (${error instanceof Error ? error.message : error}).`);
  }
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
