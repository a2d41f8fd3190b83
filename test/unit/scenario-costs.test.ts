// A scenario's `costs { ... }` block: read into the syntax tree and the scenario's costs in the
// deal currency, laid out by the formatter, listed in the outline, coloured, folded, and clear
// errors where it is written wrong. What the costs are worth to each party is not computed here.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { analyzeDealText, type AnalyzedDocument } from '../../server/src/document/analyze';
import { rollupScenarios } from '../../server/src/engine/scenarios';
import { findDocumentSymbols } from '../../server/src/features/document-symbols';
import { findFoldingRanges } from '../../server/src/features/folding';
import { formatDealText } from '../../server/src/features/format';
import { findSemanticTokens } from '../../server/src/features/semantic-tokens';
import { scenarioCosts } from '../../server/src/model/scenario-costs';
import { costsInput } from '../../server/src/engine/economics/costs-input';
import { scenarioEconomics } from '../../server/src/engine/economics/scenario-economics';
import { salesBook } from '../../server/src/engine/scenarios/sales';
import { shownMultiplier } from '../../server/src/engine/economics/break-even';
import { diagnosticsOf } from './helpers';

const seedText = readFileSync(new URL('../../examples/immunogen-biotest-2006.deal', import.meta.url), 'utf8');

const withCosts = (costs: string) => `deal D {
  currency USD
  fx EUR = 1.10 USD
  party A licensor
  party B licensee
  payments from B to A { upfront 1M on signing }
  scenario S {
    reach approval
    sales US { 2016: 100M }
    ${costs}
  }
}`;

function analyzed(text: string): AnalyzedDocument {
  const doc = analyzeDealText(text);
  assert.deepEqual(doc.parsed.syntaxErrors.map((e) => e.message), []);
  return doc;
}

describe('scenario costs', () => {
  it('the seed deal\'s OptInWithCosts checks clean and keeps the figures of its comments', () => {
    const doc = analyzed(seedText);
    assert.deepEqual(doc.diagnostics.filter((d) => d.severity === 'error' || d.severity === 'warning'), []);
    const rollup = rollupScenarios(doc.deals[0].model).get('OptInWithCosts')!;
    const parties = [...rollup.parties].map(([id, p]) => [id, p.receives.toFixed(), p.pays.toFixed()]);
    assert.deepEqual(parties, [['ImmunoGen', '1000000', '5000000'], ['Biotest', '5000000', '1000000']]);
  });

  it('give the economics engine its input: the seed\'s values 36M and 114M, as its comments say', () => {
    const doc = analyzed(seedText);
    const model = doc.deals[0].model;
    const scenario = model.scenarios.get('OptInWithCosts')!;
    const units = (s: typeof scenario) => [{ book: salesBook(model, s), costs: costsInput(scenarioCosts(model, s)) }];
    const economics = scenarioEconomics(model, scenario, { units, developers: () => [] });
    assert.equal(economics.totals.projectValue.toFixed(), '150000000'); // 225M operating profit − 75M development
    assert.deepEqual([...economics.parties].map(([p, v]) => [p, v.profit.toFixed(), v.costs.toFixed(), v.value.toFixed()]), [
      ['ImmunoGen', '75000000', '35000000', '36000000'], // 1 − 5 + 75 − 35
      ['Biotest', '150000000', '40000000', '114000000'], // 5 − 1 + 150 − 40
    ]);
    const [exercise] = economics.exercises;
    assert.deepEqual([...exercise.gain].map(([p, v]) => [p, v.toFixed()]), [['ImmunoGen', '-500000'], ['Biotest', '500000']]);
    assert.equal(shownMultiplier(exercise.breakEven!), '1.01');
  });

  it('are kept on the scenario in the deal currency: per territory, per year, or a share of sales', () => {
    const doc = analyzed(withCosts(`costs {
      development US { 2010: 10M  2011: 12.5M }
      development { 2012: €1M }
      goods 20% of sales
      commercial "ex-US" { 2016: 3M  2016: 1M }
      commercial US 30% of sales
    }`));
    const model = doc.deals[0].model;
    const costs = scenarioCosts(model, model.deal.scenarios[0]);
    assert.deepEqual(costs.lines.map((c) => [c.kind, c.territory, c.shareOfSales?.toFixed(), [...c.years].map(([y, v]) => `${y}: ${v.toFixed()}`), c.total.toFixed()]), [
      ['development', 'US', undefined, ['2010: 10000000', '2011: 12500000'], '22500000'],
      ['development', undefined, undefined, ['2012: 1100000'], '1100000'], // €1M at 1.10
      ['goods', undefined, '0.2', [], '0'],
      ['commercial', 'ex-US', undefined, ['2016: 4000000'], '4000000'], //      a year given twice adds up (and is an error)
      ['commercial', 'US', '0.3', [], '0'],
    ]);
    assert.deepEqual(costs.keywordSpan, { start: doc.text.indexOf('costs {'), end: doc.text.indexOf('costs {') + 'costs'.length });
  });

  it('explain each mistake at its place', () => {
    const { found, ranges } = diagnosticsOf(withCosts(`costs {
      development US «20% of sales»
      goods 20% of sales
      «goods» { 2016: 5M }
      commercial { «16»: 3M  2016: 1M  «2016»: 2M }
    }
    «costs» { commercial US 10% of sales }`));
    assert.deepEqual(found.map((d) => [d.code, d.range, d.message]), [
      ['invalid-value', ranges[0], 'Development costs are not a share of sales: give them per year, e.g. `development US { 2010: 10M  2011: 12M }`.'],
      ['invalid-value', ranges[1], '`goods` is already given in these costs: give each kind of cost once per territory (all its years in one table).'],
      ['invalid-date', ranges[2], 'This is not a year: write each year of costs as four digits, e.g. `2010: 10M`.'],
      ['invalid-value', ranges[3], 'Costs for 2016 are already given in this table: give each year once.'],
      ['invalid-value', ranges[4], 'The costs are already given in this scenario: put all of them in one `costs { }` block.'],
    ]);
  });

  it('a cost rate above 100% and an amount with no fx rate are the usual errors', () => {
    const { found, ranges } = diagnosticsOf(withCosts(`costs {
      goods «120%» of sales
      development { 2010: «CHF» 1M }
    }`));
    assert.deepEqual(found.map((d) => [d.code, d.range]), [['percent-out-of-range', ranges[0]], ['fx-missing', ranges[1]]]);
  });

  it('a syntax error inside costs is one error on the word, and the lines and scenario after it still read', () => {
    const doc = analyzeDealText(withCosts(`costs {
      goods 20% of salse
      commercial 30% of sales
    }
  }
  scenario T { reach phase2`));
    assert.equal(doc.parsed.syntaxErrors.length, 1);
    assert.match(doc.parsed.syntaxErrors[0].message, /salse/);
    const scenarios = doc.deals[0].model.deal.scenarios;
    assert.deepEqual(scenarios.map((s) => s.name.text), ['S', 'T']);
    assert.deepEqual(scenarios[0].costs[0].lines.map((l) => l.kind), ['commercial']);
  });

  it('format to one line each, their year tables on the line', () => {
    const doc = analyzed('deal D { party A licensor party B licensee payments from B to A { upfront 1M } scenario S { reach approval costs { development US { 2010: 10M 2011: 5M } goods 20% of sales commercial "ex-US" { 2016: 3M } } } }');
    const formatted = formatDealText(doc)!;
    assert.ok(formatted.includes([
      '  scenario S {',
      '    reach approval',
      '    costs {',
      '      development US { 2010: 10M  2011: 5M }',
      '      goods 20% of sales',
      '      commercial "ex-US" { 2016: 3M }',
      '    }',
      '  }',
    ].join('\n')), formatted);
    assert.equal(formatDealText(analyzeDealText(formatted)), formatted);
  });

  it('are in the outline under their scenario, folded, and their years coloured as dates', () => {
    const doc = analyzed(seedText);
    const scenario = findDocumentSymbols(doc)[0].children.find((c) => c.name === 'OptInWithCosts')!;
    assert.deepEqual(scenario.children.map((c) => [c.name, c.kind, c.children.map((l) => [l.name, l.detail])]), [
      ['costs', 'costs', [
        ['development US', '$70M, 2010–2014'], ['development ex-US', '$5M, 2010'], ['goods', '20% of sales'], ['commercial', '30% of sales'],
      ]],
    ]);
    const costsLine = doc.lines.positionAt(doc.text.indexOf('    costs {')).line;
    assert.ok(findFoldingRanges(doc).some((r) => r.startLine === costsLine));
    const year2013 = doc.text.indexOf('2013: 20M');
    assert.ok(findSemanticTokens(doc).some((t) => t.span.start === year2013 && t.type === 'date'));
    const twenty = doc.text.indexOf('20% of sales');
    assert.ok(findSemanticTokens(doc).some((t) => t.span.start === twenty && t.type === 'percentage'));
  });
});
