// The symbol index: every declaration and reference, with its kind and deal, from the same walk
// the unknown-reference check uses.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { analyzeDealText } from '../../server/src/document/analyze';
import { indexSymbols, symbolAt } from '../../server/src/features/symbol-index';
import { markedRanges } from './helpers';

const seed = analyzeDealText(readFileSync(new URL('../../examples/immunogen-biotest-2006.deal', import.meta.url), 'utf8'));

describe('symbol index', () => {
  it('lists every occurrence of a party, the declaration first', () => {
    const { text, spans } = markedRanges([
      'deal D {',
      '  party «Acme» "Acme" licensor',
      '  party Globex "Globex" licensee',
      '  license L { from «Acme» to Globex }',
      '  payments from Globex to «Acme» { upfront 1M }',
      '  option O { holder «Acme» exercise at phase2 fee 1M to Globex on exercise { share costs «Acme» 50%, Globex 50% } }',
      '}',
    ].join('\n'));
    const acme = indexSymbols(analyzeDealText(text)).symbols.filter((s) => s.name === 'Acme');
    assert.deepEqual(acme.map((s) => s.span), spans);
    assert.deepEqual(acme.map((s) => [s.kind, s.declaration, s.deal]), [
      ['party', true, 0], ['party', false, 0], ['party', false, 0], ['party', false, 0], ['party', false, 0],
    ]);
  });

  it('names the kind of every symbol in the seed deal', () => {
    const counts = new Map<string, number>();
    for (const s of indexSymbols(seed).symbols) counts.set(`${s.kind}${s.declaration ? ' declared' : ''}`, (counts.get(`${s.kind}${s.declaration ? ' declared' : ''}`) ?? 0) + 1);
    assert.deepEqual(Object.fromEntries(counts), {
      'deal declared': 1, currency: 1, 'party declared': 2, 'license declared': 1, party: 9,
      // OptInWithCosts: its timeline and reach (6 stages), and `exercise OptIn at phase2`.
      'payment declared': 2, 'group declared': 1, stage: 14, group: 1, payment: 1,
      'option declared': 1, option: 2, 'scenario declared': 4,
    });
  });

  it('tells a milestone group named by `forfeit unearned` from a payment, in one namespace', () => {
    const offset = seed.text.indexOf('unearned Development') + 'unearned '.length;
    const symbol = symbolAt(seed, offset);
    assert.deepEqual([symbol?.name, symbol?.kind, symbol?.namespace], ['Development', 'group', 'payment']);
  });

  it('keeps deals apart: one party name in two deals is two symbols', () => {
    const document = analyzeDealText('deal A { party P "p" licensor }\ndeal B { party P "p" licensor }');
    assert.deepEqual(indexSymbols(document).symbols.filter((s) => s.name === 'P').map((s) => s.deal), [0, 1]);
  });

  it('is built once per analysed document', () => {
    assert.equal(indexSymbols(seed), indexSymbols(seed));
  });
});
