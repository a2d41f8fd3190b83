// Programmes (`program ID { stage S  count N }`, `for P`) and options as deals write them (fee
// ranges, undisclosed fees, no fee, on-exercise payments, `paying`): the figures by hand, the
// diagnostics at their place, and what the editor shows.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyzeDealText } from '../../server/src/document/analyze';
import { rollupScenario } from '../../server/src/engine/scenarios';
import { rollupJson } from '../../server/src/exports/rollup-json';
import { renderMarkdown } from '../../server/src/exports/markdown';
import { doHover } from '../../server/src/features/hover';
import { formatDealText } from '../../server/src/features/format';
import { renameSymbol } from '../../server/src/features/rename';
import { findDocumentSymbols } from '../../server/src/features/document-symbols';
import { applyEdits } from '../../server/src/features/format';
import { exact } from '../../server/src/model/money';
import { markedRanges } from './helpers';

const deal = (body: string) => `deal D "programmes" {
  currency USD
  signed 2025-01-10
  party Gilead licensee
  party Arcus licensor
  program AB154 "domvanalimab" { stage phase2 }
  program Next "further targets" { count 3  stage discovery }
${body}
}
`;

const terms = `  payments from Gilead to Arcus {
    upfront 100M on signing
    milestones Dev up to 50M by approval for Next { milestone P1 10M at phase1 }
    milestone Ph3 20M at phase3 for AB154
  }
  payments from Gilead to Arcus for AB154 {
    royalty R 10% on net_sales
  }
  royalty All 1% on net_sales from Gilead to Arcus
  option TIGIT "opt-in" {
    holder Gilead
    for AB154
    exercise at phase2 fee 200M to 275M
    exercise at phase3 fee undisclosed
    exercise at phase1
    on exercise {
      payments from Gilead to Arcus {
        milestones TIGITReg "US regulatory" up to 500M by approval { }
      }
      developer Gilead in "ex-US"
      share costs Gilead 50%, Arcus 50%
    }
  }
  option Each {
    holder Gilead
    for Next
    exercise at phase1 fee 5M to 7M
    on exercise { payments from Gilead to Arcus { milestones NextReg up to 40M by approval { } } }
  }`;

// A royalty outside any block: make it a valid term by putting it in one.
const base = terms.replace('  royalty All 1% on net_sales from Gilead to Arcus\n', '  payments from Gilead to Arcus { royalty All 1% on net_sales }\n');

function analyzed(body: string) {
  const document = analyzeDealText(deal(body));
  return { document, analyzed: document.deals[0] };
}

function scenario(body: string, scenarioText: string) {
  const { document, analyzed: a } = analyzed(`${body}\n${scenarioText}`);
  const s = a.model.deal.scenarios[0];
  return { document, rollup: rollupScenario(a.model, s) };
}

describe('programmes in the deal totals', () => {
  it('counts a counted programme\'s amounts once per programme, and on-exercise payments apart', () => {
    const { document, analyzed: a } = analyzed(base);
    assert.deepEqual(document.diagnostics.filter((d) => d.severity === 'error'), []);
    // committed: upfront 100M; contingent: Dev cap 50M × 3 + Ph3 20M = 170M.
    assert.equal(exact(a.totals.committed), '100000000');
    assert.equal(exact(a.totals.contingent), '170000000');
    assert.equal(exact(a.totals.headline), '270000000');
    // on exercise: TIGITReg 500M (AB154, count 1) + NextReg 40M × 3 = 620M, not in the headline.
    assert.equal(exact(a.totals.onExercise), '620000000');
    assert.equal(exact(a.totals.parties.get('Arcus')!.receives), '270000000');
    assert.equal(exact(a.totals.parties.get('Arcus')!.onExercise.receives), '620000000');
  });

  it('adds on-exercise payments and the high end of each fee range, once per programme, to a headline including options', () => {
    const { document, analyzed: a } = analyzed(`  headline 1186M including options\n${base}`);
    // 100M + 170M + on exercise 620M + TIGIT fee high end 275M + Each 7M × 3 = 1,186M.
    assert.equal(exact(a.totals.headline), '1186000000');
    assert.deepEqual(document.diagnostics.filter((d) => d.code === 'headline-mismatch'), []);
  });

  it('gives programmes, onExercise, fee ranges and on-exercise payments in the JSON', () => {
    const { document } = analyzed(base);
    const json = rollupJson(document).deals[0];
    assert.deepEqual(json.totals, { committed: '100000000', contingent: '170000000', headline: '270000000', onExercise: '620000000' });
    assert.deepEqual(json.programs, {
      AB154: { title: 'domvanalimab', count: 1, stage: 'phase2' },
      Next: { title: 'further targets', count: 3, stage: 'discovery' },
    });
    const dev = json.payments.find((p) => p.name === 'Dev')!;
    assert.deepEqual([dev.program, dev.count, dev.amount], ['Next', 3, '50000000']);
    const tigit = json.options.find((o) => o.id === 'TIGIT')!;
    assert.deepEqual(tigit.feeRange, { min: '200000000', max: '275000000' });
    assert.deepEqual(tigit.exercises, [
      { stage: 'phase1' },
      { stage: 'phase2', fee: '200000000', feeMax: '275000000', payer: 'Gilead', payee: 'Arcus' },
      { stage: 'phase3', feeUndisclosed: true, payer: 'Gilead', payee: 'Arcus' },
    ]);
    assert.deepEqual(tigit.onExercise?.map((p) => [p.name, p.amount, p.program]), [['TIGITReg', '500000000', 'AB154']]);
    assert.deepEqual(tigit.developers, [{ party: 'Gilead', territory: ['ex-US'] }]);
    assert.equal(json.options.find((o) => o.id === 'Each')!.count, 3);
    // On-exercise payments are not among the deal's payments.
    assert.equal(json.payments.some((p) => p.name === 'TIGITReg'), false);
  });
});

describe('options and programmes in scenarios', () => {
  it('pins a fee with `paying`, rolls up on-exercise payments, and follows each programme', () => {
    const { document, rollup } = scenario(base, `  scenario S {
    reach approval
    exercise TIGIT at phase2 paying 250M
    program AB154 { timeline { phase2 2025  phase3 2027  approval 2030 }  sales { 2031: 100M } }
    program Next { reach phase1  count 2  sales { 2032: 50M } }
  }`);
    assert.deepEqual(document.diagnostics.filter((d) => d.severity === 'error'), []);
    const rows = rollup.payments.map((p) => [p.label, exact(p.amount), p.year]);
    assert.deepEqual(rows, [
      ['upfront', '100000000', 2025],
      ['TIGIT exercise fee', '250000000', 2025],
      ['Ph3', '20000000', 2027],
      ['TIGITReg undisclosed rest', '500000000', 2030],
      // R: 10% of AB154's 100M; All: 1% of all sales, AB154 100M in 2031 and Next 50M × 2 in 2032.
      ['R royalty 2031', '10000000', 2031],
      ['All royalty 2031', '1000000', 2031],
      ['All royalty 2032', '1000000', 2032],
      // Next reaches phase1 with 2 of its 3 programmes: P1 10M × 2, no timeline year.
      ['P1 × 2', '20000000', 'unscheduled'],
    ]);
    assert.equal(exact(rollup.total), '902000000');
    assert.deepEqual(rollup.unvalued, []);
  });

  it('counts a range at its midpoint, lists an undisclosed fee, and leaves out what an unexercised option would pay', () => {
    const midpoint = scenario(base, '  scenario S { reach approval  exercise TIGIT at phase2 }').rollup;
    assert.deepEqual(midpoint.payments.filter((p) => p.kind === 'option-fee').map((p) => exact(p.amount)), ['237500000']);
    assert.ok(midpoint.payments.some((p) => p.label === 'TIGITReg undisclosed rest'));

    const undisclosed = scenario(base, '  scenario S { reach approval  exercise TIGIT at phase3 }').rollup;
    assert.deepEqual(undisclosed.payments.filter((p) => p.kind === 'option-fee'), []);
    assert.deepEqual(undisclosed.unvalued, [{
      label: 'TIGIT exercise fee', reason: 'the fee is undisclosed: pin it with `exercise TIGIT at phase3 paying AMOUNT`',
    }]);

    const noFee = scenario(base, '  scenario S { reach approval  exercise TIGIT at phase1 }').rollup;
    assert.deepEqual(noFee.payments.filter((p) => p.kind === 'option-fee'), []);
    assert.deepEqual(noFee.unvalued, []);

    const none = scenario(base, '  scenario S { reach approval }').rollup;
    assert.equal(none.payments.some((p) => p.label.startsWith('TIGITReg') || p.label.startsWith('NextReg')), false);
  });

  it('pays an option on a counted programme once per programme going ahead', () => {
    const { rollup } = scenario(base, `  scenario S {
    reach approval
    exercise Each at phase1
    program Next { count 2 }
  }`);
    // Fee midpoint 6M × 2; NextReg 40M × 2 at approval; Dev: P1 10M × 2 and rest 40M × 2.
    const byLabel = Object.fromEntries(rollup.payments.map((p) => [p.label, exact(p.amount)]));
    assert.equal(byLabel['Each exercise fee × 2'], '12000000');
    assert.equal(byLabel['NextReg undisclosed rest × 2'], '80000000');
    assert.equal(byLabel['P1 × 2'], '20000000');
    assert.equal(byLabel['Dev undisclosed rest × 2'], '80000000');
  });

  it('runs the probability of a programme\'s payments from its own stage', () => {
    const { analyzed: a } = analyzed(`${base}\n  valuation { as of 2025-01-10  discount 0% }
  scenario S { reach approval  program AB154 { timeline { phase3 2027 } } program Next { timeline { phase1 2027 } } }`);
    const rollup = rollupScenario(a.model, a.model.deal.scenarios[0]);
    // Ph3 (AB154 from phase2): P = 28.9%; P1 (Next from discovery): 85% × 69% = 58.65%.
    assert.equal(exact(rollup.payments.find((p) => p.label === 'Ph3')!.probability!), '0.289');
    assert.equal(exact(rollup.payments.find((p) => p.label === 'P1 × 3')!.probability!), '0.5865');
  });
});

describe('programme and option diagnostics', () => {
  it('exercises options with a range, an undisclosed fee or no fee without invalid-exercise', () => {
    for (const stage of ['phase1', 'phase2', 'phase3']) {
      const { document } = analyzed(`${base}\n  scenario S { reach approval  exercise TIGIT at ${stage} }`);
      assert.deepEqual(document.diagnostics.filter((d) => d.code === 'invalid-exercise'), [], stage);
    }
  });

  it('asks for sales inside programme blocks where a deal covers several', () => {
    const { text, spans } = markedRanges(deal(`${base}\n  scenario S { «sales» { 2030: 100M } }`));
    const found = analyzeDealText(text).diagnostics.filter((d) => d.code === 'invalid-value');
    assert.deepEqual(found.map((d) => [d.severity, d.span, d.message]), [['error', spans[0],
      "This deal covers several programmes (AB154, Next): give each one's sales inside its block, e.g. `program AB154 { sales { 2030: 100M } }`."]]);
  });

  it('allows top-level sales with a single programme, as that programme\'s', () => {
    const one = `deal D {
  party A licensor
  party B licensee
  program P { stage phase1 }
  payments from B to A for P { royalty R 10% on net_sales }
  scenario S { reach launch  sales { 2030: 100M } }
}`;
    const document = analyzeDealText(one);
    assert.deepEqual(document.diagnostics, []);
    const rollup = rollupScenario(document.deals[0].model, document.deals[0].model.deal.scenarios[0]);
    assert.deepEqual(rollup.payments.map((p) => [p.label, exact(p.amount)]), [['R royalty 2030', '10000000']]);
  });

  it('names unknown programmes, bad counts and programmes declared twice where they are written', () => {
    const { text, spans } = markedRanges(deal(`  program «Next» { count 2 }
  program Odd { count «2.5» }
  payments from Gilead to Arcus { upfront 1M on signing for «AB15» }
  scenario S { program AB154 { count «2» } }`));
    const found = analyzeDealText(text).diagnostics.filter((d) => d.severity === 'error').map((d) => [d.code, d.span, d.message]);
    assert.deepEqual(found, [
      ['duplicate-name', spans[0], "'Next' is already the name of a programme in this deal: give this programme another name."],
      ['invalid-value', spans[1], '`count` says how many alike programmes Odd stands for: a whole number from 1 to 1,000, e.g. `count 3`.'],
      ['unknown-reference', spans[2], "Unknown programme 'AB15'. Did you mean 'AB154'? Programmes in this deal: AB154, Next, Odd."],
      ['invalid-value', spans[3], "Programme AB154 stands for 1 programme (`count 1`): no more than that can go ahead. Lower the count, or raise the programme's."],
    ]);
  });
});

describe('programmes and options in the editor', () => {
  it('hovers on a programme with its stage, count, payments and totals', () => {
    const { text, offsets } = markedRanges(deal(base).replace('for Next {', 'for Ne<|>xt {'));
    const hover = doHover(analyzeDealText(text), offsets[0])!;
    assert.equal(hover.markdown, [
      '**Programme Next** — further targets',
      'Stage discovery (its risk starts here) · stands for 3 alike programmes: each amount counts 3 times',
      '- Dev (Milestone): $50,000,000 ($50M) each programme\n- NextReg (Milestone, on exercise of Each): $40,000,000 ($40M) each programme',
      'Options on it: Each.',
      'In the deal totals × 3: committed $0 · contingent $150,000,000 ($150M) · on exercise $120,000,000 ($120M).',
    ].join('\n\n'));
  });

  it('hovers on an option with its fee range, undisclosed fee and on-exercise payments, never $0', () => {
    const { text, offsets } = markedRanges(deal(base).replace('option TIGIT', 'option TI<|>GIT'));
    const markdown = doHover(analyzeDealText(text), offsets[0])!.markdown;
    assert.ok(markdown.includes('- Exercise at phase2: fee $200,000,000 ($200M) to $275,000,000 ($275M)\n- Exercise at phase3: fee undisclosed\n- Exercise at phase1: no fee\n'), markdown);
    assert.match(markdown, /- pays TIGITReg \(milestone\) up to \$500,000,000 \(\$500M\), Gilead to Arcus/);
    assert.match(markdown, /- Gilead develops in ex-US/);
    assert.doesNotMatch(markdown, /\$0\b/);
  });

  it('renames a programme everywhere it is named, figures unchanged', () => {
    const { text, offsets } = markedRanges(deal(`${base}\n  scenario S { program Next { reach phase1 } }`).replace('program Next "further', 'program Ne<|>xt "further'));
    const document = analyzeDealText(text);
    const result = renameSymbol(document, offsets[0], 'Targets');
    assert.ok('edits' in result);
    assert.equal(result.edits.length, 4); // declaration, group `for`, option `for`, scenario block
    const renamed = analyzeDealText(applyEdits(text, result.edits));
    assert.deepEqual(renamed.diagnostics, document.diagnostics.map((d) => ({ ...d, span: renamed.diagnostics.find((r) => r.code === d.code)!.span })));
    assert.equal(exact(renamed.deals[0].totals.contingent), '170000000');
  });

  it('formats programmes, option ranges, on-exercise payments and scenario programme blocks to a fixed point', () => {
    const text = deal(`${base}\n  scenario S { reach approval exercise TIGIT at phase2 paying 250M program AB154 { timeline { phase2 2025 } sales { 2031: 100M } } }`);
    const once = formatDealText(analyzeDealText(text))!;
    assert.equal(formatDealText(analyzeDealText(once)) ?? once, once);
    assert.match(once, /\n {2}program Next "further targets" \{ count 3 {2}stage discovery \}\n/);
    assert.match(once, /\n {4}exercise at phase2 fee 200M to 275M\n/);
    assert.match(once, /\n {4}program AB154 \{\n {6}timeline \{ phase2 2025 \}\n {6}sales \{ 2031: 100M \}\n {4}\}\n/);
    assert.equal(exact(analyzeDealText(once).deals[0].totals.onExercise), '620000000');
  });

  it('outlines programmes and the payments inside an option', () => {
    const outline = findDocumentSymbols(analyzeDealText(deal(base)))[0].children;
    assert.deepEqual(outline.filter((s) => s.kind === 'program').map((s) => [s.name, s.detail]), [
      ['AB154', 'domvanalimab · from phase2'], ['Next', 'further targets · from discovery · × 3'],
    ]);
    const tigit = outline.find((s) => s.name === 'TIGIT')!;
    assert.equal(tigit.detail, 'held by Gilead · for AB154 · exercise fee $200M to $275M or undisclosed');
    assert.deepEqual(tigit.children.map((c) => [c.name, c.children.map((p) => p.name)]), [['on exercise: payments Gilead → Arcus', ['TIGITReg']]]);
  });

  it('shows programmes, ranges and on-exercise payments in the Markdown term sheet', () => {
    const md = renderMarkdown(analyzeDealText(deal(base)));
    assert.match(md, /\| AB154 \| domvanalimab \| phase2 \| 1 \|\n\| Next \| further targets \| discovery \| 3 \|/);
    assert.match(md, /\| Milestone \| Dev \| for Next \(× 3\), rest by approval \|/);
    assert.match(md, /- exercise at phase2, fee \$200,000,000 \(\$200M\) to \$275,000,000 \(\$275M\)/);
    assert.match(md, /- exercise at phase3, fee undisclosed/);
    assert.match(md, /- on exercise pays: Milestone US regulatory, for AB154, rest by approval, \$500,000,000 \(\$500M\), Gilead → Arcus/);
  });
});
