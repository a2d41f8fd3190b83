// The term sheet's tables carry what each narrower layout needs, from the one computation: every
// figure its exact form (shown, or as the tooltip of its compact form), every cell its column's
// name for the stacked layout, and every table the widths (in em) below which it changes layout.
// How they lay out in a browser is measured in test/editor/layout.test.ts.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { analyzeDealText } from '../../server/src/document/analyze';
import { renderHtml } from '../../server/src/exports';
import { figure, table } from '../../server/src/exports/html-kit';
import { fitClasses, tableWidths, textWidth } from '../../server/src/exports/html-fit';
import { Money } from '../../server/src/model/money';

const seed = analyzeDealText(readFileSync(new URL('../../examples/immunogen-biotest-2006.deal', import.meta.url), 'utf8'));

describe('a figure in a table', () => {
  it('reads $36,500,000 ($36.5M) wide, $36,500,000 in full, $36.5M compact with the exact figure as its tooltip', () => {
    const cell = figure(new Money('36500000'), 'USD');
    assert.equal(cell.html, '<span class="fig" title="$36,500,000"><span class="mf">$36,500,000</span>'
      + '<span class="mw"> ($36.5M)</span><span class="mc">$36.5M</span></span>');
    assert.deepEqual(cell.fit, { wide: '$36,500,000 ($36.5M)', full: '$36,500,000', short: '$36.5M' });
  });

  it('keeps the cents in the tooltip: $1,234,567.89 is $1.235M compact', () => {
    const cell = figure(new Money('1234567.89'), 'USD');
    assert.match(cell.html, /title="\$1,234,567\.89"/);
    assert.deepEqual(cell.fit, { wide: '$1,234,567.89 ($1.235M)', full: '$1,234,567.89', short: '$1.235M' });
  });

  it('is plain text where it has no short form ($0, $500), and has no wide form in a column without one', () => {
    assert.deepEqual(figure(new Money(0), 'USD'), { html: '$0' });
    assert.deepEqual(figure(new Money(500), 'EUR'), { html: '€500' });
    const bare = figure(new Money('216500000'), 'USD', { paren: false });
    assert.equal(bare.html, '<span class="fig" title="$216,500,000"><span class="mf">$216,500,000</span><span class="mc">$216.5M</span></span>');
    assert.deepEqual(bare.fit, { wide: '$216,500,000', full: '$216,500,000', short: '$216.5M' });
  });
});

describe('a table', () => {
  it('names each cell after the first by its column, and gives the widths it needs at each layout', () => {
    const html = table(['Party', 'Receives', 'Net'], [['Biotest AG', figure(new Money('36500000'), 'USD'), '-$1']], { numeric: [1, 2] });
    assert.match(html, /^<div class="table-wrap"><table class="fit f\d+ c\d+ s\d+"><thead>/);
    assert.match(html, /<tr><td>Biotest AG<\/td><td class="num" data-label="Receives"><span class="fig"[^]*?<\/td><td class="num" data-label="Net">-\$1<\/td><\/tr>/);
  });

  it('needs more room wide than in full, and more in full than compact', () => {
    const row = ['ImmunoGen, Inc.', ...['36500000', '1000000', '35500000'].map((v) => figure(new Money(v), 'USD'))];
    const widths = tableWidths(['Party', 'Receives', 'Committed', 'Contingent'], [row], undefined, new Set([1, 2, 3]));
    assert.ok(widths.wide > widths.full && widths.full > widths.short, JSON.stringify(widths));
    // Three figures of 11 characters, at most 0.64 em each, and the longest word of the party.
    assert.ok(widths.full >= 3 * textWidth('$36,500,000'), JSON.stringify(widths));
    assert.equal(fitClasses({ wide: 50.2, full: 41, short: 7 }), 'fit f52 c44 s8');
    assert.equal(fitClasses({ wide: 500, full: 119, short: 20 }), 'fit fall c120 s20');
  });
});

describe('the seed term sheet', () => {
  const html = renderHtml(seed);

  it('shows every figure of the per-party table in full, with the short form, and the compact form with its tooltip', () => {
    const perParty = /<caption>Per party \(deal terms, before scenarios\)<\/caption>.*?<\/table>/.exec(html)![0];
    const row = /<tr><td>ImmunoGen, Inc\.<\/td>(.*?)<\/tr>/.exec(perParty)![1];
    const cells = [...row.matchAll(/<td class="num" data-label="([^"]+)">(.*?)<\/td>/g)].map((m) => [m[1], m[2].replace(/<[^>]+>/g, '|')]);
    assert.deepEqual(cells, [
      ['Receives', '||$36,500,000|| ($36.5M)||$36.5M||'],
      ['Pays', '$0'],
      ['Net', '||$36,500,000|| ($36.5M)||$36.5M||'],
      ['Committed in', '||$1,000,000|| ($1M)||$1M||'],
      ['Contingent in', '||$35,500,000|| ($35.5M)||$35.5M||'],
    ]);
    assert.match(row, /<span class="fig" title="\$35,500,000">/);
  });

  it('carries every tooltip as the exact figure shown beside it', () => {
    const figures = [...html.matchAll(/<span class="fig" title="([^"]*)"><span class="mf">([^<]*)<\/span>/g)];
    assert.ok(figures.length > 40, `${figures.length} figures`);
    assert.deepEqual(figures.filter((m) => m[1] !== m[2]).map((m) => m[0]), []);
  });

  it('lays out its tables by container width: a rule per width for each layout, compact on screens only', () => {
    const screen = html.slice(html.indexOf('@media screen{'), html.indexOf('@media print{'));
    const paper = html.slice(html.indexOf('@media print{'), html.indexOf('</style>'));
    const before = html.slice(0, html.indexOf('@media screen{'));
    assert.ok(before.includes('.table-wrap { container-type: inline-size; }'));
    assert.ok(before.includes('@container (width < 44em){table.f44{--fo: }}'));
    assert.ok(screen.includes('@container (width < 44em){table.c44{--cmp: }table.s44{--stk: }}'));
    assert.ok(paper.includes('@container (width < 44em){table.c44{--stk: }}'));
    assert.ok(!paper.includes('--cmp: }'), 'no compact figure on paper');
  });
});
