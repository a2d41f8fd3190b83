// When the portfolio may have changed: a .deal file edited, created, changed or deleted on disk,
// or the server done indexing the workspace. One event, a moment after the last of a burst, so
// the Deals view and the portfolio page ask the server once however fast the user types.
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { workspaceIndexedMethod } from '../../server/src/lsp/protocol';

const settleMs = 400;

export class PortfolioChanges implements vscode.Disposable {
  private readonly emitter = new vscode.EventEmitter<void>();
  readonly onDidChange = this.emitter.event;
  private timer: NodeJS.Timeout | undefined;
  private readonly subscriptions: vscode.Disposable[] = [this.emitter];

  constructor(client: LanguageClient, watcher: vscode.FileSystemWatcher) {
    const changed = () => this.schedule();
    this.subscriptions.push(
      watcher.onDidCreate(changed), watcher.onDidChange(changed), watcher.onDidDelete(changed),
      vscode.workspace.onDidChangeTextDocument((event) => {
        if (event.document.languageId === 'deal' && event.contentChanges.length > 0) changed();
      }),
      vscode.workspace.onDidCloseTextDocument((document) => {
        if (document.languageId === 'deal') changed();
      }),
      vscode.workspace.onDidChangeConfiguration((event) => {
        if (event.affectsConfiguration('deal.rollup.currency')) changed();
      }),
      client.onNotification(workspaceIndexedMethod, changed),
    );
  }

  private schedule(): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.emitter.fire(), settleMs);
  }

  dispose(): void {
    clearTimeout(this.timer);
    for (const d of this.subscriptions) d.dispose();
  }
}

/** The `deal.rollup.currency` setting, as the server expects it. */
export function reportingCurrency(): string {
  return vscode.workspace.getConfiguration('deal').get<string>('rollup.currency') || 'USD';
}
