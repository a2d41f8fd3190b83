// The status bar item for the active .deal file: the headline value of the deal under the
// cursor (`$36.5M`), the full figures in its tooltip; a click opens the payment rollup. The
// server computes the figures (deal/headlines); this only picks the deal and shows it.
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { headlinesRequestMethod, type DealHeadlineSummary, type HeadlinesParams } from '../../server/src/lsp/protocol';

/** Pause after a keystroke before asking again, so typing asks once. */
const typingDelayMs = 300;

export class HeadlineStatus implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('deal.headline', vscode.StatusBarAlignment.Right, 100);
  private headlines: DealHeadlineSummary[] = [];
  private forUri: string | undefined;
  private timer: NodeJS.Timeout | undefined;
  private asked = 0;
  private readonly subscriptions: vscode.Disposable[] = [];

  constructor(private readonly client: LanguageClient, private readonly started: Promise<void>) {
    this.item.name = 'Deal headline value';
    this.item.command = { command: 'deal.showRollup', title: 'Show Payment Rollup' };
    this.subscriptions.push(
      vscode.window.onDidChangeActiveTextEditor(() => this.schedule(0)),
      vscode.workspace.onDidChangeTextDocument((event) => {
        if (event.document === vscode.window.activeTextEditor?.document) this.schedule(typingDelayMs);
      }),
      vscode.window.onDidChangeTextEditorSelection((event) => {
        if (event.textEditor === vscode.window.activeTextEditor) this.show();
      }),
    );
    this.schedule(0);
  }

  private schedule(delay: number): void {
    clearTimeout(this.timer);
    const document = vscode.window.activeTextEditor?.document;
    if (document?.languageId !== 'deal') {
      this.item.hide();
      return;
    }
    this.timer = setTimeout(() => void this.refresh(document), delay);
  }

  private async refresh(document: vscode.TextDocument): Promise<void> {
    const ticket = ++this.asked;
    let headlines: DealHeadlineSummary[];
    try {
      await this.started;
      const params: HeadlinesParams = { uri: document.uri.toString() };
      const answer = await this.client.sendRequest<unknown>(headlinesRequestMethod, params);
      headlines = Array.isArray(answer) ? answer.filter(isHeadline) : [];
    } catch {
      headlines = [];
    }
    if (ticket !== this.asked) return;
    this.headlines = headlines;
    this.forUri = document.uri.toString();
    this.show();
  }

  /** Shows the headline of the deal holding the cursor (the first deal when it is outside all). */
  private show(): void {
    const editor = vscode.window.activeTextEditor;
    if (!editor || editor.document.languageId !== 'deal' || editor.document.uri.toString() !== this.forUri || !this.headlines.length) {
      this.item.hide();
      return;
    }
    const line = editor.selection.active.line;
    const deal = this.headlines.find((h) => h.startLine <= line && line <= h.endLine) ?? this.headlines[0];
    this.item.text = `${deal.errors ? '$(warning)' : '$(graph)'} ${deal.headline}${deal.incomplete ? ' incomplete' : ''}`;
    const tooltip = new vscode.MarkdownString(undefined, true);
    tooltip.appendMarkdown('**').appendText(deal.title).appendMarkdown('**\n\n')
      .appendText(`Headline value ${deal.headlineFull}: committed ${deal.committed} + contingent ${deal.contingent}.`);
    if (deal.incomplete) tooltip.appendMarkdown('\n\n').appendText(`${deal.incomplete}.`);
    else if (deal.errors) tooltip.appendMarkdown('\n\n').appendText(`The file has ${deal.errors} error${deal.errors === 1 ? '' : 's'}: the figures may be incomplete.`);
    if (this.headlines.length > 1) tooltip.appendMarkdown('\n\n').appendText(`${this.headlines.length} deals in this file; this one holds the cursor.`);
    tooltip.appendMarkdown('\n\n').appendText('Click for the payment rollup.');
    this.item.tooltip = tooltip;
    this.item.accessibilityInformation = { label: `Deal headline value ${deal.headlineFull}${deal.incomplete ? `. ${deal.incomplete}` : ''}` };
    this.item.show();
  }

  dispose(): void {
    clearTimeout(this.timer);
    this.item.dispose();
    for (const d of this.subscriptions) d.dispose();
  }
}

function isHeadline(value: unknown): value is DealHeadlineSummary {
  const h = value as DealHeadlineSummary;
  return typeof h === 'object' && h !== null && typeof h.headline === 'string' && typeof h.title === 'string'
    && Number.isInteger(h.startLine) && Number.isInteger(h.endLine) && Number.isInteger(h.errors)
    && (h.incomplete === undefined || typeof h.incomplete === 'string');
}
