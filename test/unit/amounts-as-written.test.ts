// Amounts and dates as people write them (version 2): scales in any case and as words, `US$`,
// months, negative amounts, and the figures they give, through the JSON a script reads.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyzeDealText } from '../../server/src/document/analyze';
import { findCodeActions } from '../../server/src/features/code-actions';
import { applyEdits } from '../../server/src/features/format';
import { rollupJson } from '../../server/src/exports/rollup-json';
import { dayNumber } from '../../server/src/engine/rnpv';
import { parseNumber } from '../../server/src/language/literals';
import { generateDeal } from '../generate-deal';
import { diagnosticsOf } from './helpers';

const deal = (payments: string, extra = '') => `deal D {
  signed 2025-03-03
  fx EUR = 1.10 USD
  fx CHF = 1.2 USD
${extra}  party A licensor
  party B licensee
  payments from B to A {
${payments}
  }
}
`;

const amounts = (text: string) => rollupJson(analyzeDealText(text)).deals[0].payments.map((p) => p.amount);

describe('scales as people write them', () => {
  it('reads every spelling of thousand, million and billion, with or without a space', () => {
    const cases: [string, string][] = [
      ['250k', '250000'], ['250K', '250000'], ['500 thousand', '500000'], ['2 Thousand', '2000'],
      ['120m', '120000000'], ['120M', '120000000'], ['5mm', '5000000'], ['5MM', '5000000'], ['3mn', '3000000'],
      ['120 million', '120000000'], ['1.5 Million', '1500000'], ['2 MILLION', '2000000'],
      ['1.2b', '1200000000'], ['1.2B', '1200000000'], ['2bn', '2000000000'], ['2.5 bn', '2500000000'],
      ['1.6 billion', '1600000000'], ['1,000,000', '1000000'], ['1_000', '1000'],
    ];
    for (const [written, value] of cases) assert.equal(parseNumber(written).toFixed(), value, written);
  });

  it('with a currency before or after: €120m, $1.6 billion, US$ 5M, CHF 2.5 bn', () => {
    const text = deal(`    upfront €120m on signing
    fee F1 $1.6 billion on signing
    fee F2 US$ 5M on signing
    fee F3 CHF 2.5 bn on signing
    fee F4 120 million USD on signing`);
    assert.deepEqual(analyzeDealText(text).diagnostics, []);
    // €120m at 1.10 = 132M; CHF 2.5bn at 1.2 = 3bn.
    assert.deepEqual(amounts(text), ['132000000', '1600000000', '5000000', '3000000000', '120000000']);
  });

  it('keeps names and words after a number apart: m1, months, a year before a name', () => {
    const text = deal(`    milestone m1 5M at phase1
    milestone mm 2m at phase2
    royalty R 5% on net_sales term 6 months`);
    assert.deepEqual(analyzeDealText(text).diagnostics, []);
    assert.deepEqual(amounts(text), ['5000000', '2000000', undefined]);
  });

  it('says which scales it reads where a number cannot be read', () => {
    const { found } = diagnosticsOf(deal('    upfront «5q» on signing'));
    assert.equal(found[0].code, 'syntax-error');
    assert.equal(found[0].message, "'5q' is not a number the deal language reads: write digits with an optional scale (K or thousand, M, mm, mn or million, B, bn or billion, in any case), such as 35.5M, 120 million or 1,000,000 (exponents like 1e9 are not read).");
  });
});

describe('generated deals respelt as press releases write them', () => {
  const spellings = ['m', ' million', 'mm', 'MM', ' mn', ' Million'];
  it('give the same totals and no new problem, whichever spelling of million', () => {
    for (let seed = 1; seed <= 12; seed++) {
      const text = generateDeal(seed);
      const spelling = spellings[seed % spellings.length];
      // Every amount in millions after a currency (`$12.5M`, `USD 3M`, `€4M`, `EUR 2M`) respelt.
      const respelt = text.replace(/((?:\$|€|USD |EUR )\d[\d.,_]*)M\b/g, `$1${spelling}`);
      assert.notEqual(respelt, text, `seed ${seed} has amounts to respell`);
      const before = analyzeDealText(text);
      const after = analyzeDealText(respelt);
      assert.deepEqual(after.diagnostics.map((d) => d.code), before.diagnostics.map((d) => d.code), `seed ${seed}`);
      assert.deepEqual(rollupJson(after).deals.map((d) => d.totals), rollupJson(before).deals.map((d) => d.totals), `seed ${seed}`);
    }
  });
});

describe('a month as a date', () => {
  it('stands where a date or an expected date may stand, and counts as the 15th', () => {
    const text = deal(`    fee F 1M on 2026-09
    milestone M 2M at phase2 expected 2027-01`);
    assert.deepEqual(analyzeDealText(text).diagnostics, []);
    const json = rollupJson(analyzeDealText(text)).deals[0];
    assert.equal(json.payments[0].date, '2026-09');
    assert.equal(json.payments[1].expected, '2027-01');
    const fee = analyzeDealText(text).deals[0].model.deal.paymentBlocks[0].payments[0];
    assert.equal(dayNumber(fee.on!), Date.UTC(2026, 8, 15) / 86_400_000);
  });

  it('a month that does not exist is invalid-date', () => {
    const { found, ranges } = diagnosticsOf(deal('    fee F 1M on «2026-13»'));
    assert.deepEqual(found, [{ code: 'invalid-date', severity: 'error', range: ranges[0], message: "There is no month 13 in '2026-13': months run from 01 to 12 (YYYY-MM)." }]);
  });
});

describe('a negative amount', () => {
  it('is negative-amount on the amount, and its fix swaps payer and payee', () => {
    const marked = deal('    fee F «-5M» on signing');
    const { found, ranges } = diagnosticsOf(marked);
    assert.deepEqual(found, [{
      code: 'negative-amount', severity: 'error', range: ranges[0],
      message: 'An amount cannot be below zero: who pays whom is said by payer and payee. If A pays B here, write the amount without its minus sign and swap them (`from A to B`).',
      data: { payer: 'A', payee: 'B' },
    }]);
    const text = marked.replace(/[«»]/g, '');
    const document = analyzeDealText(text);
    const actions = findCodeActions(document, document.diagnostics[0].span);
    assert.deepEqual(actions.map((a) => a.title), ['Make it a positive payment from A to B']);
    const fixed = applyEdits(text, actions[0].edits);
    assert.ok(fixed.includes('    fee F 5M from A to B on signing\n'), fixed);
    const after = analyzeDealText(fixed);
    assert.deepEqual(after.diagnostics, []);
    assert.equal(rollupJson(after).deals[0].parties.A.pays, '5000000');
  });

  it('with its own payer and payee, the fix swaps them in place', () => {
    const text = deal('    fee F -5M from B to A on signing');
    const document = analyzeDealText(text);
    const fixed = applyEdits(text, findCodeActions(document, document.diagnostics[0].span)[0].edits);
    assert.ok(fixed.includes('    fee F 5M from A to B on signing\n'), fixed);
  });

  it('a negative cap or threshold is an error without a payer to swap', () => {
    const { found, ranges } = diagnosticsOf(deal('    milestones G up to «-5M» { }'));
    assert.deepEqual(found, [{
      code: 'negative-amount', severity: 'error', range: ranges[0],
      message: 'An amount cannot be below zero: write it without the minus sign (who pays whom is said by payer and payee).',
    }]);
  });
});

describe('fx naming the deal currency on either side', () => {
  it('converts €100m at fx EUR = 1.10 USD into $110,000,000, and EUR 91M at fx USD = 0.91 EUR into $100,000,000', () => {
    assert.deepEqual(amounts(deal('    upfront €100m on signing')), ['110000000']);
    const inverse = `deal I {\n  fx USD = 0.91 EUR\n  party A licensor\n  party B licensee\n  payments from B to A { upfront EUR 91M on signing }\n}\n`;
    assert.deepEqual(amounts(inverse), ['100000000']);
  });
});
