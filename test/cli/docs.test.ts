// The deals shown in the README and the language guide are real: they parse and check clean.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { analyzeDealText } from '../../server/src/document/analyze';
import { repoRoot } from './run-cli';

function dealBlocks(file: string): string[] {
  const text = readFileSync(join(repoRoot, file), 'utf8');
  return [...text.matchAll(/```\n(deal [A-Za-z_][\s\S]*?)```/g)].map((m) => m[1]);
}

describe('documentation examples', () => {
  for (const file of ['README.md', 'docs/language.md']) {
    it(`every complete deal in ${file} checks without errors`, () => {
      const blocks = dealBlocks(file);
      assert.ok(blocks.length >= 1, `${file} shows a deal`);
      for (const block of blocks) {
        const errors = analyzeDealText(block).diagnostics.filter((d) => d.severity === 'error');
        assert.deepEqual(errors.map((e) => `${e.code}: ${e.message}`), [], block);
      }
    });
  }

  it('the README example adds up to the headline it states ($36.5M)', () => {
    const [block] = dealBlocks('README.md');
    assert.equal(analyzeDealText(block).deals[0].totals.headline.toFixed(), '36500000');
  });
});
