// Semantic tokens: what each name is, and which numbers are money, percentages and dates.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyzeDealText } from '../../server/src/document/analyze';
import { findSemanticTokens, semanticTokenModifiers, semanticTokenTypes } from '../../server/src/features/semantic-tokens';
import { concatenated, encodeSemanticTokens } from '../../server/src/lsp/semantic-tokens';

const text = [
  'deal D {',
  '  fx EUR = 1.10 USD',
  '  party Acme "Acme" licensor',
  '  party Globex "Globex" licensee',
  '  payments from Globex to Acme {',
  '    milestone M1 EUR 2M at phase1 expected 2025',
  '    royalty R on net_sales { 5% up to $1B  7% above }',
  '  }',
  '  option O { holder Acme exercise at phase2 fee 1M }',
  '  scenario S { reach phase2  exercise O at phase2  sales { 2030: 10M } }',
  '}',
].join('\n');
const document = analyzeDealText(text);
const tokens = findSemanticTokens(document);
const shown = tokens.map((t) => `${text.slice(t.span.start, t.span.end)} ${t.type}${t.modifiers.length ? ` ${t.modifiers.join(',')}` : ''}`);

describe('semantic tokens', () => {
  it('tells parties, stages, payments, options, scenarios, money, percentages and dates apart', () => {
    assert.deepEqual(shown, [
      'D namespace declaration', 'EUR type', 'USD type',
      'Acme class declaration', 'Globex class declaration',
      'Globex class', 'Acme class',
      'M1 variable declaration', 'EUR 2M money', 'phase1 enumMember defaultLibrary', '2025 date',
      'R variable declaration', '5% percentage', '$1B money', '7% percentage',
      'O function declaration', 'Acme class', 'phase2 enumMember defaultLibrary', '1M money',
      'S event declaration', 'phase2 enumMember defaultLibrary', 'O function', 'phase2 enumMember defaultLibrary',
      '2030 date', '10M money',
    ]);
  });

  it('encodes five integers per token, positions relative to the previous token', () => {
    const data = encodeSemanticTokens(document, tokens);
    assert.equal(data.length, tokens.length * 5);
    // `D` at line 0, char 5; then `EUR` on line 1, char 5.
    assert.deepEqual(data.slice(0, 10), [
      0, 5, 1, semanticTokenTypes.indexOf('namespace'), 1 << semanticTokenModifiers.indexOf('declaration'),
      1, 5, 3, semanticTokenTypes.indexOf('type'), 0,
    ]);
    // `Globex` then `Acme` on one line: the second starts relative to the first.
    const line4 = text.split('\n')[4];
    const globex = tokens.findIndex((t) => text.slice(t.span.start, t.span.end) === 'Globex' && !t.modifiers.length);
    assert.deepEqual(data.slice(globex * 5, globex * 5 + 3), [1, line4.indexOf('Globex'), 6]);
    assert.deepEqual(data.slice(globex * 5 + 5, globex * 5 + 8), [0, line4.indexOf('Acme') - line4.indexOf('Globex'), 4]);
  });
});

describe('joining the runs of tokens', () => {
  it('joins lists one after another, in parts beyond the engine\'s limit on arguments', () => {
    for (const count of [0, 1, 3, 16_384, 16_385, 40_000]) {
      const lists = Array.from({ length: count }, (_, i) => (i % 7 === 0 ? [] : [i, i + 1, i % 5]));
      const expected: number[] = [];
      for (const list of lists) for (const value of list) expected.push(value);
      const joined = concatenated(lists);
      assert.equal(joined.length, expected.length, `${count} lists`);
      assert.deepEqual(joined, expected, `${count} lists`);
      assert.equal(JSON.stringify(joined), JSON.stringify(expected));
    }
  });
});
