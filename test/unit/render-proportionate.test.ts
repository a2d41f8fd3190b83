// What is rendered grows with the deal, not with every scenario times every party and payment.
// The red team's chain (test/chain-deal.ts): n partners each holding an option, n scenarios,
// scenario i exercising options 1 to i. A chain of 100 (176 KB) rendered 18 MB of HTML; the term
// sheet now compares the first 20 scenarios, shows the first 10 in full, charts at most six
// parties, and says so each time. Work is counted (array elements walked), not timed.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyzeDealText } from '../../server/src/document/analyze';
import { rollupScenario } from '../../server/src/engine/scenarios';
import { renderHtml, renderMarkdown } from '../../server/src/exports';
import { chainDeal } from '../chain-deal';
import { elementsWalked } from './work-count';

const chains = new Map([25, 50, 100].map((n) => [n, analyzeDealText(chainDeal(n))]));
const chain = (n: number) => chains.get(n)!;

/** How `measure` grows from a chain of 25 to one of 50, and from 50 to 100. */
function growth(measure: (n: number) => number): number[] {
  const [a, b, c] = [25, 50, 100].map(measure);
  return [b / a, c / b].map((g) => Math.round(g * 100) / 100);
}

const notes = (html: string) => [...html.matchAll(/<p class="note">(.*?)<\/p>/g)].map((m) => m[1]);
const captions = (html: string) => [...html.matchAll(/<figcaption>(.*?)<\/figcaption>/g)].map((m) => m[1]);

describe('a chain of options and scenarios', () => {
  it('is read without error, and its text grows faster than n (scenario i exercises i options)', () => {
    assert.deepEqual(chain(25).diagnostics.filter((d) => d.severity === 'error'), []);
    assert.deepEqual(growth((n) => chain(n).text.length), [2.89, 3.24]);
  });

  it('renders HTML that grows at most in proportion to the chain (was 18 MB at 100, 3.7 times the size at 50)', () => {
    const sizes = growth((n) => renderHtml(chain(n)).length);
    assert.ok(sizes.every((g) => g < 2.5), `HTML grows ${sizes.join(' then ')} times for twice the chain`);
    // Each table cell names its column (for the stacked layout of a narrow preview) and each figure
    // carries its exact form as a tooltip of its compact one: about 1.5 MB, from 0.73 MB before.
    assert.ok(renderHtml(chain(100)).length < 2_000_000, `${renderHtml(chain(100)).length} characters of HTML`);
  });

  it('renders HTML with work in proportion to the chain (was 6.3 times the work for twice the chain)', () => {
    const work = growth((n) => elementsWalked(() => renderHtml(chain(n))).walked);
    assert.ok(work.every((g) => g < 2.5), `rendering walks ${work.join(' then ')} times as much for twice the chain`);
  });

  it('rolls up the scenario exercising every option with work in proportion to the chain (was 3.2 times at 100)', () => {
    const work = growth((n) => {
      const { model } = chain(n).deals[0];
      return elementsWalked(() => rollupScenario(model, model.deal.scenarios[n - 1])).walked;
    });
    assert.ok(work.every((g) => g < 2.2), `the rollup walks ${work.join(' then ')} times as much for twice the chain`);
  });

  it('renders Markdown that grows at most in proportion to the chain', () => {
    const sizes = growth((n) => renderMarkdown(chain(n)).length);
    assert.ok(sizes.every((g) => g < 2.5), `Markdown grows ${sizes.join(' then ')} times for twice the chain`);
  });

  it('compares the first 20 scenarios, shows the first 10 in full, and says which it leaves out and how to see them', () => {
    const html = renderHtml(chain(25));
    assert.equal((html.match(/<h3[^>]*>S\d+: scenario \d+<\/h3>/g) ?? []).length, 10);
    const comparison = html.match(/<caption>Scenario comparison<\/caption>.*?<\/table>/)![0];
    assert.equal((comparison.match(/<tr/g) ?? []).length, 21); // the header and 20 scenarios
    const howToSee = 'open it with Deal: Show Payment Rollup (or the CodeLens above it), or export it with `deal render FILE --scenario NAME`.';
    assert.deepEqual(notes(html).filter((n) => n.includes('scenarios')), [
      'Option fees, royalties and manufacturing have no deal-level figure: they count in scenarios.',
      `The comparison lists the first 20 of 25 scenarios. Not compared here: S21, S22, S23, S24, S25; to see one, ${howToSee}`,
      'Shown in full: the first 10 of 25 scenarios. To see the schedule, charts and payments of another '
        + `(S11, S12, S13, S14, S15, S16, S17, S18, S19, S20, S21, S22 and 3 more), ${howToSee}`,
    ]);
    assert.match(html, /<caption>Per scenario, risk-adjusted \(the first 20 of 25, as in the comparison\)<\/caption>/);
    const markdown = renderMarkdown(chain(25));
    assert.match(markdown, /^_The comparison lists the first 20 of 25 scenarios\. Not compared here: S21, S22, S23, S24, S25; to see one, /m);
    assert.match(markdown, /^_Shown in full: the first 10 of 25 scenarios\. To see the schedule, charts and payments of another \(S11, /m);
    assert.equal((markdown.match(/^### S\d+: scenario \d+$/gm) ?? []).length, 10);
  });

  it('shows a scenario past the comparison in full when asked for it, without the note on the others', () => {
    const html = renderHtml(chain(25), { scenario: 'S25' });
    assert.deepEqual(html.match(/<h3[^>]*>S\d+: scenario \d+<\/h3>/g)?.map((h) => h.replace(/<[^>]*>/g, '')), ['S25: scenario 25']);
    assert.ok(!html.includes('Shown in full'));
    assert.ok(html.includes('Not compared here: S21, S22, S23, S24, S25;'));
    assert.match(renderMarkdown(chain(25), { scenario: 'S25' }), /^### S25: scenario 25$/m);
  });

  it('charts the six parties with the largest net positions, and says the others are in the table', () => {
    const html = renderHtml(chain(25), { scenario: 'S3' });
    const cumulative = html.match(/<svg class="chart".*?<\/svg>/)![0];
    assert.equal((cumulative.match(/<polyline class="line p\d"/g) ?? []).length, 6);
    assert.deepEqual(captions(html)[0], 'Cumulative net position per party, 2024 to 2032 (received minus paid; '
      + 'the 6 of 27 parties with the largest net positions, the others are in the table above)');
    // Alpha receives, Beta pays, the three partners who exercised pay their fees; of the partners
    // at zero, the first declared.
    const drawn = [...cumulative.matchAll(/<title>([^<]*), end of 2032: /g)].map((m) => m[1]);
    assert.deepEqual([...new Set(drawn)], ['Alpha Bio', 'Beta Pharma', 'Partner 1', 'Partner 2', 'Partner 3', 'Partner 4']);
  });
});
