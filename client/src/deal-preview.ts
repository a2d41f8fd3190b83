// The term-sheet preview: one webview panel showing the HTML the language server renders for
// the previewed .deal file. It re-renders a moment after each change, follows the active .deal
// editor, and runs no scripts; the server writes a strict Content-Security-Policy with the
// nonce given here and escapes every string from the file.
import { randomBytes } from 'node:crypto';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { renderRequestMethod, type RenderParams } from '../../server/src/lsp/protocol';

const viewType = 'deal.preview';
/** Pause after a keystroke before re-rendering, so fast typing renders once. */
const typingDelayMs = 300;

export class DealPreview implements vscode.Disposable {
  private panel: vscode.WebviewPanel | undefined;
  private document: vscode.TextDocument | undefined;
  private scenario: string | undefined;
  private timer: NodeJS.Timeout | undefined;
  /** Each render gets a number; an answer for an older one than the last shown is dropped. */
  private requested = 0;
  private shown = 0;
  private readonly subscriptions: vscode.Disposable[] = [];

  constructor(
    private readonly context: vscode.ExtensionContext,
    private readonly client: LanguageClient,
    private readonly started: Promise<void>,
  ) {
    this.subscriptions.push(
      vscode.workspace.onDidChangeTextDocument((event) => {
        if (event.document === this.document) this.scheduleRender(typingDelayMs);
      }),
      vscode.window.onDidChangeActiveTextEditor((editor) => {
        if (this.panel && editor?.document.languageId === 'deal' && editor.document !== this.document) {
          this.document = editor.document;
          this.scenario = undefined;
          this.scheduleRender(0);
        }
      }),
    );
  }

  /** Opens (or reveals) the preview of a .deal file: the one given, else the active editor's. */
  async show(uri: vscode.Uri | undefined, toSide: boolean, scenario?: string): Promise<void> {
    const document = uri
      ? await vscode.workspace.openTextDocument(uri)
      : vscode.window.activeTextEditor?.document;
    if (!document || document.languageId !== 'deal') {
      void vscode.window.showInformationMessage('Open a .deal file to preview its term sheet.');
      return;
    }
    this.document = document;
    this.scenario = scenario;
    const column = toSide ? vscode.ViewColumn.Beside : vscode.ViewColumn.Active;
    if (this.panel) {
      this.panel.reveal(column, toSide);
    } else {
      this.panel = vscode.window.createWebviewPanel(viewType, this.title(), { viewColumn: column, preserveFocus: toSide }, {
        enableScripts: false,
        enableFindWidget: true,
        localResourceRoots: [],
      });
      this.panel.onDidDispose(() => {
        this.panel = undefined;
        clearTimeout(this.timer);
      }, null, this.subscriptions);
    }
    await this.render();
  }

  private title(): string {
    const name = this.document ? path.basename(this.document.uri.path) : 'Deal';
    return this.scenario ? `Preview ${name} · ${this.scenario}` : `Preview ${name}`;
  }

  private scheduleRender(delay: number): void {
    if (!this.panel) return;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.render(), delay);
  }

  private async render(): Promise<void> {
    const panel = this.panel;
    const document = this.document;
    if (!panel || !document) return;
    const ticket = ++this.requested;
    const nonce = randomBytes(16).toString('hex');
    let html: string;
    try {
      await this.started;
      const params: RenderParams = {
        uri: document.uri.toString(), format: 'html', scenario: this.scenario, cspNonce: nonce, cspSource: panel.webview.cspSource,
      };
      html = await this.client.sendRequest<string>(renderRequestMethod, params);
    } catch (error) {
      html = problemPage(nonce, error instanceof Error ? error.message : String(error));
    }
    // A slower, older render must not overwrite a newer one; the panel may have closed meanwhile.
    if (ticket < this.shown || this.panel !== panel) return;
    this.shown = ticket;
    panel.title = this.title();
    panel.webview.html = html;
  }

  dispose(): void {
    clearTimeout(this.timer);
    this.panel?.dispose();
    for (const d of this.subscriptions) d.dispose();
  }
}

/** Shown when the server cannot render: the reason, escaped, under the same strict policy. */
function problemPage(nonce: string, message: string): string {
  const escaped = message.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
  return `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'nonce-${nonce}';">
<style nonce="${nonce}">body { color: var(--vscode-foreground); font-family: var(--vscode-font-family); padding: 1em; }
.problem { color: var(--vscode-errorForeground); }</style></head>
<body><p class="problem">The preview could not be shown: ${escaped}</p></body></html>`;
}
