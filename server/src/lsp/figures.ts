// CodeLens and inlay hints: the totals above payments blocks, groups, parties and scenarios,
// converted amounts and group sums inline. Each can be turned off in the settings
// (`deal.codeLens.enabled`, `deal.inlayHints.enabled`); a settings change refreshes both.
import { CodeLensRefreshRequest, type CodeLens, type Connection, type InlayHint } from 'vscode-languageserver/node';
import { findCodeLenses } from '../features/code-lens';
import { findInlayHints } from '../features/inlay-hints';
import type { DealDocuments } from './document-cache';
import { showRollupCommand } from './protocol';
import { runSafe } from './run-safe';
import type { SettingsReader } from './settings';
import { toSpan } from './spans';

export function registerFigures(connection: Connection, documents: DealDocuments, settings: SettingsReader): void {
  connection.onCodeLens(async (params, token) => {
    if (!(await settings.forDocument(params.textDocument.uri)).codeLens.enabled) return [];
    return runSafe<CodeLens[]>(connection, 'CodeLens', token, [], () => {
      const analysis = documents.analysisByUri(params.textDocument.uri);
      if (!analysis) return [];
      const uri = params.textDocument.uri;
      return findCodeLenses(analysis).map((lens) => {
        // A lens sits on the declaration's first line only; a click opens the rollup.
        const start = analysis.lines.positionAt(lens.span.start);
        const args = lens.scenario ? [uri, lens.scenario] : [uri];
        return { range: { start, end: start }, command: { title: lens.title, command: showRollupCommand, arguments: args } };
      });
    });
  });

  connection.languages.inlayHint.on(async (params, token) => {
    if (!(await settings.forDocument(params.textDocument.uri)).inlayHints.enabled) return [];
    return runSafe<InlayHint[]>(connection, 'Inlay hints', token, [], () => {
      const analysis = documents.analysisByUri(params.textDocument.uri);
      if (!analysis) return [];
      return findInlayHints(analysis, toSpan(analysis, params.range)).map((hint) => ({
        position: analysis.lines.positionAt(hint.offset),
        label: hint.label,
        paddingLeft: true,
        ...(hint.tooltip ? { tooltip: hint.tooltip } : {}),
      }));
    });
  });

  settings.onDidChange(() => {
    connection.sendRequest(CodeLensRefreshRequest.type).catch(() => undefined);
    connection.languages.inlayHint.refresh().catch(() => undefined);
  });
}

