// Deal: Show Portfolio Rollup — every deal of the workspace totalled per counterparty and kind,
// in the `deal.rollup.currency`, in a webview beside the editor. The page comes from the server
// (`deal/portfolio`) under the same strict Content-Security-Policy as the preview: styles only
// with this page's nonce, no script. It is re-rendered when a .deal file changes, and comes back
// after a window reload (`restore`, through the webview serializer registered in extension.ts).
import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { portfolioRequestMethod, type PortfolioParams, type PortfolioResult } from '../../server/src/lsp/protocol';
import { problemPage } from './deal-preview';
import { reportingCurrency, type PortfolioChanges } from './portfolio-changes';

export const portfolioViewType = 'deal.portfolio';
const webviewOptions: vscode.WebviewOptions = { enableScripts: false, localResourceRoots: [] };

export class PortfolioPanel implements vscode.Disposable {
  private panel: vscode.WebviewPanel | undefined;
  /** Each render gets a number; an older answer arriving late is dropped. */
  private requested = 0;
  private readonly subscriptions: vscode.Disposable[] = [];

  constructor(private readonly client: LanguageClient, private readonly started: Promise<void>, changes: PortfolioChanges) {
    this.subscriptions.push(changes.onDidChange(() => {
      if (this.panel) void this.render();
    }));
  }

  async show(): Promise<void> {
    if (this.panel) {
      this.panel.reveal(undefined, true);
    } else {
      this.adopt(vscode.window.createWebviewPanel(portfolioViewType, 'Portfolio Rollup', { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true }, {
        ...webviewOptions,
        enableFindWidget: true,
      }));
    }
    await this.render();
  }

  /** Takes over the portfolio page VS Code kept over a window reload, brought up to date. */
  async restore(panel: vscode.WebviewPanel): Promise<void> {
    if (this.panel) {
      panel.dispose();
      return;
    }
    panel.webview.options = webviewOptions;
    this.adopt(panel);
    await this.render();
  }

  private adopt(panel: vscode.WebviewPanel): void {
    this.panel = panel;
    panel.onDidDispose(() => {
      if (this.panel === panel) this.panel = undefined;
    }, null, this.subscriptions);
  }

  private async render(): Promise<void> {
    const panel = this.panel;
    if (!panel) return;
    const ticket = ++this.requested;
    const nonce = randomBytes(16).toString('hex');
    let html: string;
    try {
      await this.started;
      const params: PortfolioParams = { currency: reportingCurrency(), format: 'html', cspNonce: nonce, cspSource: panel.webview.cspSource };
      const result = await this.client.sendRequest<PortfolioResult>(portfolioRequestMethod, params);
      html = result.html ?? problemPage(nonce, 'the server sent no page.', 'The portfolio could not be shown');
    } catch (error) {
      html = problemPage(nonce, error instanceof Error ? error.message : String(error), 'The portfolio could not be shown');
    }
    if (ticket !== this.requested || this.panel !== panel) return;
    panel.webview.html = html;
  }

  dispose(): void {
    this.panel?.dispose();
    for (const d of this.subscriptions) d.dispose();
  }
}
