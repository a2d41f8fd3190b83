// Invariants of the economics over generated deals with costs: the parties' values add up to the
// project value (payments between parties cancel out), every party's receipts are another's
// payments, and an exercise moves value between the parties without changing the project's.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type Decimal from 'decimal.js';
import { analyzeDealText } from '../../server/src/document/analyze';
import { scenarioEconomics } from '../../server/src/engine/economics/scenario-economics';
import type { CostsInput, SalesCost } from '../../server/src/engine/economics/types';
import { salesBook } from '../../server/src/engine/scenarios/sales';
import { Money, ZERO } from '../../server/src/model/money';
import { generateDeal } from '../generate-deal';
import { rng } from '../seeded-random';

const sum = (values: Iterable<Decimal>) => [...values].reduce((a, b) => a.plus(b), ZERO);

/** Seeded costs: development per territory or undivided, goods and commercial as a share or a table. */
function costsFor(seed: number): CostsInput {
  const r = rng(seed);
  const table = () => new Map(Array.from({ length: r.int(1, 4) }, (_, i) => [2024 + i, new Money(r.int(1, 400)).times(100_000)]));
  const territory = () => r.pick([undefined, 'US', 'ex-US', 'EU']);
  const salesCost = (): SalesCost => (r.chance(0.6)
    ? { territory: territory(), percentOfSales: new Money(r.int(5, 45)) }
    : { territory: territory(), years: table() });
  return {
    development: Array.from({ length: r.int(0, 3) }, () => ({ territory: territory(), years: table() })),
    goods: [salesCost()],
    commercial: r.chance(0.8) ? [salesCost()] : [],
  };
}

describe('economics invariants over generated deals with costs', () => {
  let scenarios = 0;
  let exercises = 0;
  for (let seed = 1; seed <= 24; seed++) {
    it(`deal ${seed}`, () => {
      const model = analyzeDealText(generateDeal(seed)).deals[0].model;
      for (const scenario of model.deal.scenarios) {
        const costs = costsFor(seed * 31 + scenarios);
        const economics = scenarioEconomics(model, scenario, { units: (s) => [{ book: salesBook(model, s), costs }], developers: () => [] });
        scenarios++;
        const values = [...economics.parties.values()];
        assert.equal(sum(values.map((v) => v.value)).toFixed(), economics.totals.projectValue.toFixed(), `${scenario.name.text}: values add up to the project value`);
        assert.equal(sum(values.map((v) => v.receives)).toFixed(), sum(values.map((v) => v.pays)).toFixed(), `${scenario.name.text}: payments cancel out`);
        assert.equal(sum(values.map((v) => v.profit)).toFixed(), economics.totals.operatingProfit.toFixed());
        assert.equal(sum(values.map((v) => v.costs)).toFixed(), economics.totals.development.toFixed());
        for (const exercise of economics.exercises) {
          if (!exercise.happens) continue;
          exercises++;
          assert.equal(sum(exercise.gain.values()).toFixed(), '0', `${scenario.name.text}: ${exercise.option.name.text} moves value, it does not make any`);
        }
      }
    });
  }
  it('covered scenarios and exercises', () => {
    assert.ok(scenarios >= 40, `${scenarios} scenarios`);
    assert.ok(exercises >= 5, `${exercises} exercises`);
  });
});
