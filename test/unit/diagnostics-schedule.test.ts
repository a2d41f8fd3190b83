// When a keystroke's diagnostics are checked at once: after a pause longer than the document's
// last check took, there is nothing to coalesce, so the check does not wait for the editor to
// be quiet; keystrokes coming faster than checks are coalesced as before.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { afterPause } from '../../server/src/lsp/diagnostics';

describe('checking after a keystroke', () => {
  it('checks at once after a pause longer than the last check took', () => {
    assert.equal(afterPause(1_000, 900, 40), true); // 100 ms since the last keystroke, checks take 40 ms
    assert.equal(afterPause(1_000, undefined, 40), true); // the first keystroke since the file was opened
  });
  it('coalesces keystrokes that come faster than checks', () => {
    assert.equal(afterPause(1_000, 980, 40), false); // 20 ms after the last one
    assert.equal(afterPause(1_000, 700, 400), false); // 300 ms, but a check takes 400 ms
    assert.equal(afterPause(1_000, 960, 40), false); // exactly as long as a check: not yet a pause
  });
  it('waits for the first check of a document as before (its length says how long it may take)', () => {
    assert.equal(afterPause(1_000, undefined, undefined), false);
  });
});
