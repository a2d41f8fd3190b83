// The portfolio to the cent and its counterparties by identity: a deal converted through an
// inverse rate shows cents, not sixty digits; every total is the sum of the rows shown, in the
// JSON, the page, the Markdown and the Deals view alike; a programme counted twice counts twice;
// parties of different deals are one counterparty only by the same full name or ticker.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { analyzeDealText } from '../../server/src/document/analyze';
import { Money, sum } from '../../server/src/model/money';
import { rollupPortfolio, type PortfolioInput } from '../../server/src/engine/portfolio';
import { dealTree, portfolioJson, type FlowJson } from '../../server/src/exports/portfolio-json';
import { renderPortfolioHtml, renderPortfolioMarkdown } from '../../server/src/exports/portfolio';

const folder = new URL('../../examples/', import.meta.url);
const example = (name: string) => readFileSync(new URL(name, folder), 'utf8');

function inputs(files: Record<string, string>): PortfolioInput[] {
  return Object.entries(files).flatMap(([name, text]) => {
    const document = analyzeDealText(text);
    assert.deepEqual(document.diagnostics.filter((d) => d.severity === 'error').map((d) => d.message), [], `${name} has no errors`);
    return document.deals.map((deal) => ({ uri: `file:///deals/${name}`, deal, lines: document.lines }));
  });
}

const allExamples = () => Object.fromEntries(readdirSync(folder).filter((f) => f.endsWith('.deal')).map((f) => [f, example(f)]));
const toCent = /^-?\d+(\.\d{1,2})?$/;
const added = (figures: string[]) => sum(figures.map((f) => new Money(f))).toFixed();
const flows = (f: FlowJson) => [f.committed, f.contingent, f.headline];

describe('portfolio to the cent', () => {
  it('converts AC Immune at 1 USD = 0.995 CHF to the cent: 1,899,246,231.16, not 1,899,246,231.1557788944…', () => {
    const json = portfolioJson(rollupPortfolio(inputs(allExamples())));
    const ac = json.deals.find((d) => d.id === 'ACImmuneLilly2018')!;
    // 129,750,000 / 0.995 = 130,402,010.0502…; 1,760,000,000 / 0.995 = 1,768,844,221.1055…
    assert.deepEqual(ac.reported, { committed: '130402010.05', contingent: '1768844221.11', headline: '1899246231.16' });
    assert.deepEqual(flows(json.totals), ['2356402010.05', '15566844221.11', '17923246231.16']);
    const figures = [
      ...flows(json.totals), ...json.byKind.map((k) => k.amount),
      ...json.counterparties.flatMap((p) => [...flows(p.receives), ...flows(p.pays), ...flows(p.net)]),
      ...json.deals.flatMap((d) => [d.committed, d.contingent, d.headline, ...(d.reported ? flows(d.reported) : [])]),
    ];
    for (const figure of figures) assert.match(figure, toCent);
  });

  it('adds up: the totals are the sums of the deal rows, of the kinds, and of what counterparties receive', () => {
    const json = portfolioJson(rollupPortfolio(inputs(allExamples())));
    const counted = json.deals.filter((d) => d.reported);
    assert.equal(added(counted.map((d) => d.reported!.committed)), json.totals.committed);
    assert.equal(added(counted.map((d) => d.reported!.contingent)), json.totals.contingent);
    assert.equal(added(counted.map((d) => d.reported!.headline)), json.totals.headline);
    assert.equal(added(json.byKind.map((k) => k.amount)), json.totals.headline);
    assert.equal(added(json.counterparties.map((p) => p.receives.headline)), json.totals.headline);
    assert.equal(added(json.counterparties.map((p) => p.pays.headline)), json.totals.headline);
    assert.equal(added(json.counterparties.map((p) => p.receives.committed)), json.totals.committed);
    assert.equal(added(json.counterparties.map((p) => p.pays.contingent)), json.totals.contingent);
  });

  it('counts a programme of count 2 twice, as the deal does: Kestrel is 400,000,000 contingent, 900,000,000 headline', () => {
    const json = portfolioJson(rollupPortfolio(inputs({ 'kestrel.deal': example('kestrel-norland-2025.deal') })));
    assert.deepEqual(json.deals.map((d) => [d.contingent, d.headline, d.reported?.contingent]), [['400000000', '900000000', '400000000']]);
    assert.deepEqual(json.byKind.find((k) => k.kind === 'milestone')?.amount, '400000000');
    const html = renderPortfolioHtml(rollupPortfolio(inputs({ 'kestrel.deal': example('kestrel-norland-2025.deal') })));
    assert.match(html, /\$400,000,000 \(\$400M\)/);
  });

  it('shows the same cents on the page, in the Markdown and in the Deals view', () => {
    const portfolio = rollupPortfolio(inputs({ 'ac.deal': example('ac-immune-lilly-2018.deal') }));
    assert.match(renderPortfolioHtml(portfolio), /<div class="value">\$1,899,246,231\.16 \(\$1\.899B\)<\/div>/);
    assert.match(renderPortfolioMarkdown(portfolio), /\| \$1,899,246,231\.16 \(\$1\.899B\) \| \$130,402,010\.05 \(\$130\.402M\) \| \$1,768,844,221\.11 \(\$1\.769B\) \| 1 \|/);
    // The Deals view: the headline first in the label, the converted figure as the description.
    assert.match(dealTree(portfolio)[0].label, /^CHF 1\.89B · /);
    assert.equal(dealTree(portfolio)[0].description, '$1.899B');
  });
});

describe('counterparties by identity', () => {
  const seed = example('immunogen-biotest-2006.deal');
  /** The seed with its licensee named `id "title"` and, if given, a ticker. */
  const licensee = (id: string, title: string, ticker?: string) => seed
    .replace('party Biotest "Biotest AG" { role licensee  country DE }', `party ${id} "${title}" { role licensee${ticker ? `  ticker "${ticker}"` : ''}  country FR }`)
    .replace(/\bBiotest\b(?! TAP)(?!AG)/g, id)
    .replace('deal ImmunoGenBiotest2006', `deal ImmunoGen${title.replace(/\W/g, '')}`);

  it('keeps "Ipsen S.A." and "Ipsen Pharma SAS" apart though both deals call them Ipsen', () => {
    const json = portfolioJson(rollupPortfolio(inputs({ 'genfit.deal': licensee('Ipsen', 'Ipsen S.A.'), 'other.deal': licensee('Ipsen', 'Ipsen Pharma SAS') })));
    const ipsen = json.counterparties.filter((p) => p.name === 'Ipsen').map((p) => [p.title, p.deals, p.pays.headline]);
    assert.deepEqual(ipsen, [['Ipsen Pharma SAS', 1, '36500000'], ['Ipsen S.A.', 1, '36500000']]);
    // The seed's ImmunoGen is the same company in both deals (same full name): one counterparty.
    assert.deepEqual(json.counterparties.filter((p) => p.name === 'ImmunoGen').map((p) => [p.deals, p.receives.headline]), [[2, '73000000']]);
    assert.match(renderPortfolioMarkdown(rollupPortfolio(inputs({ 'a.deal': licensee('Ipsen', 'Ipsen S.A.'), 'b.deal': licensee('Ipsen', 'Ipsen Pharma SAS') }))),
      /\| Ipsen Pharma SAS \(Ipsen\) \| 1 \|[^\n]*\n\| Ipsen S\.A\. \(Ipsen\) \| 1 \|/);
  });

  it('links parties by the same ticker, or by the same full name written with other case and spacing, whatever their ids', () => {
    const byTicker = portfolioJson(rollupPortfolio(inputs({
      'genfit.deal': licensee('Ipsen', 'Ipsen S.A.', 'EPA:IPN'), 'other.deal': licensee('IpsenPharma', 'Ipsen Pharma SAS', 'epa:ipn'),
    })));
    assert.deepEqual(byTicker.counterparties.filter((p) => p.ticker).map((p) => [p.name, p.title, p.ids, p.deals, p.pays.headline]),
      [['ImmunoGen', 'ImmunoGen, Inc.', undefined, 2, '0'], ['Ipsen', 'Ipsen S.A.', ['Ipsen', 'IpsenPharma'], 2, '73000000']]);
    const byName = portfolioJson(rollupPortfolio(inputs({ 'a.deal': licensee('Ipsen', 'Ipsen S.A.'), 'b.deal': licensee('IPSEN', 'ipsen  s.a.') })));
    assert.deepEqual(byName.counterparties.filter((p) => /ipsen/i.test(p.name)).map((p) => [p.name, p.ids, p.deals]), [['Ipsen', ['Ipsen', 'IPSEN'], 2]]);
  });
});
