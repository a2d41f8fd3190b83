// Milestones and royalties as deals write them: sales milestones inside a milestone group under
// one cap, royalty tiers on cumulative sales, and rates given as a range. Every expected figure
// is worked out in the comment beside it.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyzeDealText, type AnalyzedDocument } from '../../server/src/document/analyze';
import { rollupScenarios, type ScenarioRollup } from '../../server/src/engine/scenarios';
import { rnpvDeal } from '../../server/src/engine/rnpv';
import { findDocumentSymbols } from '../../server/src/features/document-symbols';
import { doHover } from '../../server/src/features/hover';
import { formatDealText } from '../../server/src/features/format';
import { renderMarkdown } from '../../server/src/exports/markdown';
import { renderCsv } from '../../server/src/exports/csv';
import { rollupJson } from '../../server/src/exports/rollup-json';
import { renderHtml } from '../../server/src/exports/html';
import { reanalyzeDealText } from '../../server/src/document/reanalyze';
import { diagnosticsOf, markedRanges } from './helpers';

function analyzed(text: string): AnalyzedDocument {
  const doc = analyzeDealText(text);
  assert.deepEqual(doc.parsed.syntaxErrors.map((e) => e.message), []);
  return doc;
}

const scenariosOf = (doc: AnalyzedDocument): Map<string, ScenarioRollup> => rollupScenarios(doc.deals[0].model);

/** A scenario's payments of one kind, as [label, year, amount]. */
const rows = (rollup: ScenarioRollup, kind: string) =>
  rollup.payments.filter((p) => p.kind === kind).map((p) => [p.label, p.year, p.amount.toFixed()]);

const hoverAt = (doc: AnalyzedDocument, before: string) => {
  const at = doc.text.indexOf(before);
  assert.ok(at >= 0, `${before} not in the text`);
  return doc.deals.length ? doHover(doc, at + 1)?.markdown ?? '' : '';
};

// The worked figures of LANGUAGE.md (version 2) and examples/kestrel-norland-2025.deal, in one
// programme: KB-101 approved, US and ex-US sales, an opt-in that forfeits US royalties.
const kestrel = `deal K "Kestrel / Norland" {
  signed 2025-03-03
  party Kestrel licensor
  party Norland licensee
  payments from Norland to Kestrel {
    upfront 110M on signing
    milestones Dev "development and sales milestones" up to 200M by approval {
      milestone Ph3 "phase 3 start" 50M at phase3
      sales milestone FirstSales "first year of 500M sales" 25M when annual net_sales reach 500M
    }
    royalty Royalties on cumulative net_sales {
      10% up to 500M
      15% above
    }
  }
  option CoCo {
    holder Kestrel
    territory US
    exercise at phase3 fee 25M
    on exercise {
      forfeit Royalties in US
      forfeit unearned Dev
    }
  }
  scenario OptIn {
    timeline { phase3 2026  filing 2028  approval 2029 }
    reach approval
    exercise CoCo at phase3
    sales US { 2030: 400M  2031: 800M }
    sales "ex-US" { 2030: 200M  2031: 400M }
  }
  scenario NoOptIn {
    timeline { phase3 2026  filing 2028  approval 2029 }
    reach approval
    sales US { 2030: 400M  2031: 800M }
    sales "ex-US" { 2030: 200M  2031: 400M }
  }
}`;

describe('a milestone group holding sales milestones', () => {
  const doc = analyzed(kestrel);
  const scenarios = scenariosOf(doc);

  it('parses with no error, the sales milestone inside its group', () => {
    const group = doc.deals[0].model.payments.find((p) => p.name === 'Dev')!;
    assert.deepEqual(group.items!.map((m) => [m.name, m.kind, m.amount!.toFixed()]), [
      ['Ph3', 'milestone', '50000000'],
      ['FirstSales', 'sales-milestone', '25000000'],
    ]);
    assert.equal(group.itemized!.toFixed(), '75000000'); // 50M + 25M
    assert.equal(group.undisclosedRest!.toFixed(), '125000000'); // 200M − 75M
  });

  it('counts the whole cap under milestone at deal level, whatever its items', () => {
    const totals = doc.deals[0].totals;
    assert.deepEqual([...totals.byKind].map(([k, v]) => [k, v.toFixed()]), [['upfront', '110000000'], ['milestone', '200000000']]);
    assert.equal(totals.contingent.toFixed(), '200000000');
  });

  it('earns each item by its own trigger and the rest at the group\'s `by` stage', () => {
    const none = scenarios.get('NoOptIn')!;
    assert.deepEqual(rows(none, 'milestone'), [
      ['Ph3', 2026, '50000000'], //                      at phase3, timeline 2026
      ['Dev undisclosed rest', 2029, '125000000'], //   at approval, timeline 2029
    ]);
    // 2030 sales 600M (400M US + 200M ex-US) reach the 500M threshold first.
    assert.deepEqual(rows(none, 'sales-milestone'), [['FirstSales', 2030, '25000000']]);
    assert.equal(none.byKind.get('milestone')!.toFixed(), '175000000');
    assert.equal(none.byKind.get('sales-milestone')!.toFixed(), '25000000');
  });

  it('forfeits the unearned items of the group on exercise: the sales milestone and the rest', () => {
    const optIn = scenarios.get('OptIn')!;
    assert.deepEqual(rows(optIn, 'milestone'), [['Ph3', 2026, '50000000']]); // earned at the exercise stage
    assert.deepEqual(rows(optIn, 'sales-milestone'), []);
    assert.deepEqual(optIn.forfeited.map((f) => [f.label, f.amount?.toFixed()]), [
      ['Dev undisclosed rest', '125000000'],
      ['FirstSales', '25000000'],
      ['Royalties royalty in US', '180000000'], // 65M + 180M worldwide − (20M + 45M) ex-US
    ]);
  });

  it('checks the cap against all items: more than the cap is an error on the cap', () => {
    const { found, ranges } = diagnosticsOf(`deal D {
  party A licensor
  party B licensee
  payments from B to A {
    milestones Commercial up to «60M» {
      milestone First 50M at approval
      sales milestone S 20M when annual net_sales reach 200M
    }
  }
}`);
    const exceeded = found.filter((d) => d.code === 'cap-exceeded');
    assert.deepEqual(exceeded.map((d) => [d.range, d.message]), [[ranges[0],
      'Itemized milestones total $70,000,000 ($70M), more than the $60,000,000 ($60M) cap by $10,000,000 ($10M): raise the cap (`up to`) or correct the milestones.']]);
  });

  it('was a syntax error with a cascade; now the example of the contract checks clean', () => {
    const doc = analyzeDealText(`deal D {
  currency EUR
  fx USD = 0.9 EUR
  party A licensor
  party B licensee
  payments from B to A {
    milestones Commercial up to €360M {
      sales milestone S $20M when annual net_sales reach $200M
    }
    royalty R 5% on net_sales
  }
}`);
    assert.deepEqual(doc.parsed.syntaxErrors, []);
    assert.deepEqual(doc.deals[0].diagnostics.map((d) => d.code), ['cap-remainder']);
    // $20M at 0.9 = €18M itemized of the €360M cap: €342M undisclosed.
    assert.match(doc.deals[0].diagnostics[0].message, /€18,000,000 \(€18M\) of the €360,000,000 \(€360M\) cap: €342,000,000 \(€342M\) undisclosed/);
  });

  it('a typo inside a group is one error, and the group and the terms after it are kept', () => {
    const doc = analyzeDealText(`deal D {
  party A licensor
  party B licensee
  payments from B to A {
    milestones G up to 50M {
      sales milestone S 5M whem annual net_sales reach 100M
      milestone M 10M at approval
    }
    royalty R 5% on net_sales
  }
}`);
    assert.equal(doc.parsed.syntaxErrors.length, 1);
    const model = doc.deals[0].model;
    assert.deepEqual(model.payments.map((p) => p.name), ['G', 'R']);
    assert.deepEqual(model.payments[0].items!.map((m) => m.name), ['S', 'M']);
  });

  it('another payment written inside a group is one error on its keyword, and stays a payment of the block', () => {
    const { found, ranges } = diagnosticsOf(`deal D {
  party A licensor
  party B licensee
  payments from B to A {
    milestones G up to 50M {
      milestone M1 10M at phase3
      «upfront» U 5M on signing
      sales milestone S 20M when annual net_sales reach 200M
    }
    royalty R 5% on net_sales
  }
}`);
    assert.deepEqual(found.filter((d) => d.severity === 'error').map((d) => [d.code, d.range, d.message]), [['syntax-error', ranges[0],
      'An upfront payment cannot stand inside milestone group G: a group holds milestones and sales milestones. Move it after the group\'s \'}\'.']]);
    const model = analyzeDealText(markedRanges(`deal D {
  party A licensor
  party B licensee
  payments from B to A {
    milestones G up to 50M {
      milestone M1 10M at phase3
      upfront U 5M on signing
      sales milestone S 20M when annual net_sales reach 200M
    }
    royalty R 5% on net_sales
  }
}`).text).deals[0].model;
    assert.deepEqual(model.payments.map((p) => [p.name, p.kind, (p.items ?? []).map((m) => m.name)]), [
      ['G', 'milestone', ['M1', 'S']], ['U', 'upfront', []], ['R', 'royalty', []],
    ]);
  });

  it('an edit inside a sales milestone of a group re-reads that item alone, as a fresh analysis would', () => {
    const at = kestrel.indexOf('25M when annual');
    const text = `${kestrel.slice(0, at)}2${kestrel.slice(at)}`; // 25M → 225M: more than the cap
    const before = analyzeDealText(kestrel);
    const after = reanalyzeDealText(before, text);
    const fresh = analyzeDealText(text);
    assert.deepEqual(after.parsed.file, fresh.parsed.file);
    assert.deepEqual(after.diagnostics, fresh.diagnostics);
    assert.notEqual(after.deals[0].model.deal, before.deals[0].model.deal);
    assert.equal(after.deals[0].model.deal.parties, before.deals[0].model.deal.parties); // read term by term
    assert.deepEqual(after.diagnostics.map((d) => d.code), ['cap-exceeded']); // 50M + 225M > 200M
  });

  it('shows the sales milestone inside its group: hover, outline, Markdown, CSV and JSON', () => {
    const hover = hoverAt(doc, 'Dev "development');
    assert.ok(hover.includes('- FirstSales: $25,000,000 ($25M) — when annual net\\_sales reach $500,000,000 ($500M)'), hover);
    const outline = findDocumentSymbols(doc)[0].children.find((c) => c.kind === 'payments')!.children.find((c) => c.name === 'Dev')!;
    assert.deepEqual(outline.children.map((c) => [c.name, c.detail]), [['Ph3', 'milestone · $50M'], ['FirstSales', 'sales-milestone · $25M']]);
    const md = renderMarkdown(doc);
    assert.ok(md.includes('| first year of 500M sales | annual net sales reach $500,000,000 ($500M) |  | $25,000,000 ($25M) |'), md);
    const csv = renderCsv(doc).split('\r\n');
    assert.ok(csv.includes('K,,,sales-milestone,first year of 500M sales,Norland,Kestrel,25000000,USD,,,,,'), csv.join('\n'));
    const json = rollupJson(doc).deals[0].payments.find((p) => p.name === 'Dev')!;
    assert.deepEqual(json.milestones!.map((m) => [m.kind, m.name, m.amount, m.threshold]), [
      ['milestone', 'Ph3', '50000000', undefined],
      ['sales-milestone', 'FirstSales', '25000000', '500000000'],
    ]);
    const html = renderHtml(doc);
    assert.ok(html.includes('annual net sales reach $500,000,000 ($500M)'));
  });

  it('values a sales milestone of a group at the chance of launch, like any sales milestone', () => {
    const doc = analyzed(`deal D {
  signed 2020-01-01
  stage phase3
  party A licensor
  party B licensee
  stages { phase3 success 50%  filing success 80%  approval success 90%  launch }
  payments from B to A {
    milestones G up to 100M by approval expected 2024 {
      milestone Filed 10M at filing expected 2022
      sales milestone S 20M when annual net_sales reach 100M expected 2026
    }
  }
  valuation { as of 2020-01-01  discount 0% }
}`);
    const rows = rnpvDeal(doc.deals[0].model)!.rows;
    assert.deepEqual(rows.map((r) => [r.label, r.stage, r.probability!.toFixed(), r.rnpv!.toFixed()]), [
      ['Filed', 'filing', '0.5', '5000000'], //                   10M × 50%
      ['S', 'launch', '0.36', '7200000'], //                      20M × 50% × 80% × 90%
      ['G undisclosed rest', 'approval', '0.4', '28000000'], //   70M × 50% × 80%
    ]);
  });

  it('formats to one item per line inside the group', () => {
    const doc = analyzed('deal D { party A licensor party B licensee payments from B to A { milestones G up to 50M { milestone M 1M at phase1 sales milestone S 5M when annual net_sales reach 100M } } }');
    assert.equal(formatDealText(doc), [
      'deal D {',
      '  party A licensor',
      '  party B licensee',
      '  payments from B to A {',
      '    milestones G up to 50M {',
      '      milestone M 1M at phase1',
      '      sales milestone S 5M when annual net_sales reach 100M',
      '    }',
      '  }',
      '}',
      '',
    ].join('\n'));
  });
});

describe('royalty tiers on cumulative sales', () => {
  const doc = analyzed(kestrel);
  const scenarios = scenariosOf(doc);

  it('worldwide: each year\'s slice of cumulative sales cut by the bands', () => {
    assert.deepEqual(rows(scenarios.get('NoOptIn')!, 'royalty'), [
      ['Royalties royalty 2030', 2030, '65000000'], //  cumulative 0 → 600M: 10% × 500M + 15% × 100M
      ['Royalties royalty 2031', 2031, '180000000'], // cumulative 600M → 1.8B: 15% × 1.2B
    ]);
  });

  it('after a forfeit in US, the cumulative total counts only the ex-US sales it is still paid on', () => {
    const optIn = scenarios.get('OptIn')!;
    assert.deepEqual(rows(optIn, 'royalty'), [
      ['Royalties royalty 2030', 2030, '20000000'], //  ex-US 0 → 200M: 10% × 200M
      ['Royalties royalty 2031', 2031, '45000000'], //  ex-US 200M → 600M: 10% × 300M + 15% × 100M
    ]);
    const slices = optIn.payments.find((p) => p.year === 2031 && p.kind === 'royalty')!.royalty!;
    assert.deepEqual(slices.tiers.map((t) => [t.rate.toFixed(), t.base.toFixed(), t.amount.toFixed()]),
      [['0.1', '300000000', '30000000'], ['0.15', '100000000', '15000000']]);
    assert.equal(slices.cumulative!.toFixed(), '600000000');
    const json = rollupJson(doc).deals[0];
    assert.equal(json.scenarios.OptIn.payments.find((p) => p.year === 2031 && p.kind === 'royalty')!.cumulativeSales, '600000000');
    assert.equal(json.payments.find((p) => p.name === 'Royalties')!.cumulative, true);
  });

  it('`total`: the band the cumulative total reaches at the year\'s end sets the rate for all of that year', () => {
    const doc = analyzed(`deal D {
  party A licensor
  party B licensee
  payments from B to A {
    royalty R on cumulative net_sales total { 10% up to 500M  15% up to 1B  20% above }
  }
  scenario S { sales { 2030: 300M  2031: 300M  2032: 300M  2033: 200M } }
}`);
    assert.deepEqual(rows(scenariosOf(doc).get('S')!, 'royalty'), [
      ['R royalty 2030', 2030, '30000000'], // cumulative 300M: 10% × 300M
      ['R royalty 2031', 2031, '45000000'], // cumulative 600M: 15% × 300M
      ['R royalty 2032', 2032, '45000000'], // cumulative 900M: 15% × 300M
      ['R royalty 2033', 2033, '40000000'], // cumulative 1.1B: 20% × 200M
    ]);
  });

  it('annual tiers stay annual: the same table without `cumulative` starts each year from zero', () => {
    const doc = analyzed(kestrel.replace('on cumulative net_sales', 'on net_sales'));
    assert.deepEqual(rows(scenariosOf(doc).get('NoOptIn')!, 'royalty').map((r) => r[2]), [
      '65000000', //  10% × 500M + 15% × 100M
      '155000000', // 10% × 500M + 15% × 700M
    ]);
  });

  it('hover, outline and Markdown say the tiers are on cumulative sales', () => {
    const hover = hoverAt(doc, 'Royalties on cumulative');
    assert.ok(hover.includes('Tiers apply to cumulative sales (all years so far)'), hover);
    assert.ok(hover.includes('Rates by cumulative net\\_sales:'), hover);
    const outline = findDocumentSymbols(doc)[0].children.find((c) => c.kind === 'payments')!.children.find((c) => c.name === 'Royalties')!;
    assert.equal(outline.detail, 'royalty · 2 tiers on cumulative sales');
    assert.ok(renderMarkdown(doc).includes('### Royalties: tiered on cumulative net sales (2 tiers, marginal)'));
  });
});

describe('royalty rates given as a range', () => {
  const doc = analyzed(`deal R {
  signed 2025-01-01
  party A licensor
  party B licensee
  payments from B to A {
    royalty Flat 18% to 22% on net_sales
    royalty Tiered on net_sales {
      22% to 26% up to 500M
      30% above
    }
  }
  scenario S { sales { 2030: 600M } }
}`);

  it('counts at the midpoint in scenarios', () => {
    assert.deepEqual(rows(scenariosOf(doc).get('S')!, 'royalty'), [
      ['Flat royalty 2030', 2030, '120000000'], //   20% × 600M
      ['Tiered royalty 2030', 2030, '150000000'], // 24% × 500M + 30% × 100M
    ]);
  });

  it('keeps `rate` (the midpoint) and adds the range in the JSON', () => {
    const payments = rollupJson(doc).deals[0].payments;
    assert.deepEqual(payments.map((p) => [p.name, p.rate, p.rateRange, p.tiers]), [
      ['Flat', '20', { min: '18', max: '22' }, undefined],
      ['Tiered', undefined, undefined, [{ rate: '24', rateRange: { min: '22', max: '26' }, upTo: '500000000' }, { rate: '30', above: true }]],
    ]);
  });

  it('shows the range in hover, outline and the preview', () => {
    const flat = hoverAt(doc, 'Flat 18%');
    assert.ok(flat.includes('18% to 22% of annual net\\_sales. Scenarios count the midpoint, 20%.'), flat);
    const tiered = hoverAt(doc, 'Tiered on');
    assert.ok(tiered.includes('- up to $500,000,000 ($500M): 22% to 26%'), tiered);
    assert.ok(tiered.includes('A rate range counts at its midpoint.'), tiered);
    const outline = findDocumentSymbols(doc)[0].children.find((c) => c.kind === 'payments')!.children;
    assert.equal(outline[0].detail, 'royalty · 18% to 22%');
    const html = renderHtml(doc);
    assert.ok(html.includes('18% to 22% on net sales'));
    assert.ok(html.includes('22% to 26%'));
  });

  it('a range from the higher rate to the lower is an error on the range', () => {
    const { found, ranges } = diagnosticsOf(`deal D {
  party A licensor
  party B licensee
  payments from B to A {
    royalty R «22% to 18%» on net_sales
  }
}`);
    assert.deepEqual(found.filter((d) => d.code === 'invalid-value').map((d) => [d.range, d.message]), [[ranges[0],
      'A rate range goes from the lower rate to the higher: write `18% to 22%`.']]);
  });

  it('formats a tier with a range as one tier', () => {
    const doc = analyzed('deal D { party A licensor party B licensee payments from B to A { royalty R on net_sales { 22% to 26% up to 500M 30% above } } }');
    assert.ok(formatDealText(doc)!.includes('    royalty R on net_sales {\n      22% to 26% up to 500M\n      30% above\n    }\n'));
  });
});
