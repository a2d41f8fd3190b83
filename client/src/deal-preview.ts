// The term-sheet preview: one webview panel showing the HTML the language server renders for
// the previewed .deal file. It re-renders a moment after each change and swaps the new sheet in
// without a reload (see preview-script.ts), follows the active .deal editor unless locked, and
// reveals a row's source line when it is clicked. A scenario's rollup opens at that scenario.
// After a window reload the preview comes back showing the same file (`restore`, through the
// webview serializer registered in extension.ts). The server writes a strict
// Content-Security-Policy with the nonce given here and escapes every string from the file.
import { randomBytes } from 'node:crypto';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { renderRequestMethod, type RenderParams } from '../../server/src/lsp/protocol';
import { scenarioAnchor } from '../../server/src/exports/anchors';
import { parsePreviewMessage, parsePreviewState, withPreviewScript } from './preview-script';

export const previewViewType = 'deal.preview';
/** Pause after a keystroke before re-rendering, so fast typing renders once. */
const typingDelayMs = 250;
const lockedContext = 'deal.previewLocked';

export class DealPreview implements vscode.Disposable {
  private panel: vscode.WebviewPanel | undefined;
  private document: vscode.TextDocument | undefined;
  private scenario: string | undefined;
  /** One opening of the preview (see PreviewState.view): a new one starts at its scenario. */
  private view = '';
  private opened = 0;
  private locked = false;
  private timer: NodeJS.Timeout | undefined;
  /** Each render gets a number; an answer for an older one than the last shown is dropped. */
  private requested = 0;
  private shown = 0;
  /** The nonce of the page loaded in the webview; updates reuse it so its policy admits them. */
  private nonce = '';
  /** The page's script said it is listening: updates can be posted instead of reloading. */
  private ready = false;
  /** The newest page, kept to reload a webview that was hidden while updates came. */
  private latest: string | undefined;
  private stale = false;
  private readonly subscriptions: vscode.Disposable[] = [];

  constructor(private readonly client: LanguageClient, private readonly started: Promise<void>) {
    this.subscriptions.push(
      vscode.workspace.onDidChangeTextDocument((event) => {
        if (event.document === this.document) this.scheduleRender(typingDelayMs);
      }),
      vscode.window.onDidChangeActiveTextEditor((editor) => {
        if (this.panel && !this.locked && editor?.document.languageId === 'deal' && editor.document !== this.document) {
          this.follow(editor.document, undefined);
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
    // Asked for a scenario, the preview opens at it, even when it shows that file already.
    const again = document === this.document && scenario === this.scenario && scenario === undefined;
    this.follow(document, scenario);
    if (!again) this.newView();
    const column = toSide ? vscode.ViewColumn.Beside : vscode.ViewColumn.Active;
    if (this.panel) this.panel.reveal(column, toSide);
    else this.panel = this.createPanel(column, toSide);
    await this.render();
  }

  /** Takes over a preview VS Code kept over a window reload, showing the file it showed. */
  async restore(panel: vscode.WebviewPanel, state: unknown): Promise<void> {
    if (this.panel) {
      // One preview at a time: the one opened meanwhile stays.
      panel.dispose();
      return;
    }
    panel.webview.options = webviewOptions;
    this.panel = this.adopt(panel);
    const saved = parsePreviewState(state);
    let document: vscode.TextDocument | undefined;
    let reason = 'the preview did not keep which file it showed.';
    if (saved) {
      try {
        document = await vscode.workspace.openTextDocument(vscode.Uri.parse(saved.source, true));
      } catch (error) {
        reason = `${saved.source} could not be opened (${error instanceof Error ? error.message : error}).`;
      }
    }
    if (this.panel !== panel) return;
    if (!document || document.languageId !== 'deal') {
      panel.title = 'Preview';
      this.load(panel, problemPage(randomBytes(16).toString('hex'), document ? `${path.basename(document.uri.path)} is not a .deal file.` : reason));
      return;
    }
    this.follow(document, saved?.scenario);
    // The same view as before the reload: the page keeps its scroll position.
    this.view = saved?.view ?? this.view;
    await this.render();
  }

  private newView(): void {
    this.ready = false;
    this.view = `${Date.now().toString(36)}-${++this.opened}`;
  }

  /** Locked, the preview keeps its file whichever editor is active. */
  toggleLock(): void {
    this.locked = !this.locked;
    void vscode.commands.executeCommand('setContext', lockedContext, this.locked);
    if (!this.panel) return;
    this.panel.title = this.title();
    // Unlocked, it catches up with the editor in front, as it would have followed it.
    const active = vscode.window.activeTextEditor?.document;
    if (!this.locked && active?.languageId === 'deal' && active !== this.document) {
      this.follow(active, undefined);
      this.scheduleRender(0);
    }
  }

  private follow(document: vscode.TextDocument, scenario: string | undefined): void {
    // Another file starts at its top: a full page load, not an in-place update.
    if (document !== this.document) this.ready = false;
    this.document = document;
    this.scenario = scenario;
  }

  private createPanel(column: vscode.ViewColumn, toSide: boolean): vscode.WebviewPanel {
    return this.adopt(vscode.window.createWebviewPanel(previewViewType, this.title(), { viewColumn: column, preserveFocus: toSide }, {
      ...webviewOptions,
      enableFindWidget: true,
    }));
  }

  private adopt(panel: vscode.WebviewPanel): vscode.WebviewPanel {
    panel.webview.onDidReceiveMessage((value: unknown) => {
      const message = parsePreviewMessage(value);
      if (message?.type === 'ready') this.ready = true;
      else if (message?.type === 'reveal') void this.reveal(message.line);
    }, null, this.subscriptions);
    panel.onDidChangeViewState(() => {
      // A hidden webview is discarded and reloads its last full page: bring that page up to date.
      if (panel.visible && this.stale && this.latest) this.load(panel, this.latest);
    }, null, this.subscriptions);
    panel.onDidDispose(() => {
      this.panel = undefined;
      this.ready = false;
      clearTimeout(this.timer);
    }, null, this.subscriptions);
    return panel;
  }

  private title(): string {
    const name = this.document ? path.basename(this.document.uri.path) : 'Deal';
    const base = this.scenario ? `Preview ${name} · ${this.scenario}` : `Preview ${name}`;
    return this.locked ? `${base} (locked)` : base;
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
    const reload = !this.ready;
    const nonce = reload ? randomBytes(16).toString('hex') : this.nonce;
    let html: string;
    try {
      await this.started;
      const params: RenderParams = {
        uri: document.uri.toString(), format: 'html', scenario: this.scenario, cspNonce: nonce, cspSource: panel.webview.cspSource, sourceLinks: true,
      };
      html = await this.client.sendRequest<string>(renderRequestMethod, params);
    } catch (error) {
      html = problemPage(nonce, error instanceof Error ? error.message : String(error));
    }
    // A slower, older render must not overwrite a newer one; the panel may have closed meanwhile.
    if (ticket < this.shown || this.panel !== panel || this.document !== document) return;
    this.shown = ticket;
    panel.title = this.title();
    const page = withPreviewScript(html, nonce, document.uri.toString(), {
      scenario: this.scenario, anchor: this.scenario && scenarioAnchor(this.scenario), view: this.view,
    });
    if (reload || !this.ready) {
      this.nonce = nonce;
      this.load(panel, page);
    } else if (panel.visible) {
      this.latest = page;
      void panel.webview.postMessage({ type: 'update', html });
    } else {
      this.latest = page;
      this.stale = true;
    }
  }

  private load(panel: vscode.WebviewPanel, page: string): void {
    this.ready = false;
    this.latest = page;
    this.stale = false;
    panel.webview.html = page;
  }

  /** Shows the previewed file with the cursor at the start of `line`, beside the preview. */
  private async reveal(line: number): Promise<void> {
    const document = this.document;
    if (!document || document.isClosed || line >= document.lineCount) return;
    const visible = vscode.window.visibleTextEditors.find((e) => e.document === document);
    const editor = await vscode.window.showTextDocument(document, { viewColumn: visible?.viewColumn ?? vscode.ViewColumn.One });
    const at = new vscode.Position(line, document.lineAt(line).firstNonWhitespaceCharacterIndex);
    editor.selection = new vscode.Selection(at, at);
    editor.revealRange(new vscode.Range(at, at), vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  }

  dispose(): void {
    clearTimeout(this.timer);
    this.panel?.dispose();
    for (const d of this.subscriptions) d.dispose();
  }
}

const webviewOptions: vscode.WebviewOptions = { enableScripts: true, localResourceRoots: [] };

/** Shown when the server cannot render: the reason, escaped, under the same strict policy. */
export function problemPage(nonce: string, message: string, what = 'The preview could not be shown'): string {
  const escaped = message.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
  return `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'nonce-${nonce}'; script-src 'nonce-${nonce}';">
<style nonce="${nonce}">body { color: var(--vscode-foreground); font-family: var(--vscode-font-family); padding: 1em; }
.problem { color: var(--vscode-errorForeground); }</style></head>
<body><main><p class="problem">${what}: ${escaped}</p></main></body></html>`;
}
