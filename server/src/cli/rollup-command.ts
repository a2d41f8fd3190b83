// `deal rollup FILE [--scenario ID] [--json]`.
import { rollupJson } from '../exports/rollup-json';
import { loadDeal } from './load';
import { outcome, type Outcome } from './outcome';
import { rollupTable } from './rollup-table';

export function rollupCommand(file: string, scenario: string | undefined, json: boolean): Outcome {
  const { document, errors } = loadDeal(file, scenario);
  const stdout = json ? `${JSON.stringify(rollupJson(document, { scenario }), null, 2)}\n` : rollupTable(document, scenario);
  return outcome(stdout, errors, errors.length ? 1 : 0);
}
