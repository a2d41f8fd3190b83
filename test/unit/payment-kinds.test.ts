// One table of payment kinds: every kind the grammar can write is in it, every renderer names a
// kind with its words, and every list of kinds follows its order — whatever order the deal is
// written in. The deal below holds every kind, written last kind first.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyzeDealText } from '../../server/src/document/analyze';
import { rollupTable } from '../../server/src/cli/rollup-table';
import { renderHtml, renderJson, renderMarkdown } from '../../server/src/exports';
import { termSheetCss } from '../../server/src/exports/html-style';
import { renderPortfolioMarkdown } from '../../server/src/exports/portfolio';
import { rollupPortfolio } from '../../server/src/engine/portfolio';
import { rollupScenario } from '../../server/src/engine/scenarios';
import { doHover } from '../../server/src/features/hover';
import { doComplete } from '../../server/src/features/completion';
import { formatDealText } from '../../server/src/features/format';
import type * as ast from '../../server/src/language/ast';
import { keywordNames } from '../../server/src/language/tokens';
import {
  kindOfNode, kindOrder, paymentKinds, paymentWord, type PaymentKind,
} from '../../server/src/model/payment-kinds';
import { diagnosticsOf } from './helpers';
import { plainCells } from './plain-cells';

const everyKind = [
  'deal Every "every kind of payment" {',
  '  currency USD',
  '  signed 2024-01-01',
  '  party Lic "Licensor, Inc." licensor',
  '  party Par "Partner AG" licensee',
  '  payments from Par to Lic {',
  '    manufacturing Supply "clinical supply" at cost',
  '    royalty Royalties 10% on net_sales',
  '    sales milestone FirstSales 20M when annual net_sales reach 100M',
  '    milestones Dev "development milestones" up to 30M by phase3 {',
  '      milestone Ph2 "phase 2 start" 10M at phase2 expected 2025',
  '    }',
  '    funding Research "research FTEs" 1M per year for 2 years',
  '    equity Stock 5M on signing',
  '    fee Access "technology access fee" 2M on 2024-06-01',
  '    upfront Signing 3M on signing',
  '  }',
  '  option OptIn "co-development" {',
  '    holder Lic',
  '    exercise at phase2 fee 4M',
  '  }',
  '  scenario Launch "approved, with sales" {',
  '    timeline { phase1 2024  phase2 2025  phase3 2026  filing 2027  approval 2028 }',
  '    reach approval',
  '    exercise OptIn at phase2',
  '    sales { 2029: 150M }',
  '  }',
  '}',
].join('\n');
const document = analyzeDealText(everyKind);
const [deal] = document.deals;

/** Each AST node, the line that writes it in the deal above and the kind it is. */
const nodes: Record<ast.Payment['type'], [string, PaymentKind]> = {
  Manufacturing: ['manufacturing Supply', 'manufacturing'],
  Royalty: ['royalty Royalties', 'royalty'],
  SalesMilestone: ['sales milestone FirstSales', 'sales-milestone'],
  MilestoneGroup: ['milestones Dev', 'milestone'],
  Milestone: ['milestone Ph2', 'milestone'],
  Funding: ['funding Research', 'funding'],
  Equity: ['equity Stock', 'equity'],
  Fee: ['fee Access', 'fee'],
  Upfront: ['upfront Signing', 'upfront'],
};

/** The kinds in the table's order, keeping those in `have`. */
const inOrder = (have: Iterable<string>) => kindOrder.filter((k) => [...have].includes(k));
const dealKinds = inOrder(['upfront', 'fee', 'equity', 'funding', 'milestone', 'sales-milestone']);
const scenarioKinds = inOrder([...dealKinds, 'royalty', 'option-fee']);

describe('the table of payment kinds', () => {
  it('holds every kind of the language, in the order a term sheet lists them, with one wording each', () => {
    assert.deepEqual(kindOrder, ['upfront', 'fee', 'equity', 'funding', 'milestone', 'sales-milestone', 'royalty', 'option-fee', 'manufacturing']);
    assert.deepEqual(kindOrder.map((k) => [paymentKinds[k].label, paymentKinds[k].plural]), [
      ['Upfront', 'Upfront'], ['Fee', 'Fees'], ['Equity', 'Equity'], ['Research funding', 'Research funding'],
      ['Milestone', 'Milestones'], ['Sales milestone', 'Sales milestones'], ['Royalty', 'Royalties'],
      ['Option fee', 'Option fees'], ['Manufacturing', 'Manufacturing'],
    ]);
    assert.deepEqual(kindOrder.map((k) => paymentKinds[k].total), [
      'committed', 'committed', 'committed', 'committed', 'contingent', 'contingent', 'unvalued', 'on-exercise', 'unvalued',
    ]);
  });

  it('gives every AST node of a payment its kind, as the parsed deal has it', () => {
    assert.deepEqual(document.diagnostics.filter((d) => d.severity === 'error'), []);
    const items = deal.model.payments.flatMap((item) => [item, ...(item.items ?? [])]);
    assert.deepEqual(items.map((item) => item.node.type).sort(), Object.keys(nodes).sort());
    for (const item of items) {
      const [written, kind] = nodes[item.node.type];
      assert.equal(item.kind, kind, written);
      assert.equal(kindOfNode(item.node.type), kind, written);
      assert.ok(everyKind.slice(item.node.span.start).startsWith(written), `${item.node.type} is written as ${written}`);
      assert.ok((paymentKinds[kind].keywords as readonly string[]).includes(written.split(' ')[0]), `${written} starts with a keyword of ${kind}`);
    }
  });

  it('lists only keywords of the language, each kind written with its own', () => {
    const keywords = kindOrder.flatMap((k) => paymentKinds[k].keywords);
    for (const word of keywords) assert.ok((keywordNames as readonly string[]).includes(word), word);
    assert.equal(new Set(keywords).size, keywords.length, 'no keyword starts two kinds');
    assert.deepEqual(paymentKinds['option-fee'].keywords, [], 'an option fee is written in the option');
  });

  it('names each node in a sentence, as the diagnostics say it', () => {
    assert.deepEqual(Object.keys(nodes).map((type) => paymentWord(type as ast.Payment['type'])), [
      'manufacturing payment', 'royalty', 'sales milestone', 'milestone group', 'milestone', 'research funding',
      'equity purchase', 'fee', 'upfront payment',
    ]);
    const { found, ranges } = diagnosticsOf([
      'deal D {',
      '  party A "A" licensor',
      '  payments {',
      '    «funding» 1M per year for 2 years',
      '  }',
      '}',
    ].join('\n'));
    const missing = found.find((d) => d.code === 'missing-party');
    assert.equal(missing?.range, ranges[0]);
    assert.equal(missing?.message,
      'Who pays this research funding, and who receives it? Add `from PAYER to PAYEE` to the payment, or to its block: `payments from PAYER to PAYEE { ... }`.');
  });

  it('formats a payments block whatever kind each line starts with', () => {
    const text = everyKind.replace(/\n {4}(manufacturing|royalty|sales|milestones|funding|equity|fee|upfront) /g, '\n$1 ');
    assert.equal(formatDealText(analyzeDealText(text)), `${everyKind}\n`);
  });
});

describe('every renderer names kinds with the table\'s words', () => {
  const label = (kind: PaymentKind) => paymentKinds[kind].label;
  const plural = (kind: PaymentKind) => paymentKinds[kind].plural;

  it('heads each payment\'s hover with its kind', () => {
    for (const [type, [written, kind]] of Object.entries(nodes)) {
      const hover = doHover(document, everyKind.indexOf(written) + 1);
      const name = written.split(' ').pop();
      const heading = type === 'MilestoneGroup' ? 'Milestone group' : label(kind);
      assert.ok(hover?.markdown.startsWith(`**${heading} ${name}**`), `${written}: ${hover?.markdown.split('\n')[0]}`);
    }
  });

  it('totals the deal by kind in the deal\'s hover', () => {
    const hover = doHover(document, everyKind.indexOf('deal Every') + 6)!.markdown;
    assert.ok(hover.includes('By kind: Upfront $3,000,000 ($3M); Fees $2,000,000 ($2M); Equity $5,000,000 ($5M); '
      + 'Research funding $2,000,000 ($2M); Milestones $30,000,000 ($30M); Sales milestones $20,000,000 ($20M)'), hover);
    assert.ok(hover.includes('Option fees, royalties and manufacturing are not in these totals; scenarios count them.'));
  });

  it('details a payment name in completion with its kind', () => {
    const at = everyKind.indexOf('exercise at phase2');
    const text = `${everyKind.slice(0, at)}exercise at phase2 fee 4M\n    on exercise { forfeit ${everyKind.slice(at + 'exercise at phase2 fee 4M'.length)}`
      .replace('forfeit \n', 'forfeit \n  }\n');
    const offset = text.indexOf('forfeit ') + 'forfeit '.length;
    const items = doComplete(analyzeDealText(text), offset).filter((i) => i.kind === 'payment');
    assert.deepEqual(items.map((i) => [i.label, i.detail]), [
      ['Supply', 'Manufacturing'], ['Royalties', 'Royalty'], ['FirstSales', 'Sales milestone'], ['Ph2', 'Milestone'],
      ['Research', 'Research funding'], ['Stock', 'Equity'], ['Access', 'Fee'], ['Signing', 'Upfront'],
    ]);
  });

  it('prints the CLI rollup by kind in the table\'s order and words', () => {
    const table = rollupTable(document);
    const byKind = (section: string) => section.split('\n').filter((l) => /^ {2}\S/.test(l) && !/^ {2}(By kind|-)/.test(l))
      .map((l) => l.trim().split(/ {2,}/));
    const [dealPart, scenarioPart] = table.split('Scenario Launch');
    const dealKindsAt = dealPart.indexOf('By kind');
    // The table ends at its blank line (the payments and options follow).
    assert.deepEqual(byKind(dealPart.slice(dealKindsAt).split('\n\n')[0]), [
      ['Upfront', '$3,000,000'], ['Fees', '$2,000,000'], ['Equity', '$5,000,000'], ['Research funding', '$2,000,000'],
      ['Milestones', '$30,000,000'], ['Sales milestones', '$20,000,000'],
    ]);
    const scenarioKindsAt = scenarioPart.indexOf('By kind');
    assert.deepEqual(byKind(scenarioPart.slice(scenarioKindsAt, scenarioPart.indexOf('By year'))).map(([kind]) => kind),
      scenarioKinds.map(plural));
    assert.ok(scenarioPart.includes('  By kind                Amount\n  ----------------  -----------\n  Upfront            $3,000,000\n'));
    assert.ok(scenarioPart.includes('  Royalties         $15,000,000\n  Option fees        $4,000,000\n'));
  });

  it('writes the Markdown kinds: each payment\'s kind, and the totals by kind in order', () => {
    const md = renderMarkdown(document);
    const kindTable = md.slice(md.indexOf('| Kind | Amount |'), md.indexOf('## Economics'));
    assert.deepEqual([...kindTable.matchAll(/^\| ([A-Z][a-z ]+) \| \$/gm)].map((m) => m[1]), dealKinds.map(plural));
    assert.match(kindTable, /^\| Milestones \| \$30,000,000 \(\$30M\) \|$/m);
    const economics = md.slice(md.indexOf('## Economics'), md.indexOf('### development milestones'));
    assert.deepEqual([...economics.matchAll(/^\| ([A-Z][a-z ]+) \| (?!Payment)/gm)].map((m) => m[1]),
      ['Manufacturing', 'Royalty', 'Sales milestone', 'Milestone', 'Research funding', 'Equity', 'Fee', 'Upfront']);
    const payments = md.slice(md.indexOf('| Year | Payment | Kind |'));
    assert.deepEqual([...payments.matchAll(/^\| \d{4} \| [^|]+ \| ([^|]+) \|/gm)].map((m) => m[1].trim()), [
      'Research funding', 'Equity', 'Fee', 'Upfront', 'Milestone', 'Research funding', 'Option fee', 'Milestone', 'Royalty', 'Sales milestone',
    ]);
  });

  it('shows the HTML kinds: summary, economics, schedule columns, payments, chart legend and colours', () => {
    const html = plainCells(renderHtml(document));
    const cells = (part: string) => [...part.matchAll(/<td>([A-Za-z ]+)<\/td><td class="num">\$/g)].map((m) => m[1]);
    const summary = html.slice(html.indexOf('<caption>By kind</caption>'), html.indexOf('</table>', html.indexOf('<caption>By kind</caption>')));
    assert.deepEqual(cells(summary), [...dealKinds.map(plural), 'Headline']);
    const economics = html.slice(html.indexOf('<section class="economics">'), html.indexOf('<section class="milestones">'));
    assert.deepEqual([...economics.matchAll(/<tr[^>]*><td>([^<]+)<\/td>/g)].map((m) => m[1]),
      ['Manufacturing', 'Royalty', 'Sales milestone', 'Milestone', 'Research funding', 'Equity', 'Fee', 'Upfront']);
    const schedule = html.slice(html.indexOf('<caption>Schedule by year</caption>'));
    const header = schedule.slice(0, schedule.indexOf('</tr>'));
    assert.deepEqual([...header.matchAll(/<th[^>]*>([^<]+)<\/th>/g)].map((m) => m[1]), ['Year', ...scenarioKinds.map(plural), 'Total']);
    const legend = html.slice(html.indexOf('<ul class="legend">', html.indexOf('by kind')));
    assert.deepEqual([...legend.slice(0, legend.indexOf('</ul>')).matchAll(/<span class="swatch ([a-z-]+)"><\/span>([^<]+)<\/li>/g)].map((m) => [m[1], m[2]]),
      scenarioKinds.map((k) => [paymentKinds[k].style.className, plural(k)]));
    assert.ok(html.includes('<title>2029, Royalties: $15,000,000 ($15M)</title>'));
    assert.ok(html.includes('<title>2025, Option fees: $4,000,000 ($4M)</title>'));
    const list = html.slice(html.indexOf('<caption>Payments</caption>'));
    assert.deepEqual([...list.matchAll(/<tr[^>]*><td>\d{4}<\/td><td>[^<]+<\/td><td>([^<]+)<\/td>/g)].map((m) => m[1]), [
      'Research funding', 'Equity', 'Fee', 'Upfront', 'Milestone', 'Research funding', 'Option fee', 'Milestone', 'Royalty', 'Sales milestone',
    ]);
    const style = termSheetCss;
    for (const kind of kindOrder) {
      const { className, colour } = paymentKinds[kind].style;
      assert.ok(style.includes(`.${className} { --c: var(--${colour}); }`), `${kind} has a colour`);
    }
    assert.ok(html.includes('Option fees, royalties and manufacturing have no deal-level figure: they count in scenarios.'));
  });

  it('totals the portfolio by kind in the table\'s order and words', () => {
    const portfolio = rollupPortfolio([{ uri: 'file:///deals/every.deal', deal, lines: document.lines }]);
    const md = renderPortfolioMarkdown(portfolio);
    const kinds = md.slice(md.indexOf('## By kind'));
    assert.deepEqual([...kinds.matchAll(/^\| ([A-Z][a-z ]+) \| 1 \|/gm)].map((m) => m[1]), dealKinds.map(plural));
  });
});

describe('every list of kinds follows the table\'s order', () => {
  it('keys the rollup JSON by kind id in the table\'s order, deal and scenario alike, with the same figures', () => {
    const json = JSON.parse(renderJson(document)).deals[0];
    assert.deepEqual(Object.entries(json.byKind), [
      ['upfront', '3000000'], ['fee', '2000000'], ['equity', '5000000'], ['funding', '2000000'],
      ['milestone', '30000000'], ['sales-milestone', '20000000'],
    ]);
    assert.deepEqual(json.totals, { committed: '12000000', contingent: '50000000', headline: '62000000', onExercise: '0' });
    assert.deepEqual(Object.entries(json.scenarios.Launch.byKind), [
      ['upfront', '3000000'], ['fee', '2000000'], ['equity', '5000000'], ['funding', '2000000'],
      ['milestone', '30000000'], ['sales-milestone', '20000000'], ['royalty', '15000000'], ['option-fee', '4000000'],
    ]);
    assert.equal(json.scenarios.Launch.total, '81000000');
  });

  it('lets the scenario engine pay every kind by its rule, and list manufacturing with its reason', () => {
    const rollup = rollupScenario(deal.model, deal.model.scenarios.get('Launch')!);
    assert.deepEqual(rollup.payments.map((p) => `${p.year} ${p.kind} ${p.label} ${p.amount.toFixed()}`), [
      '2024 funding Research 2024 1000000', '2024 equity Stock 5000000', '2024 fee Access 2000000', '2024 upfront Signing 3000000',
      '2025 milestone Ph2 10000000', '2025 funding Research 2025 1000000', '2025 option-fee OptIn exercise fee 4000000',
      '2026 milestone Dev undisclosed rest 20000000', '2029 royalty Royalties royalty 2029 15000000', '2029 sales-milestone FirstSales 20000000',
    ]);
    assert.deepEqual(rollup.unvalued.map((u) => `${u.label}: ${u.reason}`), ['Supply: supplied at cost: no fixed figure']);
  });
});
