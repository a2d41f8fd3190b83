// Quick fixes that write a figure write one that then checks clean: a cap raised to its
// itemized sum raises a headline that agreed with the terms; a headline in another currency is
// written in the deal's; a missing rate is the one the headline implies where there is one; a
// tier list no order can mend is left to the author.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { quickFix } from './apply-quick-fix';

const deal = (...terms: string[]) => ['deal D {', '  currency USD', ...terms.map((t) => `  ${t}`), '}'].join('\n');

describe('quick fixes write figures that check clean', () => {
  it('raises the headline with the cap when the headline counted the old cap', () => {
    const { titles, fixed, codes } = quickFix(deal(
      'headline 11M',
      'party A "A" licensor',
      'party B "B" licensee',
      'payments from B to A { upfront 1M  milestones G up to «10M» { milestone M1 6M at phase1  milestone M2 5M at phase2 } }',
    ), 'Set the cap to the itemized $11M and the headline to $12M');
    assert.deepEqual(titles, ['Set the cap to the itemized $11M and the headline to $12M']);
    assert.equal(fixed, deal(
      'headline 12M',
      'party A "A" licensor',
      'party B "B" licensee',
      'payments from B to A { upfront 1M  milestones G up to 11M { milestone M1 6M at phase1  milestone M2 5M at phase2 } }',
    ));
    assert.deepEqual(codes, []);
  });

  it('leaves a headline that already disagreed to its own fix', () => {
    const { titles, codes } = quickFix(deal(
      'headline 50M',
      'party A "A" licensor',
      'party B "B" licensee',
      'payments from B to A { upfront 1M  milestones G up to «10M» { milestone M1 6M at phase1  milestone M2 5M at phase2 } }',
    ), 'Set the cap to the itemized $11M');
    assert.deepEqual(titles, ['Set the cap to the itemized $11M']);
    assert.deepEqual(codes, ['headline-mismatch']);
  });

  it('writes a cap or headline given in another currency anew in the deal currency', () => {
    const headline = quickFix(deal('headline «EUR 40M»', 'fx EUR = 1.10 USD', 'party A "A" licensor', 'party B "B" licensee', 'payments from B to A { upfront 1M }'), 'Set the headline to $1M');
    assert.equal(headline.fixed, deal('headline USD 1M', 'fx EUR = 1.10 USD', 'party A "A" licensor', 'party B "B" licensee', 'payments from B to A { upfront 1M }'));
    assert.deepEqual(headline.codes, []);
    const cap = quickFix(deal('fx EUR = 1.25 USD', 'party A "A" licensor', 'party B "B" licensee',
      'payments from B to A { milestones G up to «EUR 4M» { milestone M1 3M at phase1  milestone M2 2.5M at phase2 } }'), 'Set the cap to the itemized $5.5M');
    assert.match(cap.fixed!, /milestones G up to USD 5\.5M \{/);
    assert.deepEqual(cap.codes, []);
  });

  it('adds the exchange rate at which the terms add up to the headline', () => {
    const { titles, fixed, codes } = quickFix(deal(
      'headline 12M',
      'party A "A" licensor',
      'party B "B" licensee',
      'payments from B to A { upfront 1M  fee F "access fee" «EUR» 10M on signing }',
    ), 'Add the exchange rate the headline implies: fx EUR = 1.1 USD');
    assert.deepEqual(titles, ['Add the exchange rate the headline implies: fx EUR = 1.1 USD']);
    assert.equal(fixed, deal(
      'fx EUR = 1.1 USD  // the rate at which the terms add up to the headline',
      'headline 12M',
      'party A "A" licensor',
      'party B "B" licensee',
      'payments from B to A { upfront 1M  fee F "access fee" EUR 10M on signing }',
    ));
    assert.deepEqual(codes, []);
  });

  it('falls back to a rate of 1 to set where the headline implies no rate a deal would state', () => {
    const { titles } = quickFix(deal(
      'headline 12M',
      'party A "A" licensor',
      'party B "B" licensee',
      'payments from B to A { upfront 1M  fee F "access fee" «EUR» 3M on signing }',
    ));
    assert.deepEqual(titles, ['Add an exchange rate line: fx EUR = … USD']); // 11M / 3M = 3.666…
  });

  it('offers no tier sort that would leave the tiers wrong (two tiers up to the same threshold)', () => {
    const { titles } = quickFix(deal(
      'party A "A" licensor',
      'party B "B" licensee',
      'payments from B to A { royalty R on net_sales { 5% up to 100M  6% up to «50M»  7% up to 50M  9% above } }',
    ));
    assert.deepEqual(titles, []);
  });
});
