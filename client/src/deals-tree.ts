// The Deals view in the Explorer: every deal of the workspace with its headline (the figure
// first, the title and the detail in the tooltip), and under it
// its parties (receives · pays) and payments (amounts). The rows come ready from the server's
// `deal/dealTree`; a click opens the file at the declaration. The view is shown (context
// `deal.hasDeals`) once the workspace has a deal.
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { dealTreeRequestMethod, type DealTreeNode, type DealTreeParams } from '../../server/src/lsp/protocol';
import { treeItemText } from './deal-tree-item';
import { reportingCurrency, type PortfolioChanges } from './portfolio-changes';

const hasDealsContext = 'deal.hasDeals';
const icons: Record<DealTreeNode['kind'], string> = { deal: 'briefcase', party: 'organization', payment: 'credit-card' };

export class DealsTree implements vscode.TreeDataProvider<DealTreeNode>, vscode.Disposable {
  private readonly emitter = new vscode.EventEmitter<void>();
  readonly onDidChangeTreeData = this.emitter.event;
  private nodes: Promise<DealTreeNode[]> | undefined;
  private readonly subscriptions: vscode.Disposable[] = [this.emitter];

  constructor(private readonly client: LanguageClient, private readonly started: Promise<void>, changes: PortfolioChanges) {
    this.subscriptions.push(changes.onDidChange(() => this.refresh()));
    this.refresh();
  }

  /** Asks the server again, then redraws (and shows or hides the view). */
  refresh(): void {
    this.nodes = this.load();
    void this.nodes.then(() => this.emitter.fire());
  }

  private async load(): Promise<DealTreeNode[]> {
    try {
      await this.started;
      const params: DealTreeParams = { currency: reportingCurrency() };
      const nodes = await this.client.sendRequest<DealTreeNode[]>(dealTreeRequestMethod, params);
      void vscode.commands.executeCommand('setContext', hasDealsContext, nodes.length > 0);
      return nodes;
    } catch (error) {
      void vscode.window.showErrorMessage(`Deal Terms: the deals could not be listed (${error instanceof Error ? error.message : error}).`);
      return [];
    }
  }

  async getChildren(node?: DealTreeNode): Promise<DealTreeNode[]> {
    if (node) return node.children ?? [];
    return (await (this.nodes ??= this.load()));
  }

  getTreeItem(node: DealTreeNode): vscode.TreeItem {
    const state = !node.children?.length
      ? vscode.TreeItemCollapsibleState.None
      : vscode.TreeItemCollapsibleState.Collapsed;
    const text = treeItemText(node);
    const item = new vscode.TreeItem(text.label, state);
    item.description = text.description;
    if (text.tooltip) {
      const tooltip = new vscode.MarkdownString();
      text.tooltip.paragraphs.forEach((paragraph, i) => {
        if (i > 0) tooltip.appendMarkdown('\n\n');
        if (i === 0 && text.tooltip!.bold) tooltip.appendMarkdown('**').appendText(paragraph).appendMarkdown('**');
        else tooltip.appendText(paragraph);
      });
      item.tooltip = tooltip;
    }
    item.iconPath = new vscode.ThemeIcon(icons[node.kind]);
    item.contextValue = node.kind;
    const at = new vscode.Position(node.line, node.character);
    const options: vscode.TextDocumentShowOptions = { selection: new vscode.Range(at, at), preview: true };
    item.command = { command: 'vscode.open', title: 'Open the declaration', arguments: [vscode.Uri.parse(node.uri), options] };
    return item;
  }

  dispose(): void {
    for (const d of this.subscriptions) d.dispose();
  }
}
