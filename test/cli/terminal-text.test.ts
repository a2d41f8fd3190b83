// What `deal` prints to a terminal never carries a raw control character (which a terminal would
// obey: erase the line, hide the rest of a warning, set the window title) nor a raw invisible
// one (which reorders or hides text): each shows as `\x1b` or `<U+202E>`. JSON keeps the true
// text, with these characters written as `\u` escapes. Characters are spelled as escapes here.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { deal, folderWith } from './run-cli';

const ESC = '\x1b';
const BEL = '\x07';
const RLO = '\u202e';
const PDF = '\u202c';

/** Any raw control (but tab, line ends) or invisible character. */
const raw = /[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u061c\u200b-\u200f\u2028-\u202e\u2060\u2066-\u2069\ufeff]/;

const title = `Evil ${ESC}[2K${BEL} Corp ${RLO}gnp.exe${PDF}`;
const evil = `deal Evil "${title}" {
  signed 2006-07-07
  party A "Alpha ${ESC}]0;pwned${BEL}" licensor
  party B "Beta" licensee
  payments from B to A { upfront Up "up${RLO}front" 1M on signing }
}
`;

describe('deal check', () => {
  it('prints each message with the characters escaped, at the character itself', () => {
    const result = deal(['check', 'evil.deal'], folderWith({ 'evil.deal': evil }));
    assert.equal(result.status, 0, result.stderr);
    assert.doesNotMatch(result.stdout, raw);
    assert.deepEqual(result.stdout.split('\n').filter(Boolean), [
      'evil.deal:1:17 warning control-character The title holds a control character (\\x1b, escape); remove it.',
      'evil.deal:1:21 warning control-character The title holds a control character (\\x07, bell); remove it.',
      'evil.deal:1:28 warning invisible-character The title holds an invisible character that reorders the text on screen (<U+202E>, right-to-left override); remove it.',
      'evil.deal:1:36 warning invisible-character The title holds an invisible character that reorders the text on screen (<U+202C>, pop directional formatting); remove it.',
      'evil.deal:3:18 warning control-character The title holds a control character (\\x1b, escape); remove it.',
      'evil.deal:3:27 warning control-character The title holds a control character (\\x07, bell); remove it.',
      'evil.deal:5:40 warning invisible-character The title holds an invisible character that reorders the text on screen (<U+202E>, right-to-left override); remove it.',
    ]);
  });

  it('--json keeps the messages as they are (JSON escapes them)', () => {
    const result = deal(['check', '--json', 'evil.deal'], folderWith({ 'evil.deal': evil }));
    assert.doesNotMatch(result.stdout, raw);
    assert.equal(JSON.parse(result.stdout)[0].message, 'The title holds a control character (\\x1b, escape); remove it.');
  });

  it('a file name holding a control character is printed escaped too', () => {
    const result = deal(['check', `x${ESC}[2K.deal`], folderWith({ [`x${ESC}[2K.deal`]: 'deal A "a" {\n  currency QQQ\n}\n' }));
    assert.equal(result.status, 1);
    assert.doesNotMatch(result.stdout, raw);
    assert.match(result.stdout, /^x\\x1b\[2K\.deal:2:12 error unknown-reference /);
  });
});

describe('deal rollup', () => {
  it('prints titles with the characters escaped, the columns still aligned', () => {
    const result = deal(['rollup', 'evil.deal'], folderWith({ 'evil.deal': evil }));
    assert.equal(result.status, 0, result.stderr);
    assert.doesNotMatch(result.stdout, raw);
    const lines = result.stdout.split('\n');
    assert.equal(lines[0], 'Evil \\x1b[2K\\x07 Corp <U+202E>gnp.exe<U+202C> (Evil, USD)');
    const party = lines.indexOf('  Alpha \\x1b]0;pwned\\x07  $1,000,000          $0   $1,000,000');
    assert.ok(party > 0, result.stdout);
    assert.equal(lines[party + 1], '  Beta                            $0  $1,000,000  -$1,000,000');
  });

  it('--json gives the true text, every such character as a \\u escape', () => {
    const result = deal(['rollup', '--json', 'evil.deal'], folderWith({ 'evil.deal': evil }));
    assert.doesNotMatch(result.stdout, raw);
    assert.ok(result.stdout.includes('"title": "Evil \\u001b[2K\\u0007 Corp \\u202egnp.exe\\u202c"'), result.stdout);
    assert.equal(JSON.parse(result.stdout).deals[0].title, title);
  });
});

describe('deal render to a terminal', () => {
  for (const format of ['md', 'csv', 'html', 'json']) {
    it(`--format ${format}: nothing raw`, () => {
      const result = deal(['render', 'evil.deal', '--format', format], folderWith({ 'evil.deal': evil }));
      assert.equal(result.status, 0, result.stderr);
      assert.ok(result.stdout.length > 100);
      assert.doesNotMatch(result.stdout, raw);
    });
  }

  it('--format csv shows the marks in the payment name', () => {
    const result = deal(['render', 'evil.deal', '--format', 'csv'], folderWith({ 'evil.deal': evil }));
    assert.ok(result.stdout.includes('\r\nEvil,,2006,upfront,up<U+202E>front,B,A,1000000,USD,,,,,\r\n'), result.stdout);
  });
});
