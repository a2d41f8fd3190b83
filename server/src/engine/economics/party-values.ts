// What the deal is worth to each party in one scenario: receives − pays + profit − costs.
// Equity counts at its premium only: buying shares at their fair value is an exchange of equal
// worth, so the payee's value gains the premium and the payer's loses it (receives and pays
// stay the cash). The parties' values add up to the project value: payments between parties
// cancel out.
import type Decimal from 'decimal.js';
import type { DealModel } from '../../model/deal-model';
import { ZERO } from '../../model/money';
import type { ScenarioPayment, ScenarioRollup } from '../scenarios/types';
import { equityFairValue } from './equity';
import type { CellDivision, PartyValue } from './types';

export function partyValues(model: DealModel, rollup: ScenarioRollup, divisions: readonly CellDivision[]): Map<string, PartyValue> {
  const values = new Map<string, PartyValue>();
  const valueOf = (party: string): PartyValue => {
    let value = values.get(party);
    if (!value) values.set(party, (value = { receives: ZERO, pays: ZERO, profit: ZERO, costs: ZERO, value: ZERO }));
    return value;
  };
  for (const party of model.parties.keys()) valueOf(party);
  for (const [party, position] of rollup.parties) {
    const value = valueOf(party);
    value.receives = position.receives;
    value.pays = position.pays;
  }
  for (const { profit, costs } of divisions) {
    for (const [party, amount] of profit) valueOf(party).profit = valueOf(party).profit.plus(amount);
    for (const [party, amount] of costs) valueOf(party).costs = valueOf(party).costs.plus(amount);
  }
  const exchanged = equityExchanged(rollup.payments);
  for (const [party, value] of values) {
    value.value = value.receives.minus(value.pays).plus(value.profit).minus(value.costs).plus(exchanged.get(party) ?? ZERO);
  }
  return values;
}

/** Per party, the fair value of the shares it bought (+) or sold (−) in the scenario. */
function equityExchanged(payments: readonly ScenarioPayment[]): Map<string, Decimal> {
  const out = new Map<string, Decimal>();
  const add = (party: string | undefined, amount: Decimal) => {
    if (party !== undefined) out.set(party, (out.get(party) ?? ZERO).plus(amount));
  };
  for (const payment of payments) {
    if (payment.kind !== 'equity') continue;
    const fairValue = equityFairValue(payment.amount, payment.item);
    add(payment.payer, fairValue);
    add(payment.payee, fairValue.negated());
  }
  return out;
}
