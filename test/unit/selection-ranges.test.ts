// Selection ranges grow from the word under the cursor through the tree around it.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyzeDealText } from '../../server/src/document/analyze';
import { findSelectionRanges } from '../../server/src/features/selection-ranges';
import { markedRanges } from './helpers';

describe('selection ranges', () => {
  it('grows from an amount to its milestone, group, block, deal and file', () => {
    const { text, spans, offsets } = markedRanges(
      '«deal D {\n  «payments from B to A {\n    «milestones G up to 5M {\n      «milestone M «1<|>M» at phase1»\n    }»\n  }»\n}»\n',
    );
    const found = findSelectionRanges(analyzeDealText(text), offsets[0]);
    const [deal, block, group, milestone, amount] = spans;
    assert.deepEqual(found, [amount, milestone, group, block, deal, { start: 0, end: text.length }]);
  });

  it('grows from a party name in a share to the share, the effect and the option', () => {
    const { text, spans, offsets } = markedRanges(
      'deal D { party A "a" licensor party B "b" licensee «option O { holder A on exercise { «share costs «A<|> 50%», B 50%» } }» }',
    );
    const found = findSelectionRanges(analyzeDealText(text), offsets[0]);
    const [option, share, partyShare] = spans;
    const nameSpan = { start: partyShare.start, end: partyShare.start + 1 };
    assert.deepEqual(found.slice(0, 4), [nameSpan, partyShare, share, option]);
  });
});
