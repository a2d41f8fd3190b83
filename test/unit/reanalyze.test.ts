// Re-analysis after an edit must give exactly what analysing the new text from scratch gives:
// the same tree, payments, totals and diagnostics at the same places. Checked over a chain of
// seeded random edits to a portfolio file, valid and broken ones alike.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyzeDealText, type AnalyzedDocument } from '../../server/src/document/analyze';
import { commonEnds, reanalyzeDealText } from '../../server/src/document/reanalyze';
import { generateDeal } from '../generate-deal';
import { random } from '../seeded-random';

const fragments = ['1', '7', '0', ' ', 'x', 'M', '%', '\n', '{', '}', '"', '/*', '*/', '//', 'milestone ', 'Acme', ',', 'deal Z { }', '-'];

/** A random edit: mostly the small changes of typing, sometimes a structural one. */
function randomEdit(text: string, next: () => number): string {
  const at = Math.floor(next() * text.length);
  const kind = next();
  if (kind < 0.45) return text.slice(0, at) + fragments[Math.floor(next() * 4)] + text.slice(at + 1); // retype a character
  if (kind < 0.75) return text.slice(0, at) + fragments[Math.floor(next() * fragments.length)] + text.slice(at); // insert
  return text.slice(0, at) + text.slice(at + 1 + Math.floor(next() * 12)); // delete
}

/** What the tools read from an analysis, in a form deepEqual compares (models hold functions). */
function observable(document: AnalyzedDocument) {
  return {
    file: document.parsed.file,
    syntaxErrors: document.parsed.syntaxErrors,
    comments: document.parsed.comments.map((c) => [c.image, c.startOffset, c.endOffset]),
    deals: document.deals.map(({ model, totals }) => ({ currency: model.currency, payments: model.payments, totals })),
    diagnostics: document.diagnostics,
    lines: document.lines.lineCount,
  };
}

describe('re-analysis after an edit', () => {
  it('finds the common prefix and suffix without overlap', () => {
    assert.deepEqual(commonEnds('abcdef', 'abXdef'), { prefix: 2, suffix: 3 });
    assert.deepEqual(commonEnds('aa', 'aaa'), { prefix: 2, suffix: 0 });
    assert.deepEqual(commonEnds('abc', 'abc'), { prefix: 3, suffix: 0 });
    assert.deepEqual(commonEnds('', 'x'), { prefix: 0, suffix: 0 });
  });

  it('equals a fresh analysis over 30 chains of 5 random edits, reusing the untouched deals', () => {
    const next = random(2024);
    const base = [1, 2, 3, 4, 5, 6].map((seed) => generateDeal(seed, { notes: true })).join('\n');
    let reused = 0;
    for (let chain = 0; chain < 30; chain++) {
      let text = base;
      let document = analyzeDealText(text);
      for (let step = 0; step < 5; step++) {
        text = randomEdit(text, next);
        const before = new Set(document.deals);
        const incremental = reanalyzeDealText(document, text);
        if (incremental.deals.some((d) => before.has(d))) reused++;
        assert.deepEqual(observable(incremental), observable(analyzeDealText(text)), `chain ${chain}, edit ${step}`);
        document = incremental;
      }
    }
    // Most edits land inside a deal and keep it closed; a file with a syntax error elsewhere is
    // analysed whole, so later edits in a broken chain reuse less.
    assert.ok(reused >= 40, `only ${reused} of 150 edits reused deals`);
  });

  it('moves the diagnostics of later deals by what an edit inserted', () => {
    const text = [7, 8].map((seed) => generateDeal(seed)).join('\n');
    const first = analyzeDealText(text);
    const secondDeal = first.deals[1].model.deal.span.start;
    const notes = first.diagnostics.filter((d) => d.span.start > secondDeal).map((d) => d.span.start);
    assert.ok(notes.length > 0);
    const at = text.indexOf('upfront ') + 'upfront '.length; // inside the first deal
    const edited = reanalyzeDealText(first, `${text.slice(0, at)}  ${text.slice(at)}`);
    assert.deepEqual(edited.diagnostics.filter((d) => d.span.start > secondDeal + 2).map((d) => d.span.start), notes.map((n) => n + 2));
  });
});

describe('what the checks keep per payment of a long deal', () => {
  /** A deal of 70 milestones written `milestone Mi "event i" MILESTONE`, with `declarations`
   * before its payments. */
  const longDeal = (declarations: string, milestone: string) => `deal Long "one long deal" {
  currency USD
${declarations}
  party A "A Inc." licensor
  party B "B AG" licensee
  payments from B to A {
    upfront 5M on signing
${Array.from({ length: 70 }, (_, i) => `    milestone M${i} "event ${i}" ${milestone}`).join('\n')}
  }
}
`;
  const found = (document: AnalyzedDocument, code: string) => document.diagnostics.filter((d) => d.code === code).map((d) => `${d.span.start} ${d.message}`);

  /** Inserting `piece` after `before` in a declaration gives each of the 70 payments a `code`
   * finding, and taking it out again none: the payments' kept findings never outlive it. */
  const checkedAgain = (text: string, before: string, piece: string, code: string) => {
    const first = analyzeDealText(text);
    assert.deepEqual(found(first, code), []);
    const at = text.indexOf(before) + before.length;
    const changed = `${text.slice(0, at)}${piece}${text.slice(at)}`;
    const edited = reanalyzeDealText(first, changed);
    assert.equal(edited.deals[0].model.payments[1].node, first.deals[0].model.payments[1].node, 'the payments were kept');
    assert.equal(edited.deals[0].model.deal.paymentBlocks[0], first.deals[0].model.deal.paymentBlocks[0], 'the payments were kept');
    const expected = found(analyzeDealText(changed), code);
    assert.equal(expected.length, 70);
    assert.deepEqual(found(edited, code), expected);
    assert.deepEqual(found(reanalyzeDealText(edited, text), code), []);
  };

  it('checks every payment again when a programme it names is renamed, and again when it is named back', () => {
    // Lexad: each `for Lead` names no programme now.
    checkedAgain(longDeal('  program Lead "the lead programme" { stage phase1 }', '1M at phase2 for Lead'), 'program Le', 'x', 'unknown-reference');
  });

  it('checks every payment again when the exchange rate it is converted with changes, and again when it is back', () => {
    // fx EXUR: no rate for EUR any more.
    checkedAgain(longDeal('  fx EUR = 1.10 USD', 'EUR 1M at phase2'), 'fx E', 'X', 'fx-missing');
  });
});

/** Where an edit inside a long deal lands: mostly inside a term (a payment, a milestone, a party,
 * a scenario…), sometimes on its first or last character, between terms or on a brace. */
function editInsideTerm(text: string, next: () => number): string {
  const lines = text.split('\n');
  const line = Math.floor(next() * lines.length);
  const lineStart = lines.slice(0, line).reduce((sum, l) => sum + l.length + 1, 0);
  const at = lineStart + Math.floor(next() * (lines[line].length + 1));
  const kind = next();
  const pieces = ['1', '5', '0', 'M', 'K', ' ', 'x', '%', '"', '}', '{', '//', '/*', '*/', ',', 'at phase2 ', 'on signing ', 'milestone ', 'milestone M9 1M ', 'upfront 2M ', 'Acme'];
  if (kind < 0.35) return text.slice(0, at) + pieces[Math.floor(next() * 7)] + text.slice(at + 1); // retype
  if (kind < 0.75) return text.slice(0, at) + pieces[Math.floor(next() * pieces.length)] + text.slice(at); // insert
  if (kind < 0.9) return text.slice(0, at) + text.slice(at + 1 + Math.floor(next() * 4)); // delete a few
  return text.slice(0, at) + text.slice(at + Math.floor(next() * 80)); // delete a run, maybe across terms
}

describe('re-analysis after an edit inside one long deal', () => {
  it('equals a fresh analysis over 60 chains of 4 edits inside terms, keeping the untouched terms', () => {
    const next = random(77);
    const base = generateDeal(11, { payments: 120, notes: true });
    let termwise = 0;
    for (let chain = 0; chain < 60; chain++) {
      let text = base;
      let document = analyzeDealText(text);
      for (let step = 0; step < 4; step++) {
        text = editInsideTerm(text, next);
        const nodes = new Set(document.deals[0]?.model.payments.map((p) => p.node));
        const incremental = reanalyzeDealText(document, text);
        // A term read alone: the deal is new, its other payments are the old ones.
        const deal = incremental.deals[0]?.model.deal;
        if (deal && deal !== document.deals[0]?.model.deal && incremental.deals[0].model.payments.some((p) => nodes.has(p.node))) termwise++;
        assert.deepEqual(observable(incremental), observable(analyzeDealText(text)), `chain ${chain}, edit ${step}`);
        document = incremental;
      }
    }
    // Random typing breaks a term often (a stray quote, brace or word): that edit and the next are
    // read with the whole deal.
    assert.ok(termwise >= 25, `only ${termwise} of 240 edits read one term again`);
  });
});
