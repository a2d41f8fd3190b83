// How one payment is named and what it was written as, on every row of the payment schedule:
// the deal's terms and each scenario's payments give a payment the same name (its title, else
// its id), with the same marks for a part of it (`(undisclosed rest)`, `(2 of 3)`), so a
// spreadsheet can match a scenario's row to the term it comes from. The amount as written in
// another currency follows the row: a group's undisclosed rest is its cap less its itemized
// milestones, as written; a yearly instalment is the yearly amount as written.
import { exact, Money } from '../model/money';
import type { DealModel, PaymentItem } from '../model/deal-model';
import { paymentLabel } from '../model/describe';
import type { ScenarioPayment } from '../engine/scenarios';
import { rnpvDeal, type RnpvRow } from '../engine/rnpv';

export interface Original { amount: string; currency: string }

/** Which part of a payment a row is. */
export type RowPart = { rest: true } | { instalment: { index: number; count: number } } | undefined;

/** The payment's name on a row, marked with the part of it the row is. */
export function rowLabel(item: PaymentItem, part: RowPart): string {
  const label = paymentLabel(item);
  if (part && 'rest' in part) return `${label} (undisclosed rest)`;
  if (part && 'instalment' in part) return `${label} (${part.instalment.index} of ${part.instalment.count})`;
  return label;
}

/** The part of its payment a scenario's row is. */
export function scenarioRowPart(p: ScenarioPayment): RowPart {
  if (p.item?.node.type === 'MilestoneGroup') return { rest: true };
  if (p.instalment) return { instalment: p.instalment };
  return undefined;
}

/** A scenario's row by the name its payment has in the deal's terms (an option fee by its own
 * description); a programme counted more than once keeps its `× 2`. */
export function scenarioRowLabel(p: ScenarioPayment): string {
  if (!p.item) return p.label;
  const times = / × \d+$/.exec(p.label)?.[0] ?? '';
  return `${rowLabel(p.item, scenarioRowPart(p))}${times}`;
}

/** The row's amount as written, where written in another currency than the deal's. */
export function originalOfRow(model: DealModel, item: PaymentItem, part: RowPart): Original | undefined {
  if (!item.written || item.writtenCurrency === model.currency) return undefined;
  const written = new Money(item.written.value);
  const currency = item.writtenCurrency;
  if (part && 'rest' in part) {
    const items = item.items ?? [];
    // The cap less the itemized milestones, where they are written in the cap's currency.
    if (items.some((m) => !m.written || m.writtenCurrency !== currency)) return undefined;
    return { amount: exact(items.reduce((rest, m) => rest.minus(m.written!.value), written)), currency };
  }
  if (item.node.type === 'Funding') {
    // `… per year for 3 years`: each instalment is the yearly amount written; in all, 3 of them.
    if (!item.node.years) return undefined;
    return { amount: exact(part && 'instalment' in part ? written : written.times(item.node.years.count)), currency };
  }
  return { amount: exact(written), currency };
}

/** The deal's risk-adjusted rows by the payment they value (a funding's instalments in order). */
export function rnpvRowsOf(model: DealModel): Map<PaymentItem, RnpvRow[]> {
  const rows = new Map<PaymentItem, RnpvRow[]>();
  for (const row of rnpvDeal(model)?.rows ?? []) {
    const list = rows.get(row.item);
    if (list) list.push(row);
    else rows.set(row.item, [row]);
  }
  return rows;
}

/** The rNPV of a deal row, for one programme as its amount is (a counted programme's rNPV is
 * shared out); '' where the deal has no valuation or the row is not valued. */
export function rnpvOfRow(rows: Map<PaymentItem, RnpvRow[]>, item: PaymentItem, part: RowPart, count: number): string {
  const list = rows.get(item) ?? [];
  const row = part && 'instalment' in part ? list[part.instalment.index - 1] : list[0];
  if (!row?.rnpv) return '';
  return exact(count === 1 ? row.rnpv : row.rnpv.div(count));
}
