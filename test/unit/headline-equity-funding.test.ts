// Equity at a premium, funding over a term, the headline as announced and clauses in any order
// (version 2), checked against figures worked out by hand from the Kestrel / Norland example.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyzeDealText } from '../../server/src/document/analyze';
import { reanalyzeDealText } from '../../server/src/document/reanalyze';
import { doHover } from '../../server/src/features/hover';
import { renderCsv } from '../../server/src/exports/csv';
import { rollupJson } from '../../server/src/exports/rollup-json';
import { formatDealText } from '../../server/src/features/format';
import { renderMarkdown } from '../../server/src/exports/markdown';
import { equityFairValue } from '../../server/src/engine/economics/equity';
import { diagnosticsOf } from './helpers';

const kestrel = (headline: string, extra = '') => `deal KestrelNorland2025 {
  currency USD
  signed 2025-03-03
  headline ${headline}
  fx EUR = 1.10 USD
  party Kestrel "Kestrel Bio Inc." licensor
  party Norland "Norland Pharma AG" licensee
  payments from Norland to Kestrel {
    upfront €100m on signing
    equity Stock "common stock" $50 million on signing premium 25%
    funding Research "research funding" up to 60M over 3 years
    milestones Dev "development milestones" up to 200M by approval {
      milestone Ph3 "phase 3 start" 50M at phase3
    }
  }
  option CoCo {
    holder Kestrel
    exercise at phase2 fee 20M
    exercise at phase3 fee 30M
  }
${extra}}
`;

describe('equity at a premium', () => {
  it('$50 million at 25%: fair value $40,000,000, premium $10,000,000, in the JSON, CSV and hover', () => {
    const text = kestrel('$330 million');
    const document = analyzeDealText(text);
    const stock = rollupJson(document).deals[0].payments[1];
    assert.equal(stock.amount, '50000000');
    assert.equal(stock.fairValue, '40000000');
    assert.equal(stock.premium, '10000000');
    const csv = renderCsv(document).split('\r\n');
    assert.equal(csv[0], 'deal,scenario,year,kind,name,payer,payee,amount,currency,original_amount,original_currency,fair_value,premium,rnpv');
    assert.ok(csv.includes('KestrelNorland2025,,2025,equity,common stock,Norland,Kestrel,50000000,USD,,,40000000,10000000,'), csv.join('\n'));
    const hover = doHover(document, text.indexOf('equity Stock') + 8)?.markdown ?? '';
    assert.ok(hover.includes('Fair value $40,000,000 ($40M); premium $10,000,000 ($10M) (25% over market).'), hover);
    const markdown = renderMarkdown(document);
    assert.ok(markdown.includes('on signing, premium 25% (fair value $40,000,000, premium $10,000,000)'), markdown);
    assert.ok(markdown.includes('over 3 years ($20,000,000 a year)'), markdown);
  });

  it('a premium as an amount, above 100%, or none at all', () => {
    const text = `deal E {
  party A licensor
  party B licensee
  payments from B to A {
    equity S1 200M on signing premium 90.6M
    equity S2 100M premium 120% on signing
    equity S3 10M on signing
  }
}
`;
    const document = analyzeDealText(text);
    assert.deepEqual(document.diagnostics, []);
    const [s1, s2, s3] = rollupJson(document).deals[0].payments;
    assert.deepEqual([s1.fairValue, s1.premium], ['109400000', '90600000']);
    // 100M / 2.2 = 45,454,545.4545… → 45,454,545.45 to the cent; the premium is the rest.
    assert.deepEqual([s2.fairValue, s2.premium], ['45454545.45', '54545454.55']);
    assert.deepEqual([s3.fairValue, s3.premium], ['10000000', '0']);
  });

  it('a premium larger than the purchase is an error on the premium', () => {
    const { found, ranges } = diagnosticsOf(`deal E {
  party A licensor
  party B licensee
  payments from B to A { equity S 10M premium «20M» }
}
`);
    assert.deepEqual(found.map((d) => [d.code, d.range]), [['invalid-value', ranges[0]]]);
  });
});

describe('funding up to a total over N years', () => {
  it('60M over 3 years: 20M a year in 2025, 2026 and 2027, committed', () => {
    const text = kestrel('$330 million', '  scenario S { reach phase1 }\n');
    const json = rollupJson(analyzeDealText(text)).deals[0];
    const research = json.payments[2];
    assert.equal(research.amount, '60000000');
    assert.equal(research.instalment, '20000000');
    assert.equal(research.years, 3);
    assert.equal(json.byKind.funding, '60000000');
    // The scenario's years: upfront 110M + equity 50M + funding 20M in 2025, then 20M a year.
    assert.deepEqual(json.scenarios.S.byYear, { 2025: '180000000', 2026: '20000000', 2027: '20000000' });
  });

  it('a total that does not divide to the cent: the last instalment takes the rest', () => {
    const text = `deal F {
  signed 2025-01-01
  party A licensor
  party B licensee
  payments from B to A { funding R 100M over 3 years }
}
`;
    const document = analyzeDealText(text);
    assert.deepEqual(document.diagnostics, []);
    const funding = rollupJson(document).deals[0].payments[0];
    assert.equal(funding.amount, '100000000');
    assert.deepEqual(funding.instalments, ['33333333.33', '33333333.33', '33333333.34']);
  });

  it('both per year and over is an error on the term', () => {
    const { found, ranges } = diagnosticsOf(`deal F {
  party A licensor
  party B licensee
  payments from B to A { funding R 10M over «3» years per year for 3 years }
}
`);
    assert.deepEqual(found.map((d) => [d.code, d.range]), [['invalid-value', ranges[0]]]);
  });
});

describe('the headline as announced', () => {
  // committed 110M + 50M + 60M = 220M; contingent 200M; option fees: the dearest, 30M.
  it('including options excluding equity: 220M + 200M + 30M - 50M = $400M, in totals.headline', () => {
    const text = kestrel('$400 million including options excluding equity');
    const document = analyzeDealText(text);
    assert.deepEqual(document.diagnostics.filter((d) => d.code !== 'cap-remainder'), []);
    const totals = rollupJson(document).deals[0].totals;
    assert.deepEqual(totals, { committed: '220000000', contingent: '200000000', headline: '400000000', onExercise: '0', declaredHeadline: '400000000' });
    assert.equal(rollupJson(document).deals[0].byKind.equity, '50000000');
  });

  it('the qualifiers in any order, about before or after the figure, up to changing nothing', () => {
    for (const line of ['excluding equity including options up to $400 million', 'about $400M excluding equity including options',
      'up to 400M about including options excluding equity', 'including options about 0.4B excluding equity']) {
      const document = analyzeDealText(kestrel(line));
      assert.deepEqual(document.diagnostics.filter((d) => d.code !== 'cap-remainder'), [], line);
      assert.equal(rollupJson(document).deals[0].totals.headline, '400000000', line);
    }
  });

  it('about accepts a figure within 5%, and says so when it is further off', () => {
    // 420M by default (committed + contingent): 20M off 440M is within 5% (22M); 30M off 390M is not (19.5M).
    assert.deepEqual(analyzeDealText(kestrel('about $440 million')).diagnostics.filter((d) => d.code !== 'cap-remainder'), []);
    const { found, ranges } = diagnosticsOf(kestrel('about «$390 million»'));
    assert.deepEqual(found.filter((d) => d.code === 'headline-mismatch'), [{
      code: 'headline-mismatch', severity: 'warning', range: ranges[0],
      message: 'The headline says about $390,000,000 ($390M), but the terms add up to $420,000,000 ($420M), more than 5% off (committed $220,000,000 ($220M) + contingent $200,000,000 ($200M)): correct the headline, or add the terms it counts.',
      data: { computed: '420000000' },
    }]);
  });

  it('the mismatch message says what it counted', () => {
    const { found, ranges } = diagnosticsOf(kestrel('«$900 million» including options excluding equity'));
    assert.deepEqual(found.filter((d) => d.code === 'headline-mismatch'), [{
      code: 'headline-mismatch', severity: 'warning', range: ranges[0],
      message: 'The headline says $900,000,000 ($900M), but the terms add up to $400,000,000 ($400M) (committed $220,000,000 ($220M) + contingent $200,000,000 ($200M) + options $30,000,000 ($30M), equity $50,000,000 ($50M) excluded): correct the headline, or add the terms it counts.',
      data: { computed: '400000000' },
    }]);
  });

  it('the hover on the deal shows the convention', () => {
    const text = kestrel('$400 million including options excluding equity');
    const hover = doHover(analyzeDealText(text), text.indexOf('KestrelNorland2025') + 2)?.markdown ?? '';
    assert.ok(hover.includes('Headline **$400,000,000 ($400M)** = committed $220,000,000 ($220M) + contingent $200,000,000 ($200M) + options $30,000,000 ($30M), equity $50,000,000 ($50M) excluded'), hover);
  });
});

describe('order and optional words', () => {
  it('a group takes its by before or after the cap; titles may be left out', () => {
    const text = `deal O {
  stage phase1
  party A licensor
  party B licensee
  license L { from A to B }
  payments from B to A {
    milestones G1 by approval up to 10M territory US { }
    milestones G2 up to 5M by approval { }
  }
  option Opt { holder A exercise at phase2 fee 1M }
  scenario S { reach approval }
}
`;
    const document = analyzeDealText(text);
    assert.deepEqual(document.diagnostics, []);
    const json = rollupJson(document).deals[0];
    assert.deepEqual(json.payments.map((p) => p.by), ['approval', 'approval']);
    assert.equal(json.scenarios.S.byKind.milestone, '15000000');
  });

  it('by on a single payment is an error that says to write at', () => {
    const { found, ranges } = diagnosticsOf(`deal O {
  party A licensor
  party B licensee
  payments from B to A { milestone M 5M by «approval» }
}
`);
    assert.deepEqual(found.map((d) => [d.code, d.range, d.message]), [['invalid-value', ranges[0],
      '`by approval` names the stage that earns the undisclosed rest of a milestone group (`milestones NAME up to CAP by STAGE { … }`). A single payment is earned at a stage: write `at approval`.']]);
  });

  it('the formatter keeps every new spelling and its figures', () => {
    const text = kestrel('about $400 million including options excluding equity').replace('upfront €100m', 'upfront US$ 110 million');
    const formatted = formatDealText(analyzeDealText(text)) ?? text;
    assert.equal(formatDealText(analyzeDealText(formatted)) ?? formatted, formatted, 'a fixed point');
    assert.deepEqual(rollupJson(analyzeDealText(formatted)).deals[0].totals, rollupJson(analyzeDealText(text)).deals[0].totals);
    assert.ok(formatted.includes('headline about $400 million including options excluding equity'), formatted);
  });
});

describe('re-analysis after an edit to a version 2 term', () => {
  it('gives the figures and problems of a fresh analysis: option fees in the headline, equity premium, funding over a term', () => {
    const text = kestrel('$400 million including options excluding equity');
    const edits: [string, string][] = [
      ['fee 30M', 'fee 40M'], ['premium 25%', 'premium 20%'], ['over 3 years', 'over 4 years'],
      ['up to 60M', 'up to 61M'], ['€100m', '€120m'], ['50M at phase3', '-50M at phase3'],
    ];
    let document = analyzeDealText(text);
    let current = text;
    for (const [from, to] of edits) {
      current = current.replace(from, to);
      document = reanalyzeDealText(document, current);
      const fresh = analyzeDealText(current);
      assert.deepEqual(rollupJson(document), rollupJson(fresh), `after ${from} → ${to}`);
      assert.deepEqual(document.diagnostics, fresh.diagnostics, `after ${from} → ${to}`);
    }
    // committed €120m at 1.10 = 132M + equity 50M + funding 61M = 243M; contingent 200M; options 40M; equity 50M out.
    assert.equal(rollupJson(document).deals[0].totals.headline, '433000000');
  });
});

describe('equity in the economics', () => {
  it('counts at its fair value whichever way the premium is written', () => {
    const text = `deal E {
  fx EUR = 1.10 USD
  party A licensor
  party B licensee
  payments from B to A {
    equity S1 200M on signing premium 90.6M
    equity S2 $50 million premium 25%
    equity S3 10M
    equity S4 €100m premium €10m
  }
}
`;
    const items = analyzeDealText(text).deals[0].model.payments;
    assert.deepEqual(items.map((item) => equityFairValue(item.amount!, item).toFixed()), ['109400000', '40000000', '10000000', '99000000']);
  });
});
