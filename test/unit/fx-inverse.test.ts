// An exchange rate written the other way round (`fx USD = 0.91 EUR` in a USD deal) divides:
// EUR 0.91M is exactly $1M. Where a quotient does not end, what is shown, what the headline is
// checked against and what its quick fix writes are one figure: to the cent, half-even.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyzeDealText } from '../../server/src/document/analyze';
import { findCodeActions } from '../../server/src/features/code-actions';
import { applyEdits } from '../../server/src/features/format';
import { doHover } from '../../server/src/features/hover';
import { findInlayHints } from '../../server/src/features/inlay-hints';
import { rollupJson } from '../../server/src/exports/rollup-json';
import { rollupTable } from '../../server/src/cli/rollup-table';
import { diagnosticsOf } from './helpers';

const deal = (payments: string, headline: string) => `deal D {
  signed 2024-01-01
  fx USD = 0.91 EUR
  headline ${headline}
  party A licensor
  party B licensee
  payments from B to A {
${payments}
  }
}
`;

describe('an inverse fx rate', () => {
  it('converts EUR 0.91M into exactly $1,000,000: the headline of $1M matches', () => {
    const text = deal('    upfront EUR 0.91M on signing', '1M');
    const document = analyzeDealText(text);
    assert.deepEqual(document.diagnostics, []);
    const json = rollupJson(document).deals[0];
    assert.equal(json.totals.headline, '1000000');
    assert.equal(json.payments[0].amount, '1000000');
    assert.ok(rollupTable(document).includes('  Headline     $1,000,000  ($1M)\n'), rollupTable(document));
    const hover = doHover(document, text.indexOf('upfront') + 2)?.markdown ?? '';
    assert.ok(hover.includes('€910,000 (€910K) = $1,000,000 ($1M) at 1 USD = 0.91 EUR'), hover);
    assert.deepEqual(findInlayHints(document).map((h) => [h.label, h.tooltip]), [['= $1M', '1000000 USD']]);
  });

  it('shows a quotient that does not end to the cent, and checks the headline against that figure', () => {
    // EUR 1M / 0.91 = 1,098,901.0989… → $1,098,901.10; EUR 2M / 0.91 = 2,197,802.1978… → $2,197,802.20.
    const text = deal('    upfront EUR 1M on signing\n    milestone M EUR 2M at phase1', '3M');
    const { found } = diagnosticsOf(text);
    assert.deepEqual(found, [{
      code: 'headline-mismatch', severity: 'warning', range: '4:12-4:14',
      message: 'The headline says $3,000,000 ($3M), but the terms add up to $3,296,703.30 ($3.297M) (committed $1,098,901.10 ($1.099M) + contingent $2,197,802.20 ($2.198M)): correct the headline, or add the terms it counts.',
      data: { computed: '3296703.3' },
    }]);
  });

  it('its quick fix writes the figure shown, and then the headline matches', () => {
    const text = deal('    upfront EUR 1M on signing\n    milestone M EUR 2M at phase1', '3M');
    const document = analyzeDealText(text);
    const actions = findCodeActions(document, document.diagnostics[0].span);
    assert.deepEqual(actions.map((a) => a.title), ['Set the headline to $3.297M']);
    const fixed = applyEdits(text, actions[0].edits);
    assert.ok(fixed.includes('  headline 3296703.3\n'), fixed);
    assert.deepEqual(analyzeDealText(fixed).diagnostics, []);
  });

  it('never reads "says $1,000,000 … add up to $1,000,000": a headline equal to the cent matches', () => {
    // EUR 1M / 0.91 is $1,098,901.0989…: shown, and checked, as $1,098,901.10.
    assert.deepEqual(diagnosticsOf(deal('    upfront EUR 1M on signing', '1,098,901.10')).found, []);
  });
});
