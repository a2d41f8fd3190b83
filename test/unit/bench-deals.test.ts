// The benchmark's deals measure what they say: the single platform deal reaches its line count
// and checks with notes only, the unusual files have the shape their name gives, and the growth
// exponent reads a doubling as it should. (No clock is read here: benchmarks are not tests.)
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyzeDealText } from '../../server/src/document/analyze';
import { lineCount, middleEdit, singleDealText } from '../../bench/corpus';
import { growthExponent } from '../../bench/stats';
import { longNumberDeal, longTitleDeal, oneLineDeal, syntaxErrorsDeal } from '../../bench/unusual-files';

const codes = (text: string) => {
  const counts: Record<string, number> = {};
  for (const d of analyzeDealText(text).diagnostics) counts[`${d.severity} ${d.code}`] = (counts[`${d.severity} ${d.code}`] ?? 0) + 1;
  return counts;
};

describe('the benchmark deals', () => {
  const text = singleDealText(5_000);

  it('one platform deal of 5,000 lines: hundreds of milestone groups, every name unique, notes only', () => {
    assert.equal(lineCount(text), 4_993);
    const document = analyzeDealText(text);
    assert.equal(document.deals.length, 1);
    assert.equal(text.match(/^ {4}milestones /gm)?.length, 830);
    // Six groups itemize their whole cap; every other one says what is left undisclosed.
    assert.deepEqual(codes(text), { 'info cap-remainder': 824 });
  });

  it('the keystroke in the middle of the single deal changes a milestone amount', () => {
    const edit = middleEdit(text);
    assert.deepEqual(edit, { offset: 148_871, original: '4', replacement: '5' });
    const line = text.slice(text.lastIndexOf('\n', edit.offset) + 1, text.indexOf('\n', edit.offset));
    assert.equal(line, '      milestone Reg420_6 "approval event 6" $4_250_000 at approval territory US');
  });

  it('a deal on one line reads as one deal with notes only', () => {
    const oneLine = oneLineDeal(50_000);
    assert.equal(lineCount(oneLine), 1);
    assert.equal(oneLine.length, 49_914);
    assert.deepEqual(codes(oneLine), { 'info cap-remainder': 161 });
  });

  it('a long headline number is one number, caught as larger than any deal figure', () => {
    const long = longNumberDeal(1_000);
    assert.match(long, /\n {2}headline 9{1000}\n\}\n$/);
    // The headline too large to be a figure is one error, not a mismatch as well.
    assert.deepEqual(codes(long), { 'info cap-remainder': 2, 'error invalid-value': 1 });
  });

  it('a long title is the deal title', () => {
    const document = analyzeDealText(longTitleDeal(1_000));
    assert.equal(document.deals[0].model.deal.title?.value, 'x'.repeat(1_000));
    assert.deepEqual(document.diagnostics.filter((d) => d.severity !== 'info'), []);
  });

  it('a payments table without amounts: one syntax error a line, the first at 6:13', () => {
    const pasted = syntaxErrorsDeal(1_000);
    assert.equal(lineCount(pasted), 1_007);
    const document = analyzeDealText(pasted);
    const first = document.diagnostics[0];
    assert.deepEqual(document.lines.positionAt(first.span.start), { line: 5, character: 12 });
    assert.equal(first.message, "Unexpected 'on' after 'upfront': expected a currency symbol, a name, a number or amount (such as 1.5M) or 'undisclosed'.");
    // The check reports the first 500 problems of a file.
    assert.deepEqual(codes(pasted), { 'error syntax-error': 500 });
  });
});

describe('growth exponent', () => {
  it('is 1 for time proportional to size, 2 for its square, 0 for a constant', () => {
    const sizes = [2_500, 5_000, 10_000, 20_000];
    assert.equal(growthExponent(sizes.map((size) => ({ size, ms: size / 100 }))).toFixed(6), '1.000000');
    assert.equal(growthExponent(sizes.map((size) => ({ size, ms: (size / 100) ** 2 }))).toFixed(6), '2.000000');
    assert.equal(growthExponent(sizes.map((size) => ({ size, ms: 3 }))), 0);
  });

  it('is the least-squares slope through noisy points, and NaN with fewer than two', () => {
    const points = [{ size: 1, ms: 1 }, { size: 2, ms: 2 }, { size: 4, ms: 8 }, { size: 8, ms: 16 }];
    // log2 times 0, 1, 3, 4 against log2 sizes 0, 1, 2, 3: slope (−1.5·−2 + −0.5·−1 + 0.5·1 + 1.5·2) / 5 = 1.4
    assert.equal(growthExponent(points).toFixed(6), '1.400000');
    assert.ok(Number.isNaN(growthExponent([{ size: 5_000, ms: 4 }])));
  });
});
