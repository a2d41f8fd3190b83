// A file with ~125,000 of one thing — stray braces, parties, milestones, syntax errors — is
// analysed to the end and gets its diagnostics: gathering them never spreads a long list onto
// the call stack (it overflowed at this size: "Maximum call stack size exceeded", no diagnostic).
// Syntax errors past 500 are summed up in one, as for any file.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyzeDealText } from '../../server/src/document/analyze';
import { rangeOf, showRange } from './helpers';

const count = 125_000;
const lines = (make: (i: number) => string) => Array.from({ length: count }, (_, i) => make(i)).join('\n');
const payments = (body: string) =>
  `deal A "a" {\n  party L "Licensor" licensor\n  party E "Licensee" licensee\n  payments from E to L {\n${body}\n  }\n}\n`;

/** Each code with how many times it is reported, then the first and last diagnostic in full. */
function summary(text: string) {
  const document = analyzeDealText(text);
  const codes: Record<string, number> = {};
  for (const d of document.diagnostics) codes[d.code] = (codes[d.code] ?? 0) + 1;
  const show = (d = document.diagnostics[0]) => `${showRange(rangeOf(document.lines, d.span))} ${d.message}`;
  return { codes, first: show(document.diagnostics[0]), last: show(document.diagnostics.at(-1)) };
}

describe('a file with 125,000 of one thing', () => {
  it("125,000 closing braces: 500 syntax errors, the last one summing up the rest", () => {
    assert.deepEqual(summary('}'.repeat(count)), {
      codes: { 'syntax-error': 500 },
      first: "1:1-1:2 This '}' closes nothing: every block before it is already closed. Remove it.",
      last: '1:500-1:501 124501 more syntax errors from here on are not listed. Is this a .deal file? Fix the errors above first.',
    });
  });

  it('125,000 parties that take part in nothing: one unused-party each', () => {
    const { codes, first, last } = summary(`deal A "a" {\n${lines((i) => `  party P${i} "Party ${i}"`)}\n}\n`);
    assert.deepEqual(codes, { 'unused-party': count });
    assert.equal(first, "2:9-2:11 Party 'P0' takes part in nothing: no payment, license, option or share names it. Name it where it pays, receives or holds rights, or remove it.");
    assert.equal(last, "125001:9-125001:16 Party 'P124999' takes part in nothing: no payment, license, option or share names it. Name it where it pays, receives or holds rights, or remove it.");
  });

  it('125,000 milestones of one name: every one after the first is a duplicate', () => {
    const { codes, first, last } = summary(payments(lines(() => '    milestone M 1M at phase1')));
    assert.deepEqual(codes, { 'duplicate-name': count - 1 });
    const message = "'M' is already the name of a milestone in this deal: payments, milestones and milestone groups share one set of names; give this one another name.";
    assert.equal(first, `6:15-6:16 ${message}`);
    assert.equal(last, `125004:15-125004:16 ${message}`);
  });

  it('125,000 stray characters: 500 syntax errors, the last one summing up the rest', () => {
    assert.deepEqual(summary(`deal A "a" {\n${lines(() => '  ^')}\n}\n`), {
      codes: { 'syntax-error': 500 },
      first: '2:3-2:4 Unexpected character "^": not part of the deal language.',
      last: '501:3-501:4 124501 more syntax errors from here on are not listed. Is this a .deal file? Fix the errors above first.',
    });
  });
});
