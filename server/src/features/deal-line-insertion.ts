// Where a quick fix writes a new deal-level line (a party, an exchange rate): right after a
// term of the deal, on a line of its own, indented like the deal's terms. Never inside a
// comment that runs on past the term (`licensor /* note ⏎ … */`), never after the deal's own
// `}` (a deal written on one line gets its terms broken onto lines where the new one goes).
import type * as ast from '../language/ast';
import type { AnalyzedDocument } from '../document/analyze';
import type { TextEdit } from './rename';

/**
 * A new line `line` after the term ending at `after` (or, without one, right after the deal's
 * opening `{`). Undefined when that place cannot be found in a deal the parser had to repair.
 */
export function insertDealLine(document: AnalyzedDocument, deal: ast.Deal, after: ast.Span | undefined, line: string): TextEdit | undefined {
  const text = document.text;
  const from = after ? after.end : openingBrace(document, deal);
  if (from === undefined || !Number.isFinite(from) || from <= deal.span.start || from > text.length) return undefined;
  // Past the rest of the term's line: spaces, and comments (a block comment may span lines).
  let at = from;
  let blankFrom = from;
  for (;;) {
    blankFrom = at;
    while (at < text.length && (text[at] === ' ' || text[at] === '\t')) at++;
    const comment = commentAt(document, at);
    if (!comment) break;
    at = comment.end;
  }
  const eol = lineEnd(text, at);
  const dealIndent = indentOf(document, deal.span.start) ?? '';
  const indent = (after && indentOf(document, after.start, openingBrace(document, deal))) ?? dealIndent + indentUnit(text, dealIndent);
  if (at >= text.length || text[at] === '\n' || text[at] === '\r') {
    return { span: { start: at, end: at }, newText: `${eol}${indent}${line}` };
  }
  // More of the deal follows on this line: it moves to the next line (the deal's `}` to the
  // deal's own indentation).
  const next = text[at] === '}' && at === deal.span.end - 1 ? dealIndent : indent;
  return { span: { start: blankFrom, end: at }, newText: `${eol}${indent}${line}${eol}${next}` };
}

/** Just past the deal's `{` (after its name, title and any comments between). */
function openingBrace(document: AnalyzedDocument, deal: ast.Deal): number | undefined {
  const text = document.text;
  let at = (deal.title ?? deal.name).span.end;
  if (!Number.isFinite(at) || at <= deal.span.start) return undefined;
  for (;;) {
    while (at < text.length && /\s/.test(text[at])) at++;
    const comment = commentAt(document, at);
    if (!comment) break;
    at = comment.end;
  }
  return text[at] === '{' ? at + 1 : undefined;
}

/** The comment starting at `offset`, if one does. */
function commentAt(document: AnalyzedDocument, offset: number): ast.Span | undefined {
  const comment = document.parsed.comments.find((c) => c.startOffset === offset);
  return comment ? { start: comment.startOffset, end: comment.startOffset + comment.image.length } : undefined;
}

/** The indentation of the line holding `offset`, if that line starts with a term of the deal
 * (not inside a comment, and after the deal's `{` when `inside` is given). */
function indentOf(document: AnalyzedDocument, offset: number, inside?: number): string | undefined {
  const text = document.text;
  let start = offset;
  while (start > 0 && text[start - 1] !== '\n' && text[start - 1] !== '\r') start--;
  const indent = /^[ \t]*/.exec(text.slice(start, offset))![0];
  const first = start + indent.length;
  if (inside !== undefined && first < inside) return undefined;
  if (document.parsed.comments.some((c) => c.startOffset < first && first < c.startOffset + c.image.length)) return undefined;
  return indent;
}

/** One level of indentation: a tab where the file indents with tabs, else two spaces. */
function indentUnit(text: string, dealIndent: string): string {
  return dealIndent.includes('\t') || /(^|[\r\n])\t/.test(text) ? '\t' : '  ';
}

/** The line break the file uses where the new line goes (else its first one, else `\n`). */
function lineEnd(text: string, at: number): string {
  if (text.startsWith('\r\n', at)) return '\r\n';
  if (text[at] === '\r' || text[at] === '\n') return text[at];
  return /\r\n|\r|\n/.exec(text)?.[0] ?? '\n';
}
