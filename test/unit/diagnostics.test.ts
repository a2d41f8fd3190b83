// Diagnostics about names and parties: unknown references (with suggestions), duplicate names,
// payments without payer or payee, self-payments and unused parties. Each test is a minimal
// deal; «…» marks exactly where each diagnostic must be, and every diagnostic is compared.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { analyzeDealText } from '../../server/src/document/analyze';
import { closestName, editDistance } from '../../server/src/model/names';
import { diagnosticsOf } from './helpers';

const examples = new URL('../../examples/', import.meta.url);

/** A clean deal; `more` adds declarations inside it. */
const deal = (more: string) => `deal D {
  signed 2006-07-07
  party ImmunoGen licensor
  party Biotest licensee
  payments from Biotest to ImmunoGen { upfront 1M on signing }
${more}
}
`;

const stagesList = 'discovery, preclinical, phase1, phase2, phase3, filing, approval, launch';

describe('shared examples', () => {
  it('the ImmunoGen/Biotest deal has no problems (its group itemizes nothing, so there is no remainder to point out)', () => {
    const { found } = diagnosticsOf(readFileSync(new URL('immunogen-biotest-2006.deal', examples), 'utf8'));
    assert.deepEqual(found, []);
  });

  it('the Acme/Globex deal has only the Dev group remainder to report', () => {
    const { found } = diagnosticsOf(readFileSync(new URL('acme-globex-2024.deal', examples), 'utf8'));
    assert.deepEqual(found, [{
      code: 'cap-remainder', severity: 'info', range: '31:16-31:19',
      message: 'Itemized milestones total $41,000,000 ($41M) of the $120,000,000 ($120M) cap: $79,000,000 ($79M) undisclosed.',
      data: { itemized: '41000000', rest: '79000000' },
    }]);
  });

  it('the minimal deal the other tests build on is clean', () => {
    assert.deepEqual(diagnosticsOf(deal('')).found, []);
  });
});

describe('unknown-reference', () => {
  it('names the misspelt party, suggests the closest and lists the parties', () => {
    const { found, ranges } = diagnosticsOf(deal('  payments from «Biotes» to ImmunoGen { fee Access 2M on 2007-01-15 }'));
    assert.deepEqual(found, [{
      code: 'unknown-reference', severity: 'error', range: ranges[0],
      message: "Unknown party 'Biotes'. Did you mean 'Biotest'? Parties in this deal: ImmunoGen, Biotest.",
      data: { suggestion: 'Biotest' },
    }]);
  });

  it('checks every place a party is named', () => {
    const { found, ranges } = diagnosticsOf(deal(`
  license L { from «Immunogen» to «Biotets» }
  payments from Biotest to ImmunoGen { fee F 1M on signing from «Biotst» to «Imunogen» }
  option O {
    holder «ImmunoGenn»
    exercise at phase2 fee 5M to «Biotesst»
    on exercise { share costs «Roche» 50%, Biotest 50% }
  }`));
    assert.deepEqual(found.map((d) => [d.code, d.range, d.data?.suggestion]), [
      ['unknown-reference', ranges[0], 'ImmunoGen'],
      ['unknown-reference', ranges[1], 'Biotest'],
      ['unknown-reference', ranges[2], 'Biotest'],
      ['unknown-reference', ranges[3], 'ImmunoGen'],
      ['unknown-reference', ranges[4], 'ImmunoGen'],
      ['unknown-reference', ranges[5], 'Biotest'],
      ['unknown-reference', ranges[6], undefined],
    ]);
    assert.equal(found[6].message, "Unknown party 'Roche'. Parties in this deal: ImmunoGen, Biotest.");
  });

  it('says how to declare a party when there is none', () => {
    const { found, ranges } = diagnosticsOf('deal D { payments from «X» to «Y» { upfront 1M on signing } }');
    assert.deepEqual(found.map((d) => [d.range, d.message]), [
      [ranges[0], "Unknown party 'X'. There is none yet: declare it with `party NAME \"full name\" ROLE`."],
      [ranges[1], "Unknown party 'Y'. There is none yet: declare it with `party NAME \"full name\" ROLE`."],
    ]);
  });

  it('checks every place a stage is named, against the built-in stages', () => {
    const { found, ranges } = diagnosticsOf(deal(`
  stage «preclinicl»
  payments from Biotest to ImmunoGen {
    milestones G up to 10M by «aproval» { milestone M 10M at «phse2» }
  }
  option O { holder ImmunoGen  exercise at «phase4» fee 5M }
  scenario S { timeline { «phase_1» 2008 } reach «launched» exercise O at «phaze2» }`));
    assert.deepEqual(found.map((d) => [d.code, d.range, d.data?.suggestion]), [
      ['unknown-reference', ranges[0], 'preclinical'],
      ['unknown-reference', ranges[1], 'approval'],
      ['unknown-reference', ranges[2], 'phase2'],
      ['unknown-reference', ranges[3], 'phase1'],
      ['unknown-reference', ranges[4], 'phase1'],
      ['unknown-reference', ranges[5], 'launch'],
      ['unknown-reference', ranges[6], 'phase2'],
    ]);
    assert.equal(found[1].message, `Unknown stage 'aproval'. Did you mean 'approval'? Stages of this deal: ${stagesList}.`);
  });

  it('checks stages against the deal’s own stages list when it has one', () => {
    const { found, ranges } = diagnosticsOf(deal(`
  stages { phase1 success 50%  phase2 success 30%  approval }
  payments from Biotest to ImmunoGen { milestone M 1M at «phase3» }`));
    assert.deepEqual(found, [{
      code: 'unknown-reference', severity: 'error', range: ranges[0],
      message: "Unknown stage 'phase3'. Did you mean 'phase1'? Stages of this deal: phase1, phase2, approval.",
      data: { suggestion: 'phase1' },
    }]);
  });

  it('checks forfeited payments and groups, and scenario options', () => {
    const { found, ranges } = diagnosticsOf(deal(`
  payments from Biotest to ImmunoGen {
    milestones Development up to 10M { milestone M 10M at phase2 }
    royalty Royalties 5% on net_sales
  }
  option OptIn {
    holder ImmunoGen  exercise at phase2 fee 5M
    on exercise { forfeit «Royalty»  forfeit unearned «Royalties»  forfeit unearned «Developmen» }
  }
  scenario S { exercise «Optin» at phase2 }`));
    assert.deepEqual(found.map((d) => [d.code, d.range, d.message, d.data?.suggestion]), [
      ['unknown-reference', ranges[0], "Unknown payment 'Royalty'. Did you mean 'Royalties'? Payments in this deal: Development, M, Royalties.", 'Royalties'],
      ['unknown-reference', ranges[1], "'Royalties' is a payment (royalty), not a milestone group: `forfeit unearned` names a `milestones ... { }` group (to give up one payment, write `forfeit Royalties`). Milestone groups in this deal: Development.", undefined],
      ['unknown-reference', ranges[2], "Unknown milestone group 'Developmen'. Did you mean 'Development'? Milestone groups in this deal: Development.", 'Development'],
      ['unknown-reference', ranges[3], "Unknown option 'Optin'. Did you mean 'OptIn'? Options in this deal: OptIn.", 'OptIn'],
    ]);
  });

  it('checks currencies: the deal’s, fx rates and amounts; symbols are known', () => {
    const { found, ranges } = diagnosticsOf(`deal D {
  currency «USDD»
  fx «EURO» = 1.1 USD
  headline «EUT» 1M
  party A licensor
  party B licensee
  payments from B to A { upfront $1M on signing }
}
`);
    assert.deepEqual(found.map((d) => [d.code, d.range, d.data?.suggestion]), [
      ['unknown-reference', ranges[0], 'USD'],
      ['unknown-reference', ranges[1], 'EUR'],
      ['unknown-reference', ranges[2], 'EUR'],
    ]);
    assert.equal(found[0].message, "Unknown currency 'USDD'. Did you mean 'USD'? Write an ISO 4217 code (USD, EUR, GBP, JPY, CHF…) or a symbol ($ US$ € £ ¥).");
  });
});

describe('duplicate-name', () => {
  it('reports the second declaration of a party, payment, option, scenario, license and stage', () => {
    const { found, ranges } = diagnosticsOf(deal(`
  party «Biotest» investor
  stages { phase1  «phase1»  approval }
  license L { from ImmunoGen to Biotest }
  license «L» { from ImmunoGen to Biotest }
  payments from Biotest to ImmunoGen {
    milestones Dev up to 10M { milestone Ph1 1M at phase1 }
    fee «Ph1» 1M on signing
    fee «Dev» 2M on signing
  }
  option O { holder ImmunoGen  exercise at phase1 fee 1M }
  option «O» { holder ImmunoGen  exercise at phase1 fee 1M }
  scenario S { reach phase1 }
  scenario «S» { reach approval }`));
    assert.deepEqual(found.filter((d) => d.code === 'duplicate-name').map((d) => [d.range, d.message]), [
      [ranges[0], "'Biotest' is already the name of a party in this deal: give each party one declaration (merge the two, or rename one)."],
      [ranges[1], "'phase1' is already the name of a stage in this stages list: list each stage once."],
      [ranges[2], "'L' is already the name of a license in this deal: give this license another name."],
      [ranges[3], "'Ph1' is already the name of a milestone in this deal: payments, milestones and milestone groups share one set of names; give this one another name."],
      [ranges[4], "'Dev' is already the name of a milestone group in this deal: payments, milestones and milestone groups share one set of names; give this one another name."],
      [ranges[5], "'O' is already the name of an option in this deal: give this option another name."],
      [ranges[6], "'S' is already the name of a scenario in this deal: give this scenario another name."],
    ]);
    assert.ok(found.every((d) => d.code !== 'duplicate-name' || d.severity === 'error'));
  });

  it('reports two deals with one name in one file', () => {
    const { found, ranges } = diagnosticsOf('deal Same { }\ndeal «Same» { }\n');
    assert.deepEqual(found, [{
      code: 'duplicate-name', severity: 'error', range: ranges[0],
      message: "'Same' is already the name of a deal in this file: give this deal another name (reports and rollups tell deals apart by name).",
    }]);
  });
});

describe('payer and payee', () => {
  it('reports a payment that nobody pays or receives', () => {
    const { found, ranges } = diagnosticsOf(deal('  payments { fee «Access» 2M on signing  «upfront» 1M on signing }'));
    assert.deepEqual(found.map((d) => [d.code, d.severity, d.range, d.message]), [
      ['missing-party', 'error', ranges[0], "Who pays 'Access', and who receives it? Add `from PAYER to PAYEE` to the payment, or to its block: `payments from PAYER to PAYEE { ... }`."],
      ['missing-party', 'error', ranges[1], 'Who pays this upfront payment, and who receives it? Add `from PAYER to PAYEE` to the payment, or to its block: `payments from PAYER to PAYEE { ... }`.'],
    ]);
  });

  it('accepts a payment that names its own payer and payee in a block without them', () => {
    assert.deepEqual(diagnosticsOf(deal('  payments { fee Access 2M on signing from Biotest to ImmunoGen }')).found, []);
  });

  it('reports self-payments on blocks, payments, licenses and exercise fees', () => {
    const { found, ranges } = diagnosticsOf(deal(`
  payments from Biotest to «Biotest» { fee F 1M on signing }
  payments from Biotest to ImmunoGen { fee G 1M on signing from ImmunoGen to «ImmunoGen» }
  license L { from ImmunoGen to «ImmunoGen» }
  option O { holder ImmunoGen  exercise at phase2 fee 5M to «ImmunoGen» }`));
    assert.deepEqual(found.map((d) => [d.code, d.severity, d.range, d.message]), [
      ['self-payment', 'error', ranges[0], "These payments go from 'Biotest' to 'Biotest' itself: the payer and the payee must be two different parties."],
      ['self-payment', 'error', ranges[1], "'G' goes from 'ImmunoGen' to 'ImmunoGen' itself: the payer and the payee must be two different parties."],
      ['self-payment', 'error', ranges[2], "License 'L' is granted from 'ImmunoGen' to 'ImmunoGen' itself: the licensor and the licensee must be two different parties."],
      ['self-payment', 'error', ranges[3], "The exercise fee goes to 'ImmunoGen', the option's own holder: the holder pays it to the other party (leave out `to`, or name that party)."],
    ]);
  });

  it('warns about a party that takes part in nothing', () => {
    const { found, ranges } = diagnosticsOf(deal('  party «Investor» investor'));
    assert.deepEqual(found, [{
      code: 'unused-party', severity: 'warning', range: ranges[0],
      message: "Party 'Investor' takes part in nothing: no payment, license, option or share names it. Name it where it pays, receives or holds rights, or remove it.",
    }]);
  });

  it('counts a party named only by a license, an option holder or a share as used', () => {
    const text = deal(`  party C collaborator
  party H investor
  party S investor
  license L { from ImmunoGen to C }
  option O { holder H  exercise at phase2 fee 1M to Biotest  on exercise { share profits S 100% } }`);
    assert.deepEqual(diagnosticsOf(text).found, []);
  });
});

describe('names', () => {
  it('measures edits, counting a swap of two letters as one', () => {
    assert.equal(editDistance('Biotes', 'Biotest'), 1);
    assert.equal(editDistance('phsae2', 'phase2'), 1);
    assert.equal(editDistance('ImmunoGen', 'immunogen'), 0);
    assert.equal(editDistance('abc', 'xyz'), 3);
  });

  it('suggests only names close enough to be a typo', () => {
    assert.equal(closestName('Biotes', ['ImmunoGen', 'Biotest']), 'Biotest');
    assert.equal(closestName('immunogen', ['ImmunoGen', 'Biotest']), 'ImmunoGen');
    assert.equal(closestName('Acme', ['ImmunoGen', 'Biotest']), undefined);
    assert.equal(closestName('Immuno', ['ImmunoGen', 'Biotest']), 'ImmunoGen');
    assert.equal(closestName('X', ['Y']), undefined);
  });

  it('analyses a file with an empty deal name without throwing', () => {
    assert.doesNotThrow(() => analyzeDealText('deal { party  licensor payments from to { fee } }'));
  });
});

describe('on text the parser had to recover', () => {
  const parties = '  party A licensor\n  party B licensee\n';
  const cases: Record<string, string> = {
    'a headline with no amount': `deal D {\n  headline\n${parties}  payments from B to A { upfront 1M on signing }\n}`,
    'a block with no payee': `deal D {\n${parties}  payments from B to { upfront 1M on signing }\n}`,
    'a cap with no amount': `deal D {\n${parties}  payments from B to A { milestones G up to { milestone M 1M at phase1 } }\n}`,
    'a tier with no threshold': `deal D {\n${parties}  payments from B to A { royalty R on net_sales { 5% up to  6% above } }\n}`,
    'a share with no percentage': `deal D {\n${parties}  option O { holder A  exercise at phase2 fee 1M  on exercise { share costs A 50%, B } }\n}`,
  };
  for (const [what, text] of Object.entries(cases)) {
    it(`reports only the syntax error for ${what}`, () => {
      const codes = analyzeDealText(text).diagnostics.map((d) => d.code);
      assert.ok(codes.length > 0);
      assert.deepEqual(codes.filter((c) => c !== 'syntax-error'), []);
    });
  }
});
