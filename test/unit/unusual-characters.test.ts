// Text that is not what it seems: control characters a terminal obeys (erase a line, ring,
// set the window title) and invisible characters that reorder or hide text ("trojan source").
// The checker points at each one, and every output shows it as a visible mark (`\x1b`,
// `<U+202E>`), never raw. This file spells every such character as an escape, never raw.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyzeDealText } from '../../server/src/document/analyze';
import { doComplete } from '../../server/src/features/completion';
import { doHover } from '../../server/src/features/hover';
import { rollupPortfolio } from '../../server/src/engine/portfolio';
import { dealTree } from '../../server/src/exports/portfolio-json';
import { dealHeadlines, renderDocument } from '../../server/src/exports';
import { diagnosticsOf } from './helpers';

const ESC = '\x1b';
const BEL = '\x07';
const RLO = '\u202e';
const PDF = '\u202c';
const ZWSP = '\u200b';

/** Any raw control (but tab, line ends) or invisible character. */
const raw = /[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u061c\u200b-\u200f\u2028-\u202e\u2060\u2066-\u2069\ufeff]/;

/** A clean deal with the given title; `more` adds declarations inside it. */
const deal = (title: string, more = '') => `deal D "${title}" {
  signed 2006-07-07
  party A "Alpha" licensor
  party B "Beta" licensee
  payments from B to A { upfront 1M on signing }
${more}}
`;

describe('control-character', () => {
  it('points at an escape in the deal title and names it', () => {
    const { found, ranges } = diagnosticsOf(deal(`Evil «${ESC}»[2K Corp`));
    assert.deepEqual(found, [{
      code: 'control-character', severity: 'warning', range: ranges[0],
      message: 'The title holds a control character (\\x1b, escape); remove it.',
    }]);
  });

  it('names the text that holds it and each character, one diagnostic per character', () => {
    const { found, ranges } = diagnosticsOf(deal('D', `  source "8-K«${BEL}»"
  party C "C" { role investor ticker "«\x00»X«\x7f»" }
  payments from B to C { fee F "«\x9b»fee" 1M on signing }
`));
    assert.deepEqual(found.map((d) => [d.code, d.range, d.message]), [
      ['control-character', ranges[0], 'The source holds a control character (\\x07, bell); remove it.'],
      ['control-character', ranges[1], 'The ticker holds a control character (\\x00, null); remove it.'],
      ['control-character', ranges[2], 'The ticker holds a control character (\\x7f, delete); remove it.'],
      ['control-character', ranges[3], 'The title holds a control character (\\x9b, control sequence introducer); remove it.'],
    ]);
  });

  it('a tab inside a string is fine', () => {
    assert.deepEqual(diagnosticsOf(deal('Alpha\tBeta')).found, []);
  });

  it('points at a control character in a comment', () => {
    const { found, ranges } = diagnosticsOf(`// notes «${ESC}»]0;title${BEL}\n${deal('D')}`);
    assert.deepEqual(found.map((d) => [d.code, d.range, d.message]), [
      ['control-character', ranges[0], 'This comment holds a control character (\\x1b, escape); remove it.'],
      ['control-character', '1:19-1:20', 'This comment holds a control character (\\x07, bell); remove it.'],
    ]);
  });

  it('lists at most 100 in one file, the last saying how many more there are', () => {
    const found = analyzeDealText(deal(ESC.repeat(150))).diagnostics;
    assert.equal(found.length, 100);
    assert.equal(found[99].message, 'The title holds a control character (\\x1b, escape); remove it. 50 more such characters in this file are not listed.');
  });
});

describe('invisible-character', () => {
  it('warns at a right-to-left override in a title, as compilers do for trojan source', () => {
    const { found, ranges } = diagnosticsOf(deal(`Evil «${RLO}»gnp.exe«${PDF}» Corp`));
    assert.deepEqual(found, [{
      code: 'invisible-character', severity: 'warning', range: ranges[0],
      message: 'The title holds an invisible character that reorders the text on screen (<U+202E>, right-to-left override); remove it.',
    }, {
      code: 'invisible-character', severity: 'warning', range: ranges[1],
      message: 'The title holds an invisible character that reorders the text on screen (<U+202C>, pop directional formatting); remove it.',
    }]);
  });

  it('warns at zero-width characters and isolates, in any string and in comments', () => {
    const { found, ranges } = diagnosticsOf(deal('D', `  license L { from A to B territory "US«${ZWSP}»" indications "«\u2066»x«\u2069»" }
  /* a block «\u061c» comment */ // and a line «\u2060» comment
`));
    assert.deepEqual(found.map((d) => [d.code, d.range, d.message]), [
      ['invisible-character', ranges[0], 'The territory holds an invisible character (<U+200B>, zero-width space); remove it.'],
      ['invisible-character', ranges[1], 'The indication holds an invisible character that reorders the text on screen (<U+2066>, left-to-right isolate); remove it.'],
      ['invisible-character', ranges[2], 'The indication holds an invisible character that reorders the text on screen (<U+2069>, pop directional isolate); remove it.'],
      ['invisible-character', ranges[3], 'This comment holds an invisible character that reorders the text on screen (<U+061C>, Arabic letter mark); remove it.'],
      ['invisible-character', ranges[4], 'This comment holds an invisible character (<U+2060>, word joiner); remove it.'],
    ]);
  });

  it('a byte-order mark at the start is no text; one further on is an invisible character', () => {
    assert.deepEqual(diagnosticsOf(`\ufeff${deal('D')}`).found, []);
    const { found, ranges } = diagnosticsOf(deal('D', '  currency«\ufeff» USD\n'));
    assert.deepEqual(found.map((d) => [d.code, d.range, d.message]), [
      ['invisible-character', ranges[0], 'An invisible character (<U+FEFF>, zero-width no-break space) stands here between terms; remove it.'],
    ]);
  });

  it('warns at a line separator inside a string', () => {
    const { found, ranges } = diagnosticsOf(deal(`Evil«\u2028»Corp`));
    assert.deepEqual(found.map((d) => [d.code, d.range, d.message]), [
      ['invisible-character', ranges[0], 'The title holds an invisible line break (<U+2028>, line separator); remove it.'],
    ]);
  });
});

describe('outside strings and comments', () => {
  it('a control or invisible character among the terms is a syntax error that shows it as a mark', () => {
    const { found, ranges } = diagnosticsOf(deal('D', `  currency USD «${ESC}»
  «${RLO}»
`));
    assert.deepEqual(found.map((d) => [d.code, d.range, d.message]), [
      ['syntax-error', ranges[0], 'Unexpected character "\\x1b": not part of the deal language.'],
      ['syntax-error', ranges[1], 'Unexpected character "<U+202E>": not part of the deal language.'],
    ]);
  });
});

describe('the characters show as visible marks in every output', () => {
  const text = deal(`Evil ${ESC}[2K${BEL} Corp ${RLO}gnp.exe${PDF}`, `  scenario S "S${ZWSP}" { reach approval }\n`);
  const document = analyzeDealText(text);

  it('hover: escaped and marked, nothing raw', () => {
    const markdown = doHover(document, 'deal D'.length - 1)!.markdown;
    assert.ok(markdown.includes('**Deal D** — Evil \\\\x1b\\[2K\\\\x07 Corp \\<U+202E\\>gnp.exe\\<U+202C\\>'), markdown);
    assert.doesNotMatch(markdown, raw);
  });

  it('Markdown export: escaped and marked, the diagnostics too, nothing raw', () => {
    const md = renderDocument(document, 'md', {});
    assert.match(md, /^# Evil \\\\x1b\\\[2K\\\\x07 Corp \\<U\+202E\\>gnp\.exe\\<U\+202C\\>$/m);
    assert.ok(md.includes('The title holds a control character (\\\\x1b, escape); remove it.'), md);
    assert.doesNotMatch(md, raw);
  });

  it('Markdown: an entity is text, never the character it names', () => {
    const md = renderDocument(analyzeDealText(deal('Evil &#x202e;gnp.exe &amp; Co & Sons')), 'md', {});
    // `&\#x202e;` and `\&amp;` read as the text written (checked in VS Code's and GitHub's renderers).
    assert.match(md, /^# Evil &\\#x202e;gnp\.exe \\&amp; Co & Sons$/m);
  });

  it('HTML preview and export: a visible mark, not the raw control', () => {
    const html = renderDocument(document, 'html', {});
    assert.ok(html.includes('<h1>Evil \\x1b[2K\\x07 Corp &lt;U+202E&gt;gnp.exe&lt;U+202C&gt;</h1>'));
    assert.ok(html.includes('<title>Evil \\x1b[2K\\x07 Corp &lt;U+202E&gt;gnp.exe&lt;U+202C&gt;</title>'));
    assert.doesNotMatch(html, raw);
  });

  it('CSV: marked, nothing raw', () => {
    const document = analyzeDealText(deal('D', `  payments from B to A { fee F "Evil ${RLO}fee${ESC}" 2M on signing }\n`));
    const csv = renderDocument(document, 'csv', {});
    assert.ok(csv.includes('D,,2006,fee,Evil <U+202E>fee\\x1b,B,A,2000000,USD,,,,,\r\n'), csv);
    assert.doesNotMatch(csv, raw);
  });

  it('the status bar and the Deals view: marked, nothing raw', () => {
    assert.equal(dealHeadlines(document)[0].title, 'Evil \\x1b[2K\\x07 Corp <U+202E>gnp.exe<U+202C>');
    const withParty = analyzeDealText(deal('D', `  party C "C${RLO}x" investor\n  payments from B to C { fee F "f${ZWSP}" 1M on signing }\n`));
    const [tree] = dealTree(rollupPortfolio(withParty.deals.map((d) => ({ uri: 'file:///d.deal', deal: d, lines: withParty.lines }))));
    assert.equal(tree.label, '$2M · D');
    const shown = tree.children!.map((c) => `${c.label} ${c.tooltip ?? ''}`);
    assert.ok(shown.includes('C C<U+202E>x'), shown.join('\n'));
    assert.ok(shown.includes('f<U+200B> B → C'), shown.join('\n'));
  });

  it('completion: a party offered with its title marked', () => {
    const text = deal('D', `  party C "C${RLO}x" investor\n  payments from \n`);
    const items = doComplete(analyzeDealText(text), text.indexOf('from \n') + 'from '.length);
    assert.equal(items.find((i) => i.label === 'C')?.detail, 'C<U+202E>x');
  });

  it('JSON: the true text, with every such character written as a \\u escape', () => {
    const json = renderDocument(document, 'json', {});
    assert.doesNotMatch(json, raw);
    assert.ok(json.includes('Corp \\u202egnp.exe\\u202c'));
    assert.equal(JSON.parse(json).deals[0].title, `Evil ${ESC}[2K${BEL} Corp ${RLO}gnp.exe${PDF}`);
  });
});
