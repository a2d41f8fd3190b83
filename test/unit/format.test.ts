// The formatter's layout: one item per line, short attribute blocks on one line, comments
// where they were, one blank line kept where the author left one, and no edits at all for a
// file with syntax errors.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyzeDealText } from '../../server/src/document/analyze';
import { applyEdits, formatDealText, formatDocument, formatRange } from '../../server/src/features/format';
import { markedRanges } from './helpers';

const messy = [
  '  deal   X "t"{currency USD // the currency',
  'party A "a" licensor party B "b" {role licensee country DE}',
  '',
  '',
  '  payments from B to A { upfront $ 1M on signing   /* inline */ milestones G up to 5M {',
  '  milestone M1 2M at phase1 // note',
  '  expected 2008',
  '  }',
  '  royalty R on net_sales { 5% up to 1M 7% above } term 10 years }',
  '  option O { holder A exercise at phase2 fee 1M on exercise { forfeit unearned G share costs A 50%, B 50% } }',
  '  scenario S { timeline { phase1 2008 phase2 2010 } sales { 2016: USD 1M 2017 : 150M USD 2018: 3M } }',
  '  valuation { as of 2006-07-07 discount 10% } }',
  '// end',
].join('\n');

const canonical = [
  'deal X "t" {',
  '  currency USD  // the currency',
  '  party A "a" licensor',
  '  party B "b" { role licensee  country DE }',
  '',
  '  payments from B to A {',
  '    upfront $1M on signing /* inline */',
  '    milestones G up to 5M {',
  '      milestone M1 2M at phase1  // note',
  '        expected 2008',
  '    }',
  '    royalty R on net_sales {',
  '      5% up to 1M',
  '      7% above',
  '    } term 10 years',
  '  }',
  '  option O {',
  '    holder A',
  '    exercise at phase2 fee 1M',
  '    on exercise {',
  '      forfeit unearned G',
  '      share costs A 50%, B 50%',
  '    }',
  '  }',
  '  scenario S {',
  '    timeline { phase1 2008  phase2 2010 }',
  '    sales { 2016: USD 1M  2017: 150M USD  2018: 3M }',
  '  }',
  '  valuation { as of 2006-07-07  discount 10% }',
  '}',
  '// end',
  '',
].join('\n');

describe('formatting a document', () => {
  it('lays a messy deal out canonically, keeping comments and one blank line', () => {
    assert.equal(formatDealText(analyzeDealText(messy)), canonical);
  });

  it('gives no edits for a file already in canonical layout', () => {
    assert.deepEqual(formatDocument(analyzeDealText(canonical)), []);
  });

  it('changes only whitespace: every edit replaces whitespace with whitespace', () => {
    const document = analyzeDealText(messy);
    const edits = formatDocument(document);
    assert.ok(edits.length > 10);
    for (const edit of edits) {
      assert.match(document.text.slice(edit.span.start, edit.span.end), /^\s*$/);
      assert.match(edit.newText, /^\s*$/);
    }
    assert.equal(applyEdits(messy, edits), canonical);
  });

  it('indents with the editor settings: four spaces, or tabs', () => {
    const text = 'deal X { party A "a" licensor }';
    assert.equal(formatDealText(analyzeDealText(text), { tabSize: 4 }), 'deal X {\n    party A "a" licensor\n}\n');
    assert.equal(formatDealText(analyzeDealText(text), { insertSpaces: false }), 'deal X {\n\tparty A "a" licensor\n}\n');
  });

  it('writes an empty block as { }', () => {
    assert.equal(formatDealText(analyzeDealText('deal X {\n  payments from A to B {\n  }\n}')), 'deal X {\n  payments from A to B { }\n}\n');
  });

  it('leaves a file with a syntax error untouched', () => {
    const broken = 'deal X {\n   party A "a" licensor\n  payments from A to { upfront 1M }\n}';
    const document = analyzeDealText(broken);
    assert.ok(document.parsed.syntaxErrors.length > 0);
    assert.deepEqual(formatDocument(document), []);
    assert.equal(formatDealText(document), undefined);
  });
});

describe('formatting a range', () => {
  it('edits only inside the selected lines', () => {
    const { text, spans } = markedRanges([
      'deal X {',
      '     party A "a" licensor',
      '«  party   B "b"   licensee»',
      '     payments from B to A { upfront 1M }',
      '}',
    ].join('\n'));
    const document = analyzeDealText(text);
    const edits = formatRange(document, spans[0]);
    assert.equal(applyEdits(text, edits), [
      'deal X {',
      '     party A "a" licensor',
      '  party B "b" licensee',
      '     payments from B to A { upfront 1M }',
      '}',
    ].join('\n'));
  });
});
