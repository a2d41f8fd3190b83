// deal/headlines: each deal's headline value in an open file, for the client's status bar.
import type { Connection } from './language-server-library';
import { dealHeadlines } from '../features/headline';
import type { DealDocuments } from './document-cache';
import { headlinesRequestMethod, type DealHeadlineSummary, type HeadlinesParams } from './protocol';
import { runSafe } from './run-safe';

export function registerHeadlines(connection: Connection, documents: DealDocuments): void {
  connection.onRequest(headlinesRequestMethod, (params: HeadlinesParams, token) =>
    runSafe<DealHeadlineSummary[]>(connection, 'Totalling the headline', token, [], () => {
      const analysis = params?.uri ? documents.analysisByUri(params.uri) : undefined;
      return analysis ? dealHeadlines(analysis) : [];
    }));
}
