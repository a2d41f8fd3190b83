// rNPV = amount × P × 1/(1+R)^t, t = days/365.25 from the valuation date (bare year = 1 July,
// quarter = its middle); each payment to the cent. Dates are chosen so that t is a whole number
// of years where the arithmetic is worked by hand (1461 days = 4 × 365.25); where it is not,
// the figure was worked to 50 digits separately and is quoted to the cent.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { analyzeDealText } from '../../server/src/document/analyze';
import type { DealModel } from '../../server/src/model/deal-model';
import { optionFeeRange } from '../../server/src/model/options';
import { currentStage, probabilityOfReaching } from '../../server/src/model/probability';
import { dayNumber, rnpvDeal } from '../../server/src/engine/rnpv';
import { rollupScenarios } from '../../server/src/engine/scenarios';

const modelOf = (text: string): DealModel => {
  const doc = analyzeDealText(text);
  assert.deepEqual(doc.parsed.syntaxErrors.map((e) => e.message), []);
  return doc.deals[0].model;
};
const examples = new URL('../../examples/', import.meta.url);
const immunogen = modelOf(readFileSync(new URL('immunogen-biotest-2006.deal', examples), 'utf8'));

describe('probability of reaching a stage', () => {
  it('built-in stages from the first stage (no `stage`): phase2 = 85% × 69% × 52% = 0.30498', () => {
    assert.equal(currentStage(immunogen), 'discovery');
    assert.equal(probabilityOfReaching(immunogen, 'phase2')!.toFixed(), '0.30498');
    assert.equal(probabilityOfReaching(immunogen, 'discovery')!.toFixed(), '1');
    assert.equal(probabilityOfReaching(immunogen, 'nowhere'), undefined);
  });

  it('declared stages and a current stage: from phase1, phase2 = 50%, approval = 50% × 40% = 0.2; earlier stages are certain', () => {
    const model = modelOf(`deal D { stage phase1 stages { preclinical success 90% phase1 success 50% phase2 success 40% approval } }`);
    assert.deepEqual(['preclinical', 'phase1', 'phase2', 'approval'].map((s) => probabilityOfReaching(model, s)!.toFixed()), ['1', '1', '0.5', '0.2']);
  });
});

describe('payment dates', () => {
  const day = (text: string) => dayNumber(analyzeDealText(`deal D { signed ${text} }`).deals[0].model.deal.signed!)!;
  it('a bare year is 1 July, a quarter its middle (Feb 15, May 15, Aug 15, Nov 15)', () => {
    assert.equal(day('2024'), day('2024-07-01'));
    assert.deepEqual(['2024-Q1', '2024-Q2', '2024-Q3', '2024-Q4'].map(day), ['2024-02-15', '2024-05-15', '2024-08-15', '2024-11-15'].map(day));
    assert.equal(day('2024-01-01') - day('2020-01-01'), 1461);
  });
});

describe('deal-level rNPV (valuation as of 2020-01-01, 10%, current stage phase1, built-in stages)', () => {
  const model = modelOf(`deal V {
    signed 2020-01-01
    stage phase1
    party A licensor
    party B licensee
    payments from B to A {
      upfront 14,641,000 on signing
      fee Access 10M on 2021-01-01
      milestone P2 14,641,000 at phase2 expected 2024-01-01
      milestone P3 10M at phase3 expected 2028-01-01
      milestones Grp up to 20M by phase3 { milestone G1 5M at phase1 expected 2020-Q1 }
      sales milestone S 50M when annual net_sales reach 1B expected 2024
    }
    valuation { as of 2020-01-01 discount 10% }
  }`);
  const result = rnpvDeal(model)!;
  const row = (label: string) => result.rows.find((r) => r.label === label)!;

  it('values each payment', () => {
    assert.deepEqual(result.rows.map((r) => [r.label, r.probability?.toFixed(), r.rnpv?.toFixed()]), [
      ['upfront', '1', '14641000'], //         t = 0
      ['Access', '1', '9089130.09'], //        10M / 1.1^(366/365.25)
      ['P2', '0.52', '5200000'], //            14,641,000 × 0.52 / 1.1^4 (1.4641)
      ['P3', '0.15028', '701067.29'], //       10M × 0.52 × 0.289 / 1.1^8 (2.14358881)
      ['G1', '1', '4941630.74'], //            phase1 is the current stage; 5M / 1.1^(45/365.25), Feb 15
      ['Grp undisclosed rest', '0.15028', undefined], // no date: listed, not valued
      // 50M × 0.52 × 0.289 × 0.578 × 0.906 × 100% (approval → launch) / 1.1^(1643/365.25), 1 July 2024
      ['S', '0.07869682704', '2562895.94'],
    ]);
    assert.equal(row('P2').years!.toFixed(), '4');
    assert.deepEqual(result.unvalued.map((r) => r.label), ['Grp undisclosed rest']);
  });

  it('adds up per party and committed/contingent', () => {
    assert.equal(result.committed.toFixed(), '23730130.09'); //  14,641,000 + 9,089,130.09
    assert.equal(result.contingent.toFixed(), '13405593.97'); // 5,200,000 + 701,067.29 + 4,941,630.74 + 2,562,895.94
    assert.equal(result.total.toFixed(), '37135724.06');
    assert.deepEqual([...result.parties].map(([p, x]) => [p, x.receives.toFixed(), x.pays.toFixed(), x.net.toFixed()]),
      [['A', '37135724.06', '0', '37135724.06'], ['B', '0', '37135724.06', '-37135724.06']]);
  });

  it('a deal without a valuation has no rNPV', () => {
    assert.equal(rnpvDeal(immunogen), undefined);
  });
});

describe('scenario rNPV', () => {
  // 2020-07-01 → 2024-07-01 is 1461 days (t = 4), → 2028-07-01 is 2922 days (t = 8).
  const model = modelOf(`deal W {
    signed 2020-07-01
    stage phase1
    stages { phase1 success 50%  phase2 success 40%  approval }
    party A licensor
    party B licensee
    payments from B to A {
      upfront 1M on signing
      milestone P2 14,641,000 at phase2
      royalty R 10% on net_sales
    }
    option O { holder A exercise at phase2 fee 14,641,000 }
    scenario S {
      timeline { phase1 2020  phase2 2024  approval 2026 }
      reach approval
      exercise O at phase2
      sales { 2028: 214,358,881 }
    }
    valuation { as of 2020-07-01 discount 10% }
  }`);
  const rollup = rollupScenarios(model).get('S')!;

  it('values each payment from its scenario year', () => {
    assert.deepEqual(rollup.payments.map((p) => [p.label, p.probability!.toFixed(), p.rnpv!.toFixed()]), [
      ['upfront', '1', '1000000'],
      ['P2', '0.5', '5000000'], //              14,641,000 × 0.5 / 1.1^4
      ['O exercise fee', '0.5', '5000000'], //  the same, paid by A
      // 10% × 214,358,881 = 21,435,888.1; royalties depend on the last stage (approval): × 0.2 / 1.1^8
      ['R royalty 2028', '0.2', '2000000'],
    ]);
  });

  it('per party: A receives 8M and pays 5M risk-adjusted (net 3M); the scenario\'s payments total 13M', () => {
    const a = rollup.parties.get('A')!;
    const b = rollup.parties.get('B')!;
    assert.deepEqual([a.rnpvReceives!.toFixed(), a.rnpvPays!.toFixed(), a.rnpv!.toFixed()], ['8000000', '5000000', '3000000']);
    assert.equal(b.rnpv!.toFixed(), '-3000000');
    assert.equal(rollup.rnpv!.toFixed(), '13000000');
  });

  it('the deal level has no timeline: P2, with no expected date, is listed and not valued', () => {
    assert.deepEqual(rnpvDeal(model)!.unvalued.map((r) => r.label), ['P2']);
  });
});

describe('option fee range', () => {
  it('ImmunoGen\'s opt-in costs 5M (phase2) to 15M (phase3), paid by ImmunoGen to Biotest', () => {
    const range = optionFeeRange(immunogen.options.get('OptIn')!, immunogen);
    assert.deepEqual([range.min!.toFixed(), range.max!.toFixed(), range.payer, range.payee], ['5000000', '15000000', 'ImmunoGen', 'Biotest']);
    assert.deepEqual(range.fees.map((f) => [f.stage, f.amount!.toFixed()]), [['phase2', '5000000'], ['phase3', '15000000']]);
  });

  it('converts fees and honours `to`; with three parties the other side is the one the holder deals with', () => {
    const model = modelOf(`deal D {
      fx EUR = 1.10 USD
      party A licensor
      party F investor
      party B licensee
      payments from B to A { upfront 1M }
      option O { holder A exercise at phase1 fee EUR 10M exercise at phase3 fee 2M to F }
    }`);
    const range = optionFeeRange(model.options.get('O')!, model);
    assert.deepEqual([range.min!.toFixed(), range.max!.toFixed(), range.payee], ['2000000', '11000000', 'B']);
    assert.deepEqual(range.fees.map((f) => f.payee), ['B', 'F']);
  });
});
