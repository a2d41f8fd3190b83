// Lexer errors that are really one mistyped word, turned back into one token with one message.
// Without this, `party Bö` lexes as the name `B` plus a stray `ö`, and `success 1e9%` as three
// unrelated errors; with it, the parser sees one name (or one unreadable number) in its place
// and the writer gets one diagnostic on the whole word, in their words.
import { createTokenInstance, type ILexingError, type IToken } from 'chevrotain';
import type { Span } from './ast';
import { LineMap } from './line-map';
import { Identifier, NumberLiteral, PercentLiteral } from './tokens';

export interface WordProblem { message: string; span: Span }

export interface RepairedTokens {
  tokens: IToken[];
  /** The lexer errors that are not part of a mistyped word: still reported as stray characters. */
  errors: ILexingError[];
  problems: WordProblem[];
}

/** Characters that end a word: whitespace, punctuation of the grammar, quotes, comments, currency symbols. */
const boundary = /[\s{}:=,"/$€£¥]/u;
const wordChars = /^[\p{L}\p{M}\p{N}_.%-]+$/u;
const nameShape = /^[\p{L}_][\p{L}\p{M}\p{N}_]*$/u;
const numberShape = /^-?\d/;

export function repairMistypedWords(text: string, tokens: IToken[], errors: ILexingError[]): RepairedTokens {
  if (errors.length === 0) return { tokens, errors, problems: [] };
  const words: { span: Span; token: IToken; problem: WordProblem }[] = [];
  const kept: ILexingError[] = [];
  const lines = new LineMap(text);
  // The last word looked at: later errors inside it belong to it (and a long word is scanned once).
  let last: { span: Span; repaired: boolean } | undefined;
  for (const error of errors) {
    if (last && error.offset < last.span.end) {
      if (!last.repaired) kept.push(error);
      continue;
    }
    const span = wordAround(text, error.offset, error.offset + Math.max(1, error.length));
    const word = text.slice(span.start, span.end);
    const repaired = wordChars.test(word) ? repairWord(lines, word, span) : undefined;
    if (repaired) words.push({ span, ...repaired });
    else kept.push(error);
    last = { span, repaired: !!repaired };
  }
  if (words.length === 0) return { tokens, errors, problems: [] };

  // Drop the pieces each word was lexed into and put the word's own token in their place.
  const out: IToken[] = [];
  let w = 0;
  for (const token of tokens) {
    while (w < words.length && words[w].span.end <= token.startOffset) out.push(words[w++].token);
    const inside = w < words.length && token.startOffset >= words[w].span.start && token.startOffset < words[w].span.end;
    if (!inside) out.push(token);
  }
  while (w < words.length) out.push(words[w++].token);
  return { tokens: out, errors: kept, problems: words.map((x) => x.problem) };
}

function wordAround(text: string, start: number, end: number): Span {
  let s = start;
  let e = end;
  while (s > 0 && !boundary.test(text[s - 1])) s--;
  while (e < text.length && !boundary.test(text[e])) e++;
  return { start: s, end: e };
}

function repairWord(lines: LineMap, word: string, span: Span): { token: IToken; problem: WordProblem } | undefined {
  const at = lines.positionAt(span.start);
  const line = at.line + 1;
  const column = at.character + 1;
  const shown = word.length > 40 ? `${word.slice(0, 40)}…` : word;
  if (numberShape.test(word)) {
    // An unreadable number stands in the tree as an empty token, as if recovery had invented it,
    // so no check or total takes a figure from it.
    const type = word.endsWith('%') ? PercentLiteral : NumberLiteral;
    const token = createTokenInstance(type, '', span.start, span.start - 1, line, line, column, column - 1);
    const how = word.endsWith('%')
      ? 'a percentage the deal language reads: write it in digits, such as 7.5%'
      : 'a number the deal language reads: write digits with an optional scale (K or thousand, M, mm, mn or million, B, bn or billion, in any case), such as 35.5M, 120 million or 1,000,000';
    return {
      token,
      problem: {
        message: `'${shown}' is not ${how} (exponents like 1e9 are not read).`,
        span,
      },
    };
  }
  if (nameShape.test(word)) {
    const token = createTokenInstance(Identifier, word, span.start, span.end - 1, line, line, column, column + word.length - 1);
    const foreign = [...new Set(Array.from(word).filter((c) => !/[A-Za-z0-9_]/.test(c)))].join(' ');
    return {
      token,
      problem: {
        message: `'${shown}' is not a valid name: names use only the letters A–Z and a–z, digits and _ (not ${foreign}). Spell it without them here, and write the full name in the quoted title, where any letter is fine.`,
        span,
      },
    };
  }
  return undefined;
}
