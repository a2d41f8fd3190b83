// Hover figures read the same rendered (VS Code) and as raw Markdown (Neovim, Emacs): one line per
// row of figures, each figure named, never a Markdown table whose cells run together.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { analyzeDealText } from '../../server/src/document/analyze';
import { doHover } from '../../server/src/features/hover';

const examples = new URL('../../examples/', import.meta.url);
const read = (name: string) => readFileSync(new URL(name, examples), 'utf8');
const seed = analyzeDealText(read('immunogen-biotest-2006.deal'));
const hoverAfter = (before: string) => doHover(seed, seed.text.indexOf(before, seed.text.indexOf('\ndeal ')) + before.length - 1)?.markdown;

describe('hover figures, one line each', () => {
  it('the deal: each party on its own line, figures named', () => {
    assert.equal(hoverAfter('deal I'), [
      '**Deal ImmunoGenBiotest2006** — ImmunoGen / Biotest TAP license',
      'signed 2006-07-07 · currency USD',
      'Headline **$36,500,000 ($36.5M)** = committed $1,000,000 ($1M) + contingent $35,500,000 ($35.5M)',
      'Declared headline $36,500,000 ($36.5M) matches the terms.',
      '- ImmunoGen: receives $36,500,000 ($36.5M) · pays $0 · net $36,500,000 ($36.5M)\n'
        + '- Biotest: receives $0 · pays $36,500,000 ($36.5M) · net -$36,500,000 (-$36.5M)',
      'By kind: Upfront $1,000,000 ($1M); Milestones $35,500,000 ($35.5M)',
      'Option fees, royalties and manufacturing are not in these totals; scenarios count them.',
    ].join('\n\n'));
  });

  it('a party: committed, contingent and total on their own lines', () => {
    assert.equal(hoverAfter('party B'), [
      '**Party Biotest** — Biotest AG',
      'licensee · DE',
      '- Committed: receives $0 · pays $1,000,000 ($1M) · net -$1,000,000 (-$1M)\n'
        + '- Contingent: receives $0 · pays $35,500,000 ($35.5M) · net -$35,500,000 (-$35.5M)\n'
        + '- **Total**: receives $0 · pays $36,500,000 ($36.5M) · net -$36,500,000 (-$36.5M)',
    ].join('\n\n'));
  });

  it('a milestone group: cap, itemized and rest on their own lines', () => {
    assert.equal(hoverAfter('milestones D'), [
      '**Milestone group Development** — development and commercial milestones',
      'Biotest → ImmunoGen',
      '- Cap (up to): $35,500,000 ($35.5M)\n- Itemized (0 milestones): nothing itemized\n- Undisclosed rest: $35,500,000 ($35.5M)',
      'The undisclosed rest is earned when a scenario reaches approval.',
      "Contingent: counted in the deal's contingent total and headline. A group counts its cap.",
      'Probability of reaching approval: 4.62%.',
    ].join('\n\n'));
  });

  it('no hover on any name of any example holds a Markdown table', () => {
    for (const name of readdirSync(examples).filter((f) => f.endsWith('.deal'))) {
      const document = analyzeDealText(read(name));
      let hovers = 0;
      for (const word of document.text.matchAll(/[A-Za-z_][A-Za-z0-9_]*/g)) {
        const markdown = doHover(document, word.index! + 1)?.markdown;
        if (!markdown) continue;
        hovers++;
        for (const line of markdown.split('\n')) {
          assert.ok(!/^\s*\|.*\|\s*$/.test(line) && !/^\s*\|?\s*:?-{3,}/.test(line), `${name}: a table line in the hover at ${word[0]}:\n${markdown}`);
        }
      }
      assert.ok(hovers > 10, `${name}: ${hovers} hovers`);
    }
  });
});
