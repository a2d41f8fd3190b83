// Find all references and document highlights: every place a party, stage, payment, group,
// option or scenario is named, in the deal it belongs to.
import type { Span } from '../language/ast';
import type { AnalyzedDocument } from '../document/analyze';
import { occurrencesOf, symbolAt } from './symbol-index';

export interface DealReference {
  span: Span;
  /** The declaration (write) or a use (read): editors show the two apart. */
  declaration: boolean;
}

/** Every occurrence of the name under the cursor, in text order. */
export function findReferences(
  document: AnalyzedDocument, offset: number, options: { includeDeclaration?: boolean } = {},
): DealReference[] {
  const symbol = symbolAt(document, offset);
  if (!symbol) return [];
  const includeDeclaration = options.includeDeclaration ?? true;
  return occurrencesOf(document, symbol)
    .filter((s) => includeDeclaration || !s.declaration)
    .map((s) => ({ span: s.span, declaration: s.declaration }));
}

export type HighlightKind = 'read' | 'write';

export interface DealHighlight { span: Span; kind: HighlightKind }

/** The occurrences to highlight while the cursor stands on a name: declarations as writes. */
export function findHighlights(document: AnalyzedDocument, offset: number): DealHighlight[] {
  return findReferences(document, offset).map((r) => ({ span: r.span, kind: r.declaration ? 'write' : 'read' }));
}
