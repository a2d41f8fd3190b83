// The seed deal with one more scenario, `Costed` (the opt-in at phase 2 with illustrative sales),
// and its costs given to the engine directly: US development 70M over 2010-14, ex-US 5M, cost
// of goods 20% and commercial costs 30% of sales. Worked by hand in economics.test.ts: ImmunoGen
// 36M, Biotest 114M, project 150M, gain −0.5M / +0.5M, break-even 1.01×.
import { readFileSync } from 'node:fs';
import { analyzeDealText } from '../../server/src/document/analyze';
import { scenarioEconomics } from '../../server/src/engine/economics/scenario-economics';
import type { CostsInput } from '../../server/src/engine/economics/types';
import { rollupScenario } from '../../server/src/engine/scenarios';
import { salesBook } from '../../server/src/engine/scenarios/sales';
import { Money } from '../../server/src/model/money';

/** Millions, exact. */
export const M = (n: number) => new Money(n).times(1_000_000);

const seed = readFileSync(new URL('../../examples/immunogen-biotest-2006.deal', import.meta.url), 'utf8');

export const costedSeedText = seed.replace(/\n}\s*$/, `
  scenario Costed "ImmunoGen opts in at phase 2; illustrative sales" {
    timeline { phase1 2008  phase2 2010  phase3 2012  filing 2014  approval 2015 }
    reach approval
    exercise OptIn at phase2
    sales US { 2016: 100M  2017: 200M }
    sales "ex-US" { 2016: 50M  2017: 100M }
  }
}
`);

export const costedSeedCosts: CostsInput = {
  development: [
    { territory: 'US', years: new Map([[2010, M(10)], [2011, M(10)], [2012, M(20)], [2013, M(20)], [2014, M(10)]]) },
    { territory: 'ex-US', years: new Map([[2010, M(5)]]) },
  ],
  goods: [{ percentOfSales: new Money(20) }],
  commercial: [{ percentOfSales: new Money(30) }],
};

/** The `Costed` scenario's model, rollup and economics. */
export function costedSeed() {
  const document = analyzeDealText(costedSeedText);
  const model = document.deals[0].model;
  const scenario = model.scenarios.get('Costed')!;
  const rollup = rollupScenario(model, scenario);
  const economics = scenarioEconomics(model, scenario, { units: (s) => [{ book: salesBook(model, s), costs: costedSeedCosts }], developers: () => [] }, rollup);
  return { document, model, scenario, rollup, economics };
}
