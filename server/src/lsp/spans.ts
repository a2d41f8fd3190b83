// Offsets (what the analysis speaks) to protocol positions and ranges, and back.
import type { Position, Range, TextEdit } from './language-server-library';
import type { AnalyzedDocument } from '../document/analyze';
import type { TextEdit as DealTextEdit } from '../features/rename';
import type { Span } from '../language/ast';

export function toRange(analysis: AnalyzedDocument, span: Span): Range {
  return { start: analysis.lines.positionAt(span.start), end: analysis.lines.positionAt(span.end) };
}

/** Whether `toRange` of the span is `range`, told without a search: what was sent for an
 * entry can be sent again while it stands where it did. */
export function isRangeOf(analysis: AnalyzedDocument, span: Span, range: Range): boolean {
  return analysis.lines.isAt(span.start, range.start) && analysis.lines.isAt(span.end, range.end);
}

export function toSpan(analysis: AnalyzedDocument, range: Range): Span {
  return { start: analysis.lines.offsetAt(range.start), end: analysis.lines.offsetAt(range.end) };
}

export function toOffset(analysis: AnalyzedDocument, position: Position): number {
  return analysis.lines.offsetAt(position);
}

export function toTextEdits(analysis: AnalyzedDocument, edits: readonly DealTextEdit[]): TextEdit[] {
  return edits.map((edit) => ({ range: toRange(analysis, edit.span), newText: edit.newText }));
}
