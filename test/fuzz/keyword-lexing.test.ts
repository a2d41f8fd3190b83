// The lexer reads keywords as names and then gives them their keyword type (tokens.ts,
// `classifyKeywords`). Here it is held to the lexer with one pattern per keyword, as the
// tokens define them: on the examples, generated deals and seeded random texts made of keywords
// with every kind of neighbour (hyphens, letters, digits, `_`, accents, punctuation), both give
// the same tokens (type, image, offset, line, column), comments and errors.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { Lexer, type ILexingResult } from 'chevrotain';
import { allTokens, dealLexer, keywordNames, tokenizeForParser } from '../../server/src/language/tokens';
import { generateDeal } from '../generate-deal';
import { rng } from '../seeded-random';
import { baseSeed, long } from './fuzz-settings';

const reference = {
  full: new Lexer(allTokens, { positionTracking: 'full' }),
  offsets: new Lexer(allTokens, { positionTracking: 'onlyOffset' }),
};

function shape(lexed: ILexingResult) {
  const token = (t: ILexingResult['tokens'][number]) =>
    [t.tokenType.name, t.tokenTypeIdx, t.image, t.startOffset, t.startLine, t.startColumn, t.endLine, t.endColumn];
  return {
    tokens: lexed.tokens.map(token),
    comments: (lexed.groups.comments ?? []).map(token),
    errors: lexed.errors.map((e) => [e.offset, e.length, e.line, e.column, e.message]),
  };
}

function assertSameLexing(text: string, label: string): void {
  assert.deepEqual(shape(dealLexer.tokenize(text)), shape(reference.full.tokenize(text)), `${label} (full positions)`);
  const lexed = tokenizeForParser(text);
  assert.deepEqual(shape(lexed), shape(reference.offsets.tokenize(text)), `${label} (offsets)`);
  for (const t of lexed.tokens) assert.equal(t.endOffset, t.startOffset + t.image.length - 1, `${label}: end of ${t.image}`);
}

const neighbours = ['', ' ', '-', '_', 'x', 'X', '1', '9%', 'é', '\u0301', '😀', '{', '}', ',', ':', '=', '"', '/', '$', '\n', '\r\n', '.', '-x', '--'];
const words = [...keywordNames, 'deals', 'Deal', 'milestone_1', 'non', 'co', 'exclusive-', 'x', '_', '1M', '2006-07-07', '2008-Q3', '7.5%', '"t"'];

/** A seeded text of keywords and near-keywords packed against each other. */
function randomText(seed: number): string {
  const r = rng(seed);
  let text = '';
  for (let i = r.int(1, 40); i > 0; i--) text += r.pick(neighbours) + r.pick(words) + r.pick(neighbours);
  return text;
}

describe('keywords lexed as names, then classified', () => {
  it('lex the examples and generated deals as one pattern per keyword does', () => {
    const dir = new URL('../../examples/', import.meta.url);
    const examples = readdirSync(dir).filter((f) => f.endsWith('.deal'));
    assert.ok(examples.length > 0);
    for (const file of examples) assertSameLexing(readFileSync(new URL(file, dir), 'utf8'), file);
    for (let seed = 1; seed <= 10; seed++) assertSameLexing(generateDeal(seed, { notes: true }), `generated deal ${seed}`);
  });

  it('lex keywords against every kind of neighbour as one pattern per keyword does', () => {
    const cases = long ? 20_000 : 1_500;
    for (let i = 0; i < cases; i++) assertSameLexing(randomText(baseSeed + i), `random text, seed ${baseSeed + i}`);
  });

  it('give a keyword its type only where it stands alone', () => {
    const types = (text: string) => tokenizeForParser(text).tokens.map((t) => `${t.tokenType.name}:${t.image}`);
    assert.deepEqual(types('deal deals year-end non-exclusive co-exclusive-x milestone_1 royalty'), [
      'Kw_deal:deal', 'Identifier:deals', 'Identifier:year', 'Identifier:end', 'Kw_non_exclusive:non-exclusive', 'Identifier:co',
      'Identifier:exclusive', 'Identifier:x', 'Identifier:milestone_1', 'Kw_royalty:royalty',
    ]);
  });
});
