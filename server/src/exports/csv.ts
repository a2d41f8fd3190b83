// The payment schedule as CSV (RFC 4180), one row per payment, for a spreadsheet: first the
// deal's own terms (scenario column empty), then every payment each scenario triggers.
// Amounts are exact decimals in the deal currency, so the rows add up to the rollup's totals.
// A payment has one name on every row, its terms' and its scenarios' (schedule-rows.ts).
import { timesCounted } from '../model/programs';
import type Decimal from 'decimal.js';
import type { AnalyzedDocument } from '../document/analyze';
import type { DealModel, PaymentItem } from '../model/deal-model';
import { exact } from '../model/money';
import { paymentKinds } from '../model/payment-kinds';
import { dealLevelYear } from '../model/describe';
import { originalOfRow, rnpvOfRow, rnpvRowsOf, rowLabel, scenarioRowLabel, scenarioRowPart, type RowPart } from './schedule-rows';
import type { RnpvRow } from '../engine/rnpv';
import { fundingInstalments } from '../engine/scenarios/schedule';
import { scenarioRollups } from '../engine/scenario-rollups';
import { visibleText } from '../language/unusual-characters';

export const csvHeader = [
  'deal', 'scenario', 'year', 'kind', 'name', 'payer', 'payee', 'amount', 'currency', 'original_amount', 'original_currency',
  'fair_value', 'premium', 'rnpv',
] as const;

/** One field, quoted when it holds a comma, a quote or a line break (RFC 4180); control and
 * invisible characters as marks (`\x1b`, `<U+202E>`), as in every output. Text a spreadsheet
 * would run as a formula (`=HYPERLINK(…)`, `+…`, `-…`, `@…`, or after a tab or a carriage
 * return) is kept as text, as OWASP advises: a `'` before it, and the field quoted. A plain
 * number, such as an amount of -5000000, stays a number. */
export function csvField(value: string): string {
  if (/^[=+\-@\t\r]/.test(value) && !/^-?\d+(\.\d+)?$/.test(value)) return `"'${visibleText(value).replace(/"/g, '""')}"`;
  const shown = visibleText(value);
  return /[",\r\n]/.test(shown) ? `"${shown.replace(/"/g, '""')}"` : shown;
}

export interface RenderCsvOptions { scenario?: string }

export function renderCsv(document: AnalyzedDocument, options: RenderCsvOptions = {}): string {
  const rows: string[][] = [[...csvHeader]];
  for (const { model } of document.deals) {
    const deal = model.deal.name.text;
    if (options.scenario === undefined) {
      const valued = rnpvRowsOf(model);
      for (const item of model.payments) for (const row of dealRows(model, deal, item, valued)) rows.push(row);
      for (const item of model.exercisePayments) for (const row of dealRows(model, deal, item, valued)) rows.push(row);
    }
    for (const rollup of scenarioRollups(model, options.scenario).rollups) {
      const scenario = rollup.scenario.name.text;
      for (const p of rollup.payments) {
        const original = p.item ? originalOfRow(model, p.item, scenarioRowPart(p)) : undefined;
        rows.push([deal, scenario, String(p.year), p.kind, scenarioRowLabel(p), p.payer ?? '', p.payee ?? '', exact(p.amount), model.currency,
          original?.amount ?? '', original?.currency ?? '', ...equityColumns(p.item), p.rnpv ? exact(p.rnpv) : '']);
      }
    }
  }
  // CRLF line ends, as RFC 4180 has them and spreadsheets expect.
  return rows.map((row) => row.map(csvField).join(',')).join('\r\n') + '\r\n';
}

/** A deal term as schedule rows: a milestone group is its itemized milestones and the undisclosed rest. */
function dealRows(model: DealModel, deal: string, item: PaymentItem, valued: Map<PaymentItem, RnpvRow[]>): string[][] {
  if (item.items && item.node.type === 'MilestoneGroup') {
    const rows = item.items.map((m) => dealRow(model, deal, m, undefined, m.amount, valued));
    if (item.undisclosedRest && !item.undisclosedRest.isZero()) rows.push(dealRow(model, deal, item, { rest: true }, item.undisclosedRest, valued));
    return rows;
  }
  if (paymentKinds[item.kind].scenario === 'yearly-instalments' && item.amount !== undefined) {
    // Research funding is paid year by year: one row per instalment, as scenarios list it.
    return fundingInstalments(item, model).map((part) => {
      const row = dealRow(model, deal, item, { instalment: { index: part.index, count: part.count } }, part.amount, valued);
      row[2] = part.date ? String(part.date.year) : '';
      return row;
    });
  }
  return [dealRow(model, deal, item, undefined, item.amount, valued)];
}

function dealRow(model: DealModel, deal: string, item: PaymentItem, part: RowPart, amount: Decimal | undefined, valued: Map<PaymentItem, RnpvRow[]>): string[] {
  const label = rowLabel(item, part);
  const original = originalOfRow(model, item, part);
  const year = dealLevelYear(model, item);
  // The amount is one programme's; a counted programme's amounts count that many times.
  const count = timesCounted(model, item);
  const option = item.option ?? item.group?.option;
  const shown = `${label}${count === 1 ? '' : ` (each of ${count} programmes)`}${option ? ` (on exercise of ${option.name.text})` : ''}`;
  return [deal, '', year === undefined ? '' : String(year), item.kind, shown, item.payer ?? '', item.payee ?? '',
    amount === undefined ? '' : exact(amount), model.currency, original?.amount ?? '', original?.currency ?? '', ...equityColumns(item),
    rnpvOfRow(valued, item, part, count)];
}

/** Equity's fair value and premium; empty for every other payment. */
function equityColumns(item: PaymentItem | undefined): [string, string] {
  if (item?.node.type !== 'Equity' || item.fairValue === undefined || item.premium === undefined) return ['', ''];
  return [exact(item.fairValue), exact(item.premium)];
}
