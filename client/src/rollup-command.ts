// Deal: Show Payment Rollup — pick one of the active deal's scenarios and see what it rolls up
// to (per party, kind and year) in the preview; a CodeLens click goes straight to its scenario.
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { scenariosRequestMethod, type ScenarioSummary, type ScenariosParams } from '../../server/src/lsp/protocol';
import type { DealPreview } from './deal-preview';

interface ScenarioPick extends vscode.QuickPickItem { scenario?: string }

/**
 * From the palette: pick a scenario of the active deal. From a CodeLens (`[uri, scenario?]`):
 * straight to that file's rollup, the scenario's when the lens stands on one, no picker.
 */
export async function showRollup(
  client: LanguageClient, started: Promise<void>, preview: DealPreview, target?: string | vscode.Uri, scenario?: unknown,
): Promise<void> {
  if (target) {
    let uri: vscode.Uri;
    try {
      uri = typeof target === 'string' ? vscode.Uri.parse(target, true) : target;
    } catch {
      void vscode.window.showErrorMessage(`Deal Terms: '${String(target)}' is not a file the rollup can open.`);
      return;
    }
    await preview.show(uri, true, typeof scenario === 'string' && scenario ? scenario : undefined);
    return;
  }
  const document = vscode.window.activeTextEditor?.document;
  if (!document || document.languageId !== 'deal') {
    void vscode.window.showInformationMessage('Open a .deal file to see its payment rollup.');
    return;
  }
  let scenarios: ScenarioSummary[];
  try {
    await started;
    const params: ScenariosParams = { uri: document.uri.toString() };
    scenarios = await client.sendRequest<ScenarioSummary[]>(scenariosRequestMethod, params);
  } catch (error) {
    void vscode.window.showErrorMessage(`Deal Terms: the scenarios could not be listed (${error instanceof Error ? error.message : error}).`);
    return;
  }
  if (scenarios.length === 0) {
    void vscode.window.showInformationMessage(
      'This deal has no scenarios yet: add one such as `scenario Approved "product approved" { reach approval }`.');
    return;
  }
  const severalDeals = new Set(scenarios.map((s) => s.deal)).size > 1;
  const picks: ScenarioPick[] = [
    { label: 'All scenarios', description: 'compare every scenario of the deal' },
    ...scenarios.map((s) => ({
      label: s.name,
      description: s.title,
      detail: severalDeals ? `deal ${s.deal}` : undefined,
      scenario: s.name,
    })),
  ];
  const picked = await vscode.window.showQuickPick(picks, {
    title: 'Deal: Show Payment Rollup',
    placeHolder: 'Which scenario should be rolled up?',
    matchOnDescription: true,
  });
  if (!picked) return;
  await preview.show(document.uri, true, picked.scenario);
}
