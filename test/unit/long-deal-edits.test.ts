// An edit inside one term of a long deal costs what it touches: the term is read again alone and
// the other terms keep what was derived from them (work is counted, not timed, the same on every
// machine).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyzeDealText, type AnalyzedDocument } from '../../server/src/document/analyze';
import { reanalyzeDealText } from '../../server/src/document/reanalyze';
import { scenarioRollupOf } from '../../server/src/engine/scenario-rollups';
import { rollupJson } from '../../server/src/exports/rollup-json';
import { shownModel } from '../../server/src/model/shown-figures';
import { rollupDeal } from '../../server/src/model/totals';
import { generateDeal } from '../generate-deal';
import { elementsWalked } from './work-count';

/** A deal of about `payments` payment lines, and the same deal with one milestone amount retyped
 * and a digit added (`$4_250_000` → `$14_250_000`), at the first milestone past the middle. */
function dealAndEdit(payments: number): { text: string; edited: string; at: number } {
  const text = generateDeal(3, { payments, notes: true });
  const line = text.indexOf('\n      milestone ', Math.floor(text.length / 2));
  const amount = /\d/g;
  amount.lastIndex = text.indexOf('"', text.indexOf('"', line) + 1) + 1;
  const at = amount.exec(text)!.index;
  return { text, edited: `${text.slice(0, at)}1${text.slice(at)}`, at };
}

/** The analysis after replacing [start, end) with `insert`: it must equal a fresh one. Says whether
 * a term was read alone (a new tree of the deal sharing its untouched lists). */
function edit(document: AnalyzedDocument, start: number, end: number, insert: string): { document: AnalyzedDocument; termwise: boolean } {
  const text = document.text.slice(0, start) + insert + document.text.slice(end);
  const before = document.deals[0].model.deal;
  const after = reanalyzeDealText(document, text);
  const fresh = analyzeDealText(text);
  assert.deepEqual(after.parsed.file, fresh.parsed.file);
  assert.deepEqual(after.diagnostics, fresh.diagnostics);
  assert.deepEqual(after.deals[0].totals, fresh.deals[0].totals);
  const deal = after.deals[0].model.deal;
  const termwise = deal !== before && deal.parties === before.parties;
  return { document: after, termwise };
}

describe('an edit inside one term of a long deal', () => {
  const text = generateDeal(5, { payments: 60, notes: true });
  const milestone = text.indexOf('\n      milestone ', Math.floor(text.length / 3)) + 7;
  const lineEnd = text.indexOf('\n', milestone);

  it('reads the term around a term whose first or last character the edit touches', () => {
    // A milestone's first or last character: its group is read again.
    assert.equal(edit(analyzeDealText(text), milestone, milestone, 'milestone Pre 1M\n      ').termwise, true);
    assert.equal(edit(analyzeDealText(text), lineEnd - 1, lineEnd, '').termwise, true);
    // The first character of a payments block: the deal is read whole.
    const block = text.indexOf('payments');
    assert.equal(edit(analyzeDealText(text), block, block + 1, 'P').termwise, false);
  });

  it('breaks a milestone (whole deal, with its syntax error) and reads it alone once repaired', () => {
    const amount = text.indexOf('"', text.indexOf('"', milestone) + 1) + 2; // after the title
    const broken = edit(analyzeDealText(text), amount, amount, 'x ');
    assert.equal(broken.termwise, false);
    assert.ok(broken.document.diagnostics.some((d) => d.code === 'syntax-error'));
    const repaired = edit(broken.document, amount, amount + 2, '');
    assert.equal(repaired.termwise, true);
    assert.ok(!repaired.document.diagnostics.some((d) => d.code === 'syntax-error'));
  });

  it('adds a milestone to a group and removes a payment, reading the group or the block alone', () => {
    const added = edit(analyzeDealText(text), lineEnd, lineEnd, '\n      milestone Extra "added" 2M at phase2');
    assert.equal(added.termwise, true);
    const upfront = text.indexOf('\n    upfront');
    const removed = edit(analyzeDealText(text), upfront, text.indexOf('\n', upfront + 1), '');
    assert.equal(removed.termwise, true);
  });

  it('reads only that milestone again and keeps every other payment as it was resolved', () => {
    const { text, edited, at } = dealAndEdit(400);
    const before = analyzeDealText(text);
    const payments = before.deals[0].model.payments;
    const after = reanalyzeDealText(before, edited);
    assert.deepEqual(after.diagnostics, analyzeDealText(edited).diagnostics);
    const model = after.deals[0].model;
    const changed = model.payments.filter((p) => !payments.includes(p));
    // Only the group holding the milestone is resolved again.
    assert.equal(changed.length, 1);
    assert.equal(changed[0].node.type, 'MilestoneGroup');
    assert.ok(changed[0].node.span.start < at && at < changed[0].node.span.end);
    assert.equal(model.payments.length, payments.length);
  });

  it('rolls a scenario up taking over what the payments the edit left alone gave it, with the same figures', () => {
    const { text, edited } = dealAndEdit(400);
    const before = analyzeDealText(text);
    const scenario = before.deals[0].model.deal.scenarios[0];
    const earlier = scenarioRollupOf(before.deals[0].model, scenario);
    const after = reanalyzeDealText(before, edited);
    assert.equal(after.deals[0].model.deal.scenarios[0], scenario);
    const rollup = scenarioRollupOf(after.deals[0].model, scenario);
    const taken = rollup.payments.filter((payment) => earlier.payments.includes(payment)).length;
    assert.ok(taken > rollup.payments.length * 0.9, `${taken} of ${rollup.payments.length} payments taken over`);
    assert.ok(taken < rollup.payments.length, 'the edited group\'s payments are worked out again');
    assert.equal(JSON.stringify(rollupJson(after)), JSON.stringify(rollupJson(analyzeDealText(edited))));
    // In cents (as lenses, hovers and the preview show it), the totals are worked out from before.
    const shown = (document: AnalyzedDocument) => {
      const model = shownModel(document.deals[0].model);
      return JSON.stringify(scenarioRollupOf(model, model.deal.scenarios[0]), (key, value) =>
        ['item', 'group', 'scenario', 'option', 'exercise', 'span'].includes(key) ? undefined : value instanceof Map ? [...value] : value);
    };
    // A milestone's amount made smaller ($12.75M → $11.75M): every payment stays where it was.
    const { at } = dealAndEdit(400);
    const smaller = `${text.slice(0, at + 1)}1${text.slice(at + 2)}`;
    for (const change of [edited, smaller]) {
      const beforeShown = analyzeDealText(text);
      shown(beforeShown);
      const afterShown = reanalyzeDealText(beforeShown, change);
      assert.equal(shownModel(afterShown.deals[0].model).edited?.replaced.length, 1);
      assert.equal(shown(afterShown), shown(analyzeDealText(change)));
    }
  });

  it('works the totals and the payments by name out from the previous ones, by the payment the edit replaced', () => {
    const { text, edited } = dealAndEdit(400);
    const before = analyzeDealText(text);
    const earlier = before.deals[0].totals;
    const byName = before.deals[0].model.paymentsByName;
    const after = reanalyzeDealText(before, edited);
    const model = after.deals[0].model;
    const fresh = analyzeDealText(edited).deals[0];
    assert.equal(model.edited?.replaced.length, 1);
    const { before: was, after: now } = model.edited.replaced[0];
    assert.equal(now.itemized!.minus(was.itemized!).toString(), '110000000'); // $12,250,000 → $112,250,000 in the group
    assert.equal(after.deals[0].totals.contingent.toString(), fresh.totals.contingent.toString());
    assert.equal(after.deals[0].totals.headline.toString(), fresh.totals.headline.toString());
    // The previous totals are what the new ones are built on: a figure planted in them carries.
    const planted = rollupDeal(model, { ...earlier, committed: earlier.committed.plus(1) });
    assert.equal(planted.committed.minus(fresh.totals.committed).toString(), '1');
    // The table of payments by name is the previous one, with the group's new item in its place.
    assert.equal(model.paymentsByName, byName);
    assert.equal(model.paymentsByName.get(now.name!), now);
    assert.deepEqual([...model.paymentsByName.keys()], [...fresh.model.paymentsByName.keys()]);
  });

  it('walks well under what a fresh analysis walks (the whole-deal checks still walk each list once)', () => {
    const work = (payments: number) => {
      const { text, edited } = dealAndEdit(payments);
      const before = analyzeDealText(text);
      return elementsWalked(() => reanalyzeDealText(before, edited)).walked;
    };
    work(50); // what is built once per process (the lexer, the parser) is not counted
    const [small, large] = [500, 2000].map(work);
    const whole = elementsWalked(() => analyzeDealText(dealAndEdit(2000).edited)).walked;
    // The checks across the whole deal (names, references, dates, amounts) still walk its lists
    // once per edit: the work grows with the deal, but stays well under reading it all again.
    assert.ok(large < whole * 0.7, `an edit walks ${large} elements, a fresh analysis ${whole}`);
    assert.ok(small < large, `${small} then ${large}`);
  });
});
