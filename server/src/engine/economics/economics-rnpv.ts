// The economics in rNPV, valued at signing like payments: each party's profit and development
// costs of each year are risk-adjusted and discounted to 1 July of the year, to the cent. P for
// sales-driven figures is that of reaching `launch` (or the last stage); P for a year's
// development costs is that of the stage the programme is in that year (the last timeline stage
// dated at or before it; before the first, the current stage: P = 1). Payments keep their own
// rNPV; equity counts at its premium only, as in the undiscounted value.
import type Decimal from 'decimal.js';
import type * as ast from '../../language/ast';
import type { DealModel } from '../../model/deal-model';
import { Money, ZERO } from '../../model/money';
import { commercialStage, probabilityOfReaching } from '../../model/probability';
import { stageIndex } from '../../model/stages';
import { riskAdjust, valuationBasis, type ValuationBasis } from '../rnpv';
import { yearDate } from '../scenarios/schedule';
import type { ScenarioRollup } from '../scenarios/types';
import { equityFairValue } from './equity';
import type { CellDivision } from './types';

export interface EconomicsRnpv {
  /** Each party's value in rNPV. */
  value: Map<string, Decimal>;
  /** The parties' values added up. */
  projectValue: Decimal;
}

export function economicsRnpv(
  model: DealModel, scenario: ast.Scenario, rollup: ScenarioRollup, divisions: readonly CellDivision[],
): EconomicsRnpv | undefined {
  const basis = valuationBasis(model);
  if (!basis) return undefined;
  const value = new Map<string, Decimal>();
  const add = (party: string | undefined, amount: Decimal | undefined) => {
    if (party !== undefined && amount !== undefined) value.set(party, (value.get(party) ?? ZERO).plus(amount));
  };
  for (const party of model.parties.keys()) value.set(party, ZERO);
  for (const [party, position] of rollup.parties) add(party, position.rnpv);
  for (const payment of rollup.payments) {
    if (payment.kind !== 'equity') continue;
    const fairValue = riskAdjust(basis, equityFairValue(payment.amount, payment.item), payment.probability, payment.date);
    add(payment.payer, fairValue);
    add(payment.payee, fairValue?.negated());
  }

  const salesP = probabilityOfReaching(model, commercialStage(model.stages)) ?? new Money(1);
  const stageOf = stageByYear(model, scenario);
  for (const [year, parts] of perYear(divisions, 'profit')) {
    for (const [party, amount] of parts) add(party, valued(basis, amount, salesP, year));
  }
  for (const [year, parts] of perYear(divisions, 'costs')) {
    const p = probabilityOfReaching(model, stageOf(year)) ?? new Money(1);
    for (const [party, amount] of parts) add(party, valued(basis, amount, p, year)?.negated());
  }
  let projectValue = ZERO;
  for (const amount of value.values()) projectValue = projectValue.plus(amount);
  return { value, projectValue };
}

function valued(basis: ValuationBasis, amount: Decimal, probability: Decimal, year: number): Decimal | undefined {
  return riskAdjust(basis, amount, probability, yearDate(year, { start: 0, end: 0 }));
}

/** Each party's share of a year, years ascending. */
function perYear(divisions: readonly CellDivision[], what: 'profit' | 'costs'): Map<number, Map<string, Decimal>> {
  const years = new Map<number, Map<string, Decimal>>();
  for (const division of divisions) {
    let parts = years.get(division.cell.year);
    if (!parts) years.set(division.cell.year, (parts = new Map()));
    for (const [party, amount] of division[what]) parts.set(party, (parts.get(party) ?? ZERO).plus(amount));
  }
  return years;
}

/** The stage the programme is in during a year: the latest stage the timeline dates at or
 * before that year; undefined before the first (the current stage, P = 1). */
export function stageByYear(model: DealModel, scenario: ast.Scenario): (year: number) => string | undefined {
  const dated = scenario.timeline
    .filter((entry) => Number.isInteger(entry.date.year) && stageIndex(model.stages, entry.stage.text) >= 0)
    .map((entry) => ({ year: entry.date.year, index: stageIndex(model.stages, entry.stage.text), stage: entry.stage.text }));
  return (year) => {
    let best: { index: number; stage: string } | undefined;
    for (const entry of dated) if (entry.year <= year && (!best || entry.index > best.index)) best = entry;
    return best?.stage;
  };
}
