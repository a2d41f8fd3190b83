// Find all references and document highlights.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { analyzeDealText } from '../../server/src/document/analyze';
import { findHighlights, findReferences } from '../../server/src/features/references';
import { markedRanges } from './helpers';

describe('references', () => {
  const { text, spans, offsets } = markedRanges([
    'deal D {',
    '  party Acme "Acme" licensor',
    '  party Globex "Globex" licensee',
    '  payments from Globex to Acme {',
    '    milestones «Dev» up to 10M { milestone M1 1M at «phase1» }',
    '    upfront 1M at «phase1»',
    '  }',
    '  option O { holder Acme exercise at «phase<|>1» on exercise { forfeit unearned «D<|>ev» } }',
    '  scenario S { timeline { «phase1» 2020 } exercise O at «phase1» }',
    '}',
  ].join('\n'));
  const document = analyzeDealText(text);
  const phase1 = [spans[1], spans[2], spans[3], spans[5], spans[6]];

  it('finds every use of a built-in stage', () => {
    assert.deepEqual(findReferences(document, offsets[0]).map((r) => r.span), phase1);
  });

  it('finds a milestone group at its declaration and at `forfeit unearned`', () => {
    assert.deepEqual(findReferences(document, offsets[1]), [
      { span: spans[0], declaration: true }, { span: spans[4], declaration: false },
    ]);
    assert.deepEqual(findReferences(document, offsets[1], { includeDeclaration: false }).map((r) => r.span), [spans[4]]);
  });

  it('highlights the declaration as a write and the uses as reads', () => {
    assert.deepEqual(findHighlights(document, offsets[1]).map((h) => h.kind), ['write', 'read']);
  });

  it('finds nothing on a keyword or an amount', () => {
    assert.deepEqual(findReferences(document, text.indexOf('upfront') + 2), []);
    assert.deepEqual(findReferences(document, text.indexOf('10M') + 1), []);
  });

  it('finds Biotest five times in the seed deal', () => {
    const seed = analyzeDealText(readFileSync(new URL('../../examples/immunogen-biotest-2006.deal', import.meta.url), 'utf8'));
    const refs = findReferences(seed, seed.text.indexOf('party Biotest') + 'party '.length);
    assert.equal(refs.length, 5);
    assert.ok(refs.every((r) => seed.text.slice(r.span.start, r.span.end) === 'Biotest'));
  });
});
