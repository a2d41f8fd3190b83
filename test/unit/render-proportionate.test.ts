// What is rendered grows with the deal, not with every scenario times every party and payment.
// The red team's chain (test/chain-deal.ts): n partners each holding an option, n scenarios,
// scenario i exercising options 1 to i. A chain of 100 (176 KB) rendered 18 MB of HTML; the term
// sheet now compares the first 20 scenarios, shows the first 10 in full, charts at most six
// parties, and says so each time. Work is counted (array elements walked), not timed.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyzeDealText } from '../../server/src/document/analyze';
import { rollupScenario } from '../../server/src/engine/scenarios';
import { chainDeal } from '../chain-deal';
import { elementsWalked } from './work-count';

const chains = new Map([25, 50, 100].map((n) => [n, analyzeDealText(chainDeal(n))]));
const chain = (n: number) => chains.get(n)!;

/** How `measure` grows from a chain of 25 to one of 50, and from 50 to 100. */
function growth(measure: (n: number) => number): number[] {
  const [a, b, c] = [25, 50, 100].map(measure);
  return [b / a, c / b].map((g) => Math.round(g * 100) / 100);
}

describe('a chain of options and scenarios', () => {
  it('is read without error, and its text grows faster than n (scenario i exercises i options)', () => {
    assert.deepEqual(chain(25).diagnostics.filter((d) => d.severity === 'error'), []);
    assert.deepEqual(growth((n) => chain(n).text.length), [2.89, 3.24]);
  });

  it('rolls up the scenario exercising every option with work in proportion to the chain (was 3.2 times at 100)', () => {
    const work = growth((n) => {
      const { model } = chain(n).deals[0];
      return elementsWalked(() => rollupScenario(model, model.deal.scenarios[n - 1])).walked;
    });
    assert.ok(work.every((g) => g < 2.2), `the rollup walks ${work.join(' then ')} times as much for twice the chain`);
  });
});
