// CodeLens and inlay hints: the totals above payments blocks, groups, parties and scenarios,
// converted amounts and group sums inline. Each can be turned off in the settings
// (`deal.codeLens.enabled`, `deal.inlayHints.enabled`); a settings change refreshes both.
import { CodeLensRefreshRequest, type CodeLens, type Connection, type InlayHint } from './language-server-library';
import { findCodeLensesOnDemand, titleOfLens, type FoundCodeLens } from '../features/code-lens';
import { findInlayHints } from '../features/inlay-hints';
import type { DealDocuments } from './document-cache';
import { keepingJson } from './json-into-buffer';
import { showRollupCommand } from './protocol';
import { runSafe } from './run-safe';
import type { SettingsReader } from './settings';
import { toSpan } from './spans';

/** What a scenario's lens carries until the editor asks for its title. */
interface LensData { uri: string; scenario?: string; figures?: FoundCodeLens['figures']; at: number }

function lensCommand(uri: string, lens: FoundCodeLens, title: string) {
  return { title, command: showRollupCommand, arguments: lens.scenario ? [uri, lens.scenario] : [uri] };
}

/** A lens with a title, as answered before, taken over when it says the same in the same place:
 * after a keystroke that is nearly every lens of a long deal, whose JSON the writer then keeps. */
function sameLens(before: CodeLens | undefined, title: string, start: { line: number; character: number }): before is CodeLens {
  return before?.command?.title === title && before.range.start.line === start.line && before.range.start.character === start.character;
}

export function registerFigures(connection: Connection, documents: DealDocuments, settings: SettingsReader): void {
  /** Each open document's lenses as last answered, in the order found. */
  const answered = new Map<string, CodeLens[]>();
  documents.documents.onDidClose((event) => answered.delete(event.document.uri));
  connection.onCodeLens(async (params, token) => {
    if (!(await settings.forDocument(params.textDocument.uri)).codeLens.enabled) return [];
    return runSafe<CodeLens[]>(connection, 'CodeLens', token, [], () => {
      const analysis = documents.analysisByUri(params.textDocument.uri);
      if (!analysis) return [];
      const uri = params.textDocument.uri;
      const before = answered.get(uri);
      const lenses = findCodeLensesOnDemand(analysis).map((lens, i): CodeLens => {
        // A lens sits on the declaration's first line only; a click opens the rollup.
        const start = analysis.lines.positionAt(lens.span.start);
        const range = { start, end: start };
        // A scenario's lens is given its title when the editor shows it (codeLens/resolve).
        if (lens.title === undefined) return { range, data: { uri, scenario: lens.scenario, figures: lens.figures, at: lens.span.start } satisfies LensData };
        return sameLens(before?.[i], lens.title, start) ? before[i] : { range, command: lensCommand(uri, lens, lens.title) };
      });
      answered.set(uri, lenses);
      return keepingJson(lenses);
    });
  });

  connection.onCodeLensResolve((lens, token) => runSafe<CodeLens>(connection, 'CodeLens', token, lens, () => {
    const data = lens.data as Partial<LensData> | undefined;
    if (!data || typeof data.uri !== 'string' || typeof data.scenario !== 'string') return lens;
    const analysis = documents.analysisByUri(data.uri);
    const found = analysis && findCodeLensesOnDemand(analysis).find((l) => l.scenario === data.scenario && l.figures === data.figures && l.span.start === data.at);
    // The document has changed since the lens was given: the editor asks for the lenses again.
    if (!analysis || !found) return lens;
    const title = titleOfLens(analysis, found) ?? 'No figures for this scenario: see its problems';
    return { ...lens, command: lensCommand(data.uri, found, title) };
  }));

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

