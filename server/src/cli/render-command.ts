// `deal render FILE [--format html|md|csv|json] [--scenario ID] [--out FILE]`; `--out -` is
// standard output, as without --out.
import { renderDocument } from '../exports';
import type { Format } from './args';
import { loadDeal } from './load';
import { outcome, type Outcome } from './outcome';
import { writeOutput } from './write-output';

export function renderCommand(file: string, format: Format, scenario: string | undefined, out: string | undefined): Outcome {
  const { document, errors } = loadDeal(file, scenario);
  const text = renderDocument(document, format, { scenario });
  const code = errors.length ? 1 : 0;
  if (out === undefined || out === '-') return outcome(text, errors, code);
  writeOutput(out, text, [file]);
  return outcome('', errors, code);
}
