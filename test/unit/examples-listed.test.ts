// Every example file has its hand-worked figures in examples/expected.json, and every entry there
// names a file and a deal that exist: an example cannot land without the figures it must give,
// and a renamed deal cannot leave its figures unchecked (the figures themselves are compared by
// rollup-json.test.ts, scenarios.test.ts and the CLI tests).
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { describe, it } from 'node:test';

const dir = new URL('../../examples/', import.meta.url);
type DealFigures = { currency?: unknown; totals?: Record<string, unknown> };
const expected = JSON.parse(readFileSync(new URL('expected.json', dir), 'utf8')) as Record<string, Record<string, DealFigures>>;

describe('examples/expected.json', () => {
  it('lists every example file, and only files that exist', () => {
    const files = readdirSync(dir).filter((name) => name.endsWith('.deal')).sort();
    assert.deepEqual(Object.keys(expected).sort(), files);
  });

  it('gives each deal declared in its file a currency and the committed, contingent and headline totals', () => {
    for (const [file, deals] of Object.entries(expected)) {
      const text = readFileSync(new URL(file, dir), 'utf8');
      assert.ok(Object.keys(deals).length > 0, file);
      for (const [id, figures] of Object.entries(deals)) {
        assert.match(text, new RegExp(`^deal ${id}\\b`, 'm'), `${file}: no deal ${id}`);
        assert.match(String(figures.currency), /^[A-Z]{3}$/, `${file} ${id} currency`);
        for (const key of ['committed', 'contingent', 'headline']) {
          assert.match(String(figures.totals?.[key]), /^\d+(\.\d{1,2})?$/, `${file} ${id} totals.${key}`);
        }
      }
    }
  });
});
