// The term sheet beyond its tables: the scenario charts (inline SVG), the source links the
// editor's preview uses, the status bar headline, the preview's script and its message checks,
// and every export format of both examples agreeing with the rollup JSON.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import Decimal from 'decimal.js';
import { analyzeDealText } from '../../server/src/document/analyze';
import { Money } from '../../server/src/model/money';
import { dealHeadlines, renderCsv, renderHtml, renderJson, renderMarkdown } from '../../server/src/exports';
import { ticks } from '../../server/src/exports/svg-charts';
import { parsePreviewMessage, withPreviewScript } from '../../client/src/preview-script';

const source = (name: string) => readFileSync(new URL(`../../examples/${name}.deal`, import.meta.url), 'utf8');
const examples = ['immunogen-biotest-2006', 'acme-globex-2024'].map((name) => ({ name, text: source(name), doc: analyzeDealText(source(name)) }));
const [immunogen, acme] = examples;

/** The 0-based line of the example holding `text`. */
const lineOf = (text: string, needle: string) => text.split(/\r?\n/).findIndex((l) => l.includes(needle));

const charts = (html: string) => [...html.matchAll(/<svg class="chart".*?<\/svg>/g)].map((m) => m[0]);
const titles = (svg: string) => [...svg.matchAll(/<title>(.*?)<\/title>/g)].map((m) => m[1]);

describe('scenario charts', () => {
  const success = charts(renderHtml(acme.doc, { scenario: 'Success' }));

  it('draws each party\'s cumulative net position, ending at its scenario net', () => {
    const line = success[0];
    assert.equal(titles(line)[0], 'Cumulative net position per party, 2024 to 2033');
    // Ten years (2024–2033) per party, a point each; the last points are the scenario's nets.
    assert.equal((line.match(/<circle/g) ?? []).length, 20);
    assert.ok(titles(line).includes('Acme Bio, Inc., end of 2033: $607,500,000 ($607.5M)'));
    assert.ok(titles(line).includes('Globex Pharma AG, end of 2033: -$607,500,000 (-$607.5M)'));
    assert.equal((line.match(/<polyline class="line p\d"/g) ?? []).length, 2);
  });

  it('stacks each year\'s payments by kind, one segment per kind paid that year', () => {
    const bars = success[1];
    assert.equal(titles(bars)[0], 'Payments per year by kind, 2024 to 2033');
    const segments = titles(bars).slice(1);
    assert.ok(segments.includes('2033, Sales milestones: $92,500,000 ($92.5M)'));
    assert.ok(segments.includes('2033, Royalties: $124,000,000 ($124M)'));
    // The 2033 segments add up to the year's row of the schedule ($216.5M).
    const of2033 = segments.filter((t) => t.startsWith('2033, ')).map((t) => new Money(t.match(/: \$([\d,]+)/)![1].replace(/,/g, '')));
    assert.equal(of2033.reduce((a, b) => a.plus(b), new Money(0)).toFixed(), '216500000');
    assert.equal((bars.match(/<rect class="bar k-[a-z-]+"/g) ?? []).length, segments.length);
  });

  it('draws the payments with no year as a column of their own, and one year as bars', () => {
    const html = renderHtml(immunogen.doc, { scenario: 'Partnered' });
    assert.match(html, /<p class="note">Payments with no year, \$35,500,000 \(\$35\.5M\), are the last column of the bars; the cumulative positions leave them out\.<\/p>/);
    const [cumulative, bars] = charts(html);
    // One dated year: a bar per party, not a line of one point.
    assert.equal(titles(cumulative)[0], 'Cumulative net position per party, in 2006');
    assert.equal((cumulative.match(/<polyline/g) ?? []).length, 0);
    assert.deepEqual(titles(cumulative).slice(1), ['ImmunoGen, Inc., end of 2006: $1,000,000 ($1M)', 'Biotest AG, end of 2006: -$1,000,000 (-$1M)']);
    assert.equal((cumulative.match(/<rect class="bar p\d"/g) ?? []).length, 2);
    // The unscheduled milestones are a column of their own, `no year`, with a legend entry.
    assert.equal(titles(bars)[0], 'Payments per year by kind, in 2006, and those with no year');
    assert.deepEqual(titles(bars).slice(1), ['2006, Upfront: $1,000,000 ($1M)', 'No year, Milestones: $35,500,000 ($35.5M)']);
    assert.match(bars, />no year<\/text>/);
    assert.match(html, /<ul class="legend"><li><span class="swatch k-upfront"><\/span>Upfront<\/li><li><span class="swatch k-milestone"><\/span>Milestones<\/li><\/ul><\/figure>/);
  });

  it('picks round ticks that cover the range', () => {
    assert.deepEqual(ticks(new Money(0), new Money('216500000')).map((t) => t.toFixed()),
      ['0', '50000000', '100000000', '150000000', '200000000', '250000000']);
    assert.deepEqual(ticks(new Money('-607500000'), new Money('607500000')).map((t) => t.toFixed()),
      ['-750000000', '-500000000', '-250000000', '0', '250000000', '500000000', '750000000']);
  });

  it('escapes names in the charts and writes no style attribute a strict policy would block', () => {
    const evil = analyzeDealText([
      'deal Evil "x" {',
      '  signed 2020-01-01',
      '  party A "<script>alert(1)</script>" licensor',
      '  party B "B & <i>Co</i>" licensee',
      '  payments from B to A { upfront 1M on signing }',
      '  scenario S "s" { reach approval }',
      '}',
    ].join('\n'));
    const html = renderHtml(evil);
    assert.ok(charts(html).length === 2);
    assert.match(html, /<title>&lt;script&gt;alert\(1\)&lt;\/script&gt;, end of 2020: \$1,000,000 \(\$1M\)<\/title>/);
    assert.match(html, /<li><span class="swatch p1"><\/span>B &amp; &lt;i&gt;Co&lt;\/i&gt;<\/li>/);
    for (const doc of [html, renderHtml(acme.doc), renderHtml(immunogen.doc, { sourceLinks: true })]) {
      assert.doesNotMatch(doc, /<script|\sstyle=|\son[a-z]+=/i);
    }
  });
});

describe('source links in the preview', () => {
  it('marks rows and headings with the line they come from', () => {
    const html = renderHtml(acme.doc, { sourceLinks: true });
    assert.match(html, /<main class="linked">/);
    const at = (needle: string) => lineOf(acme.text, needle);
    assert.ok(html.includes(`<h1 data-line="${at('deal AcmeGlobex2024')}">`));
    assert.match(html, new RegExp(`<tr data-line="${at('upfront 40M on signing')}"><td>Upfront</td>`));
    assert.match(html, new RegExp(`<tr data-line="${at('milestone Ph2')}"><td>first patient dosed in phase 2</td>`));
    assert.match(html, new RegExp(`<h3 data-line="${at('scenario Success "')}">Success: `));
  });

  it('links each problem to its line', () => {
    const text = immunogen.text.replace('payments from Biotest', 'payments from Biotes');
    const html = renderHtml(analyzeDealText(text), { sourceLinks: true });
    const line = lineOf(text, 'payments from Biotes');
    assert.match(html, new RegExp(`<a class="source-link" href="#" data-line="${line}">line ${line + 1}, column 17</a>: Unknown party &#39;Biotes&#39;`));
  });

  it('leaves the exported page free of links and line marks', () => {
    for (const { doc } of examples) assert.doesNotMatch(renderHtml(doc).replace(/<style>[^]*?<\/style>/, ''), /data-line|<a /);
  });
});

describe('the status bar headline', () => {
  it('gives each deal its short and full headline and the lines it spans', () => {
    assert.deepEqual(dealHeadlines(immunogen.doc), [{
      deal: 'ImmunoGenBiotest2006', title: 'ImmunoGen / Biotest TAP license', currency: 'USD',
      headline: '$36.5M', headlineFull: '$36,500,000 ($36.5M)', committed: '$1,000,000 ($1M)', contingent: '$35,500,000 ($35.5M)',
      startLine: lineOf(immunogen.text, 'deal ImmunoGenBiotest2006'), endLine: immunogen.text.trimEnd().split('\n').length - 1, errors: 0,
    }]);
    assert.equal(dealHeadlines(acme.doc)[0].headline, '$412.5M');
  });

  it('counts the errors that make the figures doubtful', () => {
    const broken = analyzeDealText(immunogen.text.replace('payments from Biotest', 'payments from Biotes'));
    assert.equal(dealHeadlines(broken)[0].errors, 1);
  });
});

describe('every format of both examples', () => {
  /** RFC 4180 rows as records. */
  function csvRecords(text: string): Record<string, string>[] {
    const rows: string[][] = [];
    let row: string[] = [], field = '', quoted = false;
    for (let i = 0; i < text.length; i++) {
      const c = text[i];
      if (quoted) {
        if (c === '"' && text[i + 1] === '"') { field += '"'; i++; } else if (c === '"') quoted = false; else field += c;
      } else if (c === '"') quoted = true;
      else if (c === ',') { row.push(field); field = ''; } else if (c === '\r' && text[i + 1] === '\n') { row.push(field); rows.push(row); row = []; field = ''; i++; } else field += c;
    }
    const [header, ...body] = rows;
    return body.map((r) => Object.fromEntries(header.map((h, i) => [h, r[i]])));
  }
  const sum = (rows: Record<string, string>[]) => rows.reduce((t, r) => t.plus(r.amount || 0), new Decimal(0)).toFixed();

  for (const { name, doc } of examples) {
    it(`${name}: the CSV schedule adds up to the rollup JSON, scenario by scenario, year by year and party by party`, () => {
      const json = JSON.parse(renderJson(doc)).deals[0];
      const rows = csvRecords(renderCsv(doc));
      const terms = rows.filter((r) => r.scenario === '' && ['upfront', 'fee', 'equity', 'funding', 'milestone', 'sales-milestone'].includes(r.kind));
      assert.equal(sum(terms), json.totals.headline);
      for (const [id, scenario] of Object.entries<{ total: string; byYear: Record<string, string>; parties: Record<string, { receives: string; pays: string }> }>(json.scenarios)) {
        const mine = rows.filter((r) => r.scenario === id);
        assert.equal(sum(mine), scenario.total, id);
        for (const [year, amount] of Object.entries(scenario.byYear)) {
          assert.equal(sum(mine.filter((r) => (r.year || 'unscheduled') === year)), amount, `${id} ${year}`);
        }
        for (const [party, position] of Object.entries(scenario.parties)) {
          assert.equal(sum(mine.filter((r) => r.payee === party)), position.receives, `${id} ${party} receives`);
          assert.equal(sum(mine.filter((r) => r.payer === party)), position.pays, `${id} ${party} pays`);
        }
      }
    });

    it(`${name}: the Markdown and HTML carry the headline and every scenario`, () => {
      const json = JSON.parse(renderJson(doc)).deals[0];
      const md = renderMarkdown(doc);
      const html = renderHtml(doc);
      const headline = dealHeadlines(doc)[0].headlineFull;
      assert.ok(md.includes(`| ${headline} |`), 'the Markdown summary row');
      assert.ok(html.includes(`<div class="value">${headline}</div>`));
      for (const id of Object.keys(json.scenarios)) {
        assert.match(md, new RegExp(`^### ${id}`, 'm'));
        assert.match(html, new RegExp(`<h3>${id}: `));
      }
    });
  }
});

describe('the preview script', () => {
  it('accepts only the messages the webview sends', () => {
    assert.deepEqual(parsePreviewMessage({ type: 'reveal', line: 32 }), { type: 'reveal', line: 32 });
    assert.deepEqual(parsePreviewMessage({ type: 'ready' }), { type: 'ready' });
    for (const bad of [null, 'reveal', { type: 'reveal', line: -1 }, { type: 'reveal', line: 1.5 }, { type: 'reveal', line: '3' },
      { type: 'reveal' }, { type: 'ready', html: '<b>' }, { type: 'update', html: '' }, { type: 'reveal', line: Number.MAX_VALUE }]) {
      assert.equal(parsePreviewMessage(bad), undefined, JSON.stringify(bad));
    }
  });

  it('is added under the page\'s nonce, before </body>, with the source escaped', () => {
    const page = renderHtml(immunogen.doc, { cspNonce: 'n0nce', sourceLinks: true });
    const withScript = withPreviewScript(page, 'n0nce', 'file:///a"b<c>.deal');
    assert.match(withScript, /<script nonce="n0nce" data-source="file:\/\/\/a&#34;b&#60;c&#62;\.deal">\(\(\) => \{/);
    assert.match(withScript, /<\/script>\n<\/body>\n<\/html>\n$/);
    assert.ok(withScript.includes("script-src 'nonce-n0nce'"));
    assert.equal((withScript.match(/<script/g) ?? []).length, 1);
    assert.doesNotMatch(withScript, /\beval\(|new Function|innerHTML\s*=/);
  });
});
