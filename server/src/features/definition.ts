// Go to definition: from any name to where it is declared. A built-in stage (no `stages`
// block) has no declaration in the text, so it has no definition to go to.
import type { Span } from '../language/ast';
import type { AnalyzedDocument } from '../document/analyze';
import { declarationOf, symbolAt, type SymbolKind } from './symbol-index';

export interface DealDefinition {
  /** The declared name. */
  span: Span;
  /** The whole declaration (party line, payment, option block…), for peeking. */
  declarationSpan: Span;
  /** The name under the cursor. */
  originSpan: Span;
  kind: SymbolKind;
  name: string;
}

export function findDefinition(document: AnalyzedDocument, offset: number): DealDefinition | undefined {
  const symbol = symbolAt(document, offset);
  if (!symbol) return undefined;
  const declaration = declarationOf(document, symbol);
  if (!declaration) return undefined;
  const node = declaration.node as { span?: Span } | undefined;
  return {
    span: declaration.span,
    declarationSpan: node?.span ?? declaration.span,
    originSpan: symbol.span,
    kind: declaration.kind,
    name: declaration.name,
  };
}
