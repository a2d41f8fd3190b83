// deal/scenarios: the scenarios of an open file, for the client's rollup picker.
import type { Connection } from './language-server-library';
import type { DealDocuments } from './document-cache';
import { scenariosRequestMethod, type ScenarioSummary, type ScenariosParams } from './protocol';
import { runSafe } from './run-safe';

export function registerScenarios(connection: Connection, documents: DealDocuments): void {
  connection.onRequest(scenariosRequestMethod, (params: ScenariosParams, token) =>
    runSafe<ScenarioSummary[]>(connection, 'Listing scenarios', token, [], () => {
      const analysis = documents.analysisByUri(params.uri);
      if (!analysis) return [];
      return analysis.deals.flatMap(({ model }) => model.deal.scenarios
        .filter((s) => s.name?.text)
        .map((s) => ({ deal: model.deal.name?.text ?? '', name: s.name.text, ...(s.title?.value ? { title: s.title.value } : {}) })));
    }));
}
