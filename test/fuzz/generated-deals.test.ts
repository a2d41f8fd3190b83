// Valid deals from the grammar-aware generator (test/generate-deal.ts): they read with no error,
// their layout can be shuffled (any whitespace, line ends and comments between tokens) without
// changing a figure or a diagnostic, and the formatter brings them to a fixed point that means
// the same.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyzeDealText, type AnalyzedDocument } from '../../server/src/document/analyze';
import { rollupJson } from '../../server/src/exports/rollup-json';
import { generateDeal } from '../generate-deal';
import { rng, type Rng } from '../seeded-random';
import { checkAnyInput, checkFormatting } from './check-document';
import { baseSeed, settings } from './fuzz-settings';
import { piecesOf } from './mutate';

const seeds = Array.from({ length: settings.generatedDeals }, (_, i) => baseSeed + i);

/** The same tokens with other whitespace and comments between them. */
function reshuffleLayout(text: string, r: Rng): string {
  const gaps = [' ', '  ', '\t', '\n', '\r\n', '\r', '\n\n  ', ' /* note */ ', ' // note\n', '\u00a0', '\r\n\t\t'];
  // Comments are pieces too: keep them, but never glue a line comment to what follows.
  let out = '';
  for (const piece of piecesOf(text)) {
    out += r.pick(gaps) + piece.image;
    if (piece.image.startsWith('//')) out += '\n';
  }
  return out;
}

const errorsOf = (d: AnalyzedDocument) => d.diagnostics.filter((x) => x.severity === 'error').map((x) => `${x.code}: ${x.message}`);
const problemsOf = (d: AnalyzedDocument) => d.diagnostics.map((x) => `${x.severity} ${x.code} ${x.message}`).sort();

describe(`${settings.generatedDeals} generated deals`, () => {
  it('have no error, and every invariant of any input holds', () => {
    for (const seed of seeds) {
      const document = checkAnyInput(generateDeal(seed, { asAnnounced: seed % 2 === 1 }), `seed ${seed}`, { render: seed % 10 === 0 });
      assert.deepEqual(errorsOf(document), [], `seed ${seed}`);
      assert.equal(document.deals.length, 1, `seed ${seed}`);
    }
  });

  it('keep every figure and diagnostic whatever the layout between their tokens', () => {
    for (const seed of seeds) {
      const text = generateDeal(seed, { asAnnounced: seed % 2 === 1 });
      const original = analyzeDealText(text);
      const shuffled = checkAnyInput(reshuffleLayout(text, rng(seed)), `seed ${seed} reshuffled`);
      assert.deepEqual(rollupJson(shuffled, {}), rollupJson(original, {}), `seed ${seed}`);
      assert.deepEqual(problemsOf(shuffled), problemsOf(original), `seed ${seed}`);
    }
  });

  it('format to a fixed point in one step, with the same figures and diagnostics', () => {
    for (const seed of seeds) {
      const document = analyzeDealText(reshuffleLayout(generateDeal(seed, { asAnnounced: seed % 2 === 1 }), rng(seed + 1)));
      assert.ok(checkFormatting(document, `seed ${seed}`), `seed ${seed}: the formatter declined a valid deal`);
    }
  });

  it('with many payments: still no error', () => {
    const document = checkAnyInput(generateDeal(baseSeed, { payments: settings.generatedDeals * 5, asAnnounced: true }), 'many payments');
    assert.deepEqual(errorsOf(document), []);
  });
});
