// Quick fixes that write a name write one the deal language reads (ASCII letters, digits and _,
// not a keyword) and one that fits where it goes.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { quickFix } from './apply-quick-fix';

describe('quick fixes write valid, fitting names', () => {
  it('declares an accented party without its accents, titled as written, and rewrites its uses', () => {
    const { titles, fixed, codes } = quickFix([
      'deal D {',
      '  party Biotest "Biotest AG" licensee',
      '  license TAP { from ImmunéoGen to Biotest }',
      '  payments from Biotest to «ImmunéoGen» { upfront 1M }',
      '}',
    ].join('\n'), 'Declare party \'ImmuneoGen\', titled "ImmunéoGen"');
    assert.deepEqual(titles, ['Declare party \'ImmuneoGen\', titled "ImmunéoGen"']);
    assert.equal(fixed, [
      'deal D {',
      '  party Biotest "Biotest AG" licensee',
      '  party ImmuneoGen "ImmunéoGen" licensor',
      '  license TAP { from ImmuneoGen to Biotest }',
      '  payments from Biotest to ImmuneoGen { upfront 1M }',
      '}',
    ].join('\n'));
    assert.deepEqual(codes, []);
  });

  it('corrects an accented declaration (and its uses) rather than suggest its invalid name', () => {
    const { titles, fixed, codes } = quickFix([
      'deal D {',
      '  party Immunogén "ImmunoGen" licensor',
      '  party B "B" licensee',
      '  payments from B to «Immunogen» { upfront 1M }',
      '}',
    ].join('\n'), "Change party 'Immunogén' to 'Immunogen'");
    assert.deepEqual(titles, ["Change party 'Immunogén' to 'Immunogen'"]);
    assert.equal(fixed, 'deal D {\n  party Immunogen "ImmunoGen" licensor\n  party B "B" licensee\n  payments from B to Immunogen { upfront 1M }\n}');
    assert.deepEqual(codes, []);
  });

  it('corrects an accented declaration and a use accented another way together', () => {
    const { fixed, codes } = quickFix([
      'deal D {',
      '  party Wayñé "Wayne Oncology" licensor',
      '  party B "B" licensee',
      '  license L { from Wayñé to B }',
      '  payments from B to «Wayné» { upfront 1M }',
      '}',
    ].join('\n'), "Change party 'Wayñé' to 'Wayne'");
    assert.equal(fixed, 'deal D {\n  party Wayne "Wayne Oncology" licensor\n  party B "B" licensee\n  license L { from Wayne to B }\n  payments from B to Wayne { upfront 1M }\n}');
    assert.deepEqual(codes, []);
  });

  it('offers no name that is not a valid one', () => {
    // A misspelling closest to an accented declaration: no "Change to 'Aé'"; declaring 'A' is fine.
    assert.deepEqual(quickFix('deal D { party Aé "A" licensor party B "B" licensee payments from B to «A» { upfront 1M } }').titles, ["Declare party 'A'"]);
    // Nothing valid is left of the name: no declaration to offer.
    assert.deepEqual(quickFix('deal D { party B "B" licensee payments from B to «日本» { upfront 1M } }').titles, []);
  });

  it('does not suggest a stage the timeline already dates', () => {
    const marked = (stage: string) => [
      'deal D {',
      '  party A "A" licensor',
      '  party B "B" licensee',
      '  payments from B to A { upfront 1M }',
      `  scenario S { timeline { phase1 2025  phase2 2026  «${stage}» 2027 } reach approval }`,
      '}',
    ].join('\n');
    assert.deepEqual(quickFix(marked('phase4')).titles, []);
    const { titles, codes } = quickFix(marked('phas3'), "Change to 'phase3'");
    assert.deepEqual(titles, ["Change to 'phase3'"]);
    assert.deepEqual(codes, []);
  });

  it('exercises an option only at a stage the option offers', () => {
    const marked = (optionStage: string) => [
      'deal D {',
      '  party A "A" licensor',
      '  party B "B" licensee',
      `  option O { holder A  exercise at ${optionStage} fee 5M }`,
      '  scenario S { reach approval  exercise O at «phase2x» }',
      '}',
    ].join('\n');
    assert.deepEqual(quickFix(marked('phase2')).titles, ["Change to 'phase2'"]);
    assert.deepEqual(quickFix(marked('phase3')).titles, []);
  });

  it('corrects a currency code only to one the deal converts', () => {
    const marked = (fx: string) => `deal D {\n  currency USD\n  ${fx}\n  party A "A" licensor\n  party B "B" licensee\n  payments from B to A { fee F "access fee" «GPB» 1M }\n}`;
    const { titles, codes } = quickFix(marked('fx GBP = 1.25 USD'), "Change to 'GBP'");
    assert.deepEqual(titles, ["Change to 'GBP'"]);
    assert.deepEqual(codes, []);
    assert.deepEqual(quickFix(marked('fx EUR = 1.10 USD')).titles, []);
  });

  it('lets an invalid exercise stage be corrected only to a stage the deal knows', () => {
    const marked = [
      'deal D {',
      '  party A "A" licensor',
      '  party B "B" licensee',
      '  option O { holder A  exercise at phase2s fee 5M }',
      '  scenario S { reach approval  exercise O at «phase2» }',
      '}',
    ].join('\n');
    assert.deepEqual(quickFix(marked).titles, []);
  });
});
