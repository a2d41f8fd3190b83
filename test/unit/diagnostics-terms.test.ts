// Deal terms given twice (repeated-term): `currency`, `signed`, `headline`, `stage`,
// `valuation`, two `fx` rates for one currency, either way round. The first counts — in the
// figures too — and the warning on each repeat says which. An exchange rate of zero or below is
// an error on the rate. «…» marks exactly where each diagnostic must be.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyzeDealText } from '../../server/src/document/analyze';
import { doHover } from '../../server/src/features/hover';
import { rollupJson } from '../../server/src/exports/rollup-json';
import { diagnosticsOf, markedRanges } from './helpers';

const twice = (what: string, first: string) =>
  `\`${what}\` is given twice: the first, ${first}, counts. Remove the one that is wrong.`;

describe('repeated-term', () => {
  const marked = `deal D {
  currency USD
  signed 2024-01-01
  headline 12M
  stage phase1
  fx EUR = 1.10 USD
  party A licensor
  party B licensee
  «currency EUR»
  «headline 20M»
  «signed 2025-06-30»
  «stage phase2»
  valuation { as of 2024-01-01 discount 10% }
  «valuation { discount 20% }»
  «fx EUR = 1.20 USD»
  payments from B to A {
    upfront EUR 10M on signing
    milestone M 1M at phase2 expected 2025
  }
}
`;

  it('warns on each repeat, saying which one counts', () => {
    const { found, ranges } = diagnosticsOf(marked);
    assert.deepEqual(found, [
      { code: 'repeated-term', severity: 'warning', range: ranges[0], message: twice('currency', 'USD') },
      { code: 'repeated-term', severity: 'warning', range: ranges[1], message: twice('headline', '$12,000,000 ($12M)') },
      { code: 'repeated-term', severity: 'warning', range: ranges[2], message: twice('signed', '2024-01-01') },
      { code: 'repeated-term', severity: 'warning', range: ranges[3], message: twice('stage', 'phase1') },
      { code: 'repeated-term', severity: 'warning', range: ranges[4], message: '`valuation` is given twice: the first counts. Put the valuation in one block.' },
      { code: 'repeated-term', severity: 'warning', range: ranges[5],
        message: 'The rate between EUR and USD is given twice: the first, `fx EUR = 1.1 USD`, counts; this one would make 1 EUR = 1.2 USD. Remove the one that is wrong.' },
    ]);
  });

  it('counts the first in every figure', () => {
    const { text } = markedRanges(marked);
    const json = rollupJson(analyzeDealText(text)).deals[0];
    assert.equal(json.currency, 'USD');
    assert.equal(json.signed, '2024-01-01');
    assert.equal(json.totals.declaredHeadline, '12000000'); // EUR 10M × 1.10 + 1M: the headline matches
    assert.equal(json.payments[0].amount, '11000000');
    // phase1 → phase2 succeeds 52%: $1M × 0.52, discounted at 10% from 2024-01-01 to mid-2025.
    const milestone = json.rnpv!.payments.find((p) => p.label === 'M')!;
    assert.deepEqual([json.rnpv!.discount, milestone.probability], ['10', '0.52']);
    const hover = doHover(analyzeDealText(text), text.indexOf('upfront') + 2)?.markdown ?? '';
    assert.ok(hover.includes('€10,000,000 (€10M) = $11,000,000 ($11M) at 1.10'), hover);
  });

  it('a rate and its inverse for one currency: the first counts, and the repeat says what it would make', () => {
    const deal = (lines: string) => `deal D {\n${lines}\n  party A licensor\n  party B licensee\n  payments from B to A { upfront EUR 10M }\n}\n`;
    const { found, ranges } = diagnosticsOf(deal('  fx EUR = 1.1 USD\n  «fx USD = 0.5 EUR»'));
    assert.deepEqual(found, [{ code: 'repeated-term', severity: 'warning', range: ranges[0],
      message: 'The rate between EUR and USD is given twice: the first, `fx EUR = 1.1 USD`, counts; this one would make 1 EUR = 2 USD. Remove the one that is wrong.' }]);
    assert.equal(rollupJson(analyzeDealText(markedRanges(deal('  fx EUR = 1.1 USD\n  fx USD = 0.5 EUR')).text)).deals[0].totals.headline, '11000000');

    const inverseFirst = diagnosticsOf(deal('  fx USD = 0.8 EUR\n  «fx EUR = 1.25 USD»'));
    assert.deepEqual(inverseFirst.found.map((d) => [d.range, d.message]), [[inverseFirst.ranges[0],
      'The rate between EUR and USD is given twice: the first, `fx USD = 0.8 EUR`, counts; this one says the same. Remove it.']]);
    // EUR 10M / 0.8 = 12.5M, from the first line.
    assert.equal(rollupJson(analyzeDealText(markedRanges(deal('  fx USD = 0.8 EUR\n  fx EUR = 1.3 USD')).text)).deals[0].totals.headline, '12500000');
  });

  it('reports a rate of zero or below as an error on the rate, and converts nothing with it', () => {
    const deal = (lines: string) => `deal D {\n${lines}\n  party A licensor\n  party B licensee\n  payments from B to A { upfront EUR 10M  fee GBP 1M }\n}\n`;
    const { found, ranges } = diagnosticsOf(deal('  fx EUR = «0» USD\n  fx GBP = «-1.2» USD'));
    assert.deepEqual(found, [
      { code: 'invalid-value', severity: 'error', range: ranges[0],
        message: 'An exchange rate must be above zero: write how many USD one EUR is worth, e.g. `fx EUR = 1.10 USD`.' },
      { code: 'invalid-value', severity: 'error', range: ranges[1],
        message: 'An exchange rate must be above zero: write how many USD one GBP is worth, e.g. `fx GBP = 1.10 USD`.' },
    ]);
    // A zero rate does not count, so a later good one does, with no repeated-term warning.
    const later = diagnosticsOf(deal('  fx EUR = «0» USD\n  fx EUR = 1.1 USD\n  fx GBP = 1.25 USD'));
    assert.deepEqual(later.found.map((d) => [d.code, d.range]), [['invalid-value', later.ranges[0]]]);
    assert.equal(rollupJson(analyzeDealText(markedRanges(deal('  fx EUR = 0 USD\n  fx EUR = 1.1 USD\n  fx GBP = 1.25 USD')).text)).deals[0].totals.headline, '12250000');
  });
});
