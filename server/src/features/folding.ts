// Folding ranges: every `{ … }` block that spans lines (deal, license, payments, milestone
// groups, royalty tiers, options, scenarios), block comments over several lines, and runs of
// line comments. Read from the tokens, so a file with a syntax error still folds.
import type { IToken } from 'chevrotain';
import type { Span } from '../language/ast';
import { dealLexer, LCurly, LineComment, RCurly } from '../language/tokens';
import type { AnalyzedDocument } from '../document/analyze';

export interface DealFoldingRange {
  /** From the opening brace (or the comment's start) to the closing brace (or the comment's
   * end). The editor folds the lines in between and keeps the closing brace's line visible. */
  span: Span;
  /** First and last line to fold (0-based): the closing brace's line stays visible. */
  startLine: number;
  endLine: number;
  kind: 'region' | 'comment';
}

export function findFoldingRanges(document: AnalyzedDocument): DealFoldingRange[] {
  const lines = document.lines;
  const line = (offset: number) => lines.positionAt(offset).line;
  const out: DealFoldingRange[] = [];
  const lexed = dealLexer.tokenize(document.text);

  const open: IToken[] = [];
  for (const token of lexed.tokens) {
    if (token.tokenType === LCurly) open.push(token);
    else if (token.tokenType === RCurly) {
      const start = open.pop();
      if (!start) continue;
      const startLine = line(start.startOffset);
      const closeLine = line(token.startOffset);
      if (closeLine - 1 > startLine) {
        out.push({ span: { start: start.startOffset, end: token.startOffset + 1 }, startLine, endLine: closeLine - 1, kind: 'region' });
      }
    }
  }

  const comments = lexed.groups.comments ?? [];
  let run: IToken[] = [];
  const flush = () => {
    if (run.length >= 2) {
      const first = run[0];
      const last = run[run.length - 1];
      out.push({ span: { start: first.startOffset, end: last.endOffset! + 1 }, startLine: line(first.startOffset), endLine: line(last.startOffset), kind: 'comment' });
    }
    run = [];
  };
  for (const comment of comments) {
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

/** Nothing but spaces before the comment on its line. */
function ownLine(text: string, offset: number): boolean {
  for (let i = offset - 1; i >= 0; i--) {
    const c = text[i];
    if (c === '\n' || c === '\r') return true;
    if (c !== ' ' && c !== '\t') return false;
  }
  return true;
}
