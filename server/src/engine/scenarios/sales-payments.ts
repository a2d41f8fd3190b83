// The payments a scenario's sales trigger: royalties year by year, tier by tier, within the
// royalty's term (counted from the scenario's first sales year), and each sales milestone in
// the first year whose sales reach its threshold.
import type Decimal from 'decimal.js';
import type * as ast from '../../language/ast';
import type { PaymentItem } from '../../model/deal-model';
import { formatMoney, sum, ZERO, writtenShort } from '../../model/money';
import { paymentKinds } from '../../model/payment-kinds';
import { commercialStage } from '../../model/probability';
import { timesTrack, whyNoFigure, type ScenarioContext } from './context';
import { isForfeited, royaltyForfeit } from './exercises';
import { royaltyOn, royaltyOnSlice, royaltySchedule, salesBeyondTable, termShare, type RateBand } from './royalties';
import { salesBase, salesBook, type SalesBook } from './sales';
import { labelOf, yearDate } from './schedule';
import type { ScenarioPayment } from './types';

export function addSalesPayments(ctx: ScenarioContext, items: readonly PaymentItem[]): void {
  if (!addSalesNotes(ctx)) return;
  for (const item of items) addItemSales(ctx, item);
}

/** What is wrong with the scenario's sales tables, each problem listed once (every table is in
 * the deal's book); false when the book has no year of sales, so no payment is paid on sales. */
export function addSalesNotes(ctx: ScenarioContext): boolean {
  const book = ctx.tracks.deal.sales();
  for (const entry of book.unconverted) {
    ctx.out.unvalued.push({ label: `sales ${entry.year}`, reason: `the sales are in ${ctx.model.currencyOf(entry.amount)}, which has no fx rate to ${ctx.model.currency}` });
  }
  for (const entry of book.beforeSigning) {
    ctx.out.unvalued.push({ label: `sales ${entry.year}`, reason: `the year is before the deal was signed (${writtenShort(ctx.model.deal.signed?.text ?? '')}): the deal earns nothing on these sales` });
  }
  return book.years.length > 0;
}

/** What one payment earns on the scenario's sales (a royalty, a sales milestone, a group's). */
export function addItemSales(ctx: ScenarioContext, item: PaymentItem): void {
  const rule = paymentKinds[item.kind].scenario;
  const salesInGroup = item.node.type === 'MilestoneGroup' && (item.items ?? []).some((part) => part.node.type === 'SalesMilestone');
  if (rule !== 'royalty-on-sales' && rule !== 'sales-threshold' && !salesInGroup) return;
  // A programme's royalty is paid on each programme's sales, once per programme going ahead.
  const track = ctx.tracks.ofPayment(item);
  const own = track.sales();
  if (own.years.length === 0) return;
  const from = ctx.out.payments.length;
  const forfeitedFrom = ctx.out.forfeited.length;
  if (rule === 'royalty-on-sales' && item.node.type === 'Royalty') addRoyalty(ctx, own, item, item.node);
  else if (rule === 'sales-threshold' && item.node.type === 'SalesMilestone') addSalesMilestone(ctx, own, item, item.node);
  else if (item.node.type === 'MilestoneGroup') {
    // A group's sales milestones, each earned by its own threshold, under the group's cap.
    for (const part of item.items ?? []) if (part.node.type === 'SalesMilestone') addSalesMilestone(ctx, own, part, part.node);
  }
  for (let i = from; i < ctx.out.payments.length; i++) ctx.out.payments[i] = timesTrack({ ...ctx.out.payments[i], program: item.program }, track);
  for (let i = forfeitedFrom; i < ctx.out.forfeited.length; i++) ctx.out.forfeited[i] = timesTrack(ctx.out.forfeited[i], track);
}

function addRoyalty(ctx: ScenarioContext, book: SalesBook, item: PaymentItem, node: ast.Royalty): void {
  const label = labelOf(item);
  const forfeit = royaltyForfeit(ctx.forfeits, item.name);
  const schedule = royaltySchedule(node, ctx.model);
  const territory = node.territory?.map((t) => t.text);
  if (forfeit.all) {
    const base = schedule.ok ? salesBase(book, territory, []) : undefined;
    const given = schedule.ok && base?.ok ? sum(royaltyRows(ctx, book, item, node, base.perYear, schedule.bands, schedule.total).map((r) => r.amount)) : undefined;
    ctx.out.forfeited.push({ label: `${label} royalty`, amount: given });
    return;
  }
  if (!schedule.ok) {
    ctx.out.unvalued.push({ label: `${label} royalty`, reason: schedule.reason, item });
    return;
  }
  const base = salesBase(book, territory, forfeit.territories);
  if (!base.ok) {
    ctx.out.unvalued.push({ label: `${label} royalty`, reason: base.reason, item });
    return;
  }
  const rows = royaltyRows(ctx, book, item, node, base.perYear, schedule.bands, schedule.total);
  if (forfeit.territories.length > 0) {
    const full = salesBase(book, territory, []);
    const kept = sum(rows.map((r) => r.amount));
    const given = full.ok ? sum(royaltyRows(ctx, book, item, node, full.perYear, schedule.bands, schedule.total).map((r) => r.amount)).minus(kept) : undefined;
    ctx.out.forfeited.push({ label: `${label} royalty in ${forfeit.territories.join(', ')}`, amount: given });
  }
  for (const row of rows) ctx.out.payments.push(row);
  const last = schedule.bands[schedule.bands.length - 1];
  const measured = node.cumulative ? [sum([...base.perYear.values()].filter((s) => s.gt(0)))] : [...base.perYear.values()];
  const beyond = measured.some((sales) => salesBeyondTable(sales, schedule.bands).gt(0));
  if (beyond && last?.upTo) {
    ctx.out.unvalued.push({
      label: `${label} royalty`, item,
      reason: `sales above ${formatMoney(last.upTo, ctx.model.currency)} have no rate: the tier table has no \`above\` tier`,
    });
  }
}

function royaltyRows(
  ctx: ScenarioContext, book: SalesBook, item: PaymentItem, node: ast.Royalty,
  perYear: Map<number, Decimal>, bands: RateBand[], total: boolean,
): ScenarioPayment[] {
  const rows: ScenarioPayment[] = [];
  if (book.firstYear === undefined) return rows;
  const territory = node.territory?.map((t) => t.text).join(', ');
  // On cumulative sales, the total of the sales the royalty is paid on, all years so far.
  let cumulative: Decimal = ZERO;
  for (const year of book.years) {
    const sales = perYear.get(year) ?? ZERO;
    const before = cumulative;
    if (sales.gt(0)) cumulative = cumulative.plus(sales);
    const share = termShare(node.term, year - book.firstYear);
    if (sales.lte(0) || share.isZero()) continue;
    const slices = node.cumulative ? royaltyOnSlice(before, sales, { total, bands }) : royaltyOn(sales, { total, bands });
    const tiers = slices.map((slice) => share.eq(1) ? slice : { ...slice, amount: slice.amount.times(share) });
    const row: ScenarioPayment = {
      kind: 'royalty', label: `${labelOf(item)} royalty ${year}`, item, payer: item.payer, payee: item.payee,
      amount: sum(tiers.map((t) => t.amount)), year, date: yearDate(year, node.span),
      stage: commercialStage(ctx.model.stages),
      royalty: { sales, tiers, ...(territory ? { territory } : {}), ...(node.cumulative ? { cumulative } : {}) },
    };
    if (!share.eq(1)) row.termShare = share;
    rows.push(row);
  }
  return rows;
}

function addSalesMilestone(ctx: ScenarioContext, book: SalesBook, item: PaymentItem, node: ast.SalesMilestone): void {
  const label = labelOf(item);
  const threshold = node.threshold ? ctx.model.convert(node.threshold) : undefined;
  if (!threshold) {
    const reason = node.threshold
      ? `the threshold is in ${ctx.model.currencyOf(node.threshold)}, which has no fx rate to ${ctx.model.currency}`
      : 'no sales threshold is given (`when annual net_sales reach AMOUNT`)';
    ctx.out.unvalued.push({ label, reason, item });
    return;
  }
  const base = salesBase(book, node.territory?.map((t) => t.text), []);
  if (!base.ok) {
    ctx.out.unvalued.push({ label, reason: base.reason, item });
    return;
  }
  const year = book.years.find((y) => (base.perYear.get(y) ?? ZERO).gte(threshold));
  if (year === undefined) return;
  if (isForfeited(ctx.forfeits, item, undefined, true)) {
    ctx.out.forfeited.push({ label, amount: item.amount });
    return;
  }
  if (item.amount === undefined) {
    ctx.out.unvalued.push({ label, reason: whyNoFigure(item, ctx.model), item });
    return;
  }
  ctx.out.payments.push({
    kind: 'sales-milestone', label, item, payer: item.payer, payee: item.payee, amount: item.amount,
    year, date: yearDate(year, node.span), stage: commercialStage(ctx.model.stages),
  });
}
