// The vocabulary of the .deal language. These token definitions are the single source of
// truth: the lexer is built from them, completion offers `keywordNames`, and the TextMate
// grammar's keyword list is generated from `keywordNames` (scripts/gen-grammar.mjs).
import { createToken, Lexer, type ILexingResult, type IToken, type TokenType } from 'chevrotain';

export const WhiteSpace = createToken({ name: 'WhiteSpace', pattern: /[ \t\r\n\f\v\u00a0\u0085\ufeff\u2028\u2029]+/, group: Lexer.SKIPPED });
// A `//` comment ends at every line terminator Unicode has (U+2028, U+2029 and U+0085 too), so
// a file broken with them is not read as one long comment hiding its terms. Positions still
// count only \n, \r\n and \r as line ends, as editors do (see line-map.ts); the checker warns
// where such a break ends a comment, since editors show what follows on the comment's line.
export const LineComment = createToken({ name: 'LineComment', pattern: /\/\/[^\r\n\u2028\u2029\u0085]*/, group: 'comments' });
// An unterminated block comment runs to the end of the file; it is kept as a comment so the
// parser sees a clean stream, and reported as an error at its opening `/*`.
export const BlockComment = createToken({ name: 'BlockComment', pattern: /\/\*(?:[^*]|\*(?!\/))*(?:\*\/)?/, group: 'comments', line_breaks: true });

export const Identifier = createToken({ name: 'Identifier', pattern: /[A-Za-z_][A-Za-z0-9_]*/ });

/** Both terminated and unterminated strings are strings to the parser, so one missing quote
 * costs one diagnostic on its own line and never swallows the rest of the file. */
export const StringLiteral = createToken({ name: 'StringLiteral', pattern: Lexer.NA });
export const TerminatedString = createToken({ name: 'TerminatedString', pattern: /"(?:[^"\\\r\n]|\\.)*"/, categories: [StringLiteral] });
export const UnterminatedString = createToken({ name: 'UnterminatedString', pattern: /"(?:[^"\\\r\n]|\\[^\r\n])*\\?/, categories: [StringLiteral] });

const digits = String.raw`(?:\d{1,3}(?:,\d{3})+(?!\d)|\d+(?:_\d+)*)(?:\.\d+)?`;
export const DateLiteral = createToken({ name: 'DateLiteral', pattern: /\d{4}-\d{2}-\d{2}(?![\w-])/ });
/** A month, `2016-09`: where a payment is expected (or dated) to the month. */
export const MonthLiteral = createToken({ name: 'MonthLiteral', pattern: /\d{4}-\d{2}(?![\w-])/ });
export const QuarterLiteral = createToken({ name: 'QuarterLiteral', pattern: /\d{4}-Q\d(?!\w)/ });
export const PercentLiteral = createToken({ name: 'PercentLiteral', pattern: new RegExp(`-?${digits}%`) });

/** The scales a number may carry, by spelling, as powers of ten. Any case: `k`/`K`, `m`/`M`,
 * `mm`/`MM`, `mn`, `b`/`B`, `bn`, and the words `thousand`, `million`, `billion` (`Million`,
 * `MILLION`). Words of two letters or more may also stand after a space (`120 million`,
 * `2.5 bn`); a single letter only right after the digits (`120m`), so `5 M` stays a number and a name. */
export const scaleExponents: Readonly<Record<string, number>> = {
  k: 3, thousand: 3, m: 6, mm: 6, mn: 6, million: 6, b: 9, bn: 9, billion: 9,
};
const allCases = (word: string): string[] => [...new Set([word, word.toUpperCase(), word[0].toUpperCase() + word.slice(1)])];
// Ties in length are put in code-unit order: comparing by locale would load the collation tables
// at start-up, and two words of one length cannot both match at one place.
const longestFirst = (words: string[]): string[] => [...words].sort((a, b) => b.length - a.length || (a < b ? -1 : a > b ? 1 : 0));
const scaleWords = longestFirst(Object.keys(scaleExponents).filter((s) => s.length > 1).flatMap(allCases));
const scaleLetters = longestFirst(Object.keys(scaleExponents).filter((s) => s.length === 1).flatMap(allCases));
/** The scale part of an amount, as a regular expression source (the TextMate grammar uses it too). */
export const scaleSource = `(?:[ \\t]*(?:${scaleWords.join('|')})|(?:${scaleLetters.join('|')}))`;
/** A number with an optional scale: 1, 1.5, 1,000,000, 1_000_000, 250K, 35.5M, 1.2B, 2bn, 120m,
 * 5mm, 1.6 billion. A scale is never the start of a longer word (`6 months`, `100m1` are not scaled). */
export const NumberLiteral = createToken({ name: 'NumberLiteral', pattern: new RegExp(`-?${digits}${scaleSource}?(?![A-Za-z0-9_])`) });
/** `$`, `€`, `£`, `¥`, and `US$` (tried before names, so `US$ 5M` is not the territory US). */
export const CurrencySymbol = createToken({ name: 'CurrencySymbol', pattern: /US\$|[$€£¥]/ });

export const LCurly = createToken({ name: 'LCurly', pattern: '{', label: "'{'" });
export const RCurly = createToken({ name: 'RCurly', pattern: '}', label: "'}'" });
export const Comma = createToken({ name: 'Comma', pattern: ',', label: "','" });
export const Colon = createToken({ name: 'Colon', pattern: ':', label: "':'" });
export const Equals = createToken({ name: 'Equals', pattern: '=', label: "'='" });

/** Every keyword, by its spelling. Keywords are reserved words; names such as stages
 * (`phase1`, `approval`), roles and territories are plain identifiers checked by analysis. */
export const keywordNames = [
  'deal', 'currency', 'signed', 'effective', 'announced', 'source', 'headline', 'fx', 'stage',
  'party', 'role', 'ticker', 'country',
  'stages', 'success',
  'license', 'from', 'to', 'exclusive', 'non-exclusive', 'co-exclusive', 'technology', 'field', 'target',
  'undisclosed', 'territory', 'indications', 'sublicensing', 'allowed', 'with', 'consent', 'not', 'term',
  'years', 'year', 'months', 'month',
  'payments', 'upfront', 'on', 'signing', 'fee', 'milestones', 'milestone', 'up', 'by', 'at', 'expected',
  'sales', 'when', 'annual', 'reach', 'royalty', 'above', 'total', 'cumulative', 'funding', 'per', 'for', 'equity',
  'premium', 'manufacturing', 'cost', 'plus',
  'option', 'holder', 'exercise', 'forfeit', 'unearned', 'in', 'share', 'costs', 'profits',
  'scenario', 'timeline', 'valuation', 'as', 'of', 'discount',
  'about', 'including', 'options', 'excluding', 'over',
  'program', 'count', 'paying', 'developer',
  'development', 'goods', 'commercial',
] as const;
export type KeywordName = (typeof keywordNames)[number];

const keywordTokens = new Map<KeywordName, TokenType>();
for (const word of keywordNames) {
  const escaped = word.replace(/-/g, '\\-');
  keywordTokens.set(word, createToken({
    name: `Kw_${word.replace(/-/g, '_')}`,
    label: `'${word}'`,
    pattern: new RegExp(`${escaped}(?![A-Za-z0-9_-])`),
    longer_alt: Identifier,
  }));
}

/** The token of a keyword, by spelling. */
export function kw(word: KeywordName): TokenType {
  return keywordTokens.get(word)!;
}

// Longer keywords first where one is a prefix of another (`milestones` before `milestone`).
const keywordsLongestFirst = [...keywordTokens.entries()]
  .sort((a, b) => b[0].length - a[0].length)
  .map(([, token]) => token);

/** Every token type, in the order the patterns are tried: the parser's vocabulary. */
export const allTokens: TokenType[] = [
  WhiteSpace, LineComment, BlockComment,
  DateLiteral, MonthLiteral, QuarterLiteral, PercentLiteral, NumberLiteral,
  StringLiteral, TerminatedString, UnterminatedString,
  CurrencySymbol,
  ...keywordsLongestFirst,
  Identifier,
  LCurly, RCurly, Comma, Colon, Equals,
];

/** Keywords spelled like names (every one but `non-exclusive` and `co-exclusive`), by spelling. */
const wordKeywords = new Map<string, TokenType>(
  [...keywordTokens].filter(([word]) => !word.includes('-')),
);
const wordKeywordTypes = new Set(wordKeywords.values());

/**
 * What the lexer matches. A keyword spelled like a name is lexed as an Identifier and then given
 * its keyword type (`classifyKeywords`): one pattern per word instead of trying every keyword
 * that starts with its letter. That reads exactly as the keyword patterns would: a keyword
 * pattern matches where an Identifier's maximal match is the keyword itself and no `-`
 * follows it (`(?![A-Za-z0-9_-])`).
 */
const lexedTokens = allTokens.filter((token) => !wordKeywordTypes.has(token));

const hyphen = 45;

/** Gives each Identifier that spells a keyword (not followed by `-`) the keyword's type. */
function classifyKeywords(text: string, tokens: IToken[]): void {
  for (const token of tokens) {
    if (token.tokenType !== Identifier) continue;
    const keyword = wordKeywords.get(token.image);
    if (keyword && text.charCodeAt(token.startOffset + token.image.length) !== hyphen) {
      token.tokenType = keyword;
      token.tokenTypeIdx = keyword.tokenTypeIdx!;
    }
  }
}

// The lexers are built on first use: building one analyses every pattern, which a language
// server should not spend before it answers `initialize`.
let fullLexer: Lexer | undefined;
let offsetLexer: Lexer | undefined;

/** The lexer for tools that read tokens directly (folding, formatting, completion): full positions. */
export const dealLexer = {
  tokenize(text: string): ILexingResult {
    fullLexer ??= new Lexer(lexedTokens, { positionTracking: 'full', ensureOptimizations: true });
    const lexed = fullLexer.tokenize(text);
    classifyKeywords(text, lexed.tokens);
    return lexed;
  },
};

/** Tokens for the parser, with `endOffset` filled in from the image. Its lexer tracks offsets
 * only, twice as fast as tracking lines and columns, which no parser step reads (line and
 * column come from the LineMap where a person reads them). */
export function tokenizeForParser(text: string): ILexingResult {
  offsetLexer ??= new Lexer(lexedTokens, { positionTracking: 'onlyOffset', ensureOptimizations: true });
  const lexed = offsetLexer.tokenize(text);
  classifyKeywords(text, lexed.tokens);
  for (const token of lexed.tokens) token.endOffset = token.startOffset + token.image.length - 1;
  for (const token of lexed.groups.comments ?? []) token.endOffset = token.startOffset + token.image.length - 1;
  return lexed;
}
