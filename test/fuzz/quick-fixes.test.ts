// Every quick fix, applied, leaves the file better: on many deals with the mistakes people make
// (misspelt and accented names, missing parties, wrong headlines and caps, tiers out of order,
// a missing exchange rate) in awkward layouts (one line, block comments across lines, CRLF,
// tabs), each offered fix is applied to a fresh copy and checked (see check-quick-fix.ts).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyzeDealText } from '../../server/src/document/analyze';
import { findCodeActions } from '../../server/src/features/code-actions';
import { applyEdits } from '../../server/src/features/format';
import { generateDeal } from '../generate-deal';
import { checkFix, fuzzedFile } from './check-quick-fix';
import { baseSeed, long } from './fuzz-settings';

const files = long ? 3000 : 90;

/** Every kind of fix, so a change to the fuzzed files cannot quietly stop trying one. */
const kinds = [
  /^Change to '/, /^Change party '/, /^Declare party '[^']*'$/, /^Declare party '.*', titled "/, /^Set the headline to /,
  /^Set the cap to the itemized \S+$/, /^Set the cap to .* and the headline to /, /^Sort the royalty tiers/,
  /^Add an exchange rate line: /, /^Add the exchange rate the headline implies: /,
];

describe('quick fixes on fuzzed deals', () => {
  it(`every fix offered on ${files} fuzzed files leaves fewer problems and no new syntax error`, () => {
    const failures: string[] = [];
    const titles = new Set<string>();
    let applied = 0;
    for (let i = 0; i < files; i++) {
      const seed = baseSeed + 424_242 + i;
      const text = fuzzedFile(seed);
      const before = analyzeDealText(text);
      for (const action of findCodeActions(before, { start: 0, end: text.length })) {
        applied++;
        titles.add(action.title);
        for (const failure of checkFix(text, before, action)) failures.push(`seed ${seed}: ${failure}`);
      }
    }
    if (failures.length > 0) assert.fail(`${failures.length} of ${applied} fixes went wrong:\n${failures.slice(0, 8).join('\n')}`);
    // An exploratory run from another seed may happen to offer fewer kinds.
    if (long || process.env.FUZZ_SEED === undefined) {
      assert.deepEqual(kinds.filter((kind) => ![...titles].some((t) => kind.test(t))), [], 'kinds of fix never offered');
    }
  });

  it('a large deal lacking a rate: one fix for all its amounts, the whole file answered at once', () => {
    // The test finishing is the bound on time (no clock is read).
    const text = generateDeal(baseSeed, { payments: 1000 }).replace('  fx EUR = 1.10 USD\n', '');
    const document = analyzeDealText(text);
    const missing = document.diagnostics.filter((d) => d.code === 'fx-missing');
    assert.ok(missing.length > 20, `${missing.length} amounts lack the rate`);
    const fixes = findCodeActions(document, { start: 0, end: text.length }).filter((a) => a.diagnostic.code === 'fx-missing');
    assert.equal(fixes.length, missing.length);
    assert.deepEqual(new Set(fixes.map((f) => JSON.stringify(f.edits))).size, 1);
    const fixed = analyzeDealText(applyEdits(text, fixes[0].edits));
    assert.deepEqual(fixed.diagnostics.filter((d) => d.code === 'fx-missing'), []);
  });
});
