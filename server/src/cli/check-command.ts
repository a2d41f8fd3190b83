// `deal check FILE... [--json]`: every problem of every file, one per line, in the form editors
// and CI logs link to: `file:line:column severity code message`.
import { analyzeDealText, type AnalyzedDocument } from '../analysis/analyze';
import type { DealDiagnostic } from '../analysis/diagnostic';
import { outcome, type Outcome } from './outcome';
import { readDealFile } from './read-input';

/** A diagnostic as `deal check --json` gives it. Lines and columns are 1-based; endLine and
 * endColumn point just after the offending text (exclusive), so an empty range has
 * column === endColumn. Columns count UTF-16 code units, as editors do. */
export interface CheckJson {
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  severity: string;
  code: string;
  message: string;
}

export function checkCommand(files: string[], json: boolean): Outcome {
  const found: CheckJson[] = [];
  const unreadable: string[] = [];
  for (const file of files) {
    const read = readDealFile(file);
    if (!read.ok) { unreadable.push(read.message); continue; }
    const document = analyzeDealText(read.text);
    for (const d of document.diagnostics) found.push(checkJson(file, document, d));
  }
  const stdout = json ? `${JSON.stringify(found, null, 2)}\n` : found.map(checkLine).map((l) => `${l}\n`).join('');
  const hasError = found.some((d) => d.severity === 'error');
  return outcome(stdout, unreadable, unreadable.length ? 2 : hasError ? 1 : 0);
}

export function checkJson(file: string, document: AnalyzedDocument, diagnostic: DealDiagnostic): CheckJson {
  const start = document.lines.positionAt(diagnostic.span.start);
  const end = document.lines.positionAt(diagnostic.span.end);
  return {
    file,
    line: start.line + 1,
    column: start.character + 1,
    endLine: end.line + 1,
    endColumn: end.character + 1,
    severity: diagnostic.severity,
    code: diagnostic.code,
    message: diagnostic.message,
  };
}

/** One line per problem, whatever line breaks the message holds. */
export function checkLine(d: CheckJson): string {
  return `${d.file}:${d.line}:${d.column} ${d.severity} ${d.code} ${d.message.replace(/\s*[\r\n]+\s*/g, ' ')}`;
}
