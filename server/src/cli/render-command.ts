// `deal render FILE [--format html|md|csv|json] [--scenario ID] [--out FILE]`.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { renderDocument } from '../exports';
import { UsageError, type Format } from './args';
import { loadDeal } from './load';
import { outcome, type Outcome } from './outcome';

export function renderCommand(file: string, format: Format, scenario: string | undefined, out: string | undefined): Outcome {
  const { document, errors } = loadDeal(file, scenario);
  const text = renderDocument(document, format, { scenario });
  const code = errors.length ? 1 : 0;
  if (out === undefined) return outcome(text, errors, code);
  try {
    mkdirSync(dirname(out), { recursive: true });
    writeFileSync(out, text);
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException)?.code ?? (error instanceof Error ? error.message : String(error));
    throw new UsageError(`${out}: cannot be written (${reason})`);
  }
  return outcome('', errors, code);
}
