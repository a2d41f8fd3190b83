// The VS Code side of Deal Terms: starts the language server and wires the commands. Every
// figure and check comes from the server; nothing here knows the language.
import * as path from 'node:path';
import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { DealPreview } from './deal-preview';
import { exportDeal, type ExportOptions } from './export-command';
import { showRollup } from './rollup-command';
import { HeadlineStatus } from './status-headline';

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const serverModule = context.asAbsolutePath(path.join('dist', 'server.js'));
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc },
    debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6009'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [{ language: 'deal' }],
  };
  // The id `deal` makes the `deal.trace.server` setting trace the protocol.
  client = new LanguageClient('deal', 'Deal Terms', serverOptions, clientOptions);
  const started = client.start();

  const preview = new DealPreview(client, started);
  context.subscriptions.push(
    preview,
    new HeadlineStatus(client, started),
    vscode.commands.registerCommand('deal.showPreview', (uri?: vscode.Uri) => preview.show(uri, false)),
    vscode.commands.registerCommand('deal.showPreviewToSide', (uri?: vscode.Uri) => preview.show(uri, true)),
    vscode.commands.registerCommand('deal.showRollup', () => showRollup(client!, started, preview)),
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
