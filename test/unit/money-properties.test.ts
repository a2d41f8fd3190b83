// Money is exact: over seeded random deals whose amounts are written every way the language
// allows (grouped, underscored, scaled, in another currency), every total, party figure and
// kind figure equals an independent sum in BigInt, and the parts of every scenario add up to
// its totals. Rounding happens only where a figure is shown, half-even; the JSON keeps it all.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyzeDealText } from '../../server/src/document/analyze';
import { formatAmount, formatMoney, Money, sum } from '../../server/src/model/money';
import { rollupJson } from '../../server/src/exports/rollup-json';
import { parseNumber } from '../../server/src/language/literals';
import { rng, type Rng } from '../seeded-random';

/** Oracle amounts are BigInt millionths of the deal currency: cents times a 4-decimal rate fit. */
const unit = 1_000_000n;
const eurRate = { text: '1.0825', millionths: 1_082_500n };

function plain(millionths: bigint): string {
  const negative = millionths < 0n;
  const abs = negative ? -millionths : millionths;
  const whole = abs / unit;
  const fraction = (abs % unit).toString().padStart(6, '0').replace(/0+$/, '');
  return `${negative ? '-' : ''}${whole}${fraction ? `.${fraction}` : ''}`;
}

/** `cents` × 10^-places as a plain decimal string: 123456 with 2 places is 1234.56. */
function decimal(cents: bigint, places: number): string {
  const digits = cents.toString().padStart(places + 1, '0');
  const whole = digits.slice(0, digits.length - places);
  const fraction = digits.slice(digits.length - places).replace(/0+$/, '');
  return fraction ? `${whole}.${fraction}` : whole;
}

/** Cents written as the language allows: 1234.56, 1,234.56, 1_234.56, 1.23456K, 0.00123456M. */
function written(cents: bigint, r: Rng): string {
  const [whole, fraction] = decimal(cents, 2).split('.');
  const tail = fraction ? `.${fraction}` : '';
  switch (r.int(0, 4)) {
    case 0: return whole + tail;
    case 1: return whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',') + tail;
    case 2: return whole.replace(/\B(?=(\d{3})+(?!\d))/g, '_') + tail;
    case 3: return `${decimal(cents, 5)}K`;
    default: return `${decimal(cents, 8)}M`;
  }
}

interface Oracle {
  committed: bigint; contingent: bigint; receives: Record<string, bigint>; pays: Record<string, bigint>; byKind: Record<string, bigint>;
}

/** A deal with random payments both ways, in USD and EUR, and the figures it must give. */
function randomDeal(seed: number): { text: string; oracle: Oracle } {
  const r = rng(seed);
  const oracle: Oracle = { committed: 0n, contingent: 0n, receives: { A: 0n, B: 0n }, pays: { A: 0n, B: 0n }, byKind: {} };
  const lines: string[] = [];
  const count = (kind: string, committed: boolean, payer: string, payee: string, value: bigint) => {
    if (committed) oracle.committed += value; else oracle.contingent += value;
    oracle.pays[payer] += value;
    oracle.receives[payee] += value;
    oracle.byKind[kind] = (oracle.byKind[kind] ?? 0n) + value;
  };
  /** An amount with its currency as written, and its value in millionths of USD. */
  const amount = (): [string, bigint] => {
    // Most amounts are realistic; some have cents, some are huge, some tiny.
    const cents = BigInt(r.pick([r.int(1, 99), r.int(100, 999_999), r.int(1, 2_000_000_000)])) * BigInt(r.pick([1, 1, 100, 100_000]));
    const figure = written(cents, r);
    if (r.next() < 0.25) return [r.pick([`EUR ${figure}`, `€${figure}`, `${figure} EUR`]), cents * 10_000n * eurRate.millionths / unit];
    return [r.pick([figure, `$${figure}`, `USD ${figure}`, `${figure} USD`]), cents * 10_000n];
  };
  for (const [payer, payee] of [['B', 'A'], ['A', 'B']]) {
    lines.push(`  payments from ${payer} to ${payee} {`);
    for (let i = 0; i < r.int(1, 12); i++) {
      const [text, value] = amount();
      const name = `P${payer}${i}`;
      switch (r.int(0, 5)) {
        case 0: lines.push(`    upfront ${name} ${text} on signing`); count('upfront', true, payer, payee, value); break;
        case 1: lines.push(`    fee ${name} ${text} on 2021-06-30`); count('fee', true, payer, payee, value); break;
        case 2: lines.push(`    equity ${name} ${text} on signing`); count('equity', true, payer, payee, value); break;
        case 3: {
          const years = r.int(1, 7);
          lines.push(`    funding ${name} ${text} per year for ${years} years`);
          count('funding', true, payer, payee, value * BigInt(years));
          break;
        }
        case 4: lines.push(`    milestone ${name} ${text} at ${r.pick(['phase1', 'phase2', 'phase3', 'approval'])}`); count('milestone', false, payer, payee, value); break;
        default: {
          // A group counts its cap; the items under it add up to no more than the cap.
          const items = Array.from({ length: r.int(0, 4) }, () => BigInt(r.int(1, 5_000_000)) * 100n);
          const cap = items.reduce((a, b) => a + b, 0n) + BigInt(r.int(0, 3)) * 1_000_000n + 100n;
          lines.push(`    milestones ${name} up to ${written(cap, r)} {`);
          items.forEach((c, k) => lines.push(`      milestone ${name}_${k} ${written(c, r)} at phase${(k % 3) + 1}`));
          lines.push('    }');
          count('milestone', false, payer, payee, cap * 10_000n);
        }
      }
    }
    lines.push('  }');
  }
  const text = `deal Random${seed} "random amounts" {
  currency USD
  signed 2021-01-01
  fx EUR = ${eurRate.text} USD
  party A "A Bio" licensor
  party B "B Pharma" licensee
${lines.join('\n')}
  scenario All "everything happens" {
    timeline { phase1 2022 phase2 2023 phase3 2025 filing 2026 approval 2027 }
    reach approval
  }
}
`;
  return { text, oracle };
}

const seeds = Array.from({ length: 150 }, (_, i) => 5000 + i);

describe('money: exact sums over random deals', () => {
  it('every amount as written reads to its exact value (K, M, grouping, underscores)', () => {
    const r = rng(1);
    for (let i = 0; i < 2000; i++) {
      const cents = BigInt(r.int(0, 2 ** 31)) * BigInt(r.int(1, 10 ** 6));
      const text = written(cents, r);
      assert.equal(parseNumber(text).toFixed(), plain(cents * 10_000n), text);
    }
    assert.equal(parseNumber('123456789012345678901234567890.123456789M').toFixed(), '123456789012345678901234567890123456.789');
  });

  it('deal totals, party figures and kinds equal an independent BigInt sum', () => {
    for (const seed of seeds) {
      const { text, oracle } = randomDeal(seed);
      const document = analyzeDealText(text);
      const errors = document.diagnostics.filter((d) => d.severity === 'error');
      assert.deepEqual(errors, [], `seed ${seed}`);
      const deal = rollupJson(document, {}).deals[0];
      assert.equal(deal.totals.committed, plain(oracle.committed), `seed ${seed} committed`);
      assert.equal(deal.totals.contingent, plain(oracle.contingent), `seed ${seed} contingent`);
      assert.equal(deal.totals.headline, plain(oracle.committed + oracle.contingent), `seed ${seed} headline`);
      for (const party of ['A', 'B']) {
        assert.equal(deal.parties[party].receives, plain(oracle.receives[party]), `seed ${seed} ${party} receives`);
        assert.equal(deal.parties[party].pays, plain(oracle.pays[party]), `seed ${seed} ${party} pays`);
      }
      assert.deepEqual(deal.byKind, Object.fromEntries(Object.entries(oracle.byKind).filter(([, v]) => v !== 0n).map(([k, v]) => [k, plain(v)])),
        `seed ${seed} byKind`);
    }
  });

  it('in a scenario, the years, the kinds and the parties each add up to the same total', () => {
    for (const seed of seeds) {
      const deal = rollupJson(analyzeDealText(randomDeal(seed).text), {}).deals[0];
      const scenario = deal.scenarios?.All;
      assert.ok(scenario, `seed ${seed}`);
      const total = (values: Iterable<string>) => sum([...values].map((v) => new Money(v))).toFixed();
      const byYear = total(Object.values(scenario.byYear));
      assert.equal(total(Object.values(scenario.byKind)), byYear, `seed ${seed} kinds vs years`);
      assert.equal(total(Object.values(scenario.parties).map((p) => p.receives)), byYear, `seed ${seed} receives vs years`);
      assert.equal(total(Object.values(scenario.parties).map((p) => p.pays)), byYear, `seed ${seed} pays vs years`);
    }
  });

  it('a sum of ten thousand cents has no binary floating-point drift', () => {
    const values = Array.from({ length: 10_000 }, () => new Money('0.1'));
    assert.equal(sum(values).toFixed(), '1000');
    let float = 0;
    for (let i = 0; i < 10_000; i++) float += 0.1;
    assert.notEqual(float, 1000, 'the same sum in JS numbers drifts: the test would catch number arithmetic');
  });
});

describe('money: rounding only at display, half-even', () => {
  it('rounds a half cent to the even cent on display', () => {
    assert.equal(formatAmount(new Money('0.125'), 'USD'), '$0.12');
    assert.equal(formatAmount(new Money('0.135'), 'USD'), '$0.14');
    assert.equal(formatAmount(new Money('1.005'), 'USD'), '$1');
    assert.equal(formatAmount(new Money('-2.675'), 'EUR'), '-€2.68');
    assert.equal(formatMoney(new Money('36500000.005'), 'USD'), '$36,500,000 ($36.5M)');
  });

  it('keeps every decimal in the JSON', () => {
    const text = 'deal A "a" {\n  party L "l" licensor\n  party B "b" licensee\n  payments from B to L {\n    upfront 0.125 on signing\n    fee F 1,000.005 on signing\n  }\n}\n';
    const deal = rollupJson(analyzeDealText(text), {}).deals[0];
    assert.equal(deal.totals.committed, '1000.13');
    assert.deepEqual(deal.byKind, { upfront: '0.125', fee: '1000.005' });
  });

  it('writes huge and tiny figures in plain digits', () => {
    assert.equal(formatAmount(new Money('123456789012345678901234567890'), 'USD'), '$123,456,789,012,345,678,901,234,567,890');
    assert.equal(new Money('0.000000000000000000000001').toFixed(), '0.000000000000000000000001');
    assert.equal(String(parseNumber('999999999999999999999999B')), '999999999999999999999999000000000');
  });
});
