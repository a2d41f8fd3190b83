// A stretch of a list replaced where it stands (a long deal's line starts and tokens after a
// keystroke) gives the list that Array.prototype.splice gives, the same array, and where the
// items after the stretch now start.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { replaceInPlace } from '../../server/src/language/replace-in-place';
import { random } from '../seeded-random';

describe('replacing a stretch of a list in place', () => {
  it('equals splice for 2,000 random stretches that shrink, keep or grow the list', () => {
    const next = random(21);
    for (let run = 0; run < 2_000; run++) {
      const list = Array.from({ length: Math.floor(next() * 40) }, (_, i) => i);
      const from = Math.floor(next() * (list.length + 1));
      const to = from + Math.floor(next() * (list.length - from + 1));
      const fresh = Array.from({ length: Math.floor(next() * 12) }, (_, i) => 100 + i);
      const expected = list.slice();
      expected.splice(from, to - from, ...fresh);
      const same = list;
      const moved = replaceInPlace(list, from, to, fresh);
      assert.equal(list, same);
      assert.deepEqual(list, expected, `[${from}, ${to}) of ${expected.length - fresh.length + to - from} with ${fresh.length}`);
      assert.equal(moved, from + fresh.length);
    }
  });
});
