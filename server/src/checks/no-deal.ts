// no-deal: an empty or comment-only file checks clean but holds nothing to check; a note at its
// start says how to begin. A file whose deal the parser could not read gets its syntax errors
// instead, which say what to fix.
import type { ParsedDealFile } from '../language/parse';
import type { DealDiagnostic } from '../model/diagnostic';
import { problem } from '../model/deal-walk';

export function checkNoDeal(parsed: ParsedDealFile): DealDiagnostic[] {
  if (parsed.file.deals.length > 0 || parsed.syntaxErrors.length > 0) return [];
  return [problem('no-deal', 'info', 'No deal in this file: write `deal Name "Title" { … }`.', { start: 0, end: 0 })];
}
