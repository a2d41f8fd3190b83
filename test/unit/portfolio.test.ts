// The portfolio rollup: both examples plus a generated deal in euros, with and without a rate to
// the reporting currency — exact totals per counterparty, per kind and per deal, and deals that
// cannot be converted listed apart, never summed.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { analyzeDealText } from '../../server/src/document/analyze';
import { exact, Money } from '../../server/src/model/money';
import { rollupPortfolio, type PortfolioInput } from '../../server/src/engine/portfolio';
import { dealTree, portfolioJson } from '../../server/src/exports/portfolio-json';
import { renderPortfolioHtml, renderPortfolioMarkdown } from '../../server/src/exports/portfolio';
import { euroDeal } from './euro-deal';

const example = (name: string) => readFileSync(new URL(`../../examples/${name}`, import.meta.url), 'utf8');

function inputs(files: Record<string, string>): PortfolioInput[] {
  return Object.entries(files).flatMap(([name, text]) => {
    const document = analyzeDealText(text);
    assert.deepEqual(document.diagnostics.filter((d) => d.severity === 'error').map((d) => d.message), [], `${name} has no errors`);
    return document.deals.map((deal) => ({ uri: `file:///deals/${name}`, deal, lines: document.lines }));
  });
}

/** The 0-based line where a deal's name is written. */
const lineOf = (text: string, id: string) => text.split('\n').findIndex((l) => l.startsWith(`deal ${id} `));

const examples = { 'acme-globex-2024.deal': example('acme-globex-2024.deal'), 'immunogen-biotest-2006.deal': example('immunogen-biotest-2006.deal') };

/** The euro deal's own totals, as the single-deal rollup computes them. */
function euroTotals() {
  const [deal] = analyzeDealText(euroDeal()).deals;
  return deal.totals;
}

describe('portfolio rollup', () => {
  it('totals both examples: 36,500,000 + 412,500,000 = 449,000,000', () => {
    const json = portfolioJson(rollupPortfolio(inputs(examples)));
    assert.equal(json.currency, 'USD');
    assert.deepEqual(json.totals, { committed: '51000000', contingent: '398000000', headline: '449000000', deals: 2 });
    assert.deepEqual(json.counterparties.map((p) => [p.name, p.deals, p.receives.headline, p.pays.headline, p.net.headline]), [
      ['Acme', 1, '412500000', '0', '412500000'],
      ['Biotest', 1, '0', '36500000', '-36500000'],
      ['Globex', 1, '0', '412500000', '-412500000'],
      ['ImmunoGen', 1, '36500000', '0', '36500000'],
    ]);
    const acme = json.counterparties[0];
    assert.deepEqual(acme.receives, { committed: '50000000', contingent: '362500000', headline: '412500000' });
    assert.equal(acme.title, 'Acme Bio, Inc.');
    assert.deepEqual(json.byKind, [
      { kind: 'upfront', amount: '41000000', deals: 2 },
      { kind: 'equity', amount: '10000000', deals: 1 },
      { kind: 'milestone', amount: '255500000', deals: 2 },
      { kind: 'sales-milestone', amount: '142500000', deals: 1 },
    ]);
    assert.deepEqual(json.deals.map((d) => [d.id, d.currency, d.headline, d.reported?.headline, d.line]),
      [
        ['AcmeGlobex2024', 'USD', '412500000', '412500000', lineOf(examples['acme-globex-2024.deal'], 'AcmeGlobex2024')],
        ['ImmunoGenBiotest2006', 'USD', '36500000', '36500000', lineOf(examples['immunogen-biotest-2006.deal'], 'ImmunoGenBiotest2006')],
      ]);
    assert.deepEqual(json.apart, []);
  });

  it('converts a euro deal by its own rate and adds it to the same counterparty', () => {
    const own = euroTotals();
    // The euro deal as its own rollup counts it: upfront 10M + fee 4M; caps 41M + 28M and a 45.5M sales milestone.
    assert.deepEqual([exact(own.committed), exact(own.contingent)], ['14000000', '114500000']);
    const portfolio = rollupPortfolio(inputs({ ...examples, 'euro.deal': euroDeal('EUR = 1.08 USD') }));
    const json = portfolioJson(portfolio);
    const converted = own.headline.times('1.08');
    assert.equal(exact(converted), '138780000');
    assert.equal(json.totals.headline, exact(new Money('449000000').plus(converted)));
    assert.equal(json.totals.committed, '66120000'); // 51M + 14M × 1.08
    assert.equal(json.totals.deals, 3);
    const euro = json.deals.find((d) => d.id === 'Deal1')!;
    assert.deepEqual([euro.currency, euro.headline, euro.fx, euro.reported?.headline], ['EUR', '128500000', '1 EUR = 1.08 USD', '138780000']);
    const acme = json.counterparties.find((p) => p.name === 'Acme')!;
    assert.equal(acme.deals, 2);
    assert.equal(acme.receives.headline, exact(new Money('412500000').plus(own.parties.get('Acme')!.receives.times('1.08'))));
    assert.equal(acme.receives.headline, '551280000');
    const wayne = json.counterparties.find((p) => p.name === 'Wayne')!;
    assert.deepEqual([wayne.deals, wayne.pays.headline, wayne.net.committed], [1, '138780000', '-15120000']);
    assert.deepEqual(json.byKind.find((k) => k.kind === 'fee'), { kind: 'fee', amount: '4320000', deals: 1 });
    assert.deepEqual(json.byKind.find((k) => k.kind === 'upfront'), { kind: 'upfront', amount: '51800000', deals: 3 });
    assert.deepEqual(json.apart, []);
  });

  it('lists a euro deal without a rate apart and never adds it to the dollar totals', () => {
    const portfolio = rollupPortfolio(inputs({ ...examples, 'euro.deal': euroDeal() }));
    const json = portfolioJson(portfolio);
    assert.deepEqual(json.totals, { committed: '51000000', contingent: '398000000', headline: '449000000', deals: 2 });
    assert.deepEqual(json.apart, ['Deal1']);
    const euro = json.deals.find((d) => d.id === 'Deal1')!;
    assert.deepEqual([euro.headline, euro.fx, euro.reported], ['128500000', undefined, undefined]);
    assert.equal(json.counterparties.find((p) => p.name === 'Acme')!.deals, 1);
    assert.equal(json.counterparties.some((p) => p.name === 'Wayne'), false);
    const html = renderPortfolioHtml(portfolio);
    assert.match(html, /Deal1 is in EUR and gives no exchange rate to USD: add `fx EUR = … USD` to the deal to count it\./);
    assert.match(html, /\$449,000,000 \(\$449M\)/);
    assert.match(renderPortfolioMarkdown(portfolio), /\| \$449,000,000 \(\$449M\) \| \$51,000,000/);
  });

  it('reports in euros: the dollar deal with a euro rate divides by it exactly, the one without is apart', () => {
    const json = portfolioJson(rollupPortfolio(inputs({ ...examples, 'euro.deal': euroDeal() }), { currency: 'eur' }));
    assert.equal(json.currency, 'EUR');
    // Acme/Globex writes fx EUR = 1.10 USD: 412.5M / 1.10 = 375M exactly; the euro deal is 128.5M.
    assert.deepEqual(json.deals.map((d) => [d.id, d.reported?.headline, d.fx]), [
      ['AcmeGlobex2024', '375000000', '1 EUR = 1.1 USD'],
      ['Deal1', '128500000', undefined],
      ['ImmunoGenBiotest2006', undefined, undefined],
    ]);
    assert.equal(json.totals.headline, '503500000');
    assert.deepEqual(json.apart, ['ImmunoGenBiotest2006']);
  });

  it('escapes titles in the page and gives the Deals tree its figures and places', () => {
    const hostile = examples['immunogen-biotest-2006.deal'].replace('"ImmunoGen, Inc."', '"<img src=x onerror=alert(1)>"');
    const portfolio = rollupPortfolio(inputs({ 'hostile.deal': hostile }));
    const html = renderPortfolioHtml(portfolio, { cspNonce: 'abc', cspSource: 'vscode-resource:' });
    assert.ok(!html.includes('<img'));
    assert.match(html, /&lt;img src=x onerror=alert\(1\)&gt; \(ImmunoGen\)/);
    assert.match(html, /<style nonce="abc">/);
    assert.match(html, /script-src 'nonce-abc'/);
    const [deal] = dealTree(portfolio);
    // The headline first: a narrow sidebar cuts the title, never the figure.
    assert.deepEqual([deal.label, deal.description, deal.line], ['$36.5M · ImmunoGen / Biotest TAP license', undefined, lineOf(hostile, 'ImmunoGenBiotest2006')]);
    const labels = deal.children!.map((c) => `${c.kind} ${c.label}: ${c.description}`);
    assert.deepEqual(labels.slice(0, 4), [
      'party ImmunoGen: receives $36.5M · pays $0',
      'party Biotest: receives $0 · pays $36.5M',
      'payment Upfront: $1M · upfront',
      'payment development and commercial milestones: up to $35.5M · milestone',
    ]);
  });

  it('describes a deal by its headline as its headline line counts it (options included), as its hover does', () => {
    const portfolio = rollupPortfolio(inputs({ 'arcus.deal': example('arcus-gilead-2020.deal') }));
    const [deal] = dealTree(portfolio);
    // Committed 775M + options: TIGITReg 500M and three fee ranges' high ends, 3 × 275M.
    assert.equal(deal.label, '$2.1B · Gilead / Arcus 10-year option and co-development partnership');
    assert.equal(deal.tooltip, [
      'Gilead / Arcus 10-year option and co-development partnership (ArcusGilead2020)',
      'Headline $2,100,000,000 ($2.1B), as the headline line counts it',
      'Committed $775,000,000 + contingent $0',
    ].join('\n'));
  });

  it('says "By kind" once on the portfolio page (the section heading, no caption repeating it)', () => {
    const html = renderPortfolioHtml(rollupPortfolio(inputs(examples)), { cspNonce: 'n', cspSource: 'vscode-resource:' });
    assert.equal(html.split('By kind').length - 1, 1);
    assert.match(html, /<h2>By kind<\/h2>/);
  });
});
