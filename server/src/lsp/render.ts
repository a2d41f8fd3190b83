// deal/render: the preview document of an open file (HTML for the preview panel, Markdown or
// JSON), rendered from the same analysis the diagnostics and hovers use.
import { ResponseError, type Connection } from './language-server-library';
import { renderDocument, renderHtml } from '../exports';
import type { DealDocuments } from './document-cache';
import { renderRequestMethod, type RenderParams } from './protocol';
import { runSafe } from './run-safe';

const formats = new Set(['html', 'md', 'csv', 'json']);

export function registerRender(connection: Connection, documents: DealDocuments): void {
  connection.onRequest(renderRequestMethod, (params: RenderParams, token) => {
    if (!params || !formats.has(params.format)) {
      return new ResponseError(-32602, `Unknown render format '${params?.format}': use html, md, csv or json.`);
    }
    return runSafe<string | ResponseError<void>>(connection, 'Rendering the preview', token,
      new ResponseError(-32603, 'The preview could not be rendered; see the Deal Terms output for details.'),
      () => {
        const analysis = documents.analysisByUri(params.uri);
        if (!analysis) return new ResponseError(-32602, `${params.uri} is not open in the editor.`);
        const scenario = params.scenario || undefined;
        if (params.format === 'html') {
          return renderHtml(analysis, { scenario, cspNonce: params.cspNonce, cspSource: params.cspSource, sourceLinks: params.sourceLinks === true });
        }
        return renderDocument(analysis, params.format, { scenario });
      });
  });
}
