// The formatter: one canonical layout for a .deal file. It only ever changes the whitespace
// between tokens — never a token, never a comment — so it cannot change what a deal says;
// and as a last guard it re-reads its own output and gives up if the tokens differ.
// Layout: one item per line inside `{ }` blocks (deal lines, payments, milestones, tiers,
// option terms, scenario steps), short attribute blocks on one line (`party … { role licensor
// country US }`, `timeline { … }`, `sales { … }`, `valuation { … }`), comments where they
// were (trailing or on their own line), at most one blank line where the author left one.
import { dealLexer } from '../language/tokens';
import type { Span } from '../language/ast';
import type { AnalyzedDocument } from '../document/analyze';
import { layoutTokens, type LayoutToken } from './format-layout';
import type { TextEdit } from './rename';

export interface FormatOptions {
  /** Spaces per indentation level (default 2). */
  tabSize?: number;
  /** Indent with spaces (default) or tabs. */
  insertSpaces?: boolean;
}

/** The tokens and comments of a text, in order, each with the whitespace before it. */
function tokensOf(text: string): LayoutToken[] | undefined {
  const lexed = dealLexer.tokenize(text);
  if (lexed.errors.length > 0) return undefined;
  const all = [...lexed.tokens, ...(lexed.groups.comments ?? [])].sort((a, b) => a.startOffset - b.startOffset);
  let previousEnd = 0;
  return all.map((token, index) => {
    const start = token.startOffset;
    const end = (token.endOffset ?? start) + 1;
    const gap = text.slice(previousEnd, start);
    previousEnd = end;
    return { index, image: token.image, type: token.tokenType, start, end, gapBefore: gap };
  });
}

/**
 * The edits that give the document its canonical layout: one per gap between tokens that
 * changes. None when the document has syntax errors (its structure is not known for sure).
 */
export function formatDocument(document: AnalyzedDocument, options: FormatOptions = {}): TextEdit[] {
  if (document.parsed.syntaxErrors.length > 0) return [];
  const tokens = tokensOf(document.text);
  if (!tokens) return [];
  const separators = layoutTokens(tokens, indentUnit(options));
  const formatted = tokens.map((t, i) => separators[i] + t.image).join('') + (tokens.length ? '\n' : '');
  if (!sameTokens(document.text, formatted)) return [];

  const edits: TextEdit[] = [];
  tokens.forEach((token, i) => {
    const span = { start: token.start - token.gapBefore.length, end: token.start };
    if (token.gapBefore !== separators[i]) edits.push({ span, newText: separators[i] });
  });
  const lastEnd = tokens.length ? tokens[tokens.length - 1].end : 0;
  const tail = document.text.slice(lastEnd);
  const newTail = tokens.length ? '\n' : '';
  if (tail !== newTail) edits.push({ span: { start: lastEnd, end: document.text.length }, newText: newTail });
  return edits;
}

/** Only the edits that touch `range` (the lines the user selected). */
export function formatRange(document: AnalyzedDocument, range: Span, options: FormatOptions = {}): TextEdit[] {
  return formatDocument(document, options).filter((edit) => edit.span.end >= range.start && edit.span.start < range.end);
}

/** The text in canonical layout, or undefined when it cannot be formatted (syntax errors). */
export function formatDealText(document: AnalyzedDocument, options: FormatOptions = {}): string | undefined {
  if (document.parsed.syntaxErrors.length > 0) return undefined;
  return applyEdits(document.text, formatDocument(document, options));
}

/** Applies non-overlapping edits (any order) to a text. */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  let out = text;
  for (const edit of [...edits].sort((a, b) => b.span.start - a.span.start)) {
    out = out.slice(0, edit.span.start) + edit.newText + out.slice(edit.span.end);
  }
  return out;
}

function indentUnit(options: FormatOptions): string {
  if (options.insertSpaces === false) return '\t';
  const size = options.tabSize && options.tabSize > 0 && options.tabSize <= 8 ? Math.floor(options.tabSize) : 2;
  return ' '.repeat(size);
}

function sameTokens(a: string, b: string): boolean {
  const images = (text: string) => {
    const lexed = dealLexer.tokenize(text);
    return [...lexed.tokens, ...(lexed.groups.comments ?? [])]
      .sort((x, y) => x.startOffset - y.startOffset)
      .map((t) => `${t.tokenType.name}:${t.image}`);
  };
  const left = images(a);
  const right = images(b);
  return left.length === right.length && left.every((image, i) => image === right[i]);
}
