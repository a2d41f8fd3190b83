// The file a rollup or render works on: read, analysed, and the --scenario checked against it.
import { analyzeDealText, type AnalyzedDocument } from '../document/analyze';
import { UsageError } from './args';
import { checkJson, checkLine } from './check-command';
import { readDealFile } from './read-input';

export interface Loaded {
  document: AnalyzedDocument;
  /** The file's errors in `deal check` form: the output is still written, and the exit code is 1. */
  errors: string[];
}

export function loadDeal(file: string, scenario: string | undefined): Loaded {
  const read = readDealFile(file);
  if (!read.ok) throw new UsageError(read.message);
  const document = analyzeDealText(read.text);
  if (scenario !== undefined) {
    const known = document.deals.flatMap((d) => d.model.deal.scenarios.map((s) => s.name.text));
    if (!known.includes(scenario)) {
      const list = known.length ? `scenarios: ${known.join(', ')}` : 'it has no scenarios';
      throw new UsageError(`unknown scenario ${scenario} in ${file} (${list})`);
    }
  }
  const errors = document.diagnostics
    .filter((d) => d.severity === 'error')
    .map((d) => checkLine(checkJson(file, document, d)));
  return { document, errors };
}
