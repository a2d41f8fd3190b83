// The economics where people read them: the terminal table of `deal value`, the JSON keys, and
// the preview's "Value to each party" section, all from one computation (the seed deal's opt-in
// with illustrative sales and costs; figures worked by hand in economics.test.ts).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { economicsJson, exerciseEconomicsJson, partyEconomicsJson } from '../../server/src/exports/economics-json';
import { valueSection } from '../../server/src/exports/html-value';
import { scenarioValueText } from '../../server/src/cli/value-table';
import { Money } from '../../server/src/model/money';
import { costedSeed } from './costed-seed';
import { plainCells } from './plain-cells';

const valued = costedSeed;

describe('value outputs', () => {
  it('the terminal shows the pie, each party’s lines and the decision in words', () => {
    const { model, scenario, economics } = valued();
    const out = scenarioValueText(model, scenario, economics);
    assert.match(out, /The pie: project value \$150,000,000\n/);
    assert.match(out, /ImmunoGen, Inc\.\s+\$36,000,000\s+24%\n/);
    assert.match(out, /Biotest AG\s+\$114,000,000\s+76%/);
    assert.match(out, /Biotest AG\s+\$5,000,000\s+\$1,000,000\s+\$150,000,000\s+\$40,000,000\s+\$114,000,000/);
    assert.match(out, /OptIn at phase2 \(fee \$5,000,000\): gain ImmunoGen, Inc\. -\$500,000, Biotest AG \+\$500,000/);
    assert.match(out, /Exercising OptIn at phase2 costs ImmunoGen, Inc\. \$500K at these sales; it pays off from 1\.01× these sales\./);
  });

  it('the JSON carries profit, costs, value, the economics and the exercise', () => {
    const { economics } = valued();
    assert.deepEqual(partyEconomicsJson(economics, 'ImmunoGen'), { profit: '75000000', costs: '35000000', value: '36000000' });
    assert.deepEqual(economicsJson(economics), {
      sales: '450000000', goods: '90000000', commercial: '135000000', operatingProfit: '225000000', development: '75000000', projectValue: '150000000',
    });
    assert.deepEqual(exerciseEconomicsJson(economics.exercises[0]), { gain: { ImmunoGen: '-500000', Biotest: '500000' }, breakEven: '1.01' });
  });

  it('the preview section shows the same figures, the words and both charts', () => {
    const { model, rollup, economics } = valued();
    const html = plainCells(valueSection(model, [{ rollup, economics }]));
    assert.match(html, /<h2>Value to each party<\/h2>/);
    assert.match(html, /Project value <strong>\$150,000,000 \(\$150M\)<\/strong>/);
    assert.match(html, /<td>ImmunoGen, Inc\.<\/td><td class="num">\$1,000,000 \(\$1M\)<\/td><td class="num">\$5,000,000 \(\$5M\)<\/td><td class="num">\$75,000,000 \(\$75M\)<\/td><td class="num">\$35,000,000 \(\$35M\)<\/td><td class="num">\$36,000,000 \(\$36M\)<\/td><td class="num">24%<\/td>/);
    assert.match(html, /<li>Exercising US co-development and co-commercialization at phase2 costs ImmunoGen, Inc\. \$500K at these sales; it pays off from 1\.01× these sales\.<\/li>/);
    assert.match(html, /<title>Value to each party<\/title>/);
    // Cash position: ImmunoGen ends 2017 at +$36M (its value: equity is not in this deal).
    assert.match(html, /<title>Cash position per party, 2006 to 2017<\/title>/);
    assert.match(html, /ImmunoGen, Inc\., end of 2017: \$36M/);
  });
});

describe('value in Markdown', () => {
  it('gives the same figures and words as the preview', async () => {
    const { valueMarkdown } = await import('../../server/src/exports/markdown-value');
    const { model, rollup, economics } = valued();
    const md = valueMarkdown(model, [{ rollup, economics }]).join('\n');
    assert.match(md, /## Value to each party\n\n### Costed: ImmunoGen opts in at phase 2; illustrative sales\n/);
    assert.ok(!md.includes('\\$'), 'a $ is written as it is');
    const plain = md;
    assert.match(plain, /\| ImmunoGen, Inc\. \| \$1,000,000 \(\$1M\) \| \$5,000,000 \(\$5M\) \| \$75,000,000 \(\$75M\) \| \$35,000,000 \(\$35M\) \| \$36,000,000 \(\$36M\) \| 24% \|/);
    assert.match(plain, /- Exercising US co-development and co-commercialization at phase2 costs ImmunoGen, Inc\. \$500K at these sales; it pays off from 1\.01× these sales\./);
  });
});

describe('a break-even that does not exist', () => {
  it('is null in the JSON and said in words', async () => {
    const { decisionWords } = await import('../../server/src/engine/economics/decision-words');
    const { model, economics } = valued();
    const always = { ...economics.exercises[0], gain: new Map([['ImmunoGen', new Money(-1000)], ['Biotest', new Money(1000)]]), breakEven: undefined, paysOffAbove: undefined };
    assert.equal(exerciseEconomicsJson(always)?.breakEven, null);
    assert.equal(decisionWords(model, always),
      'Exercising OptIn at phase2 costs ImmunoGen, Inc. $1K at these sales; it does not pay off at any sales from 0 to 100× these.');
  });
});
