// Folding ranges: every `{ … }` block that spans lines (deal, license, payments, milestone
// groups, royalty tiers, options, scenarios), block comments over several lines, and runs of
// line comments. Read from the tokens, so a file with a syntax error still folds. Each deal's
// blocks are found once from its own tokens and kept on the deal; the text between deals is
// lexed on its own (it is short: comments and blank lines, or a stray brace).
import type { IToken } from 'chevrotain';
import type { Span } from '../language/ast';
import { dealLexer, LCurly, LineComment, RCurly } from '../language/tokens';
import { dealFacet, type AnalyzedDocument } from '../document/analyze';
import { dealTokens } from '../document/deal-tokens';

export interface DealFoldingRange {
  /** From the opening brace (or the comment's start) to the closing brace (or the comment's
   * end). The editor folds the lines in between and keeps the closing brace's line visible. */
  span: Span;
  /** First and last line to fold (0-based): the closing brace's line stays visible. */
  startLine: number;
  endLine: number;
  kind: 'region' | 'comment';
}

/** Each deal's `{ … }` blocks (spans move with the deal: see model/facets). */
const dealBlocks = dealFacet((deal) => braces(dealTokens(deal).tokens, deal.model.deal.span.start));

export function findFoldingRanges(document: AnalyzedDocument): DealFoldingRange[] {
  const lines = document.lines;
  const line = (offset: number) => lines.positionAt(offset).line;
  const out: DealFoldingRange[] = [];
  const region = (span: Span) => {
    const startLine = line(span.start);
    const closeLine = line(span.end - 1);
    if (closeLine - 1 > startLine) out.push({ span, startLine, endLine: closeLine - 1, kind: 'region' });
  };

  // A brace a deal leaves open (a syntax error) may be closed after it, as in one pass over the file.
  const open: Span[] = [];
  const join = (part: Braces) => {
    for (const block of part.pairs) region(block);
    for (const close of part.closes) {
      const start = open.pop();
      if (start) region({ start: start.start, end: close.end });
    }
    for (const start of part.opens) open.push(start);
  };
  let gapStart = 0;
  for (const deal of document.deals) {
    const span = deal.model.deal.span;
    join(gapBraces(document.text, gapStart, span.start));
    join(dealBlocks(deal));
    gapStart = Math.max(gapStart, span.end);
  }
  join(gapBraces(document.text, gapStart, document.text.length));

  let run: IToken[] = [];
  const flush = () => {
    if (run.length >= 2) {
      const first = run[0];
      const last = run[run.length - 1];
      out.push({ span: { start: first.startOffset, end: last.endOffset! + 1 }, startLine: line(first.startOffset), endLine: line(last.startOffset), kind: 'comment' });
    }
    run = [];
  };
  for (const comment of document.parsed.comments) {
    if (comment.tokenType === LineComment) {
      const previous = run[run.length - 1];
      const alone = ownLine(document.text, comment.startOffset);
      if (previous && (!alone || line(comment.startOffset) !== line(previous.startOffset) + 1)) flush();
      if (alone) run.push(comment);
      continue;
    }
    flush();
    const startLine = line(comment.startOffset);
    const endLine = line(comment.endOffset!);
    if (endLine > startLine) out.push({ span: { start: comment.startOffset, end: comment.endOffset! + 1 }, startLine, endLine, kind: 'comment' });
  }
  flush();
  return out.sort((a, b) => a.span.start - b.span.start);
}

/** The braces of one stretch of text: the pairs it closes itself, then the closing braces it
 * has no opening for and the opening braces it leaves open, each in text order. */
interface Braces { pairs: Span[]; closes: Span[]; opens: Span[] }

/** Braces among tokens whose offsets count from `base`. */
function braces(tokens: readonly IToken[], base: number): Braces {
  const result: Braces = { pairs: [], closes: [], opens: [] };
  for (const token of tokens) {
    const at = { start: base + token.startOffset, end: base + token.startOffset + 1 };
    if (token.tokenType === LCurly) result.opens.push(at);
    else if (token.tokenType === RCurly) {
      const start = result.opens.pop();
      if (start) result.pairs.push({ start: start.start, end: at.end });
      else result.closes.push(at);
    }
  }
  return result;
}

const none: Braces = { pairs: [], closes: [], opens: [] };

/** Braces in the text between deals (normally none: it holds comments and blank lines). */
function gapBraces(text: string, start: number, end: number): Braces {
  if (end <= start || !/[{}]/.test(text.slice(start, end))) return none;
  return braces(dealLexer.tokenize(text.slice(start, end)).tokens, start);
}

/** Nothing but spaces before the comment on its line. */
function ownLine(text: string, offset: number): boolean {
  for (let i = offset - 1; i >= 0; i--) {
    const c = text[i];
    if (c === '\n' || c === '\r') return true;
    if (c !== ' ' && c !== '\t') return false;
  }
  return true;
}
