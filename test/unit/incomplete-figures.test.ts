// While a deal has errors its figures are incomplete: hovers, CodeLens and the status bar say so,
// and a misspelt party (`payments from Biotets`) is never shown as a party — its amounts are left
// out of the parties' positions and named instead.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { analyzeDealText } from '../../server/src/document/analyze';
import { findCodeLenses } from '../../server/src/features/code-lens';
import { dealHeadlines } from '../../server/src/features/headline';
import { doHover } from '../../server/src/features/hover';

const seedText = readFileSync(new URL('../../examples/immunogen-biotest-2006.deal', import.meta.url), 'utf8');
const misspelt = analyzeDealText(seedText.replace('payments from Biotest', 'payments from Biotets'));
const seed = analyzeDealText(seedText);
const incomplete = "Figures incomplete: 1 error in the deal — $36.5M paid by 'Biotets', not a party";

const hoverAt = (document: typeof seed, before: string) => {
  const at = document.text.indexOf(before, document.text.indexOf('\ndeal '));
  assert.ok(at >= 0, before);
  return doHover(document, at + before.length - 1)?.markdown;
};

describe('figures of a deal with errors', () => {
  it('the deal hover says the figures are incomplete, leaves the misspelt name out of the parties and does not call the headline matched', () => {
    assert.equal(hoverAt(misspelt, 'deal I'), [
      `**${incomplete}.**`,
      '**Deal ImmunoGenBiotest2006** — ImmunoGen / Biotest TAP license',
      'signed 2006-07-07 · currency USD',
      'Headline **$36,500,000 ($36.5M)** = committed $1,000,000 ($1M) + contingent $35,500,000 ($35.5M)',
      'Declared headline $36,500,000 ($36.5M): checked against the terms once the errors are fixed.',
      '- ImmunoGen: receives $36,500,000 ($36.5M) · pays $0 · net $36,500,000 ($36.5M)\n'
        + '- Biotest: receives $0 · pays $0 · net $0',
      'By kind: Upfront $1,000,000 ($1M); Milestones $35,500,000 ($35.5M)',
      'Option fees, royalties and manufacturing are not in these totals; scenarios count them.',
    ].join('\n\n'));
  });

  it('the real party\'s hover says its figures are incomplete', () => {
    assert.equal(hoverAt(misspelt, 'party B'), [
      `**${incomplete}.**`,
      '**Party Biotest** — Biotest AG',
      'licensee · DE',
      '- Committed: receives $0 · pays $0 · net $0\n- Contingent: receives $0 · pays $0 · net $0\n- **Total**: receives $0 · pays $0 · net $0',
    ].join('\n\n'));
  });

  it('the misspelt name\'s hover says it is not a party and what is left out', () => {
    assert.equal(hoverAt(misspelt, 'payments from B'), [
      `**${incomplete}.**`,
      "**'Biotets' is not a party of this deal**: correct the name or declare the party.",
      "What the terms give it is left out of the parties' positions: it pays $36,500,000 ($36.5M).",
    ].join('\n\n'));
    assert.ok(hoverAt(misspelt, 'upfront 1')!.includes("\n\n'Biotets' (not a party) → ImmunoGen\n\n"));
  });

  it('the option hover never shows a misspelt holder as a party', () => {
    const wrongHolder = analyzeDealText(seedText.replace('holder ImmunoGen', 'holder ImmunoGne'));
    const hover = hoverAt(wrongHolder, 'option O') ?? '';
    assert.match(hover, /Holder 'ImmunoGne' \(not a party\)/);
    assert.doesNotMatch(hoverAt(seed, 'option O') ?? '', /not a party/);
  });

  it('the scenario hover leaves the misspelt name out of the parties and names it', () => {
    const hover = hoverAt(misspelt, 'scenario OptInAtPhase2');
    assert.ok(hover?.includes([
      '- ImmunoGen: receives $1,000,000 ($1M) · pays $5,000,000 ($5M) · net -$4,000,000 (-$4M)',
      '- Biotest: receives $5,000,000 ($5M) · pays $0 · net $5,000,000 ($5M)',
      '',
      "Left out of the parties' positions: $1M paid by 'Biotets', not a party.",
    ].join('\n')), hover);
  });

  it('CodeLens: a lens above the deal says what is left out; every figure says it is incomplete', () => {
    assert.deepEqual(findCodeLenses(misspelt).map((l) => l.title), [
      incomplete,
      'ImmunoGen receives $36.5M · pays $0 · figures incomplete',
      'Biotest receives $0 · pays $0 · figures incomplete',
      "'Biotets' (not a party) pays ImmunoGen $36.5M (committed $1M · contingent $35.5M) · 2 more without a fixed figure · figures incomplete",
      'itemized $0 in 0 milestones of $35.5M · undisclosed $35.5M · figures incomplete',
      'ImmunoGen receives $36.5M · pays $0 | Biotest receives $0 · pays $0 · figures incomplete',
      'ImmunoGen receives $1M · pays $5M | Biotest receives $5M · pays $0 · figures incomplete',
      'ImmunoGen receives $1M · pays $0 | Biotest receives $0 · pays $0 · figures incomplete',
      'ImmunoGen receives $1M · pays $5M | Biotest receives $5M · pays $0 · figures incomplete',
      'Value: ImmunoGen $36M · Biotest $115M · figures incomplete',
    ]);
  });

  it('the status bar gets the same sentence for the deal', () => {
    const [headline] = dealHeadlines(misspelt);
    assert.equal(headline.errors, 1);
    assert.equal(headline.incomplete, incomplete);
  });

  it('a deal without errors says nothing of the kind', () => {
    assert.equal(dealHeadlines(seed)[0].incomplete, undefined);
    assert.ok(!findCodeLenses(seed).some((l) => l.title.includes('incomplete')));
    assert.ok(!hoverAt(seed, 'deal I')!.includes('incomplete'));
  });

  it('counts only the errors inside each deal of a file', () => {
    const two = analyzeDealText(`${seedText}\n${seedText.replace('ImmunoGenBiotest2006', 'Second').replace('payments from Biotest', 'payments from Biotets')}`);
    assert.deepEqual(dealHeadlines(two).map((h) => h.incomplete), [undefined, incomplete]);
  });
});
