// CodeLens totals above parties, payment blocks, milestone groups and scenarios.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { analyzeDealText, type AnalyzedDocument } from '../../server/src/document/analyze';
import { findCodeLenses } from '../../server/src/features/code-lens';

const example = (name: string) => analyzeDealText(readFileSync(new URL(`../../examples/${name}`, import.meta.url), 'utf8'));
const lensLines = (document: AnalyzedDocument) => findCodeLenses(document)
  .map((lens) => `${document.text.slice(lens.span.start).split('\n')[0].trim().slice(0, 30)} => ${lens.title}`);

describe('CodeLens', () => {
  it('shows what each party, block, group and scenario of the seed deal adds up to', () => {
    assert.deepEqual(lensLines(example('immunogen-biotest-2006.deal')), [
      'party ImmunoGen "ImmunoGen, In => ImmunoGen receives $36.5M · pays $0',
      'party Biotest "Biotest AG" { r => Biotest receives $0 · pays $36.5M',
      'payments from Biotest to Immun => Biotest pays ImmunoGen $36.5M (committed $1M · contingent $35.5M) · 2 more without a fixed figure',
      'milestones Development "develo => itemized $0 in 0 milestones of $35.5M · undisclosed $35.5M',
      'scenario Partnered "Biotest de => ImmunoGen receives $36.5M · pays $0 | Biotest receives $0 · pays $36.5M',
      'scenario OptInAtPhase2 "Immuno => ImmunoGen receives $1M · pays $5M | Biotest receives $5M · pays $1M',
      'scenario StopsInPhase2 "progra => ImmunoGen receives $1M · pays $0 | Biotest receives $0 · pays $1M',
      'scenario OptInWithCosts "Immun => ImmunoGen receives $1M · pays $5M | Biotest receives $5M · pays $1M',
      // A scenario that gives its costs also says what it is worth to each party.
      'scenario OptInWithCosts "Immun => Value: ImmunoGen $36M · Biotest $114M',
    ]);
  });

  it('shows the Acme groups and the Success scenario with royalties', () => {
    const lines = lensLines(example('acme-globex-2024.deal'));
    assert.deepEqual(lines.slice(3), [
      'milestones Dev "development mi => itemized $41M in 3 milestones of $120M · undisclosed $79M',
      'milestones Reg "regulatory mil => itemized $100M in 2 milestones of $100M · undisclosed $0',
      'scenario Success "approved in  => Acme receives $607.5M · pays $0 | Globex receives $0 · pays $607.5M',
    ]);
  });

  it('opens the rollup on click, of the scenario for a scenario lens', () => {
    const lenses = findCodeLenses(example('immunogen-biotest-2006.deal'));
    assert.equal(lenses[0].scenario, undefined);
    assert.deepEqual(lenses.filter((l) => l.scenario).map((l) => l.scenario), ['Partnered', 'OptInAtPhase2', 'StopsInPhase2', 'OptInWithCosts', 'OptInWithCosts']);
  });
});
