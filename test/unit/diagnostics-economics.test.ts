// royalty-with-profit-share: an option that, once exercised, shares a territory's profits while
// a royalty is still paid on that territory's sales (no `forfeit`). «…» marks exactly where.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { diagnosticsOf } from './helpers';

const deal = (effects: string, royalty = 'royalty Royalties 10% on net_sales') => `deal D {
  currency USD
  party A licensor
  party B licensee
  payments from B to A {
    upfront 1M on signing
    ${royalty}
  }
  option Opt {
    holder A
    exercise at phase2 fee 5M
    on exercise {
${effects}
    }
  }
}
`;

const ofCode = (marked: string) => {
  const { found, ranges } = diagnosticsOf(marked);
  return { found: found.filter((d) => d.code === 'royalty-with-profit-share'), ranges };
};

describe('royalty-with-profit-share', () => {
  it('warns on the share profits line when the royalty is still paid there', () => {
    const { found, ranges } = ofCode(deal('      «share profits A 50%, B 50% in US»'));
    assert.deepEqual(found, [{
      code: 'royalty-with-profit-share', severity: 'warning', range: ranges[0],
      message: "Royalty 'Royalties' is still paid on sales in US while Opt shares the profits there: the developer would pay both. Add `forfeit Royalties in US` under `on exercise`, or check that both really apply.",
    }]);
  });

  it('a share everywhere against a worldwide royalty asks for a forfeit everywhere', () => {
    const { found, ranges } = ofCode(deal('      «share profits A 50%, B 50%»'));
    assert.equal(found.length, 1);
    assert.equal(found[0].range, ranges[0]);
    assert.match(found[0].message, /paid on sales in every territory .* Add `forfeit Royalties` under/);
  });

  it('says nothing once the royalty is forfeited there, or where it is not paid, or for cost shares', () => {
    assert.deepEqual(ofCode(deal('      forfeit Royalties in US\n      share profits A 50%, B 50% in US')).found, []);
    assert.deepEqual(ofCode(deal('      forfeit Royalties\n      share profits A 50%, B 50% in US')).found, []);
    assert.deepEqual(ofCode(deal('      share profits A 50%, B 50% in US', 'royalty Royalties 10% on net_sales territory EU')).found, []);
    assert.deepEqual(ofCode(deal('      share costs A 50%, B 50% in US')).found, []);
  });

  it('a forfeit in part of the shared territories is not enough', () => {
    const { found } = ofCode(deal('      forfeit Royalties in US\n      share profits A 50%, B 50% in US, EU'));
    assert.equal(found.length, 1);
    assert.match(found[0].message, /paid on sales in EU while Opt shares .* Add `forfeit Royalties in EU`/);
  });
});

const costed = (scenario: string) => `deal D {
  currency USD
  signed 2020-01-01
  party A licensor
  party B licensee
  license L { from A to B exclusive }
  payments from B to A { upfront 1M on signing }
  option Opt {
    holder A
    exercise at phase2 fee 5M
    on exercise {
      share costs A 50%, B 50% in US
      share profits A 50%, B 50% in US
    }
  }
${scenario}
}
`;

const codesOf = (marked: string, code: string) => {
  const { found, ranges } = diagnosticsOf(marked);
  return { found: found.filter((d) => d.code === code), ranges };
};

describe('costs-not-given', () => {
  it('warns on the costs keyword when a shared territory has no development costs', () => {
    const { found, ranges } = codesOf(costed(`  scenario S {
    timeline { phase2 2021  approval 2023 }
    exercise Opt at phase2
    sales US { 2024: 100M }
    «costs» {
      development "ex-US" { 2021: 5M }
      goods 20% of sales
    }
  }`), 'costs-not-given');
    assert.deepEqual(found, [{
      code: 'costs-not-given', severity: 'warning', range: ranges[0],
      message: 'This scenario exercises Opt, which shares development costs in US, but its costs give none there: add `development US { YEAR: AMOUNT ... }`, or the share divides nothing.',
    }]);
  });

  it('an undivided development table does not count for a share in a territory', () => {
    const { found } = codesOf(costed(`  scenario S {
    exercise Opt at phase2
    sales US { 2024: 100M }
    costs { development { 2021: 5M } }
  }`), 'costs-not-given');
    assert.equal(found.length, 1);
  });

  it('says nothing where the territory has its development costs, or the option is not exercised', () => {
    assert.deepEqual(codesOf(costed(`  scenario S {
    exercise Opt at phase2
    sales US { 2024: 100M }
    costs { development US { 2021: 5M } }
  }`), 'costs-not-given').found, []);
    assert.deepEqual(codesOf(costed(`  scenario S {
    sales US { 2024: 100M }
    costs { goods 20% of sales }
  }`), 'costs-not-given').found, []);
  });
});

describe('sales-not-given', () => {
  it('warns when the scenario takes the product to approval with costs and no sales', () => {
    const { found, ranges } = codesOf(costed(`  scenario S {
    reach approval
    «costs» { development US { 2021: 5M } }
  }`), 'sales-not-given');
    assert.deepEqual(found, [{
      code: 'sales-not-given', severity: 'warning', range: ranges[0],
      message: 'This scenario takes the product to approval and gives its costs, but no sales: add `sales { YEAR: AMOUNT ... }` (or per territory), or its value has costs and no revenue.',
    }]);
  });

  it('says nothing with sales, or for a scenario that stops before approval', () => {
    assert.deepEqual(codesOf(costed(`  scenario S {
    reach approval
    sales { 2024: 10M }
    costs { development US { 2021: 5M } }
  }`), 'sales-not-given').found, []);
    assert.deepEqual(codesOf(costed(`  scenario S {
    reach phase2
    costs { development US { 2021: 5M } }
  }`), 'sales-not-given').found, []);
  });
});
