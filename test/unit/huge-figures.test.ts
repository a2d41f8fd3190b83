// Figures far beyond any deal (a pasted serial number, a scale typed a thousand times) are
// errors; every place that shows one shows it cut short with its digit count, in time linear in
// its length: formatting, messages, hovers, CodeLens, inlay hints, outline, renders and the JSON.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyzeDealText } from '../../server/src/document/analyze';
import { findCodeLenses } from '../../server/src/features/code-lens';
import { findDocumentSymbols } from '../../server/src/features/document-symbols';
import { doHover } from '../../server/src/features/hover';
import { findInlayHints } from '../../server/src/features/inlay-hints';
import { exact, formatAmount, formatMoney, formatNumber, formatPercent, formatShort, Money } from '../../server/src/model/money';
import { renderCsv, renderHtml, renderMarkdown } from '../../server/src/exports';
import { rollupJson } from '../../server/src/exports/rollup-json';
import { rollupTable } from '../../server/src/cli/rollup-table';

/** CPU milliseconds `work` takes (the machine may be shared: wall time would measure others). */
function cpuMs(work: () => void): number {
  const start = process.cpuUsage();
  work();
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000;
}

const ones = (count: number) => '1'.repeat(count);

describe('huge figures are shown cut short, with their digit count', () => {
  it('groups digits and cuts a figure of more than 30 digits', () => {
    assert.equal(formatAmount(new Money('123456789012345678901234567890'), 'USD'), '$123,456,789,012,345,678,901,234,567,890');
    assert.equal(formatAmount(new Money(ones(40_000)), 'USD'), '$1,111,111…(40,000 digits)');
    assert.equal(formatAmount(new Money(`-${ones(40_001)}`), 'EUR'), '-€11,111,111…(40,001 digits)');
    assert.equal(formatShort(new Money(ones(40_002)), 'USD'), '$111,111,111…(40,002 digits)');
    assert.equal(formatMoney(new Money(ones(31)), 'USD'), '$1,111,111…(31 digits)');
    assert.equal(formatNumber(new Money(`${ones(35)}.5`)), '11,111,111…(35 digits)');
    assert.equal(formatNumber(new Money(`0.${ones(40)}`)), '0.11111111111111111111111111111…(40 decimals)');
    assert.equal(formatPercent(new Money(ones(100))), '1,111,111…(100 digits)%');
  });

  it('formats a 100,000-digit figure in linear time', () => {
    const huge = new Money(ones(100_000));
    let shown = '';
    const ms = cpuMs(() => {
      for (let i = 0; i < 10; i++) shown = formatMoney(huge, 'USD') + formatNumber(huge) + exact(huge.plus(1)).slice(0, 3);
    });
    assert.equal(shown, '$1,111,111…(100,000 digits)1,111,111…(100,000 digits)111');
    assert.ok(ms < 1500, `10 × formatting a 100,000-digit figure took ${ms} ms`);
  });

  it('writes the JSON figure of a rounded 5,000,000-digit total in plain digits, quickly', () => {
    const total = new Money(ones(5_000_000)).plus(new Money(ones(5_000_000)));
    let written = '';
    const ms = cpuMs(() => { written = exact(total); });
    assert.equal(written.length, 5_000_000);
    assert.equal(written.slice(0, 61), `${'2'.repeat(60)}0`);
    assert.ok(ms < 1500, `writing it took ${ms} ms`);
  });
});

describe('a deal with a huge amount: every feature answers at once, and short', () => {
  const digits = 50_000;
  const text = `deal D {
  signed 2024-01-01
  fx EUR = 1.1 USD
  headline ${ones(digits)}
  party A licensor
  party B licensee
  payments from B to A {
    upfront EUR ${ones(digits)} on signing
    milestones Dev up to ${ones(digits)} { milestone M1 1M at phase1 }
    royalty R ${ones(digits)}% on net_sales term ${ones(digits)} years
  }
  scenario S { reach phase1 sales { 2025: ${ones(digits)} } }
}
`;
  const upfront = text.indexOf('upfront');

  it('reports each as an error, with a short message', () => {
    let document = analyzeDealText('');
    const ms = cpuMs(() => { document = analyzeDealText(text); });
    assert.ok(ms < 2000, `analysis took ${ms} ms`);
    const longest = Math.max(...document.diagnostics.map((d) => d.message.length));
    assert.ok(longest < 400, `a message of ${longest} characters`);
    // The headline, the upfront, the cap and the sales are errors; no headline-mismatch beside them.
    assert.deepEqual(document.diagnostics.map((d) => d.code),
      ['invalid-value', 'invalid-value', 'cap-remainder', 'invalid-value', 'percent-out-of-range', 'invalid-value']);
    assert.equal(document.diagnostics[4].message,
      'A royalty rate of 11,111,111…(50,000 digits)% is not possible: it must lie between 0% and 100%.');
  });

  it('hovers, CodeLens, inlay hints and the outline show it cut short', () => {
    const document = analyzeDealText(text);
    let hover = '';
    let lenses: string[] = [];
    let hints: string[] = [];
    let symbols = '';
    const ms = cpuMs(() => {
      hover = doHover(document, upfront + 2)?.markdown ?? '';
      lenses = findCodeLenses(document).map((l) => l.title);
      hints = findInlayHints(document).map((h) => `${h.label} | ${h.tooltip ?? ''}`);
      symbols = JSON.stringify(findDocumentSymbols(document));
    });
    assert.ok(ms < 2000, `the editor features took ${ms} ms`);
    assert.ok(hover.includes('€11,111,111…(50,000 digits) = $12,222,222…(50,000 digits) at 1.1'), hover);
    // The deal has errors: its lenses say the figures are incomplete.
    assert.equal(lenses[0], 'Figures incomplete: 5 errors in the deal');
    assert.ok(lenses.includes('A receives $23,333,333…(50,000 digits) · pays $0 · figures incomplete'), lenses.join('\n'));
    assert.deepEqual(hints, ['= $12,222,222…(50,000 digits) | 12,222,222…(50,000 digits) USD']);
    assert.ok(symbols.length < 5000, `outline of ${symbols.length} characters`);
  });

  it('the rollup table and every render stay short; the JSON is in plain digits', () => {
    const document = analyzeDealText(text);
    let outputs: string[] = [];
    let json = '';
    const ms = cpuMs(() => {
      outputs = [rollupTable(document), renderMarkdown(document), renderHtml(document)];
      json = JSON.stringify(rollupJson(document));
      outputs.push(renderCsv(document));
    });
    assert.ok(ms < 4000, `rollup, renders and JSON took ${ms} ms`);
    for (const output of outputs.slice(0, 3)) assert.ok(output.length < 40_000, `an output of ${output.length} characters`);
    assert.ok(outputs[0].includes('Upfront     $12,222,222…(50,000 digits)'), outputs[0]);
    // In plain digits: the amount times the rate, to the 60 digits money is counted with.
    const upfrontJson = /"amount":"(\d+)"/.exec(json)?.[1] ?? '';
    assert.equal(upfrontJson.length, 50_000);
    assert.ok(upfrontJson.startsWith(`1${'2'.repeat(59)}0`), upfrontJson.slice(0, 70));
  });
});

describe('a 50,000-digit number where a date, a year count or a percentage stands', () => {
  const o = ones(50_000);
  const text = `deal D {
  signed ${o}
  party A licensor
  party B licensee
  payments from B to A {
    milestone M 1M at phase1 expected ${o}
    funding F 1M per year for ${o} years
    equity E 1M on signing premium ${o}%
  }
  scenario S { timeline { phase1 ${o} } reach phase1 }
  valuation { as of 2024-01-01 discount ${o}% }
}
`;

  it('is quoted cut short in every message', () => {
    const messages = analyzeDealText(text).diagnostics.map((d) => d.message);
    assert.deepEqual(messages.filter((m) => m.length > 300), []);
    assert.ok(messages.includes("'11,111,111…(50,000 digits)' is not a date: write a day (2006-07-07), a month (2016-09), a quarter (2008-Q3) or a year of four digits (2009)."), messages.join('\n'));
    assert.ok(messages.includes('Funding for this many years is longer than any deal runs: write at most 100 years. Scenarios show it as one unscheduled payment.'), messages.join('\n'));
  });

  it('and in the renders and hovers', () => {
    const document = analyzeDealText(text);
    for (const output of [renderMarkdown(document), renderHtml(document), rollupTable(document)]) {
      assert.ok(output.length < 30_000, `an output of ${output.length} characters`);
      assert.ok(!output.includes(ones(31)), 'no number shown at length');
    }
    for (const word of ['deal D', 'milestone M', 'equity E']) {
      const hover = doHover(document, text.indexOf(word) + 2)?.markdown ?? '';
      assert.ok(hover.length > 0 && !hover.includes(ones(31)), hover.slice(0, 300));
    }
  });
});
