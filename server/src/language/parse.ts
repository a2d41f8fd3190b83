// Text in, AST and syntax problems out. The entry point of the language core.
import type { IToken } from 'chevrotain';
import type { DealFile, Span } from './ast';
import { repairMistypedWords } from './mistyped-words';
import { dealParser, type DealParser } from './parser';
import { BlockComment, tokenizeForParser, UnterminatedString } from './tokens';
import { visibleText } from './unusual-characters';

export interface SyntaxProblem { message: string; span: Span }

export interface ParsedDealFile {
  text: string;
  file: DealFile;
  syntaxErrors: SyntaxProblem[];
  /** Comments, in order: the formatter and folding keep them. */
  comments: IToken[];
}

export function parseDealText(text: string): ParsedDealFile {
  const { tokens, syntaxErrors, comments } = lexDealText(text);
  const parser = dealParser();
  parser.input = tokens;
  const file = withoutStackTraces(() => parser.dealFile()) ?? { deals: [], span: { start: 0, end: text.length } };
  file.span = { start: 0, end: text.length };
  for (const problem of grammarProblems(parser, text)) syntaxErrors.push(problem);
  // The parser is shared: let go of this text's tokens now rather than at the next parse (for a
  // long file they weigh as much as its whole syntax tree).
  parser.input = [];
  syntaxErrors.sort((a, b) => a.span.start - b.span.start);
  return { text, file, syntaxErrors: atMost(maxSyntaxErrors, syntaxErrors), comments };
}

/** Runs a parse with no stack traces recorded. The parser throws an exception for each syntax
 * error it recovers from and each alternative it rules out, and an exception records its stack,
 * which nothing here reads: a file of 100,000 errors spent a quarter of its parse recording them.
 * (An error of the parser's own that escapes loses its stack; its message stays.) */
export function withoutStackTraces<T>(parse: () => T): T {
  const limit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  try {
    return parse();
  } finally {
    Error.stackTraceLimit = limit;
  }
}

/** The tokens the parser reads, the problems found before parsing (stray characters, mistyped
 * words, unclosed quotes and comments) and the comments. */
export function lexDealText(text: string): { tokens: IToken[]; syntaxErrors: SyntaxProblem[]; comments: IToken[] } {
  const lexed = tokenizeForParser(text);
  const repaired = repairMistypedWords(text, lexed.tokens, lexed.errors);
  const syntaxErrors: SyntaxProblem[] = [...repaired.problems];

  for (const error of repaired.errors) {
    const char = text.slice(error.offset, error.offset + error.length);
    syntaxErrors.push({
      message: `Unexpected character "${visibleText(char.length > 20 ? `${char.slice(0, 20)}…` : char)}": not part of the deal language.`,
      span: { start: error.offset, end: error.offset + Math.max(1, error.length) },
    });
  }
  for (const token of repaired.tokens) {
    if (token.tokenType === UnterminatedString) {
      syntaxErrors.push({
        message: 'This text has no closing quote: add `"` at its end (the line ends first).',
        span: { start: token.startOffset, end: (token.endOffset ?? token.startOffset) + 1 },
      });
    }
  }
  const comments = lexed.groups.comments ?? [];
  for (const comment of comments) {
    if (comment.tokenType === BlockComment && !comment.image.endsWith('*/')) {
      syntaxErrors.push({
        message: 'This comment is never closed: add `*/` where it should end (it runs to the end of the file).',
        span: { start: comment.startOffset, end: comment.startOffset + 2 },
      });
    }
  }
  return { tokens: repaired.tokens, syntaxErrors, comments };
}

/** What the grammar found wrong in the last parse, where it is in `text`. */
export function grammarProblems(parser: DealParser, text: string): SyntaxProblem[] {
  const problems: SyntaxProblem[] = [];
  for (const error of parser.errors) {
    const token = error.token;
    let span: Span;
    if (Number.isFinite(token.startOffset)) {
      span = { start: token.startOffset, end: (token.endOffset ?? token.startOffset) + 1 };
    } else {
      // At the end of the input: point just after the last real token.
      const previous = (error as { previousToken?: IToken }).previousToken;
      const at = previous && Number.isFinite(previous.endOffset) ? (previous.endOffset as number) + 1 : text.length;
      span = { start: at, end: at };
    }
    problems.push({ message: error.message, span });
  }
  for (const problem of parser.structureErrors) problems.push(problem);
  return problems;
}

/** Past this many, the text is most likely not a .deal file at all (a binary file, a pasted PDF):
 * listing every stray byte helps nobody and floods the editor. */
const maxSyntaxErrors = 500;

function atMost(limit: number, errors: SyntaxProblem[]): SyntaxProblem[] {
  if (errors.length <= limit) return errors;
  const shown = errors.slice(0, limit - 1);
  const rest = errors.length - shown.length;
  shown.push({
    message: `${rest} more syntax errors from here on are not listed. Is this a .deal file? Fix the errors above first.`,
    span: errors[limit - 1].span,
  });
  return shown;
}
