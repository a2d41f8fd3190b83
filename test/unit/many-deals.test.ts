// A file of many deals costs in proportion to its text. Each deal pays only for what it says: an
// empty deal keeps no stage list, name maps or totals of its own, and the editor features walk
// each deal's own names instead of the whole file's for every name (work is counted, not timed:
// twice the deals must be about twice the work, the same on every machine).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { analyzeDealText, type AnalyzedDocument } from '../../server/src/document/analyze';
import { findInlayHints } from '../../server/src/features/inlay-hints';
import { findSemanticTokens } from '../../server/src/features/semantic-tokens';
import { encodeSemanticTokens } from '../../server/src/lsp/semantic-tokens';
import { generateDeal } from '../generate-deal';
import { elementsWalked } from './work-count';

setFlagsFromString('--expose-gc');
const collectGarbage = runInNewContext('gc') as () => void;

/** Heap bytes still held once `make` has run and what it returned is kept. */
function heapHeldBy<T>(make: () => T): { bytes: number; kept: T } {
  collectGarbage();
  const before = process.memoryUsage().heapUsed;
  const kept = make();
  collectGarbage();
  return { bytes: process.memoryUsage().heapUsed - before, kept };
}

const emptyDeals = (count: number) => Array.from({ length: count }, (_, i) => `deal X${i} "x" { }\n`).join('');
const generatedDeals = (count: number) => Array.from({ length: count }, (_, i) => generateDeal(i + 1)).join('\n');

/** How much more work `run` does on 200 generated deals than on 100. */
function workGrowth(run: (document: AnalyzedDocument) => unknown): number {
  const [small, large] = [100, 200].map((count) => analyzeDealText(generatedDeals(count)));
  run(analyzeDealText(generatedDeals(1))); // what is built once per process (the lexer) is not counted
  return elementsWalked(() => run(large)).walked / elementsWalked(() => run(small)).walked;
}

describe('a file of many deals', () => {
  it('holds under 2 KB per empty deal once analysed (was 5.8 KB: 752 MB for 100,000 deals)', () => {
    const count = 20_000;
    const text = emptyDeals(count);
    const { bytes, kept } = heapHeldBy(() => analyzeDealText(text));
    assert.equal(kept.deals.length, count);
    assert.deepEqual(kept.diagnostics, []);
    const perDeal = Math.round(bytes / count);
    assert.ok(perDeal < 2_000, `${perDeal} bytes held per empty deal`);
  });

  it('colours names with work in proportion to the deals (was four times the work for twice the deals)', () => {
    const growth = workGrowth((document) => encodeSemanticTokens(document, findSemanticTokens(document)));
    assert.ok(growth < 2.2, `twice the deals, ${growth.toFixed(2)} times the work`);
  });

  it('finds inlay hints with work in proportion to the deals (was 3.6 times the work for twice the deals)', () => {
    const growth = workGrowth((document) => findInlayHints(document, { start: 0, end: 5_000 }));
    assert.ok(growth < 2.2, `twice the deals, ${growth.toFixed(2)} times the work`);
  });

  it('reads deals written without a name (`deal { }`) one error each, with work in proportion to them', () => {
    const unnamed = (count: number) => 'deal { }\n'.repeat(count);
    analyzeDealText(unnamed(10)); // what is built once per process is not counted
    const [small, large] = [5_000, 10_000].map((count) => elementsWalked(() => analyzeDealText(unnamed(count))));
    assert.equal(large.result.deals.length, 10_000);
    assert.equal(large.result.diagnostics[0].message, "Expected a name after 'deal', but found '{'.");
    assert.deepEqual(large.result.diagnostics[0].span, { start: 5, end: 6 });
    const growth = large.walked / small.walked;
    assert.ok(growth < 2.2, `twice the deals, ${growth.toFixed(2)} times the work`);
  });
});
