// A deal's tokens, lexed from its own text once and kept on the deal: folding, inlay hints and
// selection ranges read them instead of lexing the whole document on every request. Offsets
// count from the deal's first character (a class instance, so re-analysis does not move them:
// see model/facets), and `at` turns them into document offsets wherever the deal now stands.
import type { IToken } from 'chevrotain';
import { dealFacet, type AnalyzedDeal } from '../document/analyze';
import { dealLexer } from '../language/tokens';

export class DealTokens {
  constructor(
    /** Tokens the parser reads, in text order. */
    readonly tokens: IToken[],
    /** Comments, in text order. */
    readonly comments: IToken[],
  ) {}

  /** The index of the first token that ends at or after a deal-relative offset. */
  firstEndingAtOrAfter(offset: number): number {
    let low = 0;
    let high = this.tokens.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if ((this.tokens[mid].endOffset ?? this.tokens[mid].startOffset) + 1 < offset) low = mid + 1;
      else high = mid;
    }
    return low;
  }
}

export const dealTokens = dealFacet((deal: AnalyzedDeal) => {
  const lexed = dealLexer.tokenize(deal.source);
  return new DealTokens(lexed.tokens, lexed.groups.comments ?? []);
});
