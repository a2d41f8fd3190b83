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
      const rate = new Money(tier.rate.value).div(100);
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
  if (node.rate) return { ok: true, total: false, bands: [{ rate: new Money(node.rate.value).div(100) }] };
  return { ok: false, reason: 'the royalty has no rate' };
}

/** The royalty on one year's sales, slice by slice (one slice for `total` and flat rates). */
export function royaltyOn(sales: Decimal, schedule: { total: boolean; bands: RateBand[] }): TierSlice[] {
  if (sales.lte(0)) return [];
  if (schedule.total) {
    const band = schedule.bands.find((b) => b.upTo === undefined || sales.lte(b.upTo));
    return band ? [{ rate: band.rate, base: sales, amount: sales.times(band.rate) }] : [];
  }
  const slices: TierSlice[] = [];
  let lower: Decimal = ZERO;
  for (const band of schedule.bands) {
    const upper = band.upTo === undefined ? sales : Money.min(sales, band.upTo);
    const base = Money.max(upper.minus(lower), 0);
    if (base.gt(0)) slices.push({ rate: band.rate, base, amount: base.times(band.rate) });
    if (band.upTo === undefined || sales.lte(band.upTo)) break;
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
