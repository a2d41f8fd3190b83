// Inlay hints: converted amounts, and nothing that repeats a CodeLens.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { analyzeDealText } from '../../server/src/document/analyze';
import { findInlayHints } from '../../server/src/features/inlay-hints';

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
});
