// Size and shape extremes: a file of many deals (1 MB here, 10 MB with FUZZ_LONG=1), a whole
// deal on one line, a megabyte-long string, braces nested thousands deep, a binary file. Each
// is analysed completely (the test finishing is the bound on time: no clock is read), with
// every diagnostic inside the text.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { generateDeal } from '../generate-deal';
import { random } from '../seeded-random';
import { checkAnyInput } from './check-document';
import { baseSeed, settings } from './fuzz-settings';
import { piecesOf } from './mutate';

/** Generated deals, each with its own name, up to `bytes` characters. */
function manyDeals(bytes: number): { text: string; count: number } {
  const parts: string[] = [];
  let length = 0;
  for (let i = 0; length < bytes; i++) {
    const deal = generateDeal(baseSeed + i, { payments: 200 }).replace(/deal (\w+)/, `deal $1_${i}`);
    parts.push(deal);
    length += deal.length + 1;
  }
  return { text: parts.join('\n'), count: parts.length };
}

describe('big and oddly shaped files', () => {
  it(`${(settings.bigFileBytes / 1e6).toFixed(0)} MB of deals: every deal read, no error`, () => {
    const { text, count } = manyDeals(settings.bigFileBytes);
    const document = checkAnyInput(text, 'many deals', { probes: [text.length >> 1] });
    assert.equal(document.deals.length, count);
    assert.deepEqual(document.diagnostics.filter((d) => d.severity === 'error'), []);
  });

  it('a whole deal on one line reads the same as on many', () => {
    const text = generateDeal(baseSeed, { payments: 400 });
    const oneLine = piecesOf(text).filter((p) => !p.image.startsWith('//')).map((p) => p.image).join(' ');
    const document = checkAnyInput(oneLine, 'one line');
    assert.equal(document.lines.lineCount, 1);
    assert.equal(document.deals[0].totals.headline.toFixed(), checkAnyInput(text, 'many lines').deals[0].totals.headline.toFixed());
  });

  it('a megabyte-long title and a megabyte-long unterminated string', () => {
    const long = 'x'.repeat(1_000_000);
    assert.equal(checkAnyInput(`deal A "${long}" {\n}\n`, 'long title').deals[0].model.deal.title?.value.length, 1_000_000);
    const open = checkAnyInput(`deal A "a" {\n  source "${long}\n  currency QQQ\n}\n`, 'long open string');
    assert.deepEqual(open.diagnostics.map((d) => d.code), ['syntax-error', 'unknown-reference']);
  });

  it('braces nested 50,000 deep, opened and closed', () => {
    for (const text of ['{'.repeat(50_000), '}'.repeat(50_000), `deal A "a" {${'{'.repeat(50_000)}${'}'.repeat(50_000)}}`]) {
      const document = checkAnyInput(text, `braces ${text.slice(0, 12)}`);
      assert.ok(document.diagnostics.length >= 1 && document.diagnostics.length <= 500);
    }
  });

  it('blocks nested as deep as the grammar allows, repeated thousands of times without closing', () => {
    const text = 'deal A "a" { payments { milestones G up to 1M { '.repeat(5_000);
    const document = checkAnyInput(text, 'open blocks');
    assert.ok(document.diagnostics.length >= 1);
  });

  it('a binary file renamed .deal: at most 500 syntax errors and 100 odd characters, every one inside the text', () => {
    const next = random(baseSeed);
    const bytes = Buffer.from(Array.from({ length: settings.bigFileBytes / 5 }, () => Math.floor(next() * 256)));
    for (const encoding of ['utf8', 'latin1'] as const) {
      const text = bytes.toString(encoding);
      const document = checkAnyInput(text, `binary as ${encoding}`);
      const count = (codes: string[]) => document.diagnostics.filter((d) => codes.includes(d.code)).length;
      assert.ok(count(['syntax-error']) > 0 && count(['syntax-error']) <= 500, `${count(['syntax-error'])} syntax errors`);
      assert.ok(count(['control-character', 'invisible-character']) <= 100);
      assert.equal(count(['syntax-error', 'control-character', 'invisible-character']), document.diagnostics.length);
    }
  });
});
