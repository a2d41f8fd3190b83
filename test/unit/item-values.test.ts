// Values derived item by item and handed from one analysis to the next (ItemValues): after any
// one stretch of a list is replaced, every value equals the value derived afresh, and only the
// items that are not the very objects they were are derived again.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ItemValues } from '../../server/src/model/facets';
import { random } from '../seeded-random';

interface Item { name: string }

describe('values kept item by item', () => {
  it('derives again only the stretch an edit replaced, after 2,000 random replacements', () => {
    const next = random(31);
    let made = 0;
    const item = (): Item => ({ name: `item ${made++}` });
    for (let run = 0; run < 2_000; run++) {
      const before = Array.from({ length: Math.floor(next() * 30) }, item);
      const from = Math.floor(next() * (before.length + 1));
      const to = from + Math.floor(next() * (before.length - from + 1));
      const fresh = Array.from({ length: Math.floor(next() * 5) }, item);
      const after = [...before.slice(0, from), ...fresh, ...before.slice(to)];
      const earlier = ItemValues.of(before, (x, i) => `${x.name} at ${i}`);
      const derived: Item[] = [];
      const values = ItemValues.of(after, (x) => { derived.push(x); return x.name; }, earlier);
      // What was derived before keeps its value (and the position it was derived at).
      const expected = after.map((x) => (fresh.includes(x) ? x.name : `${x.name} at ${before.indexOf(x)}`));
      assert.deepEqual(values.values, expected, `[${from}, ${to}) of ${before.length} with ${fresh.length}`);
      assert.deepEqual(derived, fresh, 'only the new items are derived');
      assert.equal(values.items, after);
    }
  });

  it('derives every item when there is nothing earlier', () => {
    const items = [{ name: 'a' }, { name: 'b' }];
    assert.deepEqual(ItemValues.of(items, (x, i) => `${x.name}${i}`).values, ['a0', 'b1']);
  });
});
