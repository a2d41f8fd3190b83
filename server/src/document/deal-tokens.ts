// A deal's tokens, lexed from its own text once and kept on the deal: folding, inlay hints and
// selection ranges read them instead of lexing the whole document on every request. Offsets
// count from the deal's first character (a class instance, so re-analysis does not move them:
// see model/facets), and callers add the deal's start wherever the deal now stands. After an
// edit inside one term of a long deal, the tokens are not lexed again: the term's own tokens,
// lexed when it was read again, take the place of its old ones (`spliceDealTokens`).
import type { IToken } from 'chevrotain';
import type { Span } from '../language/ast';
import { replaceInPlace } from '../language/replace-in-place';
import { tokenizeForParser } from '../language/tokens';
import type { FacetStore } from '../model/facets';

export class DealTokens {
  constructor(
    /** Tokens the parser reads, in text order, with their start and end offsets (no lines).
     * Changed in place when the deal is analysed again after an edit (`spliceDealTokens`). */
    readonly tokens: IToken[],
    /** Comments, in text order. */
    readonly comments: IToken[],
  ) {}

  /** The index of the first token that ends at or after a deal-relative offset. */
  firstEndingAtOrAfter(offset: number): number {
    return firstEnding(this.tokens, offset);
  }
}

function firstEnding(tokens: readonly IToken[], offset: number): number {
  let low = 0;
  let high = tokens.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if ((tokens[mid].endOffset ?? tokens[mid].startOffset) + 1 < offset) low = mid + 1;
    else high = mid;
  }
  return low;
}

/** The first token starting at or after a deal-relative offset. */
function firstStarting(tokens: readonly IToken[], offset: number): number {
  let low = 0;
  let high = tokens.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (tokens[mid].startOffset < offset) low = mid + 1;
    else high = mid;
  }
  return low;
}

interface TokensHolder { model: { facets: FacetStore }; source: string }

const key = {};

export function dealTokens(deal: TokensHolder): DealTokens {
  return deal.model.facets.get(key, () => {
    const lexed = tokenizeForParser(deal.source);
    return new DealTokens(lexed.tokens, lexed.groups.comments ?? []);
  });
}

/** What re-reading one term of a deal gives for its tokens: the old term's span (deal-relative,
 * old offsets), its tokens and comments as lexed alone (offsets from the term's start), and how
 * much longer the term became. */
export interface TermTokens { replaced: Span; tokens: readonly IToken[]; comments: readonly IToken[]; delta: number }

/**
 * Gives `next` (the deal after an edit inside one term) the tokens of `previous` with the term's
 * tokens in place of its old ones, when `previous` had them. The lists are changed in place, not
 * copied: `previous` is taken over by the re-analysis, and copying a long deal's tens of thousands
 * of tokens per keystroke costs more than the rest of what the edit touches.
 */
export function spliceDealTokens(previous: TokensHolder, next: TokensHolder, term: TermTokens): void {
  const old = previous.model.facets.peek<DealTokens>(key);
  if (!old) return;
  spliceInPlace(old.tokens, term.replaced, term.tokens, term.delta);
  spliceInPlace(old.comments, term.replaced, term.comments, term.delta);
  next.model.facets.set(key, new DealTokens(old.tokens, old.comments));
}

/** Replaces the tokens of the `replaced` span with `fresh` (offsets from the span's start) and
 * moves the tokens after it by `delta`. */
function spliceInPlace(tokens: IToken[], replaced: Span, fresh: readonly IToken[], delta: number): void {
  const placed = fresh.map((token) => {
    const start = token.startOffset + replaced.start;
    return { ...token, startOffset: start, endOffset: start + token.image.length - 1 };
  });
  const moved = replaceInPlace(tokens, firstStarting(tokens, replaced.start), firstStarting(tokens, replaced.end), placed);
  if (delta === 0) return;
  for (let i = moved; i < tokens.length; i++) {
    const token = tokens[i];
    token.startOffset += delta;
    if (token.endOffset !== undefined) token.endOffset += delta;
  }
}
