// Where a quick fix writes a new line: inside the deal, on a line of its own, indented like the
// deal's terms, with the file's own line breaks; never after the deal's `}` (a deal written on
// one line is broken where the new line goes) and never inside a comment.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { quickFix } from './apply-quick-fix';

describe('quick fixes write new lines where they belong', () => {
  it('declares a party inside a one-line deal, not after its closing brace', () => {
    const { fixed, codes } = quickFix('deal D "d" { party A "A" licensor payments from A to «B» { upfront 1M } }', "Declare party 'B'");
    assert.equal(fixed, [
      'deal D "d" { party A "A" licensor',
      '  party B "B" licensor',
      '  payments from A to B { upfront 1M } }',
    ].join('\n'));
    assert.deepEqual(codes, []);
  });

  it('declares the first party of a one-line deal right after its opening brace', () => {
    const { fixed, codes } = quickFix('deal D "d" { payments from «A» to B { upfront 1M } }', "Declare party 'A'");
    assert.equal(fixed, 'deal D "d" {\n  party A "A" licensee\n  payments from A to B { upfront 1M } }');
    assert.deepEqual(codes, ['unknown-reference']); // B is still to declare
  });

  it('puts the deal’s closing brace back on its own line when the new line goes last', () => {
    const { fixed, codes } = quickFix('deal D { currency USD party A "A" licensor party B "B" licensee payments from B to A { upfront «EUR» 1M } }', 'Add an exchange rate line: fx EUR = … USD');
    assert.equal(fixed, [
      'deal D { currency USD',
      '  fx EUR = 1 USD  // set the rate the deal uses',
      '  party A "A" licensor party B "B" licensee payments from B to A { upfront EUR 1M } }',
    ].join('\n'));
    assert.deepEqual(codes, []);
    const last = quickFix('deal D { party A "A" licensor payments from A to «B» { upfront 1M } party C "C" investor }', "Declare party 'B'");
    assert.equal(last.fixed, 'deal D { party A "A" licensor payments from A to B { upfront 1M } party C "C" investor\n  party B "B" licensor\n}');
    assert.deepEqual(last.codes, ['unused-party']); // C, as before the fix
  });

  it('declares a party after a comment that runs on past the last party, not inside it', () => {
    const { fixed, codes } = quickFix([
      'deal D {',
      '  party A "A" licensor /* signed for A by',
      '     its CEO */',
      '  payments from A to «B» { upfront 1M }',
      '}',
    ].join('\n'), "Declare party 'B'");
    assert.equal(fixed, [
      'deal D {',
      '  party A "A" licensor /* signed for A by',
      '     its CEO */',
      '  party B "B" licensor',
      '  payments from A to B { upfront 1M }',
      '}',
    ].join('\n'));
    assert.deepEqual(codes, []);
  });

  it('adds the fx line after a comment on the currency line, and after a comment between title and brace', () => {
    const currency = quickFix('deal D {\n  currency USD // reporting currency\n  party A "A" licensor\n  party B "B" licensee\n  payments from B to A { upfront «EUR» 1M }\n}', 'Add an exchange rate line: fx EUR = … USD');
    assert.equal(currency.fixed, 'deal D {\n  currency USD // reporting currency\n  fx EUR = 1 USD  // set the rate the deal uses\n  party A "A" licensor\n  party B "B" licensee\n  payments from B to A { upfront EUR 1M }\n}');
    const header = quickFix('deal D "d" /* draft */ { payments from «A» to B { upfront 1M } }', "Declare party 'A'");
    assert.equal(header.fixed, 'deal D "d" /* draft */ {\n  party A "A" licensee\n  payments from A to B { upfront 1M } }');
  });

  it('keeps the file’s CRLF line breaks and tab indentation', () => {
    const { fixed, codes } = quickFix('deal D {\r\n\tparty A "A" licensor\r\n\tpayments from A to «B» { upfront 1M }\r\n}\r\n', "Declare party 'B'");
    assert.equal(fixed, 'deal D {\r\n\tparty A "A" licensor\r\n\tparty B "B" licensor\r\n\tpayments from A to B { upfront 1M }\r\n}\r\n');
    assert.deepEqual(codes, []);
  });

  it('indents a new line in a nested deal like the deal’s other terms', () => {
    const { fixed } = quickFix('    deal D { party A "A" licensor\n      payments from A to «B» { upfront 1M }\n    }', "Declare party 'B'");
    assert.equal(fixed, '    deal D { party A "A" licensor\n      party B "B" licensor\n      payments from A to B { upfront 1M }\n    }');
  });
});
