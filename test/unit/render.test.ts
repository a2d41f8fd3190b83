import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import Decimal from 'decimal.js';
import { analyzeDealText } from '../../server/src/document/analyze';
import { renderCsv, renderHtml, renderJson, renderMarkdown } from '../../server/src/exports';
import { csvField } from '../../server/src/exports/csv';
import { esc } from '../../server/src/exports/html-kit';
import { plainCells } from './plain-cells';

const example = (name: string) => analyzeDealText(readFileSync(new URL(`../../examples/${name}.deal`, import.meta.url), 'utf8'));
const immunogen = example('immunogen-biotest-2006');
const acme = example('acme-globex-2024');

const malicious = analyzeDealText([
  'deal Evil "<img src=x onerror=alert(1)>" {',
  '  source "</style><script>alert(2)</script>"',
  '  party A "A & Sons | \\"Quoted\\", Inc." licensor',
  '  party B "<b>B</b>" licensee',
  '  payments from B to A {',
  '    upfront Up "fee, with comma" 1M on signing',
  '  }',
  '}',
].join('\n'));

/** RFC 4180 reader: quoted fields may hold commas, quotes ("") and line breaks. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { field += '"'; i++; }
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') { row.push(field); field = ''; }
    else if (c === '\r' && text[i + 1] === '\n') { row.push(field); rows.push(row); row = []; field = ''; i++; }
    else field += c;
  }
  assert.equal(field + row.join(''), '', 'the CSV ends with CRLF');
  return rows;
}

function csvRecords(text: string): Record<string, string>[] {
  const [header, ...rows] = parseCsv(text);
  return rows.map((row) => Object.fromEntries(header.map((h, i) => [h, row[i]])));
}

const total = (rows: Record<string, string>[]) => rows.reduce((sum, r) => sum.plus(r.amount || 0), new Decimal(0)).toFixed();

describe('renderHtml', () => {
  it('shows the title block, totals, parties and scenarios of the ImmunoGen deal', () => {
    const html = plainCells(renderHtml(immunogen));
    assert.match(html, /<h1>ImmunoGen \/ Biotest TAP license<\/h1>/);
    assert.match(html, /<dt>Signed<\/dt><dd>2006-07-07<\/dd>/);
    assert.match(html, /<dt>Source<\/dt><dd>ImmunoGen, Inc\. Form 8-K, Item 1\.01<\/dd>/);
    assert.match(html, /<div class="label">Headline value<\/div><div class="value">\$36,500,000 \(\$36\.5M\)<\/div>/);
    assert.match(html, /<div class="label">Committed<\/div><div class="value">\$1,000,000 \(\$1M\)<\/div>/);
    assert.match(html, /<strong>ImmunoGen, Inc\.<\/strong><span class="role">Licensor<\/span>/);
    // The opt-in: a fee range, and the scenario where ImmunoGen pays $5M.
    assert.match(html, /<dt>Exercise fee<\/dt><dd>\$5,000,000 \(\$5M\) to \$15,000,000 \(\$15M\)<\/dd>/);
    assert.match(html, /<td>ImmunoGen, Inc\.<\/td><td class="num">\$1,000,000 \(\$1M\)<\/td><td class="num">\$5,000,000 \(\$5M\)<\/td><td class="num"><span class="neg">-\$4,000,000 \(-\$4M\)<\/span><\/td>/);
    // The milestone group: nothing itemized, the whole cap is the undisclosed rest.
    assert.match(html, /<tr class="rest"><td>Undisclosed rest<\/td><td>approval<\/td>.*?<td class="num">\$35,500,000 \(\$35\.5M\)<\/td><\/tr>/);
  });

  it('itemizes milestone groups, converts other currencies and lays out the royalty tiers', () => {
    const html = plainCells(renderHtml(acme));
    assert.match(html, /<td>first patient dosed in phase 2<\/td><td>phase2<\/td><td>2026<\/td><td><\/td><td class="num">€10,000,000<\/td><td class="num">\$11,000,000 \(\$11M\)<\/td>/);
    assert.match(html, /<td>Undisclosed rest<\/td><td>phase3<\/td>.*?\$79,000,000 \(\$79M\)/);
    assert.match(html, /<td>\$250,000,000 \(\$250M\) to \$750,000,000 \(\$750M\)<\/td><td class="num">10%<\/td>/);
    // The schedule by year of the Success scenario, and its total.
    assert.match(html, /<tr><td>2033<\/td>(<td class="num">[^<]*<\/td>){5}<td class="num">\$216,500,000<\/td><\/tr>/);
    assert.match(html, /<td class="num">\$607,500,000<\/td><\/tr><\/tfoot>/);
    // The cap-remainder note comes first, before any figure.
    assert.ok(html.indexOf('class="diagnostics"') < html.indexOf('<h1>'));
    assert.match(html, /<span class="sev-info">info<\/span> line 31, column 16: Itemized milestones total/);
  });

  it('escapes every string from the file and carries no script or remote resource', () => {
    const html = renderHtml(malicious);
    assert.match(html, /<title>&lt;img src=x onerror=alert\(1\)&gt;<\/title>/);
    assert.match(html, /<h1>&lt;img src=x onerror=alert\(1\)&gt;<\/h1>/);
    assert.match(html, /&lt;\/style&gt;&lt;script&gt;alert\(2\)&lt;\/script&gt;/);
    assert.match(html, /A &amp; Sons \| &quot;Quoted&quot;, Inc\./);
    assert.doesNotMatch(html, /<img|<script|<b>|onerror=alert\(1\)>/);
    for (const doc of [html, renderHtml(acme), renderHtml(immunogen)]) {
      assert.doesNotMatch(doc, /<script|<link|<iframe|<img|<[a-z]+[^>]*\s(src|href)=|https?:\/\//i);
    }
  });

  it('writes a Content-Security-Policy and nonces the style for a webview', () => {
    const html = renderHtml(immunogen, { cspNonce: 'abc123', cspSource: 'vscode-resource:' });
    assert.ok(html.includes(`<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src vscode-resource: 'nonce-abc123'; img-src vscode-resource: data:; script-src 'nonce-abc123';">`));
    assert.match(html, /<style nonce="abc123">/);
    // An export has no nonce; its own policy keeps it inert wherever it is opened.
    assert.doesNotMatch(renderHtml(immunogen), /nonce=/);
    assert.ok(renderHtml(immunogen).includes(`<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'">`));
  });

  it('gives the style and body alone when not standalone, and one scenario when asked', () => {
    const fragment = renderHtml(immunogen, { standalone: false });
    assert.match(fragment, /^<style>/);
    assert.doesNotMatch(fragment, /<!DOCTYPE|<html/);
    const one = renderHtml(immunogen, { scenario: 'StopsInPhase2' });
    assert.match(one, /<h3>StopsInPhase2: programme ends in phase 2<\/h3>/);
    assert.doesNotMatch(one, /<h3>Partnered:/);
  });

  it('uses theme colours with fallbacks and has print rules', () => {
    const html = plainCells(renderHtml(acme));
    assert.match(html, /var\(--vscode-editor-foreground, #[0-9a-f]{6}\)/);
    assert.match(html, /@media print/);
  });

  it('escapes helper input', () => {
    assert.equal(esc(`<a href="x">'&'</a>`), '&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
  });
});

describe('renderMarkdown', () => {
  it('gives tables a memo can hold', () => {
    const md = renderMarkdown(acme);
    assert.match(md, /^\| \$412,500,000 \(\$412\.5M\) \| \$50,000,000 \(\$50M\) \| \$362,500,000 \(\$362\.5M\) \|$/m);
    assert.match(md, /^\| Sales milestones \| \$142,500,000 \(\$142\.5M\) \|$/m);
    assert.match(md, /^\| Undisclosed rest \| phase3 \|  \| \$79,000,000 \(\$79M\) \|$/m);
    assert.match(md, /^\| 2033 \| \$216,500,000 \(\$216\.5M\) \|$/m);
  });

  it('escapes Markdown in names and titles', () => {
    const md = renderMarkdown(malicious);
    assert.match(md, /^# \\<img src=x onerror=alert\(1\)\\>$/m);
    assert.ok(md.includes('A & Sons \\| "Quoted", Inc.'));
    assert.doesNotMatch(md, /(^|[^\\])<(img|b)/m, 'every < is escaped');
  });

  it('writes bare links and addresses in titles as code, which no Markdown reader makes a link of', () => {
    const md = renderMarkdown(analyzeDealText([
      'deal D "See https://evil.example/x, www.evil.example or press@evil.example" {',
      '  party A "Alpha (http://a.example)" licensor',
      '  party B "Beta" licensee',
      '  payments from B to A { upfront Up "fee //evil.example" 1M }',
      '}',
    ].join('\n')));
    assert.match(md, /^# See `https:\/\/evil\.example\/x,` `www\.evil\.example` or `press@evil\.example`$/m);
    assert.match(md, /^\| Parties \| Alpha `\(http:\/\/a\.example\)` \(Licensor\); Beta \(Licensee\) \|$/m);
    assert.match(md, /^\| Upfront \| fee `\/\/evil\.example` \| /m);
  });
});

describe('renderCsv', () => {
  it('lists the deal terms and each scenario, adding up to the rollup totals', () => {
    const rows = csvRecords(renderCsv(acme));
    const deal = rows.filter((r) => r.scenario === '');
    const counted = deal.filter((r) => ['upfront', 'fee', 'equity', 'funding', 'milestone', 'sales-milestone'].includes(r.kind));
    assert.equal(total(counted), '412500000');
    const success = rows.filter((r) => r.scenario === 'Success');
    assert.equal(total(success), '607500000');
    assert.equal(total(success.filter((r) => r.year === '2032')), '105000000');
    assert.equal(total(success.filter((r) => r.kind === 'royalty')), '195000000');
    const ph2 = deal.find((r) => r.name === 'first patient dosed in phase 2')!;
    assert.deepEqual([ph2.year, ph2.amount, ph2.currency, ph2.original_amount, ph2.original_currency], ['2026', '11000000', 'USD', '10000000', 'EUR']);
    assert.ok(deal.some((r) => r.name === 'development milestones (undisclosed rest)' && r.amount === '79000000'));
  });

  it('keeps only one scenario when asked', () => {
    const rows = csvRecords(renderCsv(immunogen, { scenario: 'OptInAtPhase2' }));
    assert.deepEqual([...new Set(rows.map((r) => r.scenario))], ['OptInAtPhase2']);
    assert.equal(total(rows), '6000000');
    assert.ok(rows.some((r) => r.kind === 'option-fee' && r.payer === 'ImmunoGen' && r.payee === 'Biotest' && r.amount === '5000000'));
  });

  it('quotes fields as RFC 4180 says, and reads back the same', () => {
    assert.equal(csvField('a "b", c'), '"a ""b"", c"');
    assert.equal(csvField('plain'), 'plain');
    const rows = csvRecords(renderCsv(malicious));
    assert.equal(rows[0].name, 'fee, with comma');
    assert.equal(rows[0].amount, '1000000');
  });
});

describe('renderCsv and formulas in the text', () => {
  // Text a spreadsheet would run as a formula, in every string of a deal (OWASP's payloads).
  const link = '=HYPERLINK("http://evil.example","click")';
  const command = "=cmd|' /C calc'!A0";
  const quoted = (s: string) => `"${s.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
  const injected = analyzeDealText([
    `deal Evil ${quoted(link)} {`,
    `  source ${quoted(command)}`,
    `  party A ${quoted('+A & Sons')} licensor`,
    `  party B ${quoted('@B')} licensee`,
    `  license L ${quoted('-licence')} { from A to B  field ${quoted('=field')} }`,
    '  payments from B to A {',
    `    upfront Up ${quoted(link)} 1M on signing`,
    `    fee Access ${quoted(command)} 2M on 2025-01-15`,
    `    milestones Dev ${quoted('+1+1')} up to 30M by phase3 {`,
    `      milestone M1 ${quoted('-2+3')} 5M at phase1 expected 2026`,
    `      milestone M2 ${quoted('@SUM(A1:A9)')} 5M at phase2 expected 2027`,
    '    }',
    `    milestone Approval ${quoted('\t=1+1')} 10M at approval`,
    `    sales milestone S1 ${quoted('=1+2')} 25M when annual net_sales reach 1B`,
    `    royalty R ${quoted('=roy()')} 5% on net_sales`,
    `    funding F ${quoted('-fte')} 1M per year for 2 years`,
    `    equity E ${quoted('+eq')} 3M on signing`,
    '  }',
    `  option O ${quoted('=opt()')} { holder A  exercise at phase2 fee 5M }`,
    `  scenario S ${quoted('=scen()')} { timeline { phase1 2026 phase2 2027 phase3 2028 approval 2030 } reach approval sales { 2031: 100M } }`,
    '}',
  ].join('\n'));

  it('keeps every formula as text: a quote before it, read back as written', () => {
    const text = renderCsv(injected);
    const rows = parseCsv(text);
    for (const cell of rows.flat()) {
      assert.ok(!/^[=+\-@\t\r]/.test(cell) || /^-?\d+(\.\d+)?$/.test(cell), `a cell a spreadsheet would run: ${JSON.stringify(cell)}`);
    }
    const deal = csvRecords(text).filter((r) => r.scenario === '');
    assert.deepEqual(deal.map((r) => [r.kind, r.name, r.amount]), [
      ['upfront', `'${link}`, '1000000'],
      ['fee', `'${command}`, '2000000'],
      ['milestone', "'-2+3", '5000000'],
      ['milestone', "'@SUM(A1:A9)", '5000000'],
      ['milestone', "'+1+1 (undisclosed rest)", '20000000'],
      ['milestone', "'\t=1+1", '10000000'],
      ['sales-milestone', "'=1+2", '25000000'],
      ['royalty', "'=roy()", ''],
      ['funding', "'-fte (1 of 2)", '1000000'],
      ['funding', "'-fte (2 of 2)", '1000000'],
      ['equity', "'+eq", '3000000'],
    ]);
    // Each such field is quoted, so the quote and the text stay one cell in any spreadsheet.
    assert.ok(text.includes(`,"'=HYPERLINK(""http://evil.example"",""click"")",`));
    assert.ok(text.includes(`,"'=cmd|' /C calc'!A0",`));
  });

  it('leaves numbers as numbers, a negative amount included', () => {
    assert.equal(csvField('-5000000'), '-5000000');
    assert.equal(csvField('-1250000.50'), '-1250000.50');
    assert.equal(csvField('5000000'), '5000000');
    assert.equal(csvField('-5000000+1'), `"'-5000000+1"`);
    // A carriage return is shown as its mark, as every output shows control characters.
    assert.equal(csvField('\r=1+1'), `"'\\x0d=1+1"`);
    assert.equal(csvField('@A1'), `"'@A1"`);
    assert.equal(csvField('a=1'), 'a=1');
  });
});

describe('renderJson', () => {
  it('is the rollup JSON', () => {
    const json = JSON.parse(renderJson(acme));
    assert.equal(json.deals[0].scenarios.Success.byKind.royalty, '195000000');
  });
});
