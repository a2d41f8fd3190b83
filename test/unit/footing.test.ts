// Figures that foot: every payment is shown to the cent and every total shown is the sum of
// the cent figures it is made of, so rows always add up to their total, in every output. Never
// -$0; a short form that rounds up takes the next scale ($1M, never $1000K); short forms stand
// beside each other only where they add up too. The JSON keeps the exact figures.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyzeDealText } from '../../server/src/document/analyze';
import { findCodeLenses } from '../../server/src/features/code-lens';
import { doHover } from '../../server/src/features/hover';
import { formatAmount, formatFooting, formatMoney, formatShort, Money } from '../../server/src/model/money';
import { rollupPortfolio } from '../../server/src/engine/portfolio';
import { portfolioJson } from '../../server/src/exports/portfolio-json';
import { renderHtml, renderMarkdown } from '../../server/src/exports';
import { renderPortfolioHtml, renderPortfolioMarkdown } from '../../server/src/exports/portfolio';
import { rollupJson } from '../../server/src/exports/rollup-json';
import { rollupTable } from '../../server/src/cli/rollup-table';
import { diagnosticsOf } from './helpers';
import { plainCells } from './plain-cells';

/** EUR 1M at `fx USD = 3 EUR` is $333,333.333…: shown $333,333.33. Three of them are shown
 * $999,999.99 (not the $1,000,000 their exact sum rounds to). */
const thirds = `deal D {
  signed 2024-01-01
  fx USD = 3 EUR
  party A licensor
  party B licensee
  payments from B to A {
    upfront EUR 1M on signing
    fee F EUR 1M on 2024-06-01
    milestone M EUR 1M at phase1 expected 2025
  }
  scenario S { reach phase1 }
}
`;

const lines = (text: string, ...wanted: string[]) => wanted.filter((line) => !text.includes(line));

describe('totals shown are the sum of the rows shown', () => {
  it('in the rollup table: deal totals, parties, kinds and the scenario', () => {
    const table = rollupTable(analyzeDealText(thirds));
    assert.deepEqual(lines(table,
      '  Headline     $999,999.99        ($1M)\n',
      '  Committed    $666,666.66  ($666.667K)\n',
      '  Contingent   $333,333.33  ($333.333K)\n',
      '  A      $999,999.99           $0   $999,999.99\n',
      '  B               $0  $999,999.99  -$999,999.99\n',
      '  Upfront     $333,333.33\n  Fees        $333,333.33\n  Milestones  $333,333.33\n',
      'Scenario S (total $999,999.99)',
      '  2024     $666,666.66\n  2025     $333,333.33\n',
    ), [], table);
  });

  it('in Markdown and HTML', () => {
    const document = analyzeDealText(thirds);
    const markdown = renderMarkdown(document);
    assert.ok(markdown.includes('| $999,999.99 ($1M) | $666,666.66 ($666.667K) | $333,333.33 ($333.333K) |'), markdown);
    const html = plainCells(renderHtml(document));
    assert.ok(html.includes('<div class="label">Headline value</div><div class="value">$999,999.99 ($1M)</div>'), 'the HTML headline');
    assert.ok(!html.includes('$1,000,000'), 'no total rounded apart from its rows');
  });

  it('in the hover of the deal and the CodeLens of the block', () => {
    const document = analyzeDealText(thirds);
    const hover = doHover(document, thirds.indexOf('deal D') + 6)?.markdown ?? '';
    assert.ok(hover.includes('Headline **$999,999.99 ($1M)** = committed $666,666.66 ($666.667K) + contingent $333,333.33 ($333.333K)'), hover);
    const lenses = findCodeLenses(document).map((l) => l.title);
    // $666.667K + $333.333K is $1M: short forms that add up.
    assert.ok(lenses.includes('B pays A $1M (committed $666.667K · contingent $333.333K)'), lenses.join('\n'));
  });

  it('the JSON keeps the exact figures', () => {
    const json = rollupJson(analyzeDealText(thirds)).deals[0];
    assert.equal(json.payments[0].amount, '333333.333333333333333333333333333333333333333333333333333333');
  });

  it('royalties: each year to the cent, the years add up to the scenario total', () => {
    // 5% of 1,000,000.10 is 50,000.005: $50,000 a year (half-even), $150,000 over three years.
    const text = `deal R {
  signed 2024-01-01
  party A licensor
  party B licensee
  payments from B to A { royalty Roy 5% on net_sales }
  scenario S { reach launch  sales { 2030: 1,000,000.10  2031: 1,000,000.10  2032: 1,000,000.10 } }
}
`;
    const table = rollupTable(analyzeDealText(text));
    assert.deepEqual(lines(table,
      'Scenario S (total $150,000)',
      '  2030     $50,000\n  2031     $50,000\n  2032     $50,000\n',
      '  Royalties  $150,000\n',
    ), [], table);
    assert.equal(rollupJson(analyzeDealText(text)).deals[0].scenarios.S.total, '150000.015');
  });

  it('a group: itemized and undisclosed add up to the cap', () => {
    // EUR 1M / 3 = $333,333.33 itemized; the cap of $1M leaves $666,666.67 undisclosed.
    const text = thirds.replace('    milestone M EUR 1M at phase1 expected 2025', '    milestones G up to 1M { milestone M EUR 1M at phase1 }');
    const { found } = diagnosticsOf(text);
    assert.deepEqual(found.map((d) => d.message), [
      'Itemized milestones total $333,333.33 ($333.333K) of the $1,000,000 ($1M) cap: $666,666.67 ($666.667K) undisclosed.',
    ]);
    const lenses = findCodeLenses(analyzeDealText(text)).map((l) => l.title);
    assert.ok(lenses.includes('itemized $333.333K in 1 milestone of $1M · undisclosed $666.667K'), lenses.join('\n'));
    assert.ok(lenses.includes('B pays A $1,666,666.66 (committed $666,666.66 · contingent $1,000,000)'), lenses.join('\n'));
  });
});

describe('no -$0, no $1000K, no "says $0 … add up to $0"', () => {
  it('an amount that rounds to zero is $0, with no sign', () => {
    assert.equal(formatAmount(new Money('-0.004'), 'USD'), '$0');
    assert.equal(formatShort(new Money('-0.001'), 'EUR'), '€0');
    assert.equal(formatMoney(new Money('-0.005'), 'USD'), '$0');
    assert.equal(formatAmount(new Money('-0.006'), 'USD'), '-$0.01');
    const table = rollupTable(analyzeDealText('deal Z {\n  party A licensor\n  party B licensee\n  payments from B to A { upfront 0.004 }\n}\n'));
    assert.ok(table.includes('  B            $0    $0   $0\n'), table);
  });

  it('a short form that rounds up takes the next scale', () => {
    assert.equal(formatShort(new Money('999999.6'), 'USD'), '$1M');
    assert.equal(formatShort(new Money('999999999.9'), 'USD'), '$1B');
    assert.equal(formatShort(new Money('999499'), 'USD'), '$999.499K');
    assert.equal(formatMoney(new Money('999999999.5'), 'USD'), '$999,999,999.50 ($1B)');
    assert.equal(formatShort(new Money('999.996'), 'USD'), '$1,000');
  });

  it('a headline equal to the terms at the cent raises no warning', () => {
    const deal = (headline: string) => `deal H {\n  headline ${headline}\n  party A licensor\n  party B licensee\n  payments from B to A { upfront 0.004 }\n}\n`;
    assert.deepEqual(diagnosticsOf(deal('0.001')).found, []);
    assert.deepEqual(diagnosticsOf(deal('0')).found, []);
    assert.deepEqual(diagnosticsOf(deal('0.01')).found.map((d) => d.message), [
      'The headline says $0.01, but the terms add up to $0 (committed $0 + contingent $0): correct the headline, or add the terms it counts.',
    ]);
  });

  it('short forms of a total and its parts only where they add up, else full figures', () => {
    const money = (v: string) => new Money(v);
    assert.deepEqual(formatFooting(money('36500000'), [money('1000000'), money('35500000')], 'USD'),
      { total: '$36.5M', parts: ['$1M', '$35.5M'] });
    // $1.235M + $2.346M is not $3.58M: the full figures are shown.
    assert.deepEqual(formatFooting(money('3580200'), [money('1234600'), money('2345600')], 'USD'),
      { total: '$3,580,200', parts: ['$1,234,600', '$2,345,600'] });
  });
});

describe('the portfolio shown foots too', () => {
  // A euro deal converted by its own `fx USD = 3 EUR`: each EUR 1M is $333,333.33 in the portfolio.
  const euros = thirds.replace('deal D {', 'deal E {\n  currency EUR').replace(/EUR 1M/g, '1M');
  const document = analyzeDealText(euros);
  const portfolio = rollupPortfolio(document.deals.map((deal) => ({ uri: 'file:///deals/e.deal', deal, lines: document.lines })));

  it('cards, kinds, the deal row and the JSON add up to the same headline', () => {
    const html = plainCells(renderPortfolioHtml(portfolio));
    assert.ok(html.includes('<div class="label">Headline value</div><div class="value">$999,999.99 ($1M)</div>'), 'the headline card');
    assert.ok(html.includes('<td class="num">$333,333.33 ($333.333K)</td>'), 'a kind');
    assert.ok(!html.includes('$1,000,000'), 'no total rounded apart from its rows');
    const markdown = renderPortfolioMarkdown(portfolio);
    assert.ok(markdown.includes('| $999,999.99 ($1M) | $666,666.66 ($666.667K) | $333,333.33 ($333.333K) | 1 |'), markdown);
    // The portfolio JSON gives the figures the page shows, to the cent.
    assert.equal(portfolioJson(portfolio).totals.headline, '999999.99');
  });
});
