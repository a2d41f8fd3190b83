// Requests the Deal Terms server answers beyond the standard protocol. Plain names and types:
// the VS Code client reads this file too, so it imports nothing but types (erased from the bundle),
// and a result the analysis already describes is that type, not a copy of it.
import type { DealTreeNode, PortfolioJson } from '../exports/portfolio-json';
import type { RenderFormat } from '../exports';
import type { DealHeadline } from '../features/headline';

export type { DealTreeNode, RenderFormat };

/** `deal/render`: the preview document of an open file, as the `deal render` CLI writes it. */
export const renderRequestMethod = 'deal/render';

export interface RenderParams {
  uri: string;
  format: RenderFormat;
  /** Show only this scenario's rollup (by its name). */
  scenario?: string;
  /** For HTML shown in a webview: the nonce of its style element and the webview's CSP source,
   * written into the document's Content-Security-Policy. */
  cspNonce?: string;
  cspSource?: string;
  /** HTML for the preview: rows carry their source line (`data-line`) so a click can reveal it. */
  sourceLinks?: boolean;
}

/** `deal/scenarios`: the scenarios of every deal in an open file, for the rollup picker. */
export const scenariosRequestMethod = 'deal/scenarios';

export interface ScenariosParams { uri: string }

export interface ScenarioSummary {
  deal: string;
  name: string;
  title?: string;
}

/** `deal/headlines`: each deal's headline value, for the status bar. */
export const headlinesRequestMethod = 'deal/headlines';

export interface HeadlinesParams { uri: string }

/** The short and full headline, committed and contingent figures, and the deal's lines. */
export type DealHeadlineSummary = DealHeadline;

/** `deal/workspaceIndexed` (server → client notification): the workspace's `.deal` files are indexed. */
export const workspaceIndexedMethod = 'deal/workspaceIndexed';

export interface WorkspaceIndexedParams {
  files: number;
  deals: number;
  /** Time spent reading and analysing, in milliseconds. */
  ms: number;
}

/** `deal/portfolio`: every deal of the workspace (files on disk, open files as edited) rolled up
 * in one reporting currency, as data and, when asked, as a page or Markdown. */
export const portfolioRequestMethod = 'deal/portfolio';

export interface PortfolioParams {
  /** The reporting currency (ISO code, the `deal.rollup.currency` setting); default USD. */
  currency?: string;
  /** Also render the rollup: `html` for a webview (with the nonce and CSP source below), `md`. */
  format?: 'html' | 'md';
  cspNonce?: string;
  cspSource?: string;
}

export interface PortfolioResult {
  /** The rollup's figures as exact decimal strings (see `PortfolioJson`). */
  portfolio: PortfolioJson;
  html?: string;
  markdown?: string;
}

/** `deal/dealTree`: the Deals view's rows (deals → parties and payments), ready to show. */
export const dealTreeRequestMethod = 'deal/dealTree';

export interface DealTreeParams { currency?: string }

/** The client command that opens the payment rollup: `[uri]`, or `[uri, scenario]` to open that
 * scenario's. CodeLens clicks run it. */
export const showRollupCommand = 'deal.showRollup';
