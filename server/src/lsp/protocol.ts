// Requests the Deal Terms server answers beyond the standard protocol. Plain types and names,
// no imports: the VS Code client reads this file too.

/** `deal/render`: the preview document of an open file, as the `deal render` CLI writes it. */
export const renderRequestMethod = 'deal/render';

export type RenderFormat = 'html' | 'md' | 'json';

export interface RenderParams {
  uri: string;
  format: RenderFormat;
  /** Show only this scenario's rollup (by its name). */
  scenario?: string;
  /** For HTML shown in a webview: the nonce of its style element and the webview's CSP source,
   * written into the document's Content-Security-Policy. */
  cspNonce?: string;
  cspSource?: string;
}

/** `deal/scenarios`: the scenarios of every deal in an open file, for the rollup picker. */
export const scenariosRequestMethod = 'deal/scenarios';

export interface ScenariosParams { uri: string }

export interface ScenarioSummary {
  deal: string;
  name: string;
  title?: string;
}
