// Inlay hints: converted amounts, and nothing that repeats a CodeLens.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { analyzeDealText } from '../../server/src/document/analyze';
import { findInlayHints } from '../../server/src/features/inlay-hints';
import { generateDeal } from '../generate-deal';
import { random } from '../seeded-random';

const acme = analyzeDealText(readFileSync(new URL('../../examples/acme-globex-2024.deal', import.meta.url), 'utf8'));
const where = (offset: number) => acme.text.slice(offset - 12, offset);

describe('inlay hints', () => {
  it('shows the converted value after a euro amount, and no group sum (the group\'s CodeLens gives it)', () => {
    assert.deepEqual(findInlayHints(acme).map((h) => [where(h.offset), h.label, h.tooltip]), [
      ['e 2" EUR 10M', '= $11M', '11000000 USD'],
    ]);
  });

  it('gives the seed example no hints: its one group\'s sum is its CodeLens', () => {
    const seed = analyzeDealText(readFileSync(new URL('../../examples/immunogen-biotest-2006.deal', import.meta.url), 'utf8'));
    assert.deepEqual(findInlayHints(seed), []);
  });

  it('gives only the hints inside the requested range', () => {
    const start = acme.text.indexOf('milestone Ph2');
    const hints = findInlayHints(acme, { start, end: start + 80 });
    assert.deepEqual(hints.map((h) => h.label), ['= $11M']);
  });

  it('gives none for a deal in one currency with no groups', () => {
    assert.deepEqual(findInlayHints(analyzeDealText('deal D { party A "a" licensor party B "b" licensee payments from B to A { upfront 1M } }')), []);
  });

  it('gives for a range exactly the whole deal\'s hints that stand in it, in long and broken deals', () => {
    // Deals in two currencies, whole and with random cuts, screens anywhere in them.
    const next = random(41);
    let compared = 0;
    for (let run = 0; run < 40; run++) {
      let text = generateDeal(100 + run, { payments: 40 + run * 5, notes: true });
      if (run % 2 === 1) {
        const at = Math.floor(next() * text.length);
        text = text.slice(0, at) + text.slice(at + 1 + Math.floor(next() * 40));
      }
      const document = analyzeDealText(text);
      const all = findInlayHints(document);
      for (let screen = 0; screen < 10; screen++) {
        const start = Math.floor(next() * text.length);
        const range = { start, end: start + Math.floor(next() * 3_000) };
        const expected = all.filter((h) => h.offset >= range.start && h.offset <= range.end);
        assert.deepEqual(findInlayHints(document, range), expected, `run ${run}, ${range.start}-${range.end}`);
        compared += expected.length;
      }
    }
    assert.ok(compared > 100, `${compared} hints compared`);
  });
});
