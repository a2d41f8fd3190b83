// The formatter never changes what a deal says: over both examples and 100 generated deals, the
// formatted text formats to itself, keeps every comment, and analyses to exactly the same
// totals, party positions, scenario rollups and diagnostics as the original.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { analyzeDealText, type AnalyzedDocument } from '../../server/src/document/analyze';
import { formatDealText } from '../../server/src/features/format';
import { exact } from '../../server/src/model/money';
import { rollupScenarios } from '../../server/src/engine/scenarios';
import { generateDeal } from '../generate-deal';

const example = (name: string) => readFileSync(new URL(`../../examples/${name}`, import.meta.url), 'utf8');

/** Everything a deal adds up to, as exact strings, and the diagnostics by code. */
function figures(document: AnalyzedDocument) {
  return {
    deals: document.deals.map(({ model, totals }) => ({
      name: model.deal.name.text,
      committed: exact(totals.committed),
      contingent: exact(totals.contingent),
      headline: exact(totals.headline),
      byKind: [...totals.byKind].map(([kind, value]) => `${kind} ${exact(value)}`),
      parties: [...totals.parties].map(([name, p]) => `${name} ${exact(p.receives)} ${exact(p.pays)}`),
      scenarios: [...rollupScenarios(model)].map(([name, rollup]) => ({
        name,
        total: exact(rollup.total),
        parties: [...rollup.parties].map(([party, p]) => `${party} ${exact(p.receives)} ${exact(p.pays)}`),
        byYear: [...rollup.byYear].map(([year, value]) => `${year} ${exact(value)}`),
        byKind: [...rollup.byKind].map(([kind, value]) => `${kind} ${exact(value)}`),
      })),
    })),
    diagnostics: document.diagnostics.map((d) => d.code),
  };
}

function comments(document: AnalyzedDocument): string[] {
  return document.parsed.comments.map((c) => c.image);
}

function checkRoundTrip(text: string, label: string) {
  const original = analyzeDealText(text);
  const formatted = formatDealText(original);
  assert.ok(formatted !== undefined, `${label}: not formatted`);
  const reformatted = analyzeDealText(formatted);
  assert.equal(formatDealText(reformatted), formatted, `${label}: formatting twice changes the text`);
  assert.deepEqual(figures(reformatted), figures(original), `${label}: the figures changed`);
  assert.deepEqual(comments(reformatted), comments(original), `${label}: a comment changed`);
  return formatted;
}

describe('formatting round trip', () => {
  it('leaves the seed example exactly as written (it is in canonical layout)', () => {
    const seed = example('immunogen-biotest-2006.deal');
    assert.equal(checkRoundTrip(seed, 'seed'), seed);
  });

  it('keeps the Acme example figures: headline $412.5M, Success scenario $607.5M to Acme', () => {
    const formatted = checkRoundTrip(example('acme-globex-2024.deal'), 'acme');
    const document = analyzeDealText(formatted);
    assert.equal(exact(document.deals[0].totals.headline), '412500000');
    const success = rollupScenarios(document.deals[0].model).get('Success')!;
    assert.equal(exact(success.parties.get('Acme')!.receives), '607500000');
    // The only change: one space after a tier's rate.
    assert.ok(formatted.includes('\n      8% up to 250M\n'));
  });

  it('is idempotent and keeps every figure over 100 generated deals', () => {
    let changed = 0;
    for (let seed = 1; seed <= 100; seed++) {
      const text = generateDeal(seed);
      if (checkRoundTrip(text, `seed ${seed}`) !== text) changed++;
    }
    // The generator writes its own layout: the formatter must have had work to do.
    assert.ok(changed > 0, 'no generated deal needed formatting');
  });

  it('keeps the figures when every line break is taken out of a generated deal', () => {
    for (const seed of [3, 17, 58]) {
      const text = generateDeal(seed);
      // Line comments need their line ends; only whitespace elsewhere is collapsed.
      const squeezed = text.split('\n').map((line) => (line.includes('//') ? `${line}\n` : `${line.trim()} `)).join('');
      const formatted = checkRoundTrip(squeezed, `squeezed seed ${seed}`);
      assert.deepEqual(figures(analyzeDealText(formatted)), figures(analyzeDealText(text)));
      assert.equal(formatDealText(analyzeDealText(text)), formatted);
    }
  });
});
