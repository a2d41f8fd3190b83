// Hover, called as the language server calls it, with cursor markers: `milestones Dev<|>elopment`
// finds that text in the example and hovers where `<|>` stands.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { analyzeDealText, type AnalyzedDocument } from '../../server/src/document/analyze';
import { doHover } from '../../server/src/features/hover';

const example = (name: string) => readFileSync(new URL(`../../examples/${name}`, import.meta.url), 'utf8');
const seed = analyzeDealText(example('immunogen-biotest-2006.deal'));
const acme = analyzeDealText(example('acme-globex-2024.deal'));

/** The hover at the `<|>` in `marked`, which must occur (without the marker) after the header comments. */
function hoverAt(document: AnalyzedDocument, marked: string) {
  const marker = marked.indexOf('<|>');
  assert.ok(marker >= 0, 'no <|> marker');
  const plain = marked.replace('<|>', '');
  const at = document.text.indexOf(plain, document.text.indexOf('\ndeal '));
  assert.ok(at >= 0, `${plain} not in the example`);
  return { hover: doHover(document, at + marker), start: at };
}

function hoverText(document: AnalyzedDocument, marked: string): string {
  const { hover } = hoverAt(document, marked);
  assert.ok(hover, `no hover at ${marked}`);
  return hover.markdown;
}

function includesAll(text: string, pieces: string[]) {
  for (const piece of pieces) assert.ok(text.includes(piece), `missing ${JSON.stringify(piece)} in:\n${text}`);
}

describe('hover on the seed deal', () => {
  it('gives the milestone group cap, nothing itemized and the undisclosed rest', () => {
    const { hover, start } = hoverAt(seed, 'milestones Dev<|>elopment');
    assert.ok(hover);
    const nameStart = start + 'milestones '.length;
    assert.deepEqual(hover.span, { start: nameStart, end: nameStart + 'Development'.length });
    includesAll(hover.markdown, [
      '**Milestone group Development** — development and commercial milestones',
      'Biotest → ImmunoGen',
      '- Cap (up to): $35,500,000 ($35.5M)',
      '- Itemized (0 milestones): nothing itemized',
      '- Undisclosed rest: $35,500,000 ($35.5M)',
      'earned when a scenario reaches approval',
    ]);
  });

  it('shows the group where an option refers to it', () => {
    const text = hoverText(seed, 'forfeit unearned Devel<|>opment');
    includesAll(text, ['**Milestone group Development**', '- Undisclosed rest: $35,500,000 ($35.5M)']);
  });

  it('gives the deal headline, declared against computed, and each party', () => {
    for (const marked of ['deal Immuno<|>GenBiotest2006', 'de<|>al ImmunoGenBiotest2006']) {
      includesAll(hoverText(seed, marked), [
        '**Deal ImmunoGenBiotest2006** — ImmunoGen / Biotest TAP license',
        'Headline **$36,500,000 ($36.5M)** = committed $1,000,000 ($1M) + contingent $35,500,000 ($35.5M)',
        'Declared headline $36,500,000 ($36.5M) matches the terms.',
        '- ImmunoGen: receives $36,500,000 ($36.5M) · pays $0 · net $36,500,000 ($36.5M)',
        '- Biotest: receives $0 · pays $36,500,000 ($36.5M) · net -$36,500,000 (-$36.5M)',
        'By kind: Upfront $1,000,000 ($1M); Milestones $35,500,000 ($35.5M)',
      ]);
    }
  });

  it('gives a party its committed and contingent position, at a reference too', () => {
    for (const marked of ['party Bio<|>test', 'payments from Bio<|>test']) {
      includesAll(hoverText(seed, marked), [
        '**Party Biotest** — Biotest AG',
        '- Committed: receives $0 · pays $1,000,000 ($1M) · net -$1,000,000 (-$1M)',
        '- Contingent: receives $0 · pays $35,500,000 ($35.5M) · net -$35,500,000 (-$35.5M)',
        '- **Total**: receives $0 · pays $36,500,000 ($36.5M) · net -$36,500,000 (-$36.5M)',
      ]);
    }
  });

  it('gives an option its fee range, holder and what exercising forfeits', () => {
    includesAll(hoverText(seed, 'option Opt<|>In'), [
      '**Option OptIn** — US co-development and co-commercialization',
      'Holder ImmunoGen · territory US',
      'Exercise fee $5,000,000 ($5M) to $15,000,000 ($15M) paid by ImmunoGen to Biotest.',
      '- Exercise at phase2: fee $5,000,000 ($5M)',
      '- forfeits the unearned milestones of Development (up to $35,500,000 ($35.5M))',
      '- shares costs ImmunoGen 50%, Biotest 50% in US',
    ]);
  });

  it('rolls up a scenario per party and per year', () => {
    // expected.json: in OptInAtPhase2 ImmunoGen receives $1M and pays the $5M opt-in fee.
    includesAll(hoverText(seed, 'scenario OptIn<|>AtPhase2'), [
      '**Scenario OptInAtPhase2** — ImmunoGen opts in at phase 2',
      'Reaches approval · exercises OptIn at phase2',
      '- ImmunoGen: receives $1,000,000 ($1M) · pays $5,000,000 ($5M) · net -$4,000,000 (-$4M)',
      '- Biotest: receives $5,000,000 ($5M) · pays $1,000,000 ($1M) · net $4,000,000 ($4M)',
      '- 2006: $1,000,000 ($1M)',
    ]);
    includesAll(hoverText(seed, 'exercise Opt<|>In at phase2'), ['**Option OptIn**']);
  });

  it('gives a stage its probability from the deal\'s current stage', () => {
    // Built-in stages from discovery: 0.85 × 0.69 × 0.52 × 0.289 × 0.578 × 0.906 = 4.62%.
    includesAll(hoverText(seed, 'reach appro<|>val\n  }\n  scenario OptIn'), [
      '**Stage approval** (7 of 8, built-in)',
      'Probability of reaching it from discovery: 4.62%.',
    ]);
  });

  it('says an undisclosed royalty has no rate', () => {
    includesAll(hoverText(seed, 'royalty Roy<|>alties'), ['**Royalty Royalties**', 'Rate undisclosed, on net\\_sales.']);
  });

  it('has nothing to say between declarations', () => {
    const at = seed.text.indexOf('\n\n', seed.text.indexOf('headline 36.5M')) + 1;
    assert.equal(doHover(seed, at), undefined);
    assert.equal(doHover(seed, 0), undefined);
  });
});

describe('hover on the Acme/Globex deal', () => {
  it('converts a EUR milestone into the deal currency at the written rate', () => {
    includesAll(hoverText(acme, 'milestone Ph<|>2'), [
      '**Milestone Ph2** — first patient dosed in phase 2',
      '€10,000,000 (€10M) = $11,000,000 ($11M) at 1.10',
      'Globex → Acme',
      'At phase2, expected 2026.',
      'Part of milestone group Dev (up to $120,000,000 ($120M)).',
    ]);
  });

  it('itemizes a group with a converted milestone', () => {
    includesAll(hoverText(acme, 'milestones D<|>ev'), [
      '- Cap (up to): $120,000,000 ($120M)',
      '- Itemized (3 milestones): $41,000,000 ($41M)',
      '- Undisclosed rest: $79,000,000 ($79M)',
      '- Ph2: $11,000,000 ($11M) — at phase2, expected 2026',
    ]);
  });

  it('tabulates royalty tiers as marginal bands', () => {
    includesAll(hoverText(acme, 'royalty Tie<|>red'), [
      'Each rate applies to the slice of annual sales inside its band.',
      'Rates by annual net\\_sales:\n'
        + '- up to $250,000,000 ($250M): 8%\n'
        + '- $250,000,000 ($250M) to $750,000,000 ($750M): 10%\n'
        + '- above $750,000,000 ($750M): 12%',
      'Term 10 years.',
    ]);
  });

  it('gives the headline of the larger deal', () => {
    includesAll(hoverText(acme, 'deal Acme<|>Globex2024'), [
      'Headline **$412,500,000 ($412.5M)** = committed $50,000,000 ($50M) + contingent $362,500,000 ($362.5M)',
      '- Acme: receives $412,500,000 ($412.5M) · pays $0 · net $412,500,000 ($412.5M)',
    ]);
  });

  it('gives a payment its kind, amount and classification', () => {
    includesAll(hoverText(acme, 'up<|>front 40M'), [
      '**Upfront**', '$40,000,000 ($40M)', 'Globex → Acme', 'On signing.', 'Committed:',
    ]);
    includesAll(hoverText(acme, 'sales milestone Sales<|>1B'), [
      '**Sales milestone Sales1B**', '$92,500,000 ($92.5M)', 'When annual net\\_sales reach $1,000,000,000 ($1B).', 'Contingent:',
    ]);
  });

  it('gives the scenario totals by year', () => {
    includesAll(hoverText(acme, 'scenario Suc<|>cess'), [
      'Total paid in this scenario: **$607,500,000 ($607.5M)**',
      '- Acme: receives $607,500,000 ($607.5M) · pays $0 · net $607,500,000 ($607.5M)',
      '- 2033: $216,500,000 ($216.5M)',
    ]);
  });

  it('gives a milestone its probability and, with a valuation, its rNPV', () => {
    const valued = analyzeDealText(acme.text.replace(/\n}\s*$/, '\n  valuation { as of 2024-03-01 discount 10% }\n}\n'));
    // 11M × (0.85 × 0.69 × 0.52) × 1.1^-(852 days / 365.25) = 2,686,021.2547… → to the cent.
    includesAll(hoverText(valued, 'milestone Ph<|>2'), [
      'Probability of reaching phase2: 30.5%.',
      'rNPV: $2,686,021.25 ($2.686M) (expected 2026).',
    ]);
    assert.ok(!hoverText(acme, 'milestone Ph<|>2').includes('rNPV'));
  });

  it('escapes Markdown in titles the user wrote', () => {
    const document = analyzeDealText('deal D "a *bold* [link](x) <b>" { party A "A_1" licensor }');
    includesAll(doHover(document, 'deal D'.length - 1)!.markdown, ['a \\*bold\\* \\[link\\](x) \\<b\\>']);
    includesAll(doHover(document, document.text.indexOf('party A') + 6)!.markdown, ['**Party A** — A\\_1']);
  });

  it('writes a bare link or address in a title as code, never a link', () => {
    const document = analyzeDealText('deal D "Evil https://evil.example/x Corp" { party A "mail press@evil.example" licensor }');
    includesAll(doHover(document, 'deal D'.length - 1)!.markdown, ['**Deal D** — Evil `https://evil.example/x` Corp']);
    includesAll(doHover(document, document.text.indexOf('party A') + 6)!.markdown, ['**Party A** — mail `press@evil.example`']);
  });
});
