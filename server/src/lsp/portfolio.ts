// The portfolio over the protocol: `deal/portfolio` and `deal/dealTree` roll up every deal of
// the workspace — files on disk from the index, open files from the editor's latest text — and
// `workspace/didChangeWatchedFiles` keeps the index in step with the disk (the client watches
// `**/*.deal`). Answers wait for the first indexing and for changes already reported.
import { sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ResponseError, type CancellationToken, type Connection } from './language-server-library';
import { documentFacet, type AnalyzedDocument } from '../document/analyze';
import { combinePortfolio, type Portfolio } from '../engine/portfolio';
import { portfolioDealsOf, type PortfolioDeal } from '../engine/portfolio-deal';
import { dealTree, portfolioJson } from '../exports/portfolio-json';
import { fileName, renderPortfolioHtml, renderPortfolioMarkdown } from '../exports/portfolio';
import { isCurrencyCode } from '../language/currencies';
import type { PortfolioIndex } from '../workspace/portfolio-index';
import type { DealDocuments } from './document-cache';
import {
  dealTreeRequestMethod, portfolioRequestMethod, type DealTreeNode, type DealTreeParams, type PortfolioParams, type PortfolioResult,
} from './protocol';
import { doneOrCancelled, nextTurn, runSafeAsync } from './run-safe';

/** File events of `workspace/didChangeWatchedFiles`: 1 created, 2 changed, 3 deleted. */
const deletedFile = 3;

/** The file-system path of a URI (file: URIs only), so one file is one key however it is spelt. */
export function pathOf(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  try {
    return fileURLToPath(uri);
  } catch {
    return undefined;
  }
}

/** Whether a file-system path is one of the workspace folders or inside one. */
export function inFolders(path: string, folders: string[]): boolean {
  return folders.some((f) => path === f || path.startsWith(f.endsWith(sep) ? f : `${f}${sep}`));
}

export interface OpenDocument { uri: string; path: string; analysis: AnalyzedDocument }

/** The analyses of open documents, one document per turn of the event loop (a request for
 * another document is answered in between); what is done so far once `token` is cancelled. */
export async function analysesOf(documents: DealDocuments, uris: string[], token?: CancellationToken): Promise<{ uri: string; analysis: AnalyzedDocument }[]> {
  const out: { uri: string; analysis: AnalyzedDocument }[] = [];
  for (const uri of uris) {
    await nextTurn();
    if (token?.isCancellationRequested) break;
    // Read again after the turn: the document may have changed or closed meanwhile.
    const document = documents.get(uri);
    if (document) out.push({ uri, analysis: documents.analysisOf(document) });
  }
  return out;
}

/** Open documents that belong to the workspace: under one of its folders (any file when it has none). */
export async function openWorkspaceDocuments(documents: DealDocuments, folders: string[], token?: CancellationToken): Promise<OpenDocument[]> {
  const paths = new Map<string, string>();
  for (const document of documents.documents.all()) {
    const path = pathOf(document.uri);
    if (path && (folders.length === 0 || inFolders(path, folders))) paths.set(document.uri, path);
  }
  return (await analysesOf(documents, [...paths.keys()], token)).map(({ uri, analysis }) => ({ uri, path: paths.get(uri)!, analysis }));
}

/** Each analysis summarised once, however many requests read it (kept on the analysis: an
 * open document's analysis belongs to one URI). */
const summaryOf = documentFacet((analysis) => {
  let summary: PortfolioDeal[] | undefined;
  return (uri: string) => (summary ??= portfolioDealsOf(uri, analysis));
});

async function portfolioDeals(documents: DealDocuments, index: PortfolioIndex, folders: string[], token: CancellationToken): Promise<PortfolioDeal[]> {
  const open = await openWorkspaceDocuments(documents, folders, token);
  const openPaths = new Set(open.map((o) => o.path));
  const deals: PortfolioDeal[] = [];
  for (const file of index.portfolioFilesAll()) {
    const path = pathOf(file.uri);
    if (!path || !openPaths.has(path)) for (const deal of file.deals) deals.push(deal);
  }
  for (const { uri, analysis } of open) {
    for (const deal of summaryOf(analysis)(uri)) deals.push(deal);
  }
  return deals;
}

function reportingCurrency(requested: string | undefined): string | ResponseError<void> {
  const currency = (requested ?? '').trim().toUpperCase() || 'USD';
  return isCurrencyCode(currency)
    ? currency
    : new ResponseError(-32602, `'${requested}' is not a currency the portfolio can report in: set deal.rollup.currency to an ISO 4217 code such as USD, EUR or CHF.`);
}

export function registerPortfolio(connection: Connection, documents: DealDocuments, index: PortfolioIndex, folders: () => string[]): void {
  const rollup = async (currency: string, token: CancellationToken): Promise<Portfolio> =>
    combinePortfolio(await portfolioDeals(documents, index, folders(), token), { currency });

  connection.onRequest(portfolioRequestMethod, async (params: PortfolioParams | undefined, token) => {
    const currency = reportingCurrency(params?.currency);
    if (currency instanceof ResponseError) return currency;
    await doneOrCancelled(index.settled(), token);
    return runSafeAsync<PortfolioResult | ResponseError<void>>(connection, 'Rolling up the portfolio', token,
      new ResponseError(-32603, 'The portfolio could not be rolled up; see the Deal Terms output for details.'), async () => {
        const portfolio = await rollup(currency, token);
        const result: PortfolioResult = { portfolio: portfolioJson(portfolio) };
        if (params?.format === 'html') result.html = renderPortfolioHtml(portfolio, { cspNonce: params.cspNonce, cspSource: params.cspSource, fileLabel: fileName });
        if (params?.format === 'md') result.markdown = renderPortfolioMarkdown(portfolio);
        return result;
      });
  });

  connection.onRequest(dealTreeRequestMethod, async (params: DealTreeParams | undefined, token) => {
    const currency = reportingCurrency(params?.currency);
    if (currency instanceof ResponseError) return currency;
    await doneOrCancelled(index.settled(), token);
    return runSafeAsync<DealTreeNode[]>(connection, 'Listing the deals', token, [], async () => dealTree(await rollup(currency, token)));
  });

  connection.onDidChangeWatchedFiles((params) => {
    for (const change of params.changes) {
      // Only the workspace's own files are indexed (a deleted folder may hold a workspace folder).
      const path = pathOf(change.uri);
      const deleted = change.type === deletedFile;
      if (!path || !(inFolders(path, folders()) || (deleted && folders().some((f) => inFolders(f, [path]))))) continue;
      index.updateFromDisk(change.uri, deleted).then(
        (leftOut) => { if (leftOut) connection.console.warn(`Not indexed: ${change.uri} (${leftOut})`); },
        (error: unknown) => connection.console.error(`Re-indexing ${change.uri} failed: ${error instanceof Error ? error.message : String(error)}`));
    }
  });
}
