// Selection ranges (expand selection): from the word under the cursor outwards through the
// parts of the syntax tree around it — an amount, a clause, a payment, its group, its block,
// the deal, the file. Every AST node carries its span, so the tree gives the steps directly.
import type { Span } from '../language/ast';
import { dealLexer } from '../language/tokens';
import { dealAt, type AnalyzedDocument } from '../document/analyze';
import { dealTokens } from '../document/deal-tokens';

/** The spans around `offset`, innermost first, each strictly wider than the one before. */
export function findSelectionRanges(document: AnalyzedDocument, offset: number): Span[] {
  const spans: Span[] = [];
  const token = tokenAt(document, offset);
  if (token) spans.push(token);
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

/** The token under the cursor (or just before it): from the deal's own tokens, else by lexing
 * the line around the cursor (outside a deal there are only comments and stray words). */
function tokenAt(document: AnalyzedDocument, offset: number): Span | undefined {
  const deal = dealAt(document, offset);
  if (deal) {
    const base = deal.model.deal.span.start;
    const { tokens } = dealTokens(deal);
    const index = dealTokens(deal).firstEndingAtOrAfter(offset - base);
    const token = tokens[index];
    if (token && offset - base >= token.startOffset) return { start: base + token.startOffset, end: base + (token.endOffset ?? token.startOffset) + 1 };
    return undefined;
  }
  const text = document.text;
  const start = Math.max(text.lastIndexOf('\n', offset - 1) + 1, 0);
  const newline = text.indexOf('\n', offset);
  const end = newline < 0 ? text.length : newline;
  const token = dealLexer.tokenize(text.slice(start, end)).tokens
    .find((t) => offset - start >= t.startOffset && offset - start <= (t.endOffset ?? t.startOffset) + 1);
  return token ? { start: start + token.startOffset, end: start + (token.endOffset ?? token.startOffset) + 1 } : undefined;
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
