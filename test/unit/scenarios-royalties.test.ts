// Royalties and sales milestones in scenarios: marginal and `total` tiers exactly at the band
// edges, royalty terms, per-territory sales, territory royalties and forfeits by territory.
// Every expected figure is worked out in the comment beside it.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyzeDealText } from '../../server/src/document/analyze';
import { rollupScenarios, type ScenarioRollup } from '../../server/src/engine/scenarios';

function scenariosOf(text: string): Map<string, ScenarioRollup> {
  const doc = analyzeDealText(text);
  assert.deepEqual(doc.parsed.syntaxErrors.map((e) => e.message), []);
  return rollupScenarios(doc.deals[0].model);
}

const deal = (payments: string, rest: string) => `deal D {
  signed 2020-01-15
  party A licensor
  party B licensee
  payments from B to A {
    ${payments}
  }
  ${rest}
}`;

/** A scenario's royalty rows of one royalty, as [year, amount]. */
const royalties = (rollup: ScenarioRollup, name: string) =>
  rollup.payments.filter((p) => p.kind === 'royalty' && p.item?.name === name).map((p) => [p.year, p.amount.toFixed()]);

const table = '{ 8% up to 250M  10% up to 750M  12% above }';
const edges = 'sales { 2030: 250M  2031: 750M  2032: 750,000,001  2033: 250,000,001 }';

describe('tiers at the band edges', () => {
  const rollup = scenariosOf(deal(`royalty Marginal on net_sales ${table}\n    royalty Total on net_sales total ${table}`,
    `scenario S { reach approval ${edges} }`)).get('S')!;

  it('marginal: each rate on its own slice', () => {
    assert.deepEqual(royalties(rollup, 'Marginal'), [
      [2030, '20000000'], //        8% × 250M
      [2031, '70000000'], //        8% × 250M + 10% × 500M = 20M + 50M
      [2032, '70000000.12'], //     70M + 12% × 1
      [2033, '20000000.1'], //      20M + 10% × 1
    ]);
    const slices = rollup.payments.find((p) => p.item?.name === 'Marginal' && p.year === 2032)!.royalty!.tiers;
    assert.deepEqual(slices.map((t) => [t.rate.toFixed(), t.base.toFixed(), t.amount.toFixed()]),
      [['0.08', '250000000', '20000000'], ['0.1', '500000000', '50000000'], ['0.12', '1', '0.12']]);
  });

  it('total: the rate of the band reached on all of the year\'s sales; `up to` includes its edge', () => {
    assert.deepEqual(royalties(rollup, 'Total'), [
      [2030, '20000000'], //        8% × 250M (250M is still in the 8% band)
      [2031, '75000000'], //        10% × 750M
      [2032, '90000000.12'], //     12% × 750,000,001
      [2033, '25000000.1'], //      10% × 250,000,001
    ]);
  });

  it('sales above the last `up to` with no `above` tier earn nothing, and the scenario says so', () => {
    const capped = scenariosOf(deal('royalty Capped on net_sales { 5% up to 100M }', 'scenario S { sales { 2030: 150M } }')).get('S')!;
    assert.deepEqual(royalties(capped, 'Capped'), [[2030, '5000000']]); // 5% × 100M; the other 50M has no rate
    assert.deepEqual(capped.unvalued.map((u) => u.reason), ['sales above $100,000,000 ($100M) have no rate: the tier table has no `above` tier']);
  });
});

describe('royalty terms, counted from the first sales year', () => {
  const sales = 'sales { 2029: 0  2030: 100M  2031: 100M  2032: 100M }';
  const rollups = scenariosOf(deal(
    'royalty Two 10% on net_sales term 2 years\n    royalty Eighteen 10% on net_sales term 18 months\n    royalty Open 10% on net_sales',
    `scenario S { ${sales} }`));
  const rollup = rollups.get('S')!;

  it('term 2 years: 2030 and 2031 pay 10M each, 2032 nothing (2029 had no sales, so the term starts in 2030)', () => {
    assert.deepEqual(royalties(rollup, 'Two'), [[2030, '10000000'], [2031, '10000000']]);
  });

  it('term 18 months: the second year pays half (6 of 12 months): 10M, then 5M', () => {
    assert.deepEqual(royalties(rollup, 'Eighteen'), [[2030, '10000000'], [2031, '5000000']]);
    assert.equal(rollup.payments.find((p) => p.item?.name === 'Eighteen' && p.year === 2031)!.termShare!.toFixed(), '0.5');
  });

  it('no term: every sales year pays', () => {
    assert.deepEqual(royalties(rollup, 'Open'), [[2030, '10000000'], [2031, '10000000'], [2032, '10000000']]);
  });
});

describe('sales per territory', () => {
  const payments = `royalty UsOnly 5% on net_sales territory US
    royalty ExUS 4% on net_sales territory "ex-US"
    royalty All on net_sales total { 2% up to 100M  3% up to 300M  4% above }
    sales milestone Big 10M when annual net_sales reach 200M
    sales milestone UsBig 7M when annual net_sales reach 150M territory US`;
  const rollups = scenariosOf(deal(payments, `
    scenario Split { sales US { 2030: 100M  2031: 150M } sales EU { 2030: 60M  2031: 60M } sales JP { 2030: 40M  2031: 40M } }
    scenario Together { sales { 2030: 200M } }`));

  it('a territory royalty counts only its territory: US 5% × 100M = 5M, 5% × 150M = 7.5M', () => {
    assert.deepEqual(royalties(rollups.get('Split')!, 'UsOnly'), [[2030, '5000000'], [2031, '7500000']]);
  });

  it('"ex-US" counts every territory but the US: 4% × (60M + 40M) = 4M each year', () => {
    assert.deepEqual(royalties(rollups.get('Split')!, 'ExUS'), [[2030, '4000000'], [2031, '4000000']]);
  });

  it('a royalty with no territory sums all territories: 2030 200M at 3% = 6M; 2031 250M at 3% = 7.5M', () => {
    assert.deepEqual(royalties(rollups.get('Split')!, 'All'), [[2030, '6000000'], [2031, '7500000']]);
  });

  it('sales milestones sum the territories (200M in 2030), or one territory (US reaches 150M in 2031)', () => {
    const rows = rollups.get('Split')!.payments.filter((p) => p.kind === 'sales-milestone').map((p) => [p.label, p.year]);
    assert.deepEqual(rows, [['Big', 2030], ['UsBig', 2031]]);
  });

  it('with sales for all territories together, territory royalties are listed with the reason, not guessed', () => {
    const together = rollups.get('Together')!;
    assert.deepEqual(royalties(together, 'UsOnly'), []);
    assert.deepEqual(royalties(together, 'All'), [[2030, '6000000']]);
    assert.deepEqual(together.unvalued.map((u) => u.label), ['UsOnly royalty', 'ExUS royalty', 'UsBig']);
    assert.match(together.unvalued[0].reason, /give sales per territory \(e\.g\. `sales US \{ \.\.\. \}`\) to split them by US$/);
  });
});

describe('options forfeiting royalties by territory', () => {
  const payments = 'royalty Roy on net_sales { 10% up to 100M  20% above }';
  const option = `option Opt { holder A territory US exercise at phase2 fee 5M
    on exercise { forfeit Roy in US  share profits A 50%, B 50% in US } }
    option Drop { holder A exercise at phase2 on exercise { forfeit Roy } }`;
  const split = 'sales US { 2029: 50M  2030: 200M } sales EU { 2029: 30M  2030: 100M }';
  const rollups = scenariosOf(deal(payments, `${option}
    scenario Kept { reach approval ${split} }
    scenario OptIn { reach approval exercise Opt at phase2 ${split} }
    scenario Together { reach approval exercise Opt at phase2 sales { 2029: 80M } }
    scenario Dropped { reach approval exercise Drop at phase2 ${split} }`));

  it('without exercise the royalty is on all sales: 2029 80M → 8M; 2030 300M → 10M + 20% × 200M = 50M', () => {
    assert.deepEqual(royalties(rollups.get('Kept')!, 'Roy'), [[2029, '8000000'], [2030, '50000000']]);
  });

  it('forfeiting US royalties leaves EU sales only: 3M and 10M; 58M − 13M = 45M is forfeited', () => {
    const rollup = rollups.get('OptIn')!;
    assert.deepEqual(royalties(rollup, 'Roy'), [[2029, '3000000'], [2030, '10000000']]);
    assert.deepEqual(rollup.forfeited.map((f) => [f.label, f.amount?.toFixed()]), [['Roy royalty in US', '45000000']]);
  });

  it('with all-territory sales the US part cannot be told apart: the royalty is listed, not counted', () => {
    const rollup = rollups.get('Together')!;
    assert.deepEqual(royalties(rollup, 'Roy'), []);
    assert.deepEqual(rollup.unvalued.map((u) => u.label), ['Roy royalty']);
    assert.equal(rollup.total.toFixed(), '5000000'); // the exercise fee alone
  });

  it('a forfeit with no territory drops the royalty entirely and reports what it would have paid (58M)', () => {
    const rollup = rollups.get('Dropped')!;
    assert.deepEqual(royalties(rollup, 'Roy'), []);
    assert.deepEqual(rollup.forfeited.map((f) => [f.label, f.amount?.toFixed()]), [['Roy royalty', '58000000']]);
  });
});

describe('sales before signing', () => {
  // Signed 2020-01-15: the 2019 sales come before the deal and earn nothing, as the
  // sales-before-signing warning says. The royalty term (2 years) counts from 2020.
  const text = deal('royalty Roy 5% on net_sales term 2 years\n    sales milestone First 10M when annual net_sales reach 100M',
    'scenario S { reach approval sales { 2019: 200M  2020: 50M  2021: 150M  2022: 300M } }');
  const rollup = scenariosOf(text).get('S')!;

  it('earn no royalty: 2020 50M → 2.5M, 2021 150M → 7.5M; the term ends before 2022', () => {
    assert.deepEqual(royalties(rollup, 'Roy'), [[2020, '2500000'], [2021, '7500000']]);
  });

  it('earn no sales milestone: 100M is first reached after signing, in 2021', () => {
    assert.deepEqual(rollup.payments.filter((p) => p.kind === 'sales-milestone').map((p) => [p.label, p.year, p.amount.toFixed()]),
      [['First', 2021, '10000000']]);
    assert.equal(rollup.total.toFixed(), '20000000'); // 2.5M + 7.5M + 10M
  });

  it('are listed, with the reason, beside the warning on the year', () => {
    assert.deepEqual(rollup.unvalued.map((u) => [u.label, u.reason]),
      [['sales 2019', 'the year is before the deal was signed (2020-01-15): the deal earns nothing on these sales']]);
    assert.deepEqual(analyzeDealText(text).diagnostics.map((d) => [d.code, d.message]), [['sales-before-signing',
      'Sales in 2019 come before the deal was signed (2020-01-15): the deal earns nothing on them. Check the year.']]);
  });
});
