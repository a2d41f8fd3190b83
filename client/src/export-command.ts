// Deal: Export… — writes the active deal's term sheet next to it in the format a colleague opens:
// a self-contained HTML page, Markdown tables, the payment schedule as CSV, or the rollup JSON.
// The server renders exactly what `deal render --format …` writes; this asks where, and saves.
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { renderRequestMethod, type RenderFormat, type RenderParams } from '../../server/src/lsp/protocol';
import { browserCanOpen } from './export-target';

interface FormatPick extends vscode.QuickPickItem { format: RenderFormat; extension: string; filter: string }

const formats: FormatPick[] = [
  { label: 'HTML', description: 'the term sheet as one self-contained page; prints well', format: 'html', extension: 'html', filter: 'HTML page' },
  { label: 'Markdown', description: 'tables for a memo or a pull request', format: 'md', extension: 'md', filter: 'Markdown' },
  { label: 'CSV', description: 'the payment schedule, one row per payment, for a spreadsheet', format: 'csv', extension: 'csv', filter: 'CSV' },
  { label: 'JSON', description: 'the rollup, as deal rollup --json writes it', format: 'json', extension: 'json', filter: 'JSON' },
];

/** Options a keybinding or another extension may pass instead of asking. */
export interface ExportOptions { format?: string; target?: string }

export async function exportDeal(client: LanguageClient, started: Promise<void>, uri?: vscode.Uri, options: ExportOptions = {}): Promise<vscode.Uri | undefined> {
  const document = uri instanceof vscode.Uri ? await vscode.workspace.openTextDocument(uri) : vscode.window.activeTextEditor?.document;
  if (!document || document.languageId !== 'deal') {
    void vscode.window.showInformationMessage('Open a .deal file to export its term sheet.');
    return undefined;
  }
  const pick = options.format
    ? formats.find((f) => f.format === options.format)
    : await vscode.window.showQuickPick(formats, { title: 'Deal: Export…', placeHolder: 'Export the term sheet as…', matchOnDescription: true });
  if (!pick) {
    if (options.format) void vscode.window.showErrorMessage(`Deal Terms: unknown export format '${options.format}': use html, md, csv or json.`);
    return undefined;
  }
  const target = options.target ? vscode.Uri.file(options.target) : await vscode.window.showSaveDialog({
    defaultUri: defaultTarget(document, pick.extension),
    filters: { [pick.filter]: [pick.extension] },
    saveLabel: 'Export',
    title: `Export the term sheet as ${pick.label}`,
  });
  if (!target) return undefined;
  // A term sheet is never written over a .deal file (the export would replace the deal's text).
  if (/\.deal$/i.test(target.path) || target.toString() === document.uri.toString()) {
    void vscode.window.showErrorMessage(`Deal Terms: ${path.basename(target.path)} is a .deal file, and an export never writes over a term sheet: choose another name.`);
    return undefined;
  }
  try {
    await started;
    const params: RenderParams = { uri: document.uri.toString(), format: pick.format };
    const text = await client.sendRequest<string>(renderRequestMethod, params);
    await vscode.workspace.fs.writeFile(target, Buffer.from(text, 'utf8'));
  } catch (error) {
    void vscode.window.showErrorMessage(`Deal Terms: the export could not be written (${error instanceof Error ? error.message : error}).`);
    return undefined;
  }
  void announce(document, target, pick);
  return target;
}

/** `term-sheet.deal` → `term-sheet.csv`, beside it (or in the workspace for an unsaved file). */
function defaultTarget(document: vscode.TextDocument, extension: string): vscode.Uri | undefined {
  const base = path.basename(document.uri.path).replace(/\.deal$/i, '') || 'term-sheet';
  if (document.uri.scheme !== 'untitled') return vscode.Uri.joinPath(document.uri, '..', `${base}.${extension}`);
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
  return folder ? vscode.Uri.joinPath(folder, `${base}.${extension}`) : undefined;
}

async function announce(document: vscode.TextDocument, target: vscode.Uri, pick: FormatPick): Promise<void> {
  const errors = vscode.languages.getDiagnostics(document.uri).filter((d) => d.severity === vscode.DiagnosticSeverity.Error).length;
  const caveat = errors ? ` The file has ${errors} error${errors === 1 ? '' : 's'}: the figures may be incomplete.` : '';
  // A page opens in the browser where the browser can reach the file; elsewhere in the editor.
  const workbench = { web: vscode.env.uiKind === vscode.UIKind.Web, remote: vscode.env.remoteName !== undefined };
  const open = pick.format === 'html' && browserCanOpen(target.scheme, workbench) ? 'Open in Browser' : 'Open';
  const choice = await vscode.window.showInformationMessage(`Exported ${pick.label} to ${path.basename(target.path)}.${caveat}`, open);
  if (choice === 'Open in Browser' && await vscode.env.openExternal(target)) return;
  if (choice) await vscode.commands.executeCommand('vscode.open', target);
}
