// Markers that let a test show, in the .deal text itself, where something is expected:
//   «Biotes»  marks a range (e.g. where a diagnostic must be), `<|>` marks a cursor position.
// The markers are removed; ranges and positions refer to the clean text.
import { analyzeDealText } from '../../server/src/document/analyze';
import type { Span } from '../../server/src/language/ast';
import { LineMap, type Position } from '../../server/src/language/line-map';

export interface Range { start: Position; end: Position }

export interface MarkedText {
  /** The text with every marker removed. */
  text: string;
  /** The «…» ranges, in the order they open. */
  ranges: Range[];
  /** The same ranges as offsets into `text`. */
  spans: Span[];
  /** Each `<|>` cursor, in order. */
  positions: Position[];
  offsets: number[];
}

const open = '«';
const close = '»';
const cursor = '<|>';

/** Strips «…» and `<|>` markers. «» may nest; an unbalanced marker is a mistake in the test. */
export function markedRanges(marked: string): MarkedText {
  let text = '';
  const spans: Span[] = [];
  const offsets: number[] = [];
  const openAt: number[] = [];
  const openIndex: number[] = [];
  for (let i = 0; i < marked.length; i++) {
    if (marked.startsWith(cursor, i)) {
      offsets.push(text.length);
      i += cursor.length - 1;
    } else if (marked[i] === open) {
      openAt.push(text.length);
      openIndex.push(spans.length);
      spans.push({ start: text.length, end: text.length });
    } else if (marked[i] === close) {
      const start = openAt.pop();
      if (start === undefined) throw new Error(`Unbalanced ${close} at ${i} in test text`);
      spans[openIndex.pop()!] = { start, end: text.length };
    } else {
      text += marked[i];
    }
  }
  if (openAt.length > 0) throw new Error(`Unclosed ${open} in test text`);
  const lines = new LineMap(text);
  return {
    text,
    spans,
    ranges: spans.map((s) => rangeOf(lines, s)),
    offsets,
    positions: offsets.map((o) => lines.positionAt(o)),
  };
}

/** A span as 0-based line/character positions. */
export function rangeOf(lines: LineMap, span: Span): Range {
  return { start: lines.positionAt(span.start), end: lines.positionAt(span.end) };
}

/** `3:5-3:11` (1-based, as editors show them): readable in assertion failures. */
export function showRange(range: Range): string {
  return `${range.start.line + 1}:${range.start.character + 1}-${range.end.line + 1}:${range.end.character + 1}`;
}

/** A diagnostic as a test compares it: its range shown as `line:col-line:col` (1-based). */
export interface FoundDiagnostic {
  code: string;
  severity: string;
  range: string;
  message: string;
  data?: Record<string, string>;
}

/**
 * Analyzes a marked .deal text and returns every diagnostic (in text order) and the marked
 * ranges, both shown as `line:col-line:col`, so a test can compare them with one deepEqual.
 */
export function diagnosticsOf(marked: string): { found: FoundDiagnostic[]; ranges: string[] } {
  const { text, ranges } = markedRanges(marked);
  const document = analyzeDealText(text);
  const found = document.diagnostics.map((d) => ({
    code: d.code,
    severity: d.severity,
    range: showRange(rangeOf(document.lines, d.span)),
    message: d.message,
    ...(d.data ? { data: d.data } : {}),
  }));
  return { found, ranges: ranges.map(showRange) };
}
