// Rename: every occurrence changes together; keywords, clashes and built-in stages are refused.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyzeDealText } from '../../server/src/document/analyze';
import { applyEdits } from '../../server/src/features/format';
import { exact } from '../../server/src/model/money';
import { prepareRename, renameSymbol } from '../../server/src/features/rename';
import { markedRanges } from './helpers';

const { text, spans, offsets } = markedRanges([
  'deal D {',
  '  party «Ac<|>me» "Acme" licensor',
  '  party Globex "Globex" licensee',
  '  payments from Globex to «Acme» {',
  '    upfront 1M',
  '    milestones Dev up to 10M { milestone M1 1M at pha<|>se1 }',
  '  }',
  '  option O { holder «Acme» exercise at phase2 on exercise { forfeit unearned D<|>ev share costs «Acme» 60%, Globex 40% } }',
  '}',
].join('\n'));
const document = analyzeDealText(text);

describe('rename', () => {
  it('prepares the name under the cursor', () => {
    assert.deepEqual(prepareRename(document, offsets[0]), { span: spans[0], placeholder: 'Acme' });
  });

  it('renames a party everywhere in its deal, and the figures stay the same', () => {
    const result = renameSymbol(document, offsets[0], 'AcmeBio');
    assert.ok('edits' in result);
    assert.deepEqual(result.edits.map((e) => e.span), spans);
    const renamed = analyzeDealText(applyEdits(text, result.edits));
    assert.deepEqual(renamed.diagnostics.map((d) => d.code), document.diagnostics.map((d) => d.code));
    assert.equal(exact(renamed.deals[0].totals.parties.get('AcmeBio')!.receives), '11000000');
  });

  it('refuses a keyword, a name that is not an identifier, a currency code and a clash', () => {
    // One short sentence each: the editor shows a refused new name in a notification, which cuts long text.
    const refusals = [
      ['royalty', "'royalty' is a keyword: choose another party name."],
      ['Acme Bio', "'Acme Bio' cannot be a party name: letters, digits and _ only."],
      ['2Acme', "A party name cannot start with a digit: '2Acme'."],
      ['EUR', "'EUR' is a currency code: choose another party name."],
      ['Globex', "'Globex' is already a party in this deal: choose another name."],
    ];
    for (const [name, error] of refusals) {
      assert.deepEqual(renameSymbol(document, offsets[0], name), { error });
      assert.ok(error.length <= 70, error);
    }
  });

  it('refuses a payment name taken by a milestone (one namespace)', () => {
    assert.deepEqual(renameSymbol(document, offsets[2], 'M1'), { error: "'M1' is already a payment in this deal: choose another name." });
  });

  it('refuses to rename a built-in stage before the rename box opens', () => {
    assert.deepEqual(prepareRename(document, offsets[1]), {
      error: "'phase1' is a built-in stage: to use other stage names, declare them in a `stages { ... }` block.",
    });
  });

  it('refuses where there is no name', () => {
    assert.ok('error' in prepareRename(document, text.indexOf('upfront') + 1));
  });
});
