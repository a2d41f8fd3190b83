// The economics engine, figures worked by hand: the seed deal's opt-in with illustrative sales
// and costs (US profit shared 50/50 from the phase 2 exercise on, ex-US to the licensee), the
// value of each party, the exercise gain against the same scenario without it, and the
// break-even multiplier of the sales.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type Decimal from 'decimal.js';
import { analyzeDealText } from '../../server/src/document/analyze';
import { breakEvenMultiplier, shownMultiplier } from '../../server/src/engine/economics/break-even';
import { scenarioEconomics } from '../../server/src/engine/economics/scenario-economics';
import type { CostsInput } from '../../server/src/engine/economics/types';
import { Money } from '../../server/src/model/money';
import { salesBook } from '../../server/src/engine/scenarios/sales';
import { costedSeed, M } from './costed-seed';

const years = (entries: [number, number][]) => new Map(entries.map(([y, v]) => [y, M(v)]));

function costed() {
  const { document, economics } = costedSeed();
  assert.deepEqual(document.diagnostics.filter((d) => d.severity === 'error'), []);
  return economics;
}

const fixed = (m: Map<string, Decimal>) => Object.fromEntries([...m].map(([k, v]) => [k, v.toFixed()]));

describe('economics of a scenario with costs', () => {
  it('adds up the product: sales 450M, goods 90M, commercial 135M, operating profit 225M, development 75M, project 150M', () => {
    const { totals } = costed();
    assert.deepEqual(Object.fromEntries(Object.entries(totals).map(([k, v]) => [k, v.toFixed()])), {
      sales: '450000000', goods: '90000000', commercial: '135000000', operatingProfit: '225000000', development: '75000000', projectValue: '150000000',
    });
  });

  it('divides it: US profit 150M and development 70M shared 50/50, ex-US to Biotest; values 36M and 114M', () => {
    const { parties } = costed();
    const shown = Object.fromEntries([...parties].map(([p, v]) => [p, [v.receives, v.pays, v.profit, v.costs, v.value].map((d) => d.toFixed())]));
    assert.deepEqual(shown, {
      ImmunoGen: ['1000000', '5000000', '75000000', '35000000', '36000000'],
      Biotest: ['5000000', '1000000', '150000000', '40000000', '114000000'],
    });
  });

  it('values the exercise against the scenario without it: ImmunoGen −0.5M, Biotest +0.5M; break-even 1.01× the sales', () => {
    const [exercise] = costed().exercises;
    assert.equal(exercise.option.name.text, 'OptIn');
    assert.equal(exercise.fee?.toFixed(), '5000000');
    assert.deepEqual(fixed(exercise.gain), { ImmunoGen: '-500000', Biotest: '500000' });
    // ImmunoGen's gain is 75M·k − 75.5M: it changes sign at k = 75.5 / 75 = 1.00666…
    assert.ok(Math.abs(exercise.breakEven! - 75.5 / 75) < 1e-6, String(exercise.breakEven));
    assert.equal(shownMultiplier(exercise.breakEven!), '1.01');
  });

  it('the parties’ values add up to the project value', () => {
    const { parties, totals } = costed();
    const sum = [...parties.values()].reduce((s, v) => s.plus(v.value), new Money(0));
    assert.equal(sum.toFixed(), totals.projectValue.toFixed());
  });
});

describe('break-even search', () => {
  it('finds a linear gain’s root to 10⁻⁶ (gain = 3k − 7 → 2.333…)', () => {
    const k = breakEvenMultiplier((k) => new Money(k).times(3).minus(7))!;
    assert.ok(Math.abs(k - 7 / 3) < 1e-6, String(k));
    assert.equal(shownMultiplier(k), '2.33');
  });
  it('gives none where the gain keeps one sign from 0 to 100× (gain = k + 1)', () => {
    assert.equal(breakEvenMultiplier((k) => new Money(k).plus(1)), undefined);
  });
  it('rounds half-even to two decimals', () => {
    assert.equal(shownMultiplier(1.125), '1.12');
    assert.equal(shownMultiplier(1.135), '1.14');
  });
});

describe('economics in rNPV', () => {
  // Current stage phase1; phase1 and phase2 each 50% → P(phase2) = 0.5, P(approval) = 0.25.
  // Discount 0%, so only P weighs. Exercise at phase2 in 2021: shares from 2021 on.
  const text = `deal Small "a small deal" {
  currency USD
  signed 2020-01-01
  stage phase1
  stages { phase1 success 50%  phase2 success 50%  approval }
  valuation { as of 2020-07-01  discount 0% }
  party A "A Inc." { role licensor }
  party B "B AG" { role licensee }
  license L "licence" { from A to B exclusive }
  payments from B to A { upfront Up 10M on signing }
  option Opt "opt-in" {
    holder A
    exercise at phase2 fee 1M
    on exercise {
      share profits A 50%, B 50%
      share costs A 50%, B 50%
    }
  }
  scenario S "opt-in" {
    timeline { phase2 2021  approval 2022 }
    reach approval
    exercise Opt at phase2
    sales { 2023: 100M }
  }
}`;
  const smallCosts: CostsInput = { development: [{ years: years([[2020, 4], [2021, 8]]) }], goods: [], commercial: [] };
  const economics = () => {
    const document = analyzeDealText(text);
    assert.deepEqual(document.diagnostics.filter((d) => d.severity === 'error').map((d) => d.message), []);
    const model = document.deals[0].model;
    return scenarioEconomics(model, model.scenarios.get('S')!, { units: (s) => [{ book: salesBook(model, s), costs: smallCosts }], developers: () => [] });
  };

  it('values profit at P(approval), each year’s development at P of the stage it is in, payments at their own', () => {
    // A: upfront 10M − fee 1M × 0.5 + profit 50M × 0.25 − development 2021 4M × 0.5 = 20M.
    // B: −10M + 0.5M + 12.5M − development 2020 4M (before the timeline: P = 1) − 2M = −3M.
    const { rnpv } = economics();
    assert.deepEqual(fixed(rnpv!.value), { A: '20000000', B: '-3000000' });
    assert.equal(rnpv!.projectValue.toFixed(), '17000000');
  });

  it('gives the exercise’s rNPV gain at signing and as seen at the exercise (÷ P(phase2))', () => {
    // Without the exercise B books everything: A 10M; B −10M + 25M − 4M − 4M = 7M.
    const [exercise] = economics().exercises;
    assert.deepEqual(fixed(exercise.rnpvGain!), { A: '10000000', B: '-10000000' });
    assert.deepEqual(fixed(exercise.rnpvGainAtExercise!), { A: '20000000', B: '-20000000' });
    // Nominal gain: A 10M − 1M + 50M − 4M − 10M = 45M.
    assert.deepEqual(fixed(exercise.gain), { A: '45000000', B: '-45000000' });
  });

  it('breaks even in rNPV: A’s gain 12.5M·k − 2.5M changes sign at k = 0.2', () => {
    const [exercise] = economics().exercises;
    assert.ok(Math.abs(exercise.breakEven! - 0.2) < 1e-6, String(exercise.breakEven));
    assert.equal(shownMultiplier(exercise.breakEven!), '0.20');
  });
});

describe('the option decision in words', () => {
  it('says what exercising costs the holder and from what sales it pays off', async () => {
    const { decisionWords } = await import('../../server/src/engine/economics/decision-words');
    const { model, economics } = costedSeed();
    const [exercise] = economics.exercises;
    assert.equal(decisionWords(model, exercise),
      'Exercising OptIn at phase2 costs ImmunoGen, Inc. $500K at these sales; it pays off from 1.01× these sales.');
  });
});

describe('economics as written: cost tables and a developer that changes on exercise', () => {
  // A licence without a territory: B (licensee) develops everywhere, until A's exercise at phase 2
  // (2022) makes A the US developer. US 2025: 100M − goods 10M − commercial 20M = 70M → A;
  // ex-US 2025: 50M − 5M − 10M = 35M → B. US development 2021 (before the exercise) → B, 2023 → A.
  const text = `deal Dev "developer switch" {
  currency USD
  signed 2020-01-01
  party A "A Inc." { role licensor }
  party B "B AG" { role licensee }
  license L "licence" { from A to B exclusive }
  payments from B to A { upfront Up 10M on signing }
  option Take "US rights back" {
    holder A
    exercise at phase2 fee 2M
    on exercise { developer A in US }
  }
  scenario S "A takes the US at phase 2" {
    timeline { phase2 2022  approval 2024 }
    reach approval
    exercise Take at phase2
    sales US { 2025: 100M }
    sales "ex-US" { 2025: 50M }
    costs {
      development US { 2021: 4M  2023: 6M }
      goods US { 2025: 10M }
      goods "ex-US" { 2025: 5M }
      commercial 20% of sales
    }
  }
}`;

  it('gives A the US profit and costs from the exercise year on: A 72M, B 23M, project 95M', async () => {
    const { scenarioEconomicsOf } = await import('../../server/src/engine/economics');
    const document = analyzeDealText(text);
    assert.deepEqual(document.diagnostics.filter((d) => d.severity !== 'info').map((d) => d.message), []);
    const model = document.deals[0].model;
    const economics = scenarioEconomicsOf(model, model.scenarios.get('S')!)!;
    const shown = Object.fromEntries([...economics.parties].map(([p, v]) => [p, [v.receives, v.pays, v.profit, v.costs, v.value].map((d) => d.toFixed())]));
    assert.deepEqual(shown, {
      A: ['10000000', '2000000', '70000000', '6000000', '72000000'],
      B: ['2000000', '10000000', '35000000', '4000000', '23000000'],
    });
    assert.deepEqual(Object.fromEntries(Object.entries(economics.totals).map(([k, v]) => [k, v.toFixed()])), {
      sales: '150000000', goods: '15000000', commercial: '30000000', operatingProfit: '105000000', development: '10000000', projectValue: '95000000',
    });
    // Without the exercise B books everything: A 10M, B −10M + 105M − 10M = 85M.
    assert.deepEqual(fixed(economics.exercises[0].gain), { A: '62000000', B: '-62000000' });
  });
});

describe('the deal’s developer', () => {
  const deal = (developer: string) => `deal Dev2 "developer named" {
  currency USD
  signed 2020-01-01
  ${developer}
  party A "A Inc." { role licensor }
  party B "B AG" { role licensee }
  license L "licence" { from A to B exclusive }
  payments from B to A { upfront Up 10M on signing }
  scenario S "approved" {
    reach approval
    sales { 2025: 100M }
    costs {
      development { 2021: 4M }
      goods 10% of sales
    }
  }
}`;

  it('`developer A` books the profit and bears the costs absent any share (else the licensee does)', async () => {
    const { scenarioEconomicsOf } = await import('../../server/src/engine/economics');
    const valueOf = (text: string) => {
      const document = analyzeDealText(text);
      assert.deepEqual(document.diagnostics.filter((d) => d.severity === 'error').map((d) => d.message), []);
      const model = document.deals[0].model;
      return Object.fromEntries([...scenarioEconomicsOf(model, model.scenarios.get('S')!)!.parties].map(([p, v]) => [p, v.value.toFixed()]));
    };
    // 100M sales − 10M goods − 4M development = 86M, plus or minus the 10M upfront.
    assert.deepEqual(valueOf(deal('developer A')), { A: '96000000', B: '-10000000' });
    assert.deepEqual(valueOf(deal('')), { A: '10000000', B: '76000000' });
  });

  it('an unknown developer is an unknown party', () => {
    const document = analyzeDealText(deal('developer Nobody'));
    assert.deepEqual(document.diagnostics.filter((d) => d.code === 'unknown-reference').map((d) => document.text.slice(d.span.start, d.span.end)), ['Nobody']);
  });
});
