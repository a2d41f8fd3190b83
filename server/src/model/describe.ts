// Plain-words descriptions of deal terms, shared by every renderer (HTML, Markdown, CSV, the
// CLI table): what triggers a payment, who the parties are, how a royalty is tiered. Returns
// plain text; each renderer escapes it for its own format.
import type * as ast from '../language/ast';
import type { DealModel, PaymentItem } from './deal-model';
import { formatAmount, formatMoney, formatPercent, Money, formatNumber, writtenShort } from './money';
import { kindLabel } from './payment-kinds';
import { programCount } from './programs';
import { rateText } from './rate-range';

/** The party's full name where the deal gives one (`ImmunoGen, Inc.`), else its id. */
export function partyName(model: DealModel, id: string | undefined): string {
  if (!id) return '—';
  return model.parties.get(id)?.title?.value || id;
}

/** `Biotest → ImmunoGen`, with full names. */
export function flow(model: DealModel, payer: string | undefined, payee: string | undefined): string {
  return `${partyName(model, payer)} → ${partyName(model, payee)}`;
}

/** The name a person reads for a payment: its title, else its name, else its kind. */
export function paymentLabel(item: PaymentItem): string {
  return item.node.title?.value || item.name || kindLabel(item.kind);
}

export function dateText(date: ast.DateLit | undefined): string | undefined {
  return date?.text ? writtenShort(date.text) : undefined;
}

/** When the payment falls due: `on signing`, `at phase3 (expected 2028)`, `when annual net sales reach $1B`. */
export function triggerText(model: DealModel, item: PaymentItem): string {
  const node = item.node;
  const parts: string[] = [];
  // The programme, where the payment says it (a group's milestones follow their group).
  if (item.program !== undefined && item.program !== item.group?.program) {
    const count = programCount(model, item.program);
    parts.push(`for ${item.program}${count === 1 ? '' : ` (× ${count})`}`);
  }
  if (node.onSigning) parts.push('on signing');
  if (node.on) parts.push(`on ${writtenShort(node.on.text)}`);
  if (node.type === 'MilestoneGroup' && node.by) parts.push(`rest by ${node.by.text}`);
  if (node.type !== 'MilestoneGroup' && node.by) parts.push(`by ${node.by.text}`);
  if (node.at) parts.push(`at ${node.at.text}`);
  if (node.type === 'SalesMilestone' && node.threshold) {
    const measure = (node.measure?.text ?? 'net_sales').replace(/_/g, ' ');
    parts.push(`when annual ${measure} reach ${money(model, node.threshold)}`);
  }
  if (node.type === 'Funding' && node.years) {
    parts.push(`per year for ${node.years.count} year${node.years.count === 1 ? '' : 's'}`);
  }
  if (node.type === 'Funding' && node.over) {
    const each = item.instalments && item.instalments.length > 1 ? ` (${formatAmount(item.instalments[0], model.currency)} a year)` : '';
    parts.push(`over ${node.over.count} year${node.over.count === 1 ? '' : 's'}${each}`);
  }
  if (node.type === 'Royalty') parts.push(royaltyText(node));
  if (node.type === 'Manufacturing') parts.push(node.costPlus ? `at cost plus ${formatPercent(node.costPlus.value)}` : 'at cost');
  if (node.expected) parts.push(`expected ${writtenShort(node.expected.text)}`);
  if (node.territory?.length) parts.push(`territory ${territoryText(node.territory)}`);
  if (node.type === 'Equity') {
    const premium = equityPremiumText(model, item);
    if (premium) parts.push(premium);
  } else if (node.premium) parts.push(`premium ${formatPercent(node.premium.value)}`);
  if (node.term) parts.push(`term ${durationText(node.term)}`);
  return parts.join(', ');
}

/** `premium 25% (fair value $40,000,000, premium $10,000,000)`; nothing for equity bought at
 * market (no premium: fair value = amount) or with no figure. */
export function equityPremiumText(model: DealModel, item: PaymentItem): string | undefined {
  const node = item.node;
  if (node.type !== 'Equity' || item.fairValue === undefined || item.premium === undefined) return undefined;
  if (!node.premium && !node.premiumAmount) return undefined;
  const written = node.premium ? `premium ${formatPercent(node.premium.value)}` : 'premium';
  return `${written} (fair value ${formatAmount(item.fairValue, model.currency)}, premium ${formatAmount(item.premium, model.currency)})`;
}

/** `5% on net sales`, `tiered on net sales (3 tiers, marginal)`, `undisclosed rate`. */
export function royaltyText(node: ast.Royalty): string {
  const base = (node.base?.text ?? 'net_sales').replace(/_/g, ' ');
  if (node.rate) return `${rateText({ rate: node.rate, rateTo: node.rateTo })} on ${base}`;
  if (node.tiers.length) {
    const how = node.total ? 'the rate reached applies to all sales' : 'marginal';
    const on = node.cumulative ? `cumulative ${base}` : base;
    return `tiered on ${on} (${node.tiers.length} tier${node.tiers.length === 1 ? '' : 's'}, ${how})`;
  }
  return node.undisclosed ? `undisclosed rate on ${base}` : `on ${base}`;
}

/** What earns an item of a milestone group: its stage (`phase3`), or for a sales milestone its
 * threshold (`annual net sales reach $500M`). */
export function groupItemTrigger(model: DealModel, item: PaymentItem): string {
  const node = item.node;
  if (node.type === 'SalesMilestone' && node.threshold) {
    return `annual ${(node.measure?.text ?? 'net_sales').replace(/_/g, ' ')} reach ${money(model, node.threshold)}`;
  }
  return node.at?.text ?? '';
}

/** The heading of a tier table's band column: `Annual net sales`, or `Cumulative net sales`. */
export function tierBandHeading(node: ast.Royalty): string {
  return node.cumulative ? 'Cumulative net sales' : 'Annual net sales';
}

export interface TierRow { band: string; rate: string }

/** The bands of a tiered royalty: `up to $100M`, `$100M to $500M`, `above $500M`. */
export function tierRows(model: DealModel, node: ast.Royalty): TierRow[] {
  let previous: ast.Money | undefined;
  return node.tiers.map((tier) => {
    let band: string;
    if (tier.above) band = previous ? `above ${money(model, previous)}` : 'all sales';
    else if (tier.upTo) band = previous ? `${money(model, previous)} to ${money(model, tier.upTo)}` : `up to ${money(model, tier.upTo)}`;
    else band = '—';
    if (tier.upTo) previous = tier.upTo;
    return { band, rate: rateText(tier) };
  });
}

export function territoryText(list: ast.Territory[] | undefined): string {
  return list?.map((t) => t.text).join(', ') ?? '';
}

export function durationText(duration: ast.Duration): string {
  const count = formatNumber(duration.count);
  const unit = duration.unit === 'years' ? 'year' : 'month';
  return `${count} ${unit}${count === '1' ? '' : 's'}`;
}

/** An amount as written, in its own currency: `€10,000,000 (€10M)`. */
export function money(model: DealModel, written: ast.Money): string {
  return formatMoney(new Money(written.value), model.currencyOf(written));
}

/** The written amount where it differs from the deal currency (`€10,000,000`), else ''. */
export function originalAmount(model: DealModel, item: PaymentItem): string {
  if (!item.written || item.writtenCurrency === model.currency) return '';
  return formatAmount(new Money(item.written.value), item.writtenCurrency);
}

/** The amount in the deal currency, or why there is none. */
export function dealAmount(model: DealModel, item: PaymentItem): string {
  if (item.amount !== undefined) return formatMoney(item.amount, model.currency);
  if (item.node.undisclosed) return 'undisclosed';
  if (item.kind === 'royalty') return 'on sales';
  if (item.kind === 'manufacturing') return item.node.type === 'Manufacturing' && item.node.costPlus ? 'cost plus' : 'at cost';
  if (item.written) return `no ${item.writtenCurrency} rate`;
  return '—';
}

/** `Licensor`, from a party's role. */
export function roleText(party: ast.Party): string {
  const role = party.role?.text;
  return role ? role.charAt(0).toUpperCase() + role.slice(1) : '';
}

/** The effects of exercising an option, one sentence each. */
export function effectText(model: DealModel, effect: ast.OptionEffect): string {
  switch (effect.type) {
    case 'ForfeitUnearned': {
      const group = model.paymentsByName.get(effect.group.text);
      return `Forfeits the unearned milestones of ${group ? paymentLabel(group) : effect.group.text}`;
    }
    case 'Forfeit': {
      const payment = model.paymentsByName.get(effect.payment.text);
      const where = effect.territory?.length ? ` in ${territoryText(effect.territory)}` : '';
      return `Forfeits ${payment ? paymentLabel(payment) : effect.payment.text}${where}`;
    }
    case 'Share': {
      const shares = effect.shares.map((s) => `${partyName(model, s.party.text)} ${formatPercent(s.percent.value)}`).join(', ');
      const where = effect.territory?.length ? ` in ${territoryText(effect.territory)}` : '';
      return `Shares ${effect.what} ${shares}${where}`;
    }
  }
}

/** The year a payment is dated or expected in, at deal level (signing year for `on signing`). */
export function dealLevelYear(model: DealModel, item: PaymentItem): number | undefined {
  const node = item.node;
  const date = node.on ?? node.expected ?? (node.onSigning ? model.deal.signed ?? model.deal.effective : undefined);
  return date && Number.isFinite(date.year) ? date.year : undefined;
}

/** An exercise point's fee as written for a reader: `$200,000,000 to $275,000,000`,
 * `undisclosed`, `no fee` (a figure in another currency without a rate is shown as written). */
export function exerciseFeeText(model: DealModel, exercise: ast.OptionExercise): string {
  if (exercise.feeUndisclosed) return 'undisclosed';
  if (!exercise.fee) return 'no fee';
  const one = (written: ast.Money) => {
    const converted = model.convert(written);
    return converted ? formatMoney(converted, model.currency) : `${money(model, written)} (no rate)`;
  };
  return exercise.feeMax ? `${one(exercise.fee)} to ${one(exercise.feeMax)}` : one(exercise.fee);
}

/** `KB101 "anti-TIGIT antibody", from phase2, × 2`: a programme in one line. */
export function programText(model: DealModel, program: ast.ProgramDecl): string {
  const count = programCount(model, program.name.text);
  return [
    program.title?.value ? `${program.name.text} (${program.title.value})` : program.name.text,
    program.stage ? `from ${program.stage.text}` : undefined,
    count === 1 ? undefined : `× ${count}`,
  ].filter(Boolean).join(', ');
}
