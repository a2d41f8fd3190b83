// Properties every deal must keep, checked over 200 seeded generated deals (test/generate-deal.ts):
// per-year and per-kind figures add up to the scenario total, what parties pay equals what they
// receive, no figure is negative or non-finite, and the generated text parses cleanly.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type Decimal from 'decimal.js';
import { analyzeDealText, type AnalyzedDocument } from '../../server/src/document/analyze';
import { ZERO, sum } from '../../server/src/model/money';
import { rnpvDeal } from '../../server/src/engine/rnpv';
import { rollupScenarios, type ScenarioRollup } from '../../server/src/engine/scenarios';
import { generateDeal } from '../generate-deal';

const seeds = Array.from({ length: 200 }, (_, i) => i + 1);
const documents = new Map<number, AnalyzedDocument>();
const analyzed = (seed: number) => {
  let doc = documents.get(seed);
  if (!doc) documents.set(seed, (doc = analyzeDealText(generateDeal(seed))));
  return doc;
};
const rollups = new Map<number, Map<string, ScenarioRollup>>();
const scenariosOf = (seed: number) => {
  let found = rollups.get(seed);
  if (!found) rollups.set(seed, (found = rollupScenarios(analyzed(seed).deals[0].model)));
  return found;
};

const finiteAndNotNegative = (value: Decimal, what: string) => {
  assert.ok(value.isFinite(), `${what} is not finite`);
  assert.ok(!value.isNegative() || value.isZero(), `${what} is negative: ${value.toFixed()}`);
};

describe('generated deals', () => {
  it('are deterministic per seed and differ between seeds', () => {
    assert.equal(generateDeal(42), generateDeal(42));
    assert.notEqual(generateDeal(42), generateDeal(43));
    assert.ok(generateDeal(7, { payments: 300 }).split('\n').filter((l) => /^\s+milestone /.test(l)).length >= 200);
  });

  it('parse without a syntax error', () => {
    for (const seed of seeds) {
      const doc = analyzed(seed);
      assert.deepEqual(doc.parsed.syntaxErrors.map((e) => e.message), [], `seed ${seed}`);
      assert.equal(doc.deals.length, 1);
      assert.ok(doc.deals[0].model.scenarios.size >= 1);
    }
  });

  // An error or warning on a generated (valid) deal is a bug in the generator or in the check.
  it('have no error or warning diagnostic', () => {
    for (const seed of seeds) {
      const serious = analyzed(seed).diagnostics.filter((d) => d.severity === 'error' || d.severity === 'warning');
      assert.deepEqual(serious.map((d) => `${d.code}: ${d.message}`), [], `seed ${seed}`);
    }
  });

  it('state a headline equal to what their terms add up to', () => {
    for (const seed of seeds) {
      const { model, totals } = analyzed(seed).deals[0];
      assert.equal(totals.headline.toFixed(), model.deal.headline!.value.toFixed(), `seed ${seed}`);
    }
  });
});

describe('scenario invariants over 200 generated deals', () => {
  it('per-year and per-kind figures add up to the total, and so do the payments', () => {
    for (const seed of seeds) {
      for (const [name, rollup] of scenariosOf(seed)) {
        const where = `seed ${seed} scenario ${name}`;
        assert.equal(sum(rollup.byYear.values()).toFixed(), rollup.total.toFixed(), where);
        assert.equal(sum(rollup.byKind.values()).toFixed(), rollup.total.toFixed(), where);
        assert.equal(sum(rollup.payments.map((p) => p.amount)).toFixed(), rollup.total.toFixed(), where);
      }
    }
  });

  it('what parties pay equals what parties receive; nets add up to zero', () => {
    for (const seed of seeds) {
      for (const [name, rollup] of scenariosOf(seed)) {
        const where = `seed ${seed} scenario ${name}`;
        const positions = [...rollup.parties.values()];
        assert.equal(sum(positions.map((p) => p.pays)).toFixed(), rollup.total.toFixed(), where);
        assert.equal(sum(positions.map((p) => p.receives)).toFixed(), rollup.total.toFixed(), where);
        assert.ok(sum(positions.map((p) => p.net)).isZero(), where);
        if (rollup.rnpv) assert.ok(sum(positions.map((p) => p.rnpv ?? ZERO)).isZero(), where);
      }
    }
  });

  it('no figure is negative or non-finite; probabilities lie in 0..1; rNPV never exceeds the amount paid after the valuation date', () => {
    for (const seed of seeds) {
      const { model } = analyzed(seed).deals[0];
      for (const [name, rollup] of scenariosOf(seed)) {
        const where = `seed ${seed} scenario ${name}`;
        for (const payment of rollup.payments) {
          finiteAndNotNegative(payment.amount, `${where} ${payment.label}`);
          if (payment.probability) assert.ok(payment.probability.gte(0) && payment.probability.lte(1), `${where} ${payment.label}`);
          if (payment.rnpv) finiteAndNotNegative(payment.rnpv, `${where} ${payment.label} rNPV`);
        }
        for (const [year, value] of rollup.byYear) finiteAndNotNegative(value, `${where} ${year}`);
        for (const [kind, value] of rollup.byKind) finiteAndNotNegative(value, `${where} ${kind}`);
      }
      const valued = rnpvDeal(model);
      if (!valued) continue;
      for (const row of valued.rows) {
        if (!row.rnpv) continue;
        finiteAndNotNegative(row.rnpv, `seed ${seed} ${row.label} rNPV`);
        if (row.years && !row.years.isNegative()) assert.ok(row.rnpv.lte(row.amount), `seed ${seed} ${row.label}`);
      }
      assert.equal(valued.committed.plus(valued.contingent).toFixed(), valued.total.toFixed());
    }
  });

  it('a scenario reaching further never earns a party less in milestones', () => {
    // The same deal with its first scenario cut back to each earlier stage: milestone income
    // can only grow with the stage reached (no option is exercised in these variants).
    for (const seed of seeds.slice(0, 20)) {
      const text = generateDeal(seed).replace(/    exercise OptIn at \w+\n/g, '');
      const stages = ['preclinical', 'phase1', 'phase2', 'phase3', 'filing', 'approval'];
      let previous = ZERO;
      for (const stage of stages) {
        const variant = text.replace(/(scenario Case1 [^{]*\{[^}]*\}\s*)reach \w+/, `$1reach ${stage}`);
        const rollup = rollupScenarios(analyzeDealText(variant).deals[0].model).get('Case1')!;
        assert.equal(rollup.reach, stage);
        const milestones = rollup.byKind.get('milestone') ?? ZERO;
        assert.ok(milestones.gte(previous), `seed ${seed} reach ${stage}: ${milestones.toFixed()} < ${previous.toFixed()}`);
        previous = milestones;
      }
    }
  });
});
