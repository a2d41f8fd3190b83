// Quick fixes: each one applied, the document analysed again, and the problem gone.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyzeDealText } from '../../server/src/document/analyze';
import { findCodeActions, writeAmount } from '../../server/src/features/code-actions';
import { applyEdits } from '../../server/src/features/format';
import { Money, exact } from '../../server/src/model/money';
import { markedRanges } from './helpers';

/** The quick fixes at the marked range, and the text after applying the one titled `title`. */
function fix(marked: string, title?: string) {
  const { text, spans } = markedRanges(marked);
  const document = analyzeDealText(text);
  const actions = findCodeActions(document, spans[0]);
  const chosen = title ? actions.find((a) => a.title === title) : undefined;
  return { actions, titles: actions.map((a) => a.title), fixed: chosen ? applyEdits(text, chosen.edits) : undefined };
}

const codes = (text: string) => analyzeDealText(text).diagnostics.map((d) => d.code);

describe('quick fixes', () => {
  it('changes a misspelt party to the closest declared one', () => {
    const { titles, fixed, actions } = fix([
      'deal D {',
      '  party Immunogen "I" licensor',
      '  party Biotest "B" licensee',
      '  payments from «Biotes» to Immunogen { upfront 1M }',
      '}',
    ].join('\n'), "Change to 'Biotest'");
    assert.deepEqual(titles, ["Change to 'Biotest'", "Declare party 'Biotes'"]);
    assert.equal(actions[0].isPreferred, true);
    assert.ok(fixed?.includes('payments from Biotest to Immunogen'));
    assert.deepEqual(codes(fixed!), []);
  });

  it('declares a party that does not exist, after the last party, as the licensee when it pays', () => {
    const { fixed } = fix([
      'deal D {',
      '  party Acme "Acme" licensor',
      '  payments from «Novartis» to Acme { upfront 1M }',
      '}',
    ].join('\n'), "Declare party 'Novartis'");
    assert.equal(fixed, [
      'deal D {',
      '  party Acme "Acme" licensor',
      '  party Novartis "Novartis" licensee',
      '  payments from Novartis to Acme { upfront 1M }',
      '}',
    ].join('\n'));
    assert.deepEqual(codes(fixed!), []);
  });

  it('sets the headline to what the terms add up to', () => {
    const { fixed } = fix([
      'deal D {',
      '  headline «$40M»',
      '  party A "A" licensor',
      '  party B "B" licensee',
      '  payments from B to A { upfront 1M  milestones G up to 35.5M { } }',
      '}',
    ].join('\n'), 'Set the headline to $36.5M');
    assert.ok(fixed?.includes('headline $36.5M'));
    assert.deepEqual(codes(fixed!), []);
  });

  it('sets a cap to the itemized milestones', () => {
    const { fixed } = fix([
      'deal D {',
      '  party A "A" licensor',
      '  party B "B" licensee',
      '  payments from B to A { milestones G up to «10M» { milestone M1 6M at phase1  milestone M2 EUR 5M at phase2 } }',
      '  fx EUR = 1.1 USD',
      '}',
    ].join('\n'), 'Set the cap to the itemized $11.5M');
    assert.ok(fixed?.includes('up to 11.5M {'));
    assert.deepEqual(codes(fixed!), []);
  });

  it('sorts royalty tiers by threshold, `above` last', () => {
    const { fixed } = fix([
      'deal D {',
      '  party A "A" licensor',
      '  party B "B" licensee',
      '  payments from B to A {',
      '    royalty R on net_sales {',
      '      5% up to 500M',
      '      3% up to «100M»',
      '      7% above',
      '    }',
      '  }',
      '}',
    ].join('\n'), 'Sort the royalty tiers by threshold');
    assert.ok(fixed?.includes('      3% up to 100M\n      5% up to 500M\n      7% above\n'));
    assert.deepEqual(codes(fixed!), []);
  });

  it('adds the missing fx line after the currency line', () => {
    const { fixed } = fix([
      'deal D {',
      '  currency USD',
      '  party A "A" licensor',
      '  party B "B" licensee',
      '  payments from B to A { upfront «EUR» 1M }',
      '}',
    ].join('\n'), 'Add an exchange rate line: fx EUR = … USD');
    assert.ok(fixed?.includes('  currency USD\n  fx EUR = 1 USD  // set the rate the deal uses\n  party A'));
    assert.deepEqual(codes(fixed!), []);
  });

  it('offers nothing where there is no problem', () => {
    assert.deepEqual(fix('deal D { party A "A" licensor party B "B" licensee payments from B to A { «upfront» 1M } }').titles, []);
  });
});

describe('amounts as deal people write them', () => {
  it('writes 36.5M, 1.2B, 250K and odd figures in full', () => {
    assert.deepEqual(['36500000', '1200000000', '250000', '1234567.5'].map((v) => writeAmount(new Money(v))), ['36.5M', '1.2B', '250K', '1234567.5']);
    assert.equal(exact(new Money('36.5e6')), '36500000');
  });
});
