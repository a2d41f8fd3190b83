import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { analyzeDealText } from '../../server/src/document/analyze';
import { rollupJson } from '../../server/src/exports/rollup-json';

const example = (name: string) => rollupJson(analyzeDealText(readFileSync(new URL(`../../examples/${name}.deal`, import.meta.url), 'utf8')));
const expected = JSON.parse(readFileSync(new URL('../../examples/expected.json', import.meta.url), 'utf8'));

/** Every figure of `want` is in `got`, equal as a string (extra keys in `got` are fine). */
function assertContains(got: unknown, want: unknown, path: string): void {
  if (want !== null && typeof want === 'object') {
    for (const [key, value] of Object.entries(want)) assertContains((got as Record<string, unknown>)?.[key], value, `${path}.${key}`);
  } else {
    assert.equal(got, want, path);
  }
}

describe('rollupJson', () => {
  for (const [file, deals] of Object.entries(expected) as [string, Record<string, unknown>][]) {
    it(`gives every figure of expected.json for ${file}`, () => {
      const json = example(file.replace(/\.deal$/, ''));
      for (const [id, want] of Object.entries(deals)) {
        assertContains(json.deals.find((d) => d.id === id), want, id);
      }
    });
  }

  it('lists each payment with its written currency, group itemization and undisclosed rest', () => {
    const deal = example('acme-globex-2024').deals[0];
    const dev = deal.payments.find((p) => p.name === 'Dev')!;
    assert.deepEqual([dev.kind, dev.amount, dev.itemized, dev.undisclosedRest, dev.by], ['milestone', '120000000', '41000000', '79000000', 'phase3']);
    assert.deepEqual(dev.milestones!.find((m) => m.name === 'Ph2'), {
      kind: 'milestone', name: 'Ph2', title: 'first patient dosed in phase 2', payer: 'Globex', payee: 'Acme',
      amount: '11000000', original: { amount: '10000000', currency: 'EUR' }, stage: 'phase2', expected: '2026',
    });
    const tiered = deal.payments.find((p) => p.name === 'Tiered')!;
    assert.equal(tiered.amount, undefined);
    assert.deepEqual(tiered.tiers, [{ rate: '8', upTo: '250000000' }, { rate: '10', upTo: '750000000' }, { rate: '12', above: true }]);
    const sales1b = deal.payments.find((p) => p.name === 'Sales1B')!;
    assert.equal(sales1b.threshold, '1000000000');
  });

  it('gives scenario royalties tier by tier, rates in percent', () => {
    const success = example('acme-globex-2024').deals[0].scenarios.Success;
    const royalty2033 = success.payments.find((p) => p.kind === 'royalty' && p.year === 2033)!;
    assert.equal(royalty2033.amount, '124000000');
    assert.equal(royalty2033.sales, '1200000000');
    assert.deepEqual(royalty2033.tiers, [
      { rate: '8', base: '250000000', amount: '20000000' },
      { rate: '10', base: '500000000', amount: '50000000' },
      { rate: '12', base: '450000000', amount: '54000000' },
    ]);
    assert.equal(success.total, '607500000');
  });

  it('gives option fees as a range and the exercise a scenario makes', () => {
    const deal = example('immunogen-biotest-2006').deals[0];
    assert.deepEqual(deal.options[0].feeRange, { min: '5000000', max: '15000000' });
    assert.deepEqual(deal.options[0].exercises[0], { stage: 'phase2', fee: '5000000', payer: 'ImmunoGen', payee: 'Biotest' });
    assert.deepEqual(deal.scenarios.OptInAtPhase2.exercises, [{ option: 'OptIn', stage: 'phase2', happens: true, fee: '5000000' }]);
    assert.equal(deal.rnpv, undefined);
  });

  it('keeps full precision with no exponent, and adds rNPV where there is a valuation', () => {
    const json = rollupJson(analyzeDealText(`deal V "valued" {
      signed 2024-01-01
      stage phase2
      party A "A" licensor
      party B "B" licensee
      payments from B to A {
        upfront 2M on signing
        milestone P3 "phase 3 start" 10M at phase3 expected 2024
        equity Tiny 0.0000001 on signing
        fee Huge 1,000,000,000,000,000,000,000 on 2024-06-01
      }
      valuation { as of 2024-01-01 discount 0% }
      scenario Go { reach phase3 }
    }`));
    const deal = json.deals[0];
    assert.equal(deal.byKind.equity, '0.0000001');
    assert.equal(deal.byKind.fee, '1000000000000000000000');
    assert.equal(deal.totals.headline, '1000000000000012000000.0000001');
    const rnpv = deal.rnpv!;
    assert.equal(rnpv.asOf, '2024-01-01');
    assert.equal(rnpv.discount, '0');
    // phase2 → phase3 succeeds 28.9% of the time: $10M × 0.289, undiscounted.
    const p3 = rnpv.payments.find((p) => p.label === 'P3')!;
    assert.deepEqual([p3.probability, p3.rnpv], ['0.289', '2890000']);
    assert.equal(rnpv.contingent, '2890000');
    assert.equal(rnpv.parties.A.receives, rnpv.total);
    assert.ok(rnpv.scenarios.Go, 'the scenario has an rNPV');
    assert.equal(deal.scenarios.Go.payments.find((p) => p.name === 'P3')!.rnpv, '2890000');
  });

  it('reports a file with no deal as an empty list', () => {
    assert.deepEqual(rollupJson(analyzeDealText('// nothing yet\n')), { deals: [] });
  });
});
