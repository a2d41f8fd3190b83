// Go to definition from a reference to its declaration.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyzeDealText } from '../../server/src/document/analyze';
import { findDefinition } from '../../server/src/features/definition';
import { markedRanges } from './helpers';

const marked = [
  'deal D {',
  '  party «Acme» "Acme" licensor',
  '  party Globex "Globex" licensee',
  '  stages { discovery success 50%  «clinic» success 40%  market }',
  '  payments from Globex to Ac<|>me {',
  '    milestones «Dev» up to 10M by cli<|>nic { milestone M1 1M at phase1 }',
  '  }',
  '  option O { holder Acme exercise at clinic on exercise { forfeit unearned D<|>ev } }',
  '  scenario S { reach mar<|>ket exercise O at clinic }',
  '}',
].join('\n');

describe('go to definition', () => {
  const { text, spans, offsets } = markedRanges(marked);
  const document = analyzeDealText(text);

  it('goes from a payee to the party declaration', () => {
    const found = findDefinition(document, offsets[0]);
    assert.deepEqual(found?.span, spans[0]);
    assert.equal(text.slice(found!.declarationSpan.start, found!.declarationSpan.end), 'party Acme "Acme" licensor');
    assert.equal(found?.kind, 'party');
  });

  it('goes from a stage to its line in the stages block', () => {
    assert.deepEqual(findDefinition(document, offsets[1])?.span, spans[1]);
  });

  it('goes from `forfeit unearned Dev` to the milestone group', () => {
    const found = findDefinition(document, offsets[2]);
    assert.deepEqual([found?.span, found?.kind], [spans[2], 'group']);
  });

  it('goes from `reach` to the declared stage', () => {
    const { text: t2, spans: s2, offsets: o2 } = markedRanges('deal D { stages { a  «b» } scenario S { reach <|>b } }');
    assert.deepEqual(findDefinition(analyzeDealText(t2), o2[0])?.span, s2[0]);
    assert.equal(findDefinition(document, offsets[3])?.name, 'market');
  });

  it('has no definition for a built-in stage or a keyword', () => {
    const { text: t3, offsets: o3 } = markedRanges('deal D { scenario S { re<|>ach appro<|>val } }');
    const builtIn = analyzeDealText(t3);
    assert.equal(findDefinition(builtIn, o3[0]), undefined);
    assert.equal(findDefinition(builtIn, o3[1]), undefined);
  });
});
