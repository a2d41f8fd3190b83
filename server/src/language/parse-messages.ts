// Syntax error messages in the words of the people who write deals: what was expected, in
// plain terms, and what was found instead. Chevrotain's defaults list token names and paths.
import { EOF, type IParserErrorMessageProvider, type IToken, type TokenType } from 'chevrotain';

const plainWords: Record<string, string> = {
  Identifier: 'a name',
  NumberLiteral: 'a number or amount (such as 1.5M)',
  PercentLiteral: 'a percentage (such as 5%)',
  StringLiteral: 'a quoted text (such as "title")',
  DateLiteral: 'a date (such as 2006-07-07)',
  MonthLiteral: 'a month (such as 2016-09)',
  QuarterLiteral: 'a quarter (such as 2008-Q3)',
  CurrencySymbol: 'a currency symbol',
  LCurly: "'{'",
  RCurly: "'}'",
  Comma: "','",
  Colon: "':'",
  Equals: "'='",
};

export function describeToken(type: TokenType): string {
  return plainWords[type.name] ?? type.LABEL ?? type.name;
}

function found(token: IToken): string {
  if (token.tokenType === EOF) return 'the end of the file';
  const image = token.image.length > 40 ? `${token.image.slice(0, 40)}…` : token.image;
  return `'${image}'`;
}

function after(previous: IToken): string {
  return previous && previous.image && previous.tokenType !== EOF ? ` after '${previous.image}'` : '';
}

/** The distinct first tokens of the paths that were possible, in plain words, most useful first. */
function firstTokens(paths: TokenType[][][]): string {
  const words = new Set<string>();
  for (const alternative of paths) for (const path of alternative) if (path[0]) words.add(describeToken(path[0]));
  const list = [...words];
  const shown = list.slice(0, 8);
  const more = list.length > shown.length ? `, or ${list.length - shown.length} more` : '';
  if (shown.length <= 1) return shown[0] ?? 'something else';
  return `${shown.slice(0, -1).join(', ')}${more ? '' : ' or'} ${shown[shown.length - 1]}${more}`;
}

export const dealErrorMessages: IParserErrorMessageProvider = {
  buildMismatchTokenMessage({ expected, actual, previous }) {
    if (expected.name === 'RCurly' && actual.tokenType !== EOF) {
      // The block's items ended early: the token is what does not belong, not a missing brace.
      return `Unexpected ${found(actual)}: not something this block can hold (check its spelling), or a '}' is missing before it.`;
    }
    if (expected.name === 'RCurly') return `Expected '}' to close the block before the end of the file.`;
    // Past the last deal, only another deal (or a deal's terms, see the parser's afterDeal) may follow.
    if (expected === EOF) return `Unexpected ${found(actual)}: a file holds only 'deal' blocks; anything else belongs inside one.`;
    return `Expected ${describeToken(expected)}${after(previous)}, but found ${found(actual)}.`;
  },
  buildNotAllInputParsedMessage({ firstRedundant }) {
    return `Unexpected ${found(firstRedundant)}: a file holds only 'deal' blocks; anything else belongs inside one.`;
  },
  buildNoViableAltMessage({ expectedPathsPerAlt, actual, previous }) {
    return `Unexpected ${found(actual[0])}${after(previous)}: expected ${firstTokens(expectedPathsPerAlt)}.`;
  },
  buildEarlyExitMessage({ expectedIterationPaths, actual, previous }) {
    return `Expected ${firstTokens([expectedIterationPaths])}${after(previous)}, but found ${found(actual[0])}.`;
  },
};
