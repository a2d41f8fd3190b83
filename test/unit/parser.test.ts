// The parser: the shared examples parse cleanly into the expected tree, literals are read
// exactly, and broken text is recovered from with every error reported where it is.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { analyzeDealText } from '../../server/src/document/analyze';
import { parseDealText } from '../../server/src/language/parse';
import { LineMap } from '../../server/src/language/line-map';
import { markedRanges, rangeOf, showRange } from './helpers';

const examples = new URL('../../examples/', import.meta.url);
const example = (name: string) => readFileSync(new URL(name, examples), 'utf8');

function syntaxErrorRanges(text: string) {
  const parsed = parseDealText(text);
  const lines = new LineMap(text);
  return parsed.syntaxErrors.map((e) => showRange(rangeOf(lines, e.span)));
}

describe('shared examples', () => {
  for (const file of ['immunogen-biotest-2006.deal', 'acme-globex-2024.deal']) {
    it(`${file} parses with no syntax errors and no error or warning`, () => {
      const document = analyzeDealText(example(file));
      assert.deepEqual(document.parsed.syntaxErrors, []);
      const serious = document.diagnostics.filter((d) => d.severity === 'error' || d.severity === 'warning');
      assert.deepEqual(serious, []);
    });
  }

  it('reads the ImmunoGen/Biotest deal into its declarations', () => {
    const [deal] = parseDealText(example('immunogen-biotest-2006.deal')).file.deals;
    assert.equal(deal.name.text, 'ImmunoGenBiotest2006');
    assert.equal(deal.title?.value, 'ImmunoGen / Biotest TAP license');
    assert.equal(deal.signed?.text, '2006-07-07');
    assert.equal(deal.headline?.value.toFixed(), '36500000');
    assert.deepEqual(deal.parties.map((p) => [p.name.text, p.role?.text, p.country?.text]), [
      ['ImmunoGen', 'licensor', 'US'], ['Biotest', 'licensee', 'DE'],
    ]);
    const [block] = deal.paymentBlocks;
    assert.deepEqual([block.from?.text, block.to?.text], ['Biotest', 'ImmunoGen']);
    assert.deepEqual(block.payments.map((p) => p.type), ['Upfront', 'MilestoneGroup', 'Royalty', 'Manufacturing']);
    const [option] = deal.options;
    assert.deepEqual(option.exercises.map((e) => [e.stage.text, e.fee?.value.toFixed()]), [['phase2', '5000000'], ['phase3', '15000000']]);
    assert.deepEqual(option.effects.map((e) => e.type), ['ForfeitUnearned', 'Forfeit', 'Share', 'Share']);
    assert.deepEqual(deal.scenarios.map((s) => [s.name.text, s.reach?.text]), [
      ['Partnered', 'approval'], ['OptInAtPhase2', 'approval'], ['StopsInPhase2', 'phase2'], ['OptInWithCosts', 'approval'],
    ]);
    const costs = deal.scenarios[3].costs.flatMap((block) => block.lines);
    assert.deepEqual(costs.map((c) => [c.kind, c.territory?.text, c.ofSales?.value.toFixed(), c.years.map((y) => `${y.year}: ${y.amount.value.toFixed()}`)]), [
      ['development', 'US', undefined, ['2010: 10000000', '2011: 10000000', '2012: 20000000', '2013: 20000000', '2014: 10000000']],
      ['development', 'ex-US', undefined, ['2010: 5000000']],
      ['goods', undefined, '20', []],
      ['commercial', undefined, '30', []],
    ]);
  });

  it('reads the Acme/Globex milestones, tiers and sales exactly', () => {
    const [deal] = parseDealText(example('acme-globex-2024.deal')).file.deals;
    assert.deepEqual(deal.fx.map((f) => [f.from.text, f.rate.toFixed(), f.to.text]), [['EUR', '1.1', 'USD']]);
    const group = deal.paymentBlocks[0].payments.find((p) => p.name?.text === 'Dev');
    assert.ok(group?.type === 'MilestoneGroup');
    assert.equal(group.cap?.value.toFixed(), '120000000');
    assert.equal(group.by?.text, 'phase3');
    assert.deepEqual(group.milestones.map((m) => [m.name?.text, m.amount?.value.toFixed(), m.amount?.currency?.text, m.at?.text, m.expected?.text]), [
      ['Ph1', '5000000', undefined, 'phase1', '2025'],
      ['Ph2', '10000000', 'EUR', 'phase2', '2026'],
      ['Ph3', '25000000', undefined, 'phase3', '2028'],
    ]);
    const royalty = deal.paymentBlocks[0].payments.find((p) => p.type === 'Royalty');
    assert.ok(royalty?.type === 'Royalty');
    assert.deepEqual(royalty.tiers.map((t) => [t.rate.value.toFixed(), t.upTo?.value.toFixed() ?? 'above']), [
      ['8', '250000000'], ['10', '750000000'], ['12', 'above'],
    ]);
    assert.deepEqual(deal.scenarios[0].sales[0].years.map((y) => [y.year, y.amount.value.toFixed()]), [
      [2031, '200000000'], [2032, '600000000'], [2033, '1200000000'],
    ]);
  });
});

describe('literals', () => {
  it('reads every way of writing money exactly, with its currency as written', () => {
    const text = `deal D { payments from A to B {
      fee F1 1M  fee F2 35.5M  fee F3 $1M  fee F4 USD 1M  fee F5 1M USD  fee F6 €2.5M
      fee F7 EUR 2,500,000  fee F8 250K  fee F9 1.2B  fee F10 2bn  fee F11 1_000_000  fee F12 0.1M
    } }`;
    const payments = parseDealText(text).file.deals[0].paymentBlocks[0].payments;
    assert.deepEqual(payments.map((p) => ('amount' in p ? [p.amount?.value.toFixed(), p.amount?.currency?.text] : [])), [
      ['1000000', undefined], ['35500000', undefined], ['1000000', '$'], ['1000000', 'USD'], ['1000000', 'USD'],
      ['2500000', '€'], ['2500000', 'EUR'], ['250000', undefined], ['1200000000', undefined], ['2000000000', undefined],
      ['1000000', undefined], ['100000', undefined],
    ]);
    assert.deepEqual(parseDealText(text).syntaxErrors, []);
  });

  it('reads days, quarters and years, and percentages', () => {
    const text = 'deal D { payments from A to B { milestone M 1M expected 2008-Q3 royalty R 7.5% on net_sales fee G 1M expected 2009 } }';
    const [m, r, g] = parseDealText(text).file.deals[0].paymentBlocks[0].payments;
    assert.deepEqual([m.expected?.precision, m.expected?.year, m.expected?.quarter], ['quarter', 2008, 3]);
    assert.deepEqual([g.expected?.precision, g.expected?.year], ['year', 2009]);
    assert.ok(r.type === 'Royalty');
    assert.equal(r.rate?.value.toFixed(), '7.5');
  });

  it('unescapes strings and keeps any Unicode', () => {
    const text = 'deal D "Café \\"Zürich\\" \\\\ 東京" { }';
    assert.equal(parseDealText(text).file.deals[0].title?.value, 'Café "Zürich" \\ 東京');
  });
});

describe('recovery', () => {
  it('reports three syntax errors on three lines and still checks the rest of the file', () => {
    const { text, ranges } = markedRanges(`deal D {
  party A licensor
  party B licensee
  payments from B to A {
    upfront 1M on signing «frobnicate»
  }
  license L { from A to B territory «,» }
  scenario S { reach approval  sales { 2031 «200M» } }
  payments from B to «Biotes» { fee 1M on signing }
}
`);
    assert.deepEqual(syntaxErrorRanges(text), ranges.slice(0, 3).map(showRange));
    const document = analyzeDealText(text);
    const unknown = document.diagnostics.filter((d) => d.code === 'unknown-reference');
    assert.deepEqual(unknown.map((d) => showRange(rangeOf(document.lines, d.span))), [showRange(ranges[3])]);
    assert.match(document.parsed.syntaxErrors[0].message, /Unexpected 'frobnicate'/);
    assert.equal(document.parsed.syntaxErrors[2].message, "Expected ':' after '2031', but found '200M'.");
  });

  it('reports an unterminated string once, on its own line, and parses what follows', () => {
    const { text, ranges } = markedRanges(`deal D {
  party A «"Acme Bio, Inc.»
  party B "Beta" licensee
  payments from B to A { upfront 1M on signing }
}
`);
    const parsed = parseDealText(text);
    assert.deepEqual(syntaxErrorRanges(text), [showRange(ranges[0])]);
    assert.equal(parsed.syntaxErrors[0].message, 'This text has no closing quote: add `"` at its end (the line ends first).');
    const deal = parsed.file.deals[0];
    assert.deepEqual(deal.parties.map((p) => p.name.text), ['A', 'B']);
    assert.equal(deal.parties[1].role?.text, 'licensee');
    assert.equal(deal.paymentBlocks.length, 1);
  });

  it('reports an unterminated block comment at its opening (and the deal it leaves open)', () => {
    const { text, ranges } = markedRanges('deal D {\n  party A licensor«»\n  «/*» forgot to close\n  party B licensee\n}\n');
    assert.deepEqual(syntaxErrorRanges(text), ranges.map(showRange));
    assert.deepEqual(parseDealText(text).syntaxErrors.map((e) => e.message), [
      "Expected '}' to close the block before the end of the file.",
      'This comment is never closed: add `*/` where it should end (it runs to the end of the file).',
    ]);
  });

  it('reports a character outside the language where it is', () => {
    const { text, ranges } = markedRanges('deal D {\n  party A licensor «#»\n}\n');
    assert.deepEqual(syntaxErrorRanges(text), [showRange(ranges[0])]);
    assert.equal(parseDealText(text).syntaxErrors[0].message, 'Unexpected character "#": not part of the deal language.');
  });

  it('places errors correctly with CRLF line endings', () => {
    const { text, ranges } = markedRanges('deal D {\r\n  party A licensor\r\n  party «}»\r\n}\r\n');
    assert.deepEqual(syntaxErrorRanges(text).slice(0, 1), [showRange(ranges[0])]);
  });

  for (const file of ['immunogen-biotest-2006.deal', 'acme-globex-2024.deal']) {
    it(`never throws on ${file} cut anywhere, and reports the cut`, () => {
      const text = example(file);
      for (let cut = 1; cut < text.length - 1; cut += 13) {
        const head = analyzeDealText(text.slice(0, cut));
        const tail = analyzeDealText(text.slice(cut));
        assert.ok(Array.isArray(head.parsed.file.deals) && Array.isArray(tail.parsed.file.deals));
        // Every cut inside the deal leaves its block open: at least that is a syntax error.
        if (cut > text.indexOf('{')) assert.ok(head.diagnostics.some((d) => d.code === 'syntax-error'), `cut at ${cut}`);
      }
    });
  }
});
