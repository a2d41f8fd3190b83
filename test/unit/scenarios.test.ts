// The scenario engine on the shared examples and on small deals whose figures are worked out by
// hand in the comments: stages reached, group rests, option exercises at each offered stage,
// forfeits, funding instalments and scenarios that stop early.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import type Decimal from 'decimal.js';
import { analyzeDealText } from '../../server/src/document/analyze';
import { rollupScenarios, type ScenarioRollup } from '../../server/src/engine/scenarios';
import { scenarioEconomicsOf } from '../../server/src/engine/economics';

const examples = new URL('../../examples/', import.meta.url);
const expected = JSON.parse(readFileSync(new URL('expected.json', examples), 'utf8'));

const figures = (map: Map<string, Decimal>) => Object.fromEntries([...map].map(([k, v]) => [k, v.toFixed()]));
const positions = (rollup: ScenarioRollup) =>
  Object.fromEntries([...rollup.parties].map(([p, x]) => [p, { receives: x.receives.toFixed(), pays: x.pays.toFixed() }]));

/** Every scenario of the first deal in a text, by name; the text must have no syntax error. */
function scenariosOf(text: string): Map<string, ScenarioRollup> {
  const doc = analyzeDealText(text);
  assert.deepEqual(doc.parsed.syntaxErrors.map((e) => e.message), []);
  return rollupScenarios(doc.deals[0].model);
}

describe('shared examples: every scenario figure in expected.json', () => {
  for (const [file, deals] of Object.entries<Record<string, { scenarios: Record<string, Record<string, unknown>> }>>(expected)) {
    const text = readFileSync(new URL(file, examples), 'utf8');
    for (const [dealId, deal] of Object.entries(deals)) {
      const model = analyzeDealText(text).deals.find((d) => d.model.deal.name.text === dealId)!.model;
      const rollups = rollupScenarios(model);
      for (const [name, want] of Object.entries(deal.scenarios)) {
        it(`${dealId} ${name}`, () => {
          const rollup = rollups.get(name)!;
          const got = positions(rollup);
          const economics = scenarioEconomicsOf(model, rollup.scenario);
          for (const [party, position] of Object.entries(want.parties as Record<string, Record<string, string>>)) {
            // Cash as the rollup gives it; profit, costs and value as the economics give them.
            const value = economics?.parties.get(party);
            const all: Record<string, string> = { ...got[party], ...(value ? { profit: value.profit.toFixed(), costs: value.costs.toFixed(), value: value.value.toFixed() } : {}) };
            assert.deepEqual(Object.fromEntries(Object.keys(position).map((k) => [k, all[k]])), position, party);
          }
          if (want.economics) {
            const totals = economics!.totals as unknown as Record<string, Decimal>;
            assert.deepEqual(Object.fromEntries(Object.keys(want.economics as object).map((k) => [k, totals[k].toFixed()])), want.economics);
          }
          if (want.byKind) assert.deepEqual(figures(rollup.byKind), want.byKind);
          if (want.byYear) assert.deepEqual(figures(rollup.byYear), want.byYear);
        });
      }
    }
  }
});

describe('Acme / Globex Success, payment by payment', () => {
  const success = scenariosOf(readFileSync(new URL('acme-globex-2024.deal', examples), 'utf8')).get('Success')!;
  const row = (label: string) => success.payments.find((p) => p.label === label)!;

  it('totals 607.5M: 50M committed + 220M milestones + 142.5M sales milestones + 195M royalties', () => {
    assert.equal(success.total.toFixed(), '607500000');
    assert.equal(success.parties.get('Acme')!.net.toFixed(), '607500000');
    assert.equal(success.parties.get('Globex')!.net.toFixed(), '-607500000');
  });

  it('earns the Dev group rest (120M − 41M itemized = 79M) in 2028, the timeline year of its `by phase3`', () => {
    assert.deepEqual([row('Dev undisclosed rest').amount.toFixed(), row('Dev undisclosed rest').year], ['79000000', 2028]);
    // EUR 10M at 1.10 = 11M, in its expected year
    assert.deepEqual([row('Ph2').amount.toFixed(), row('Ph2').year], ['11000000', 2026]);
  });

  it('royalties: 2031 8% × 200M = 16M; 2032 8% × 250M + 10% × 350M = 55M; 2033 20M + 10% × 500M + 12% × 450M = 124M', () => {
    const royalties = success.payments.filter((p) => p.kind === 'royalty');
    assert.deepEqual(royalties.map((p) => [p.year, p.amount.toFixed()]), [[2031, '16000000'], [2032, '55000000'], [2033, '124000000']]);
    assert.deepEqual(royalties[2].royalty!.tiers.map((t) => [t.rate.toFixed(), t.base.toFixed(), t.amount.toFixed()]),
      [['0.08', '250000000', '20000000'], ['0.1', '500000000', '50000000'], ['0.12', '450000000', '54000000']]);
  });

  it('sales milestones in the first year sales reach them: 500M in 2032 (600M), 1B in 2033 (1.2B)', () => {
    assert.deepEqual([row('Sales500').year, row('Sales1B').year], [2032, 2033]);
  });
});

describe('ImmunoGen / Biotest', () => {
  const rollups = scenariosOf(readFileSync(new URL('immunogen-biotest-2006.deal', examples), 'utf8'));

  it('Partnered: 1M upfront in 2006 + the whole 35.5M undisclosed rest, unscheduled (no timeline)', () => {
    assert.deepEqual(figures(rollups.get('Partnered')!.byYear), { 2006: '1000000', unscheduled: '35500000' });
  });

  it('OptInAtPhase2: the 5M fee goes from ImmunoGen to Biotest; the rest, due by approval, is forfeited', () => {
    const rollup = rollups.get('OptInAtPhase2')!;
    const fee = rollup.payments.find((p) => p.kind === 'option-fee')!;
    assert.deepEqual([fee.payer, fee.payee, fee.amount.toFixed(), fee.year], ['ImmunoGen', 'Biotest', '5000000', 'unscheduled']);
    assert.deepEqual(rollup.forfeited.map((f) => [f.label, f.amount?.toFixed()]), [['Development undisclosed rest', '35500000']]);
    assert.deepEqual(rollup.sharing.map((s) => [s.what, s.shares.map((x) => `${x.party} ${x.percent.toFixed()}%`).join(', ')]),
      [['costs', 'ImmunoGen 50%, Biotest 50%'], ['profits', 'ImmunoGen 50%, Biotest 50%']]);
  });

  it('StopsInPhase2 reaches phase2 only: the upfront alone', () => {
    const rollup = rollups.get('StopsInPhase2')!;
    assert.deepEqual(rollup.payments.map((p) => [p.label, p.amount.toFixed()]), [['upfront', '1000000']]);
    assert.equal(rollup.reach, 'phase2');
  });
});

// A deal whose option can be exercised at three stages. Dev: cap 100M, itemized 5 + 10 + 20 + 30
// = 65M, so the undisclosed rest is 35M, earned at approval.
const optionDeal = (scenarios: string) => `deal D {
  signed 2020-01-15
  party A licensor
  party B licensee
  payments from B to A {
    upfront 10M on signing
    funding Research 1.5M per year for 3 years
    milestones Dev up to 100M by approval {
      milestone P1 5M at phase1
      milestone P2 10M at phase2
      milestone P3 20M at phase3
      milestone Appr 30M at approval
    }
  }
  option Opt {
    holder A
    territory US
    exercise at phase1 fee 2M
    exercise at phase2 fee 5M
    exercise at phase3 fee 15M to B
    on exercise { forfeit unearned Dev }
  }
  ${scenarios}
}`;
const timeline = 'timeline { phase1 2021  phase2 2023  phase3 2025  filing 2027  approval 2028 }';

describe('options exercised at each offered stage', () => {
  const rollups = scenariosOf(optionDeal(`
    scenario None { ${timeline} reach approval }
    scenario At1 { ${timeline} reach approval exercise Opt at phase1 }
    scenario At2 { ${timeline} reach approval exercise Opt at phase2 }
    scenario At3 { ${timeline} reach approval exercise Opt at phase3 }
    scenario Earliest { ${timeline} reach approval exercise Opt }
    scenario TooFar { ${timeline} reach phase2 exercise Opt at phase3 }
  `));
  const a = (name: string) => positions(rollups.get(name)!).A;

  it('without exercise: 10M + 4.5M funding + 65M itemized + 35M rest = 114.5M', () => {
    assert.deepEqual(a('None'), { receives: '114500000', pays: '0' });
    assert.deepEqual(figures(rollups.get('None')!.byYear),
      { 2020: '11500000', 2021: '6500000', 2022: '1500000', 2023: '10000000', 2025: '20000000', 2028: '65000000' });
  });

  it('at phase1: keeps P1 (10 + 4.5 + 5 = 19.5M), pays 2M in 2021, forfeits P2, P3, Appr and the 35M rest', () => {
    assert.deepEqual(a('At1'), { receives: '19500000', pays: '2000000' });
    const rollup = rollups.get('At1')!;
    assert.deepEqual(rollup.payments.filter((p) => p.kind === 'option-fee').map((p) => [p.year, p.payee]), [[2021, 'B']]);
    assert.deepEqual(rollup.forfeited.map((f) => `${f.label} ${f.amount?.toFixed()}`),
      ['P2 10000000', 'P3 20000000', 'Appr 30000000', 'Dev undisclosed rest 35000000']);
  });

  it('at phase2: keeps P1 + P2 (10 + 4.5 + 15 = 29.5M), pays 5M', () => {
    assert.deepEqual(a('At2'), { receives: '29500000', pays: '5000000' });
  });

  it('at phase3: keeps P1 + P2 + P3 (10 + 4.5 + 35 = 49.5M), pays 15M to B as the exercise says', () => {
    assert.deepEqual(a('At3'), { receives: '49500000', pays: '15000000' });
    assert.deepEqual(positions(rollups.get('At3')!).B, { receives: '15000000', pays: '49500000' });
  });

  it('with no stage written, the earliest exercise point (phase1) applies', () => {
    assert.deepEqual(a('Earliest'), a('At1'));
  });

  it('an exercise at a stage the scenario does not reach does not happen: no fee, nothing forfeited', () => {
    // reach phase2: 10 + 4.5 + 5 + 10 = 29.5M
    const rollup = rollups.get('TooFar')!;
    assert.deepEqual(a('TooFar'), { receives: '29500000', pays: '0' });
    assert.deepEqual(rollup.exercises.map((e) => e.happens), [false]);
    assert.deepEqual(rollup.unvalued.map((u) => u.reason), ['the scenario does not reach phase3, where Opt would be exercised']);
  });
});

describe('funding, reach and stopping early', () => {
  const rollups = scenariosOf(optionDeal(`
    scenario Stops { ${timeline} reach phase1 }
    scenario NoReach { timeline { phase1 2021  phase2 2023 } }
    scenario Nothing { }
  `));

  it('funding pays 3 equal instalments of 1.5M in 2020, 2021 and 2022 (signed 2020)', () => {
    const funding = rollups.get('Stops')!.payments.filter((p) => p.kind === 'funding');
    assert.deepEqual(funding.map((p) => [p.year, p.amount.toFixed(), p.instalment!.index]), [[2020, '1500000', 1], [2021, '1500000', 2], [2022, '1500000', 3]]);
  });

  it('a scenario stopping at phase1 earns P1 only: 10M + 4.5M + 5M = 19.5M', () => {
    assert.equal(rollups.get('Stops')!.total.toFixed(), '19500000');
    assert.deepEqual(figures(rollups.get('Stops')!.byKind), { upfront: '10000000', funding: '4500000', milestone: '5000000' });
  });

  it('without `reach`, the timeline\'s latest stage is reached: P1 + P2 = 15M on top of 14.5M', () => {
    assert.equal(rollups.get('NoReach')!.reach, 'phase2');
    assert.equal(rollups.get('NoReach')!.total.toFixed(), '29500000');
  });

  it('a scenario with neither reaches no stage: committed payments only (14.5M)', () => {
    assert.equal(rollups.get('Nothing')!.total.toFixed(), '14500000');
  });
});

describe('group rests without `by` and payments without figures', () => {
  const rollup = scenariosOf(`deal D {
    signed 2020-01-15
    party A licensor
    party B licensee
    payments from B to A {
      milestones Reg up to 50M { milestone US 20M at approval expected 2029 }
      milestone Secret undisclosed at phase1
      manufacturing Supply at cost plus 10%
    }
    scenario S { reach approval }
  }`).get('S')!;

  it('lists the 30M rest of a group with no `by` as unattributed and leaves it out of the total', () => {
    assert.deepEqual(rollup.unattributed.map((u) => [u.group.name, u.amount.toFixed()]), [['Reg', '30000000']]);
    assert.equal(rollup.total.toFixed(), '20000000');
    assert.deepEqual(figures(rollup.byYear), { 2029: '20000000' });
  });

  it('lists undisclosed and at-cost payments with the reason they have no figure', () => {
    assert.deepEqual(rollup.unvalued.map((u) => `${u.label}: ${u.reason}`),
      ['Secret: the amount is undisclosed', 'Supply: supplied at cost: no fixed figure']);
  });
});
