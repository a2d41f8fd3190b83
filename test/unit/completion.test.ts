// Completion at a cursor: keywords from the grammar, names by context, snippets.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { analyzeDealText } from '../../server/src/document/analyze';
import { doComplete, type CompletionKind } from '../../server/src/features/completion';
import { isoCurrencyCodes } from '../../server/src/language/currencies';
import { generateDeal } from '../generate-deal';
import { random } from '../seeded-random';
import { markedRanges } from './helpers';

const seedText = readFileSync(new URL('../../examples/immunogen-biotest-2006.deal', import.meta.url), 'utf8');

/** Completions at `<|>`, where `marked` is the seed text with a marker put in by `edit`. */
function completeSeed(before: string, insert: string) {
  const at = seedText.indexOf(before) + before.length;
  assert.ok(at >= before.length, `${before} not in the seed`);
  const { text, offsets } = markedRanges(`${seedText.slice(0, at)}${insert}${seedText.slice(at)}`);
  return doComplete(analyzeDealText(text), offsets[0]);
}

const labels = (items: { label: string; kind: CompletionKind }[], kind?: CompletionKind) =>
  items.filter((i) => !kind || i.kind === kind).map((i) => i.label);

describe('completion of names', () => {
  it('offers the parties after `from`', () => {
    const items = completeSeed('payments from ', '<|>');
    assert.deepEqual(labels(items), ['ImmunoGen', 'Biotest']);
    assert.equal(items[0].detail, 'ImmunoGen, Inc.');
  });

  it('offers the stages after `reach`, built-in ones in order', () => {
    assert.deepEqual(labels(completeSeed('  scenario Partnered "Biotest develops alone; product approved" {\n    reach ', '<|>')),
      ['discovery', 'preclinical', 'phase1', 'phase2', 'phase3', 'filing', 'approval', 'launch']);
  });

  it('offers payments and `unearned` after `forfeit`, groups only after `forfeit unearned`', () => {
    const afterForfeit = completeSeed('forfeit Royalties in US\n', '      forfeit <|>\n');
    assert.deepEqual(labels(afterForfeit), ['unearned', 'Development', 'Royalties', 'Materials']);
    assert.deepEqual(labels(completeSeed('forfeit Royalties in US\n', '      forfeit unearned <|>\n')), ['Development']);
  });

  it('offers options after a scenario `exercise`', () => {
    assert.deepEqual(labels(completeSeed('scenario StopsInPhase2 "programme ends in phase 2" {\n', '    exercise <|>\n')), ['OptIn']);
  });

  it('offers ISO currency codes after `currency`, and replaces the word being typed', () => {
    const { text, offsets } = markedRanges('deal D {\n  currency E<|>U\n}');
    const items = doComplete(analyzeDealText(text), offsets[0]);
    assert.deepEqual(labels(items), [...isoCurrencyCodes]);
    assert.deepEqual(items[0].span, { start: text.indexOf('EU'), end: text.indexOf('EU') + 2 });
  });

  it('offers nothing inside a string or a comment', () => {
    assert.deepEqual(completeSeed('party ImmunoGen "Immuno', '<|>'), []);
    assert.deepEqual(completeSeed('// the filing', '<|>'), []);
  });
});

describe('completion of keywords from the grammar', () => {
  it('offers every deal-level keyword at the start of a deal line', () => {
    const { text, offsets } = markedRanges('deal D {\n  <|>\n}');
    assert.deepEqual(labels(doComplete(analyzeDealText(text), offsets[0]), 'keyword'), [
      'currency', 'signed', 'effective', 'announced', 'source', 'headline', 'stage', 'developer', 'fx', 'party', 'program', 'stages',
      'license', 'payments', 'option', 'scenario', 'valuation',
    ]);
  });

  it('offers the clauses and the next payments after an amount', () => {
    const keywords = labels(completeSeed('upfront 1M', ' <|>'), 'keyword');
    assert.deepEqual(keywords, [
      'on', 'at', 'by', 'expected', 'territory', 'from', 'premium', 'term', 'undisclosed', 'for',
      'upfront', 'fee', 'equity', 'milestone', 'milestones', 'sales', 'royalty', 'funding', 'manufacturing',
    ]);
  });

  it('offers `deal` at the top of an empty file, with the new-deal snippet', () => {
    const items = doComplete(analyzeDealText(''), 0);
    assert.deepEqual(labels(items), ['deal', 'deal (new deal)']);
    assert.equal(items[1].snippet, true);
    assert.match(items[1].insertText, /^deal \$\{1:Name\} "\$\{2:Licensor \/ Licensee license\}" \{\n/);
  });
});

describe('snippets', () => {
  it('fills an option snippet with the deal parties and stages as choices', () => {
    const { text, offsets } = markedRanges(`${seedText.replace(/\n}\s*$/, '\n  <|>\n}\n')}`);
    const items = doComplete(analyzeDealText(text), offsets[0]);
    const option = items.find((i) => i.label === 'option (opt-in right)');
    assert.ok(option);
    assert.ok(option.insertText.includes('holder ${3|ImmunoGen,Biotest|}'), option.insertText);
    assert.ok(option.insertText.includes('share costs ImmunoGen 50%, Biotest 50%'));
    const scenario = items.find((i) => i.label === 'scenario (what happens)');
    assert.ok(scenario?.insertText.includes('exercise ${4|OptIn|} at ${5|phase2,discovery,preclinical,phase1,phase3,filing,approval,launch|}'));
  });

  it('offers the programme snippet among the deal terms, and the costs snippet inside a scenario', () => {
    const { text, offsets } = markedRanges(`${seedText.replace(/\n}\s*$/, '\n  <|>\n}\n')}`);
    const program = doComplete(analyzeDealText(text), offsets[0]).find((i) => i.label === 'program (programme)');
    assert.equal(program?.insertText, 'program ${1:Target} "${2:programme}" { stage ${3|preclinical,discovery,phase1,phase2,phase3,filing,approval,launch|}  count ${4:1} }');
    const inScenario = markedRanges(seedText.replace('scenario StopsInPhase2 "programme ends in phase 2" {', 'scenario StopsInPhase2 "programme ends in phase 2" {\n    <|>'));
    const costs = doComplete(analyzeDealText(inScenario.text), inScenario.offsets[0]).find((i) => i.label === 'costs (for the value to each party)');
    assert.equal(costs?.insertText, 'costs {\n  development ${1:US} { ${2:2026}: ${3:10M}  ${4:2027}: ${5:15M} }\n  goods ${6:20}% of sales\n  commercial ${7:30}% of sales\n}');
  });

  it('offers the milestone group and tiered royalty snippets inside a payments block', () => {
    const items = completeSeed('upfront 1M on signing\n', '    <|>\n');
    assert.deepEqual(labels(items, 'snippet'), ['milestones (milestone group)', 'royalty (tiered)']);
  });
});

describe('completion reads only what leads to the cursor', () => {
  it('offers exactly what reading the whole deal offers, at 300 places in generated deals', () => {
    const next = random(31);
    for (const seed of [1, 2, 3]) {
      const text = [generateDeal(seed, { payments: 60, notes: true }), generateDeal(seed + 10)].join('\n');
      const document = analyzeDealText(text);
      for (let i = 0; i < 100; i++) {
        const offset = Math.floor(next() * text.length);
        assert.deepEqual(doComplete(document, offset), doComplete(document, offset, { readWholeDeal: true }), `seed ${seed}, offset ${offset}`);
      }
    }
  });
});
