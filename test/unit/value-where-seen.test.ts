// What each party's value is, where the eye is: the scenario's hover, the option's hover and the
// scenario's CodeLens, on the Kestrel / Norland example (figures in its header comments: OptIn
// Kestrel 518M, Norland 442M, project 960M; the opt-in costs Kestrel 107M and breaks even at 1.99×).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { analyzeDealText } from '../../server/src/document/analyze';
import { findCodeLenses } from '../../server/src/features/code-lens';
import { doHover } from '../../server/src/features/hover';
import { rollupJson } from '../../server/src/exports/rollup-json';

const text = readFileSync(new URL('../../examples/kestrel-norland-2025.deal', import.meta.url), 'utf8');
const document = analyzeDealText(text);
/** The hover on the name of a declaration (`scenario OptIn "`: after the header comments). */
const hoverOn = (declaration: string) => doHover(document, text.indexOf(`${declaration} "`) + declaration.length - 2)!.markdown;

describe('value where people see it', () => {
  it('the scenario hover gives each party’s profit, costs, value and share, and the decision', () => {
    const hover = hoverOn('scenario OptIn');
    assert.match(hover, /Value to each party \(nominal, pre-tax\): project value \*\*\$960,000,000 \(\$960M\)\*\*/);
    assert.ok(hover.includes('- Kestrel: value **$518,000,000 ($518M)** · share 54% · profit $288,000,000 ($288M) · costs $40,000,000 ($40M)\n'
      + '- Norland: value **$442,000,000 ($442M)** · share 46% · profit $792,000,000 ($792M) · costs $80,000,000 ($80M)'), hover);
    assert.match(hover, /Exercising CoCo at phase3 costs Kestrel Bio Inc\. \$107M at these sales; it pays off from 1\.99× these sales\./);
  });

  it('the option hover gives the gain in each scenario that exercises it', () => {
    const hover = hoverOn('option CoCo');
    assert.match(hover, /In OptIn: gain Kestrel -\$107,000,000 \(-\$107M\), Norland \+\$107,000,000 \(\$107M\)\./);
    assert.doesNotMatch(hover, /In NoOptIn/);
  });

  it('the scenario CodeLens reads each party’s value', () => {
    const titles = findCodeLenses(document).map((l) => l.title);
    assert.ok(titles.includes('Value: Kestrel $518M · Norland $442M'), titles.join('\n'));
    assert.ok(titles.includes('Value: Kestrel $625M · Norland $335M'), titles.join('\n'));
  });

  it('the JSON gives the economics keys of the contract', () => {
    const optIn = rollupJson(document).deals[0].scenarios.OptIn;
    assert.deepEqual(optIn.parties.Kestrel, {
      receives: '335000000', pays: '25000000', net: '310000000', profit: '288000000', costs: '40000000', value: '518000000',
    });
    assert.deepEqual(optIn.economics, {
      sales: '1800000000', goods: '180000000', commercial: '540000000', operatingProfit: '1080000000', development: '120000000', projectValue: '960000000',
    });
    assert.deepEqual(optIn.exercises[0], {
      option: 'CoCo', stage: 'phase3', happens: true, fee: '25000000',
      gain: { Kestrel: '-107000000', Norland: '107000000' }, breakEven: '1.99',
    });
  });
});

describe('the scenario hover lists its programme blocks', () => {
  it('says how far each programme gets and what the block gives', () => {
    const hover = doHover(document, text.indexOf('scenario OptIn "') + 'scenario Opt'.length)!.markdown;
    assert.match(hover, /programme KB101: its own timeline, sales, costs · programme Next: reaches discovery/);
  });
});
