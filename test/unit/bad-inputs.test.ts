// Inputs a term sheet meets in real life — empty, half-typed, pasted from a PDF, sent by someone
// else's editor, or not a .deal file at all — each get a clear diagnostic at the right place, and
// the rest of the file keeps its deals, figures and checks.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyzeDealText } from '../../server/src/document/analyze';
import { renderDocument } from '../../server/src/exports';
import { rollupJson } from '../../server/src/exports/rollup-json';
import { diagnosticsOf } from './helpers';

/** Every diagnostic as `code line:col-line:col` (1-based), in text order. */
function codesAndRanges(marked: string): string[] {
  return diagnosticsOf(marked).found.map((d) => `${d.code} ${d.range}`);
}

function messages(text: string): string[] {
  return analyzeDealText(text).diagnostics.map((d) => d.message);
}

const unknownCurrency = (line: number, col: number) => `unknown-reference ${line}:${col}-${line}:${col + 3}`;

describe('empty and comment-only files', () => {
  for (const [what, text] of [['an empty file', ''], ['only comments', '// notes\n/* more notes */\n'], ['only whitespace', ' \n\t\r\n ']]) {
    it(`${what}: no deal, one note at the start saying how to write one, and every output still renders`, () => {
      const document = analyzeDealText(text);
      assert.deepEqual(document.diagnostics, [{
        code: 'no-deal', severity: 'info', span: { start: 0, end: 0 },
        message: 'No deal in this file: write `deal Name "Title" { … }`.',
      }]);
      assert.equal(document.deals.length, 0);
      assert.deepEqual(rollupJson(document, {}), { deals: [] });
      assert.match(renderDocument(document, 'html', {}), /This file has no deal yet/);
    });
  }
});

describe('no-deal', () => {
  it('is not said of a file whose deal the parser could not read: its syntax errors say why', () => {
    assert.deepEqual(codesAndRanges('dael A "a" {\n}\n').filter((d) => d.startsWith('no-deal')), []);
  });

  it('is not said of a file with a deal', () => {
    assert.deepEqual(codesAndRanges('// notes\ndeal A "a" {\n}\n'), []);
  });
});

describe('line endings, BOM, tabs and Unicode keep positions right', () => {
  const variants: [string, string][] = [
    ['LF', 'deal A "a" {\n  currency QQQ\n}\n'],
    ['CRLF', 'deal A "a" {\r\n  currency QQQ\r\n}\r\n'],
    ['lone CR', 'deal A "a" {\r  currency QQQ\r}\r'],
    ['mixed endings', 'deal A "a" {\r\n  currency QQQ\n}\r'],
  ];
  for (const [what, text] of variants) {
    it(`${what}: the unknown currency is on line 2, columns 12-15`, () => {
      assert.deepEqual(codesAndRanges(text), [unknownCurrency(2, 12)]);
    });
  }

  for (const [name, separator, label] of [
    ['U+2028', '\u2028', '<U+2028>, line separator'], ['U+2029', '\u2029', '<U+2029>, paragraph separator'], ['U+0085', '\u0085', '\\x85, next line'],
  ]) {
    it(`a // comment ends at ${name}: the terms after it are read, with a warning at the break; lines count as the editor counts them`, () => {
      const { found, ranges } = diagnosticsOf(`deal A "a" {\n  // note«${separator}»currency «QQQ»\n}\n`);
      assert.deepEqual(found.map((d) => `${d.code} ${d.range}`), [`invisible-character ${ranges[0]}`, `unknown-reference ${ranges[1]}`]);
      assert.deepEqual(ranges, ['2:10-2:11', '2:20-2:23']);
      assert.equal(found[0].message, `This line break (${label}) ends the comment, but editors show the text after it on the same line: that text is read as terms, not as part of the comment. Use an ordinary line break.`);
    });
  }

  it('a line separator inside a block comment is part of the comment', () => {
    assert.deepEqual(codesAndRanges('deal A "a" {\n  /* note\u2028currency QQQ */\n}\n'), []);
  });

  it('a byte-order mark reads as nothing: the deal parses cleanly', () => {
    assert.deepEqual(codesAndRanges('\ufeffdeal A "a" {\n  currency QQQ\n}\n'), [unknownCurrency(2, 12)]);
  });

  it('a tab counts as one column, as editors count it', () => {
    assert.deepEqual(codesAndRanges('deal A "a" {\n\t\tcurrency QQQ\n}\n'), [unknownCurrency(2, 12)]);
  });

  it('astral characters in strings are kept whole and count as two columns (UTF-16, as LSP counts)', () => {
    const text = 'deal A "💊 Ünïcode 😀" {\n  source "😀😀" currency QQQ\n}\n';
    const document = analyzeDealText(text);
    assert.equal(document.deals[0].model.deal.title?.value, '💊 Ünïcode 😀');
    assert.equal(document.deals[0].model.deal.source?.value, '😀😀');
    assert.deepEqual(codesAndRanges(text), [unknownCurrency(2, 26)]);
  });
});

describe('names with letters outside A–Z', () => {
  it('a name with an accent is one error on the whole name, and the deal keeps that name', () => {
    assert.deepEqual(codesAndRanges('deal «Dé» "Déal" {\n  party «Bö» "Böhringer" licensor\n}\n').filter((d) => d.startsWith('syntax')), [
      'syntax-error 1:6-1:8', 'syntax-error 2:9-2:11',
    ]);
    const document = analyzeDealText('deal Dé "Déal" {\n}\n');
    assert.equal(document.deals[0].model.deal.name.text, 'Dé');
    assert.deepEqual(messages('deal Dé "Déal" {\n}\n'), [
      "'Dé' is not a valid name: names use only the letters A–Z and a–z, digits and _ (not é). Spell it without them here, and write the full name in the quoted title, where any letter is fine.",
    ]);
  });

  it('astral letters and names that start with one are covered whole', () => {
    const { found, ranges } = diagnosticsOf('deal «A𝒜» "a" {\n  party «日本» "Japan Co" licensee\n}\n');
    assert.deepEqual(found.filter((d) => d.code === 'syntax-error').map((d) => d.range), ranges);
    assert.match(found[0].message, /\(not 𝒜\)/);
  });

  it('any Unicode is fine inside a string', () => {
    assert.deepEqual(messages('deal A "Straße · 日本 · 𝒜 · \\"quoted\\"" {\n  currency USD\n}\n'), []);
  });
});

describe('unterminated strings and comments', () => {
  it('a string with no closing quote is one error on its own line; the next line still counts', () => {
    assert.deepEqual(codesAndRanges('deal A "a" {\n  source «"no end»\n  currency QQQ\n}\n'), [
      'syntax-error 2:10-2:17', unknownCurrency(3, 12),
    ]);
  });

  it('a block comment never closed is one error at its /*, and what came before is kept', () => {
    const text = 'deal A "a" {\n  currency QQQ\n}\n/* never closed\ndeal B "b" {}\n';
    assert.deepEqual(codesAndRanges(text), [unknownCurrency(2, 12), 'syntax-error 4:1-4:3']);
    assert.match(messages(text)[1], /^This comment is never closed/);
  });
});

describe('numbers: exact, never Infinity, NaN or exponents', () => {
  const huge = '9'.repeat(80);
  const tiny = `0.${'0'.repeat(40)}1`;
  const text = `deal A "a" {
  signed 2020-01-01
  party L "l" licensor
  party B "b" licensee
  payments from B to L {
    upfront ${huge}B on signing
    fee Tiny ${tiny} on signing
    milestone M 999,999,999,999,999,999.99 at phase2
    funding R 1M per year for 100000 years
  }
  scenario S "s" { reach approval timeline { phase2 2022 } sales { 99999999999999999999999: 5M } }
}
`;
  const document = analyzeDealText(text);

  it('says which figures are too large, too fine or too long to be real, each where it is written', () => {
    const found = document.diagnostics.filter((d) => d.code === 'invalid-value' || d.code === 'invalid-date')
      .map((d) => `${d.code} ${text.slice(d.span.start, d.span.end)}`);
    assert.deepEqual(found, [
      `invalid-value ${huge}B`, `invalid-value ${tiny}`, 'invalid-value 100000', 'invalid-date 99999999999999999999999',
    ]);
  });

  it('keeps every digit of the largest real amount, and the century-long funding as one unscheduled total', () => {
    const deal = rollupJson(document, {}).deals[0];
    assert.equal(deal.byKind.milestone, '999999999999999999.99');
    assert.equal(deal.byKind.funding, '100000000000');
    const scenario = deal.scenarios?.S;
    assert.equal(scenario?.byYear.unscheduled, '100000000000');
  });

  for (const format of ['json', 'html', 'md', 'csv'] as const) {
    it(`writes no Infinity, NaN or exponent in ${format}`, () => {
      const out = renderDocument(document, format, {}).replace(/#[0-9a-fA-F]{3,8}\b/g, '');
      assert.doesNotMatch(out, /Infinity|NaN|\d[eE][+-]?\d/);
      assert.ok(out.includes(`${huge.slice(0, 20)}`) || out.includes('999,999,999,999,999,999'), 'the huge figure is written out in full');
    });
  }

  it('reads 1e9% as one unreadable percentage, with one error on it and no figure taken from it', () => {
    const marked = 'deal A "a" {\n  stages { phase1 success «1e9%» approval }\n}\n';
    assert.deepEqual(codesAndRanges(marked), ['syntax-error 2:27-2:31']);
    assert.deepEqual(messages(marked.replace(/[«»]/g, '')), [
      "'1e9%' is not a percentage the deal language reads: write it in digits, such as 7.5% (exponents like 1e9 are not read).",
    ]);
  });

  it('reads 1e9 and 35.5MMM as unreadable (35.5MM is 35.5 million) amounts: one error each, and the headline check stays quiet', () => {
    const marked = 'deal A "a" {\n  headline «1e9»\n  party L "l" licensor\n  party B "b" licensee\n  payments from B to L { upfront «35.5MMM» }\n}\n';
    assert.deepEqual(codesAndRanges(marked), ['syntax-error 2:12-2:15', 'syntax-error 5:34-5:41']);
  });

  it('a percentage of a billion is out of range, written in full', () => {
    assert.deepEqual(messages('deal A "a" {\n  stages { phase1 success 1,000,000,000% approval }\n}\n'), [
      'A success probability of 1000000000% is not possible: it must lie between 0% and 100%.',
    ]);
  });
});

describe('braces that close too early or close nothing', () => {
  it('an extra } inside a deal keeps the terms after it in the deal, with one error on that brace', () => {
    const text = 'deal A "a" {\n  party X "x" licensor\n  party Y "y" licensee\n  payments from Y to X { upfront 1M }}\n  headline 5M\n}\ndeal B "b" {\n  currency QQQ\n}\n';
    const document = analyzeDealText(text);
    assert.deepEqual(document.deals.map((d) => d.model.deal.name.text), ['A', 'B']);
    assert.equal(document.deals[0].model.deal.headline?.value.toFixed(), '5000000');
    assert.deepEqual(document.diagnostics.map((d) => `${d.code} ${text.slice(d.span.start, d.span.end)}`), [
      'syntax-error }', 'headline-mismatch 5M', 'unknown-reference QQQ',
    ]);
    assert.equal(document.diagnostics[0].span.start, text.indexOf('}}') + 1);
    assert.equal(document.diagnostics[0].message, "This '}' ends deal A early: more of its terms follow. Remove it; the deal's own '}' comes after its last term.");
    // The deal runs to its own closing brace, so hovers and the outline find its later terms.
    assert.equal(document.deals[0].model.deal.span.end, text.indexOf('}\ndeal B') + 1);
  });

  it('a } that closes nothing is one error, and the next deal is still checked', () => {
    assert.deepEqual(codesAndRanges('deal A "a" {\n}\n«}»\ndeal B "b" {\n  currency QQQ\n}\n'), [
      'syntax-error 3:1-3:2', unknownCurrency(5, 12),
    ]);
  });

  it('terms before any deal say where they belong', () => {
    assert.deepEqual(messages('party X "x" licensor\ndeal B "b" {\n}\n'), [
      `'party' belongs inside a deal: start one with deal Name "title" { … } and write it there.`,
    ]);
  });

  it('other text between deals is one error, and the next deal survives', () => {
    const text = 'deal A "a" {\n}\nmilestone X 5M\ndeal B "b" {\n  currency QQQ\n}\n';
    assert.deepEqual(codesAndRanges(text), ['syntax-error 3:1-3:10', unknownCurrency(5, 12)]);
    assert.equal(messages(text)[0], "Unexpected 'milestone': a file holds only 'deal' blocks; anything else belongs inside one.");
  });
});

describe('half-typed deals', () => {
  it('a deal cut off by the end of the file keeps what it has so far', () => {
    const text = 'deal A "a" {\n  currency QQQ\n  party X "x" licensor\n';
    const document = analyzeDealText(text);
    assert.deepEqual(document.deals.map((d) => d.model.deal.parties.map((p) => p.name.text)), [['X']]);
    assert.deepEqual(document.diagnostics.map((d) => d.code), ['unknown-reference', 'unused-party', 'syntax-error']);
    assert.equal(document.diagnostics[2].message, "Expected '}' to close the block before the end of the file.");
  });

  it('a file that is only the word deal asks for a name at its end', () => {
    assert.deepEqual(codesAndRanges('deal'), ['syntax-error 1:5-1:5']);
  });
});

describe('files that are not .deal files', () => {
  it('random bytes: at most 500 diagnostics, all inside the text, the last one saying why', () => {
    let seed = 7;
    const bytes = Buffer.from(Array.from({ length: 200_000 }, () => (seed = (seed * 1103515245 + 12345) >>> 0) >>> 24));
    const text = bytes.toString('utf8');
    const document = analyzeDealText(text);
    assert.equal(document.diagnostics.length, 500);
    for (const d of document.diagnostics) assert.ok(d.span.start >= 0 && d.span.start <= d.span.end && d.span.end <= text.length);
    assert.match(document.diagnostics[499].message, /more syntax errors from here on are not listed\. Is this a \.deal file\?/);
  });

  it('thousands of stray braces and junk tokens at the top level do not exhaust the stack', () => {
    const text = '7 } '.repeat(20_000) + 'deal A "a" {\n  currency QQQ\n}\n';
    const document = analyzeDealText(text);
    assert.deepEqual(document.deals.map((d) => d.model.deal.name.text), ['A']);
    // 500 syntax errors at most, and the deal after them still checked.
    assert.equal(document.diagnostics.filter((d) => d.code === 'syntax-error').length, 500);
    assert.deepEqual(document.diagnostics.filter((d) => d.code !== 'syntax-error').map((d) => d.code), ['unknown-reference']);
  });

  it('thousands of recoveries inside one deal keep every term between them', () => {
    const lines = Array.from({ length: 5_000 }, (_, i) => `  7 party P${i} "p" licensor\n`).join('');
    const document = analyzeDealText(`deal A "a" {\n${lines}}\n`);
    assert.equal(document.deals[0].model.deal.parties.length, 5_000);
  });
});
