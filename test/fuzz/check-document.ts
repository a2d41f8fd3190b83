// What must hold for every input, however broken: the analysis returns (no exception escapes),
// every diagnostic is well formed and lies inside the document, no figure anywhere is Infinity,
// NaN or in exponent notation, and the features an editor calls on every keystroke answer.
// A text the formatter accepts formats to a fixed point that means the same.
import assert from 'node:assert/strict';
import { analyzeDealText, type AnalyzedDocument } from '../../server/src/document/analyze';
import { doComplete } from '../../server/src/features/completion';
import { formatDealText } from '../../server/src/features/format';
import { doHover } from '../../server/src/features/hover';
import { renderDocument } from '../../server/src/exports';
import { rollupJson } from '../../server/src/exports/rollup-json';

const severities = new Set(['error', 'warning', 'info', 'hint']);
const badFigure = /^-?(?:NaN|Infinity)$|^-?\d+(?:\.\d+)?[eE][+-]?\d+$/;

export interface CheckOptions {
  /** Also render every format (slower: use on a sample). */
  render?: boolean;
  /** Offsets to ask hover and completion at (default: a few spread over the text). */
  probes?: number[];
}

export function checkAnyInput(text: string, label: string, options: CheckOptions = {}): AnalyzedDocument {
  let document: AnalyzedDocument;
  try {
    document = analyzeDealText(text);
  } catch (error) {
    assert.fail(`${label}: the analysis threw ${error instanceof Error ? error.stack : error}\n--- input ---\n${text.slice(0, 2000)}`);
  }
  for (const d of document.diagnostics) {
    const { start, end } = d.span;
    assert.ok(Number.isInteger(start) && Number.isInteger(end) && start >= 0 && start <= end && end <= text.length,
      `${label}: ${d.code} at ${start}-${end} lies outside the text (length ${text.length}): ${d.message}`);
    assert.ok(severities.has(d.severity), `${label}: severity ${d.severity}`);
    assert.ok(typeof d.message === 'string' && d.message.trim().length > 0, `${label}: ${d.code} has no message`);
    assert.doesNotMatch(d.message, /undefined|NaN|Infinity|\[object /, `${label}: ${d.code} message: ${d.message}`);
    const position = document.lines.positionAt(end);
    assert.ok(position.line < document.lines.lineCount, `${label}: ${d.code} ends past the last line`);
  }
  try {
    assertCleanFigures(rollupJson(document, {}), label);
    for (const offset of options.probes ?? [0, text.length >> 2, text.length >> 1, text.length]) {
      doHover(document, offset);
      doComplete(document, offset);
    }
    if (options.render) for (const format of ['html', 'md', 'csv'] as const) renderDocument(document, format, {});
  } catch (error) {
    if (error instanceof assert.AssertionError) throw error;
    assert.fail(`${label}: a feature threw ${error instanceof Error ? error.stack : error}\n--- input ---\n${text.slice(0, 2000)}`);
  }
  return document;
}

/** Every string in the JSON that is a figure is plain decimal; no number is non-finite. */
export function assertCleanFigures(value: unknown, label: string, path = '$'): void {
  if (typeof value === 'string') assert.doesNotMatch(value, badFigure, `${label}: ${path} is ${value}`);
  else if (typeof value === 'number') assert.ok(Number.isFinite(value), `${label}: ${path} is ${value}`);
  else if (Array.isArray(value)) value.forEach((v, i) => assertCleanFigures(v, label, `${path}[${i}]`));
  else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) assertCleanFigures(v, label, `${path}.${k}`);
}

/** Formatting a text the formatter accepts reaches a fixed point in one step and keeps its meaning. */
export function checkFormatting(document: AnalyzedDocument, label: string): boolean {
  const formatted = formatDealText(document);
  if (formatted === undefined) return false;
  const again = analyzeDealText(formatted);
  assert.equal(formatDealText(again), formatted, `${label}: formatting twice changes the text`);
  assert.deepEqual(rollupJson(again, {}), rollupJson(document, {}), `${label}: formatting changes the figures`);
  const problems = (d: AnalyzedDocument) => d.diagnostics.map((x) => `${x.severity} ${x.code} ${x.message}`).sort();
  assert.deepEqual(problems(again), problems(document), `${label}: formatting changes the diagnostics`);
  return true;
}
