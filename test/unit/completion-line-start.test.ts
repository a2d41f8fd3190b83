// Completion on a line of its own offers what can start a line there, in each kind of block; each
// keyword it offers, inserted there, starts a term of its own (it does not continue the line
// above, as `at` after `upfront 1M on signing` would); every item says what it means; snippets
// propose names the deal does not use yet.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { analyzeDealText } from '../../server/src/document/analyze';
import { doComplete, type DealCompletion } from '../../server/src/features/completion';
import type { DealModel } from '../../server/src/model/deal-model';

const examples = new URL('../../examples/', import.meta.url);
const read = (name: string) => readFileSync(new URL(name, examples), 'utf8');
const seed = read('immunogen-biotest-2006.deal');

/** The text with a new, indented line before the line holding `before`, and the cursor on it. */
function newLineBefore(text: string, before: string): { text: string; offset: number } {
  const at = text.indexOf(before);
  assert.ok(at >= 0, `${before} not found`);
  const lineStart = text.lastIndexOf('\n', at) + 1;
  const indent = /^[ \t]*/.exec(text.slice(lineStart))![0];
  return { text: `${text.slice(0, lineStart)}${indent}\n${text.slice(lineStart)}`, offset: lineStart + indent.length };
}

function offered(text: string, before: string): string[] {
  const { text: edited, offset } = newLineBefore(text, before);
  return doComplete(analyzeDealText(edited), offset).map((i) => (i.kind === 'keyword' ? i.label : `${i.kind}: ${i.label}`));
}

describe('completion at the start of a line, in each kind of block', () => {
  it('in a payments block: the payments, and none of the clauses that continue the line above', () => {
    assert.deepEqual(offered(seed, '    milestones Development'), [
      'upfront', 'fee', 'equity', 'milestone', 'milestones', 'snippet: milestones (milestone group)', 'sales', 'royalty',
      'snippet: royalty (tiered)', 'funding', 'manufacturing',
    ]);
  });

  it('in a milestone group: milestones and sales milestones only', () => {
    assert.deepEqual(offered(seed, '      // the filing gives only the total'), ['milestone', 'sales']);
  });

  it('in the deal: the deal\'s terms', () => {
    assert.deepEqual(offered(seed, '  party ImmunoGen'), [
      'currency', 'signed', 'effective', 'announced', 'source', 'headline', 'stage', 'developer', 'fx', 'party', 'program',
      'snippet: program (programme)', 'stages', 'license', 'payments', 'option', 'snippet: option (opt-in right)', 'scenario',
      'snippet: scenario (what happens)', 'valuation',
    ]);
  });

  it('in a party, a licence, an option and its `on exercise`', () => {
    const multiLineParty = seed.replace('{ role licensor  ticker "NASDAQ:IMGN"  country US }', '{\n    role licensor\n    country US\n  }');
    assert.deepEqual(offered(multiLineParty, '    country US\n  }'), ['role', 'ticker', 'country']);
    assert.deepEqual(offered(seed, '    exclusive'), [
      'from', 'exclusive', 'non-exclusive', 'co-exclusive', 'technology', 'field', 'target', 'territory', 'indications', 'sublicensing', 'term',
    ]);
    assert.deepEqual(offered(seed, '    territory US\n    exercise'), ['holder', 'territory', 'for', 'exercise', 'on']);
    assert.deepEqual(offered(seed, '      forfeit Royalties in US'), ['forfeit', 'share', 'payments', 'developer']);
  });

  it('in a scenario and its costs (the programme snippet declares a programme: not offered there)', () => {
    assert.deepEqual(offered(seed, '    exercise OptIn at phase2\n  }\n  scenario Stops'), [
      'timeline', 'reach', 'exercise', 'sales', 'program', 'costs', 'snippet: costs (for the value to each party)',
    ]);
    assert.deepEqual(offered(seed, '      goods 20% of sales'), ['development', 'goods', 'commercial']);
  });

  it('in a stages block, a valuation and a royalty\'s tiers', () => {
    const at = (marked: string) => {
      const offset = marked.indexOf('<|>');
      return doComplete(analyzeDealText(marked.replace('<|>', '')), offset).map((i) => (i.kind === 'keyword' ? i.label : `${i.kind}: ${i.label}`));
    };
    assert.deepEqual(at('deal D {\n  stages {\n    phase1 success 60%\n    <|>\n  }\n}\n'),
      ['stage: discovery', 'stage: preclinical', 'stage: phase2', 'stage: phase3', 'stage: filing', 'stage: approval', 'stage: launch']);
    assert.deepEqual(at('deal D {\n  valuation {\n    discount 10%\n    <|>\n  }\n}\n'), ['as', 'discount']);
    // A tier starts with its rate: no keyword starts a line there (`above` ends the line above).
    assert.deepEqual(at('deal D {\n  party A "a" licensor\n  party B "b" licensee\n  payments from B to A {\n    royalty R on net_sales {\n      5% up to 100M\n      <|>\n    }\n  }\n}\n'), []);
  });

  it('after the amount, on the same line, the clauses that continue it are still offered', () => {
    const { text, offset } = newLineBefore(seed, '    milestones Development');
    const onLine = `${text.slice(0, offset)}upfront 2M ${text.slice(offset)}`;
    const labels = doComplete(analyzeDealText(onLine), offset + 'upfront 2M '.length).map((i) => i.label);
    for (const clause of ['on', 'at', 'expected', 'term']) assert.ok(labels.includes(clause), clause);
  });
});

/** Every span of the tree (a node's `span`): the ends of the nodes starting at each offset. */
function spansOf(root: unknown): Map<number, Set<number>> {
  const out = new Map<number, Set<number>>();
  const seen = new Set<object>();
  const walk = (value: unknown) => {
    if (!value || typeof value !== 'object' || seen.has(value)) return;
    seen.add(value);
    const span = (value as { span?: { start: unknown; end: unknown } }).span;
    if (span && typeof span.start === 'number' && typeof span.end === 'number') {
      if (!out.has(span.start)) out.set(span.start, new Set());
      out.get(span.start)!.add(span.end);
    }
    for (const child of Object.values(value)) walk(child);
  };
  walk(root);
  return out;
}

/** A term that ended before `offset` and now reaches past it: the inserted word continued it. */
function continued(before: Map<number, Set<number>>, after: Map<number, Set<number>>, offset: number): string | undefined {
  for (const [start, ends] of before) {
    if (start >= offset) continue;
    for (const end of ends) {
      if (end > offset || after.get(start)?.has(end)) continue;
      const longer = [...(after.get(start) ?? [])].find((e) => e > offset);
      if (longer !== undefined) return `${start}-${end} now ends at ${longer}`;
    }
  }
  return undefined;
}

describe('what completion offers at a line start, inserted, starts a term of its own (every example)', () => {
  it('never continues the line above, never stands where the grammar refuses it; every item documented; snippet names new', () => {
    let checked = 0;
    for (const name of readdirSync(examples).filter((f) => f.endsWith('.deal'))) {
      const text = read(name);
      const lineStarts = [...text.matchAll(/\n/g)].map((m) => m.index! + 1).filter((start) => start > text.indexOf('\ndeal '));
      for (const [i, lineStart] of lineStarts.entries()) {
        if (i % 5 !== 0 || lineStart >= text.length) continue;
        const indent = /^[ \t]*/.exec(text.slice(lineStart))![0];
        const blank = `${text.slice(0, lineStart)}${indent}\n${text.slice(lineStart)}`;
        const offset = lineStart + indent.length;
        const document = analyzeDealText(blank);
        const items = doComplete(document, offset);
        for (const item of items) checkItem(name, item, document.deals.flatMap((d) => namesOf(d.model)));
        const before = spansOf(document.parsed.file);
        for (const item of items.filter((k) => k.kind === 'keyword')) {
          const inserted = analyzeDealText(`${blank.slice(0, offset)}${item.label}${blank.slice(offset)}`);
          const where = `${name}, line ${blank.slice(0, offset).split('\n').length}: '${item.label}'`;
          assert.ok(!inserted.parsed.syntaxErrors.some((e) => e.span.start === offset), `${where} is refused where it stands`);
          const longer = continued(before, spansOf(inserted.parsed.file), offset);
          assert.equal(longer, undefined, `${where} continues the term above (${longer})`);
          checked++;
        }
      }
    }
    assert.ok(checked > 300, `${checked} keywords checked`);
  });
});

function namesOf(model: DealModel): string[] {
  return [...model.parties.keys(), ...model.paymentsByName.keys(), ...model.options.keys(), ...model.scenarios.keys(), model.deal.name.text];
}

function checkItem(file: string, item: DealCompletion, names: string[]): void {
  assert.ok(item.documentation.length > 10 && item.documentation.length < 200, `${file}: ${item.label} documentation: ${item.documentation}`);
  if (item.kind !== 'snippet') return;
  const proposed = /^\w+(?:-\w+)* \$\{1:(\w+)\}/.exec(item.insertText)?.[1];
  if (proposed) assert.ok(!names.includes(proposed), `${file}: the ${item.label} snippet proposes '${proposed}', already a name`);
}

describe('snippets propose new names', () => {
  it('Development2 where the group Development exists, Ph2 where Ph1 exists, OptIn2 where OptIn exists', () => {
    const withPh1 = seed.replace('      // the filing gives only the total', '      milestone Ph1 1M at phase1');
    const { text, offset } = newLineBefore(withPh1, '    royalty Royalties');
    const group = doComplete(analyzeDealText(text), offset).find((i) => i.label === 'milestones (milestone group)');
    assert.ok(group?.insertText.startsWith('milestones ${1:Development2} '), group?.insertText);
    assert.ok(group);
    assert.ok(group.insertText.includes('\n  milestone ${5:Ph2} '), group.insertText);
    const royalty = doComplete(analyzeDealText(text), offset).find((i) => i.label === 'royalty (tiered)');
    assert.ok(royalty?.insertText.startsWith('royalty ${1:Royalties2} on net_sales {'), royalty?.insertText);
    const atDeal = newLineBefore(seed, '  scenario Partnered "');
    const option = doComplete(analyzeDealText(atDeal.text), atDeal.offset).find((i) => i.label === 'option (opt-in right)');
    assert.ok(option?.insertText.startsWith('option ${1:OptIn2} '), option?.insertText);
  });
});
