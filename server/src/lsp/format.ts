// Document and range formatting: the canonical layout, whitespace only. Off with
// `deal.format.enabled: false`.
import type { Connection, TextEdit } from './language-server-library';
import { formatDocument, formatRange } from '../features/format';
import type { DealDocuments } from './document-cache';
import { runSafe } from './run-safe';
import type { SettingsReader } from './settings';
import { toSpan, toTextEdits } from './spans';

export function registerFormatting(connection: Connection, documents: DealDocuments, settings: SettingsReader): void {
  connection.onDocumentFormatting(async (params, token) => {
    if (!(await settings.forDocument(params.textDocument.uri)).format.enabled) return [];
    return runSafe<TextEdit[]>(connection, 'Formatting', token, [], () => {
      const analysis = documents.analysisByUri(params.textDocument.uri);
      return analysis ? toTextEdits(analysis, formatDocument(analysis, params.options)) : [];
    });
  });

  connection.onDocumentRangeFormatting(async (params, token) => {
    if (!(await settings.forDocument(params.textDocument.uri)).format.enabled) return [];
    return runSafe<TextEdit[]>(connection, 'Formatting', token, [], () => {
      const analysis = documents.analysisByUri(params.textDocument.uri);
      return analysis ? toTextEdits(analysis, formatRange(analysis, toSpan(analysis, params.range), params.options)) : [];
    });
  });
}
