// Workspace symbols across every .deal file of the workspace: open files from their live
// analysis, the others from the portfolio index (never re-read from disk for a search).
import { SymbolKind, type Connection, type WorkspaceSymbol } from './language-server-library';
import { findWorkspaceSymbols, matches } from '../features/document-symbols';
import type { SymbolKind as DealSymbolKind } from '../features/symbol-index';
import type { PortfolioIndex } from '../workspace/portfolio-index';
import type { DealDocuments } from './document-cache';
import { analysesOf, openWorkspaceDocuments, pathOf } from './portfolio';
import { doneOrCancelled, runSafeAsync } from './run-safe';
import { toRange } from './spans';

/** As the outline shows them. */
const symbolKinds: Record<DealSymbolKind, SymbolKind> = {
  deal: SymbolKind.Namespace, party: SymbolKind.Class, stage: SymbolKind.EnumMember, license: SymbolKind.Interface,
  payment: SymbolKind.Variable, group: SymbolKind.Struct, option: SymbolKind.Function, scenario: SymbolKind.Event, currency: SymbolKind.Constant,
  program: SymbolKind.Package,
};

export function registerWorkspaceSymbols(connection: Connection, documents: DealDocuments, index: PortfolioIndex, folders: () => string[]): void {
  connection.onWorkspaceSymbol(async (params, token) => {
    await doneOrCancelled(index.settled(), token);
    return runSafeAsync<WorkspaceSymbol[]>(connection, 'Workspace symbols', token, [], async () => {
      const open = await openWorkspaceDocuments(documents, folders(), token);
      // Open files outside the workspace folders are searched too: the user is looking at them.
      const inFolders = new Set(open.map((o) => o.uri));
      const others = documents.documents.all().map((d) => d.uri).filter((uri) => !inFolders.has(uri));
      for (const { uri, analysis } of await analysesOf(documents, others, token)) open.push({ uri, path: pathOf(uri) ?? uri, analysis });
      const openPaths = new Set(open.map((o) => o.path));
      const byUri = new Map(open.map((o) => [o.uri, o.analysis]));
      const out: WorkspaceSymbol[] = findWorkspaceSymbols(open.map((o) => ({ uri: o.uri, document: o.analysis })), params.query).map((s) => ({
        name: s.name,
        kind: symbolKinds[s.kind],
        location: { uri: s.uri, range: toRange(byUri.get(s.uri)!, s.span) },
        ...(s.containerName ? { containerName: s.containerName } : {}),
      }));
      for (const file of index.portfolioFilesAll()) {
        const path = pathOf(file.uri);
        if (path && openPaths.has(path)) continue;
        for (const s of file.symbols) {
          if (!matches(s.name, params.query)) continue;
          out.push({
            name: s.name,
            kind: symbolKinds[s.kind],
            location: { uri: file.uri, range: { start: s.start, end: s.end } },
            ...(s.containerName ? { containerName: s.containerName } : {}),
          });
        }
      }
      return out;
    });
  });
}
