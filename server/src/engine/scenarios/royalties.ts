// Royalty arithmetic on one year's net sales.
//   marginal (default): each rate applies to the slice of sales inside its band, like tax
//     brackets — 8% up to 250M, 10% up to 750M on 600M = 8% × 250M + 10% × 350M;
//   `total`: the rate of the band the year's sales reach applies to all of them — a band's
//     `up to` includes its edge, so sales of exactly 250M are in the 8% band;
//   flat (`royalty X 4% on net_sales`): the rate on all sales.
// Sales above the last `up to` with no `above` tier have no rate in the table and earn nothing.
import type Decimal from 'decimal.js';
import type * as ast from '../../language/ast';
import type { DealModel } from '../../model/deal-model';
import { Money, ZERO } from '../../model/money';
import { countedRate } from '../../model/rate-range';

export interface RateBand { rate: Decimal; upTo?: Decimal }
export interface TierSlice { rate: Decimal; base: Decimal; amount: Decimal }

export type RoyaltySchedule =
  | { ok: true; total: boolean; bands: RateBand[] }
  | { ok: false; reason: string };

/** The royalty's rates as fractions, with band limits in the deal currency. */
export function royaltySchedule(node: ast.Royalty, model: DealModel): RoyaltySchedule {
  if (node.undisclosed) return { ok: false, reason: 'the royalty rate is undisclosed' };
  if (node.tiers.length > 0) {
    const bands: RateBand[] = [];
    for (const tier of node.tiers) {
      const rate = countedRate(tier).div(100);
      if (tier.above || !tier.upTo) {
        bands.push({ rate });
        break;
      }
      const upTo = model.convert(tier.upTo);
      if (!upTo) return { ok: false, reason: `a tier limit is in ${model.currencyOf(tier.upTo)}, which has no fx rate to ${model.currency}` };
      bands.push({ rate, upTo });
    }
    return { ok: true, total: node.total !== undefined, bands };
  }
  if (node.rate) return { ok: true, total: false, bands: [{ rate: countedRate({ rate: node.rate, rateTo: node.rateTo }).div(100) }] };
  return { ok: false, reason: 'the royalty has no rate' };
}

/** The royalty on one year's sales, slice by slice (one slice for `total` and flat rates). */
export function royaltyOn(sales: Decimal, schedule: { total: boolean; bands: RateBand[] }): TierSlice[] {
  return royaltyOnSlice(ZERO, sales, schedule);
}

/**
 * The royalty on one year's sales when the tiers apply to cumulative sales (`on cumulative
 * net_sales`): the bands cut the slice from `before` (the cumulative total at the end of last
 * year) to `before + sales`; with `total`, the band the cumulative total reaches at the year's
 * end gives the rate for all of the year's sales. With `before` zero, this is the royalty on
 * one year's sales.
 */
export function royaltyOnSlice(before: Decimal, sales: Decimal, schedule: { total: boolean; bands: RateBand[] }): TierSlice[] {
  if (sales.lte(0)) return [];
  const after = before.plus(sales);
  if (schedule.total) {
    const band = schedule.bands.find((b) => b.upTo === undefined || after.lte(b.upTo));
    return band ? [{ rate: band.rate, base: sales, amount: sales.times(band.rate) }] : [];
  }
  const slices: TierSlice[] = [];
  let lower: Decimal = ZERO;
  for (const band of schedule.bands) {
    const upper = band.upTo === undefined ? after : Money.min(after, band.upTo);
    const base = Money.max(upper.minus(Money.max(lower, before)), 0);
    if (base.gt(0)) slices.push({ rate: band.rate, base, amount: base.times(band.rate) });
    if (band.upTo === undefined || after.lte(band.upTo)) break;
    lower = Money.max(lower, band.upTo);
  }
  return slices;
}

/** Sales above the table's last `up to` when no `above` tier follows: they have no rate. */
export function salesBeyondTable(sales: Decimal, bands: readonly RateBand[]): Decimal {
  const last = bands[bands.length - 1];
  return last?.upTo !== undefined && sales.gt(last.upTo) ? sales.minus(last.upTo) : ZERO;
}

/**
 * The share of sales year `k` (0 = the first sales year) that falls inside a royalty term:
 * 1 inside, 0 after, and a part for the year in which a term such as `30 months` ends.
 */
export function termShare(term: ast.Duration | undefined, k: number): Decimal {
  if (!term) return new Money(1);
  const months = term.unit === 'years' ? new Money(term.count).times(12) : new Money(term.count);
  const left = months.minus(12 * k).div(12);
  return Money.min(Money.max(left, 0), 1);
}
