// textDocument/hover: what the name under the cursor adds up to.
import { MarkupKind, type Connection, type Hover } from './language-server-library';
import { doHover } from '../features/hover';
import type { DealDocuments } from './document-cache';
import { runSafe } from './run-safe';

export function registerHover(connection: Connection, documents: DealDocuments): void {
  connection.onHover((params, token) => runSafe<Hover | null>(connection, 'Hover', token, null, () => {
    const document = documents.get(params.textDocument.uri);
    if (!document) return null;
    const analysis = documents.analysisOf(document);
    const hover = doHover(analysis, document.offsetAt(params.position));
    if (!hover) return null;
    return {
      contents: { kind: MarkupKind.Markdown, value: hover.markdown },
      range: { start: analysis.lines.positionAt(hover.span.start), end: analysis.lines.positionAt(hover.span.end) },
    };
  }));
}
