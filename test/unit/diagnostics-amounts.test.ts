// Diagnostics about figures: milestone caps, the headline, exchange rates, percentages, shares,
// royalty tiers and sales measures. «…» marks exactly where each diagnostic must be.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { diagnosticsOf } from './helpers';

/** A clean deal in USD with a EUR rate; `payments` go inside its payments block. */
const deal = (payments: string, outside = '', head = '  fx EUR = 1.10 USD') => `deal D {
  signed 2024-03-01
${head}
  party Acme licensor
  party Globex licensee
  payments from Globex to Acme {
    upfront 40M on signing
${payments}
  }
${outside}
}
`;

describe('milestone caps', () => {
  it('reports itemized milestones above the cap, converted at the deal’s rate, on the cap', () => {
    const { found, ranges } = diagnosticsOf(deal(`
    milestones Dev up to «100M» {
      milestone A 60M at phase1
      milestone B EUR 50M at phase2
    }`));
    assert.deepEqual(found, [{
      code: 'cap-exceeded', severity: 'error', range: ranges[0],
      message: 'Itemized milestones total $115,000,000 ($115M), more than the $100,000,000 ($100M) cap by $15,000,000 ($15M): raise the cap (`up to`) or correct the milestones.',
      data: { itemized: '115000000', cap: '100000000' },
    }]);
  });

  it('reports the undisclosed rest of a cap as information, on the group name', () => {
    const { found, ranges } = diagnosticsOf(deal(`
    milestones «Dev» "development milestones" up to 120M by phase3 {
      milestone Ph1 5M at phase1 expected 2025
      milestone Ph2 EUR 10M at phase2 expected 2026
      milestone Ph3 25M at phase3 expected 2028
    }
    «milestones» up to 10M { milestone Reg 2.5M at approval }`));
    assert.deepEqual(found, [
      {
        code: 'cap-remainder', severity: 'info', range: ranges[0],
        message: 'Itemized milestones total $41,000,000 ($41M) of the $120,000,000 ($120M) cap: $79,000,000 ($79M) undisclosed.',
        data: { itemized: '41000000', rest: '79000000' },
      },
      {
        code: 'cap-remainder', severity: 'info', range: ranges[1],
        message: 'Itemized milestones total $2,500,000 ($2.5M) of the $10,000,000 ($10M) cap: $7,500,000 ($7.5M) undisclosed.',
        data: { itemized: '2500000', rest: '7500000' },
      },
    ]);
  });

  it('says nothing of a group that itemizes nothing: the whole cap is undisclosed, as written', () => {
    assert.deepEqual(diagnosticsOf(deal('    milestones Dev up to 35.5M by approval { }')).found, []);
  });

  it('says nothing of a cap that the milestones fill exactly', () => {
    assert.deepEqual(diagnosticsOf(deal('    milestones Dev up to 10.5M { milestone A 0.5M at phase1  milestone B 10M at phase2 }')).found, []);
  });

  it('leaves the cap alone when a milestone cannot be converted, and reports the missing rate', () => {
    const { found, ranges } = diagnosticsOf(deal('    milestones Dev up to 10M { milestone A «CHF» 50M at phase1 }'));
    assert.deepEqual(found.map((d) => [d.code, d.range]), [['fx-missing', ranges[0]]]);
  });
});

describe('headline-mismatch', () => {
  it('warns on the headline when the terms add up to something else, with the computed figure', () => {
    const { found, ranges } = diagnosticsOf(deal(
      '    equity Stock 10M on signing\n    milestones Dev up to 120M { milestone Ph1 120M at phase1 }', '', '  headline «412.5M»'));
    assert.deepEqual(found, [{
      code: 'headline-mismatch', severity: 'warning', range: ranges[0],
      message: 'The headline says $412,500,000 ($412.5M), but the terms add up to $170,000,000 ($170M) (committed $50,000,000 ($50M) + contingent $120,000,000 ($120M)): correct the headline, or add the terms it counts.',
      data: { computed: '170000000' },
    }]);
  });

  it('accepts a headline that matches, also when written in another currency', () => {
    assert.deepEqual(diagnosticsOf(deal('    fee F 1M on signing', '', '  headline 41M')).found, []);
    assert.deepEqual(diagnosticsOf(deal('', '', '  fx EUR = 1.25 USD\n  headline EUR 32M')).found, []);
  });

  it('keeps cents exact', () => {
    const { found } = diagnosticsOf(deal('    fee F 0.01 on signing', '', '  headline 40M'));
    assert.equal(found[0].data?.computed, '40000000.01');
    assert.match(found[0].message, /add up to \$40,000,000\.01 \(\$40M\)/);
  });
});

describe('fx-missing', () => {
  it('reports an amount in a currency with no rate, on its currency', () => {
    const { found, ranges } = diagnosticsOf(deal('    fee F «GBP» 2M on signing\n    fee G 3M «CHF» on signing\n    fee H «£»1M on signing'));
    assert.deepEqual(found.map((d) => [d.code, d.severity, d.range, d.data?.currency]), [
      ['fx-missing', 'error', ranges[0], 'GBP'],
      ['fx-missing', 'error', ranges[1], 'CHF'],
      ['fx-missing', 'error', ranges[2], 'GBP'],
    ]);
    assert.equal(found[0].message, "No exchange rate from GBP to USD, the deal's currency: add a line such as `fx GBP = 1.10 USD` with the rate the deal uses.");
  });

  it('uses a rate written either way round, and needs none for the deal currency', () => {
    assert.deepEqual(diagnosticsOf(deal('    fee F CHF 2M on signing\n    fee G USD 1M on signing\n    fee H $1M on signing', '', '  fx USD = 0.9 CHF')).found, []);
  });
});

describe('percent-out-of-range', () => {
  it('reports rates, probabilities, shares and discounts outside 0%..100%, and premiums below 0%', () => {
    const { found, ranges } = diagnosticsOf(deal(`
    equity Stock 10M on signing premium «-1%»
    equity Above 10M on signing premium 120%
    royalty R «150%» on net_sales
    royalty T on net_sales { «-1%» up to 100M  5% above }
    manufacturing Supply at cost plus «-5%»
    manufacturing Premium at cost plus 150%`, `
  stages { phase1 success «120%»  approval }
  option O { holder Acme  exercise at phase1 fee 1M  on exercise { share costs Acme «-10%», Globex «110%» } }
  valuation { as of 2024-03-01  discount «200%» }`));
    assert.deepEqual(found.map((d) => [d.code, d.range, d.message]), [
      ['percent-out-of-range', ranges[0], 'An equity premium of -1% is not possible: it cannot be negative.'],
      ['percent-out-of-range', ranges[1], 'A royalty rate of 150% is not possible: it must lie between 0% and 100%.'],
      ['percent-out-of-range', ranges[2], 'A royalty rate of -1% is not possible: it must lie between 0% and 100%.'],
      ['percent-out-of-range', ranges[3], 'A cost-plus markup of -5% is not possible: it cannot be negative.'],
      ['percent-out-of-range', ranges[4], 'A success probability of 120% is not possible: it must lie between 0% and 100%.'],
      ['percent-out-of-range', ranges[5], 'A cost share of -10% is not possible: it must lie between 0% and 100%.'],
      ['percent-out-of-range', ranges[6], 'A cost share of 110% is not possible: it must lie between 0% and 100%.'],
      ['percent-out-of-range', ranges[7], 'A discount rate of 200% is not possible: it must lie between 0% and 100%.'],
    ]);
  });

  it('accepts 0% and 100%', () => {
    assert.deepEqual(diagnosticsOf(deal('    royalty R 0% on net_sales\n    equity S 1M on signing premium 100%')).found, []);
  });
});

describe('shares-not-100', () => {
  it('reports a split that does not add up to 100%, on the share list', () => {
    const { found, ranges } = diagnosticsOf(deal('', `
  option O {
    holder Acme  exercise at phase2 fee 5M
    on exercise { share costs «Acme 50%, Globex 40%» in US  share profits Acme 50%, Globex 50% }
  }`));
    assert.deepEqual(found, [{
      code: 'shares-not-100', severity: 'error', range: ranges[0],
      message: 'Cost shares add up to 90% (Acme 50%, Globex 40%): they must add up to 100%.',
      data: { total: '90' },
    }]);
  });

  it('adds shares exactly (33.4% + 33.3% + 33.3%)', () => {
    const text = deal('', '  party C collaborator\n  option O { holder Acme  exercise at phase2 fee 5M  on exercise { share profits Acme 33.4%, Globex 33.3%, C 33.3% } }');
    assert.deepEqual(diagnosticsOf(text).found, []);
  });
});

describe('royalty tiers', () => {
  it('reports thresholds that do not increase, a zero threshold and a tier after `above`', () => {
    const { found, ranges } = diagnosticsOf(deal(`
    royalty Tiered on net_sales {
      5% up to «0»
      6% up to 500M
      7% up to «100M»
      8% up to «EUR 400M»
      10% above
      «12% up to 2B»
    }`));
    assert.deepEqual(found.map((d) => [d.code, d.severity, d.range, d.message]), [
      ['tiers-not-ascending', 'error', ranges[0], 'A tier threshold of $0 is not possible: thresholds are annual sales above zero.'],
      ['tiers-not-ascending', 'error', ranges[1], 'Tier thresholds must increase: `up to $100,000,000 ($100M)` follows `up to $500,000,000 ($500M)`. List the tiers from the lowest threshold to the highest.'],
      ['tiers-not-ascending', 'error', ranges[2], 'Tier thresholds must increase: `up to $440,000,000 ($440M)` follows `up to $500,000,000 ($500M)`. List the tiers from the lowest threshold to the highest.'],
      ['tiers-not-ascending', 'error', ranges[3], 'Nothing can follow the `above` tier: it takes all sales past the last threshold, so it must be the last tier. Move this tier before it, or remove it.'],
    ]);
  });

  it('reports a royalty with both a flat rate and tiers, or with no rate at all', () => {
    const { found, ranges } = diagnosticsOf(deal('    royalty A «5%» on net_sales { 5% up to 1M  6% above }\n    royalty «B» on net_sales\n    royalty C on net_sales undisclosed'));
    assert.deepEqual(found.map((d) => [d.code, d.range, d.message]), [
      ['invalid-value', ranges[0], "Royalty 'A' has both a flat rate and tiers: keep the flat rate or the tiers, not both."],
      ['invalid-value', ranges[1], "Royalty 'B' has no rate: write a rate (`royalty NAME 5% on net_sales`), tiers (`{ 5% up to 100M  7% above }`) or `undisclosed`."],
    ]);
  });

  it('reports a royalty or sales milestone on anything but net sales', () => {
    const { found, ranges } = diagnosticsOf(deal('    royalty R 5% on «gross_sales»\n    sales milestone S 10M when annual «revenue» reach 1B'));
    assert.deepEqual(found, [
      {
        code: 'invalid-value', severity: 'error', range: ranges[0],
        message: "Unknown sales measure 'gross_sales'. Royalties are paid on net_sales: write `net_sales` (scenarios give net sales per year).",
        data: { suggestion: 'net_sales' },
      },
      {
        code: 'invalid-value', severity: 'error', range: ranges[1],
        message: "Unknown sales measure 'revenue'. Sales milestones are triggered by annual net_sales: write `net_sales` (scenarios give net sales per year).",
        data: { suggestion: 'net_sales' },
      },
    ]);
  });
});
