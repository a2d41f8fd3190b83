// `deal check FILE... [--json]`: every problem of every file, one per line, in the form editors
// and CI logs link to: `file:line:column severity code message`. A file that cannot be read,
// or that the analysis fails on, is one line on standard error; the other files are still checked.
import { analyzeDealText, type AnalyzedDocument } from '../document/analyze';
import type { DealDiagnostic } from '../model/diagnostic';
import { internalErrorText, stackLines, type Debugging } from './internal-error';
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

export interface CheckOptions extends Debugging {
  /** The analysis; a test may pass one that fails on a given file. */
  analyse?: (text: string) => AnalyzedDocument;
}

export function checkCommand(files: string[], json: boolean, options: CheckOptions = {}): Outcome {
  const analyse = options.analyse ?? analyzeDealText;
  const found: CheckJson[] = [];
  const failed: string[] = [];
  for (const file of files) {
    const read = readDealFile(file);
    if (!read.ok) { failed.push(read.message); continue; }
    try {
      const document = analyse(read.text);
      for (const d of document.diagnostics) found.push(checkJson(file, document, d));
    } catch (error) {
      failed.push(`${file}: could not be checked (${internalErrorText(error)}); please report it with this file`);
      for (const line of stackLines(error, options)) failed.push(line);
    }
  }
  const stdout = json ? `${JSON.stringify(found, null, 2)}\n` : found.map(checkLine).map((l) => `${l}\n`).join('');
  const hasError = found.some((d) => d.severity === 'error');
  return outcome(stdout, failed, failed.length ? 2 : hasError ? 1 : 0);
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
