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
    assert.deepEqual(renameSymbol(document, offsets[0], 'royalty'), { error: "'royalty' is a keyword of the deal language: choose another party name." });
    assert.deepEqual(renameSymbol(document, offsets[0], 'Acme Bio'), {
      error: "'Acme Bio' cannot be a party name: use letters, digits and _ only, starting with a letter or _ (no spaces).",
    });
    assert.deepEqual(renameSymbol(document, offsets[0], 'EUR'), { error: "'EUR' is a currency code: a party named so would read as an amount's currency." });
    assert.deepEqual(renameSymbol(document, offsets[0], 'Globex'), { error: "'Globex' is already the name of a party in this deal: choose another name." });
  });

  it('refuses a payment name taken by a milestone (one namespace)', () => {
    assert.deepEqual(renameSymbol(document, offsets[2], 'M1'), {
      error: "'M1' is already the name of a payment in this deal (payments, milestones and milestone groups share one set of names): choose another name.",
    });
  });

  it('refuses to rename a built-in stage', () => {
    assert.deepEqual(prepareRename(document, offsets[1]), {
      error: "'phase1' is a built-in stage: to use other stage names, declare them in a `stages { ... }` block first.",
    });
  });

  it('refuses where there is no name', () => {
    assert.ok('error' in prepareRename(document, text.indexOf('upfront') + 1));
  });
});
