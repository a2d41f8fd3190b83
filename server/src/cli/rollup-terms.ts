// The terms behind the rollup's totals, for the terminal: the exchange rates, every payment
// (a milestone group with its milestones and undisclosed rest), each option with its exercise
// fees and their range, and the risk-adjusted values where the deal has a valuation — the
// facts the JSON, CSV, Markdown and HTML carry, with the same figures.
import type Decimal from 'decimal.js';
import type { DealModel, PaymentItem } from '../model/deal-model';
import { dealAmount, dateText, exerciseFeeText, originalAmount, partyName, paymentLabel } from '../model/describe';
import { formatAmount, formatPercent } from '../model/money';
import { kindLabel } from '../model/payment-kinds';
import { optionFeeRange } from '../model/options';
import { timesCounted } from '../model/programs';
import { rnpvDeal } from '../engine/rnpv';
import type { ScenarioRollup } from '../engine/scenarios';
import { exchangeRatesText } from '../exports/deal-facts';
import { textTable } from './text-table';

/** `  Exchange rates: 1 EUR = 1.1 USD`, or nothing. */
export function exchangeRatesLine(model: DealModel): string[] {
  const rates = exchangeRatesText(model.deal);
  return rates ? [`  Exchange rates: ${rates}`] : [];
}

/** Every payment of the terms: its kind, the amount as written where in another currency, and the amount (a group's cap; each milestone and the rest beneath it). */
export function paymentsTable(model: DealModel): string[] {
  const rows: string[][] = [];
  const add = (item: PaymentItem, label: string, suffix = '') => {
    const count = timesCounted(model, item);
    rows.push([`${label}${count === 1 ? '' : ` (each of ${count} programmes)`}${suffix}`, kindLabel(item.kind), originalAmount(model, item), amountText(model, item)]);
  };
  const addAll = (item: PaymentItem, suffix = '') => {
    add(item, paymentLabel(item), suffix);
    for (const m of item.items ?? []) add(m, `  ${paymentLabel(m)}`);
    if (item.items?.length && item.undisclosedRest && !item.undisclosedRest.isZero()) {
      rows.push(['  undisclosed rest', '', '', formatAmount(item.undisclosedRest, model.currency)]);
    }
  };
  for (const item of model.payments) addAll(item);
  for (const item of model.exercisePayments) addAll(item, ` (on exercise of ${(item.option ?? item.group?.option)?.name.text ?? 'an option'})`);
  return rows.length ? [textTable(['Payment', 'Kind', 'Written as', 'Amount'], rows)] : [];
}

function amountText(model: DealModel, item: PaymentItem): string {
  if (item.amount === undefined) return dealAmount(model, item);
  return `${item.node.type === 'MilestoneGroup' && item.node.cap ? 'up to ' : ''}${formatAmount(item.amount, model.currency)}`;
}

/** Each option: its holder, its exercise fees and the range they span. */
export function optionsTable(model: DealModel): string[] {
  const rows: string[][] = [];
  for (const option of model.deal.options) {
    const range = optionFeeRange(option, model);
    const money = (v: Decimal) => formatAmount(v, model.currency);
    const fees = range.min && range.max ? (range.min.eq(range.max) ? money(range.min) : `${money(range.min)} to ${money(range.max)}`) : 'no figure';
    rows.push([option.title ? `${option.title.value} (${option.name.text})` : option.name.text, partyName(model, option.holder?.text), '', fees]);
    for (const fee of range.fees) {
      const text = fee.amount ? `${money(fee.amount)}${fee.max ? ` to ${money(fee.max)}` : ''}` : exerciseFeeText(model, fee.exercise);
      rows.push([`  at ${fee.stage}`, '', text, '']);
    }
  }
  return rows.length ? [textTable(['Option', 'Holder', 'Exercise fee', 'Fee range'], rows)] : [];
}

/** The risk-adjusted values: the deal terms, each party, and each scenario rolled up. */
export function rnpvTables(model: DealModel, rollups: readonly ScenarioRollup[]): string[] {
  const rnpv = rnpvDeal(model);
  if (!rnpv) return [];
  const money = (v: Decimal) => formatAmount(v, model.currency);
  const out = [`rNPV as of ${dateText(rnpv.basis.asOf)}, discounted at ${formatPercent(rnpv.basis.discount.times(100))} a year`];
  out.push(textTable(['rNPV of the deal terms', 'Amount'], [['Total', money(rnpv.total)], ['Committed', money(rnpv.committed)], ['Contingent', money(rnpv.contingent)]]));
  const parties = [...rnpv.parties.keys()];
  out.push(textTable(['Party, risk-adjusted', 'Receives', 'Pays', 'Net'], parties.map((p) => {
    const position = rnpv.parties.get(p)!;
    return [partyName(model, p), money(position.receives), money(position.pays), money(position.net)];
  })));
  const valued = rollups.filter((r) => r.rnpv);
  if (valued.length) {
    out.push(textTable(['Scenario rNPV', ...parties.map((p) => partyName(model, p)), 'All payments'], valued.map((r) => [
      r.scenario.name.text, ...parties.map((p) => { const v = r.parties.get(p)?.rnpv; return v ? money(v) : '—'; }), money(r.rnpv!),
    ])));
  }
  return out;
}
