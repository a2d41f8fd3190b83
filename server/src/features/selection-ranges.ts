// Selection ranges (expand selection): from the word under the cursor outwards through the
// parts of the syntax tree around it — an amount, a clause, a payment, its group, its block,
// the deal, the file. Every AST node carries its span, so the tree gives the steps directly.
import type { Span } from '../language/ast';
import { dealLexer } from '../language/tokens';
import type { AnalyzedDocument } from '../document/analyze';

/** The spans around `offset`, innermost first, each strictly wider than the one before. */
export function findSelectionRanges(document: AnalyzedDocument, offset: number): Span[] {
  const spans: Span[] = [];
  const token = dealLexer.tokenize(document.text).tokens
    .find((t) => offset >= t.startOffset && offset <= (t.endOffset ?? t.startOffset) + 1);
  if (token) spans.push({ start: token.startOffset, end: (token.endOffset ?? token.startOffset) + 1 });
  collectSpans(document.parsed.file, offset, spans, new Set());
  spans.push({ start: 0, end: document.text.length });

  const inside = spans.filter((s) => s.start <= offset && offset <= s.end && s.end > s.start);
  inside.sort((a, b) => (a.end - a.start) - (b.end - b.start) || b.start - a.start);
  const out: Span[] = [];
  for (const span of inside) {
    const last = out[out.length - 1];
    if (last && (span.start === last.start && span.end === last.end)) continue;
    // Each step must hold the one before: a sibling that merely touches the cursor is skipped.
    if (last && (span.start > last.start || span.end < last.end)) continue;
    out.push(span);
  }
  return out;
}

/** Every node span around the offset, walking the tree generically (the AST is plain data;
 * a milestone points back at its group, hence the visited set). */
function collectSpans(node: unknown, offset: number, out: Span[], visited: Set<object>): void {
  if (!node || typeof node !== 'object' || visited.has(node)) return;
  visited.add(node);
  if (Array.isArray(node)) {
    for (const item of node) collectSpans(item, offset, out, visited);
    return;
  }
  const record = node as Record<string, unknown>;
  const span = record.span as Span | undefined;
  if (span && typeof span.start === 'number' && typeof span.end === 'number') {
    if (offset < span.start || offset > span.end) return;
    out.push(span);
  }
  for (const [key, value] of Object.entries(record)) {
    if (key === 'span') continue;
    collectSpans(value, offset, out, visited);
  }
}
