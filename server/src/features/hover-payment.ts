// Hover on a payment: kind, amount (converted where written in another currency), payer → payee
// and when it falls due; for a milestone group its cap, itemized sum and undisclosed rest; for
// a royalty its tier table.
import type Decimal from 'decimal.js';
import type * as ast from '../language/ast';
import type { AnalyzedDeal } from '../document/analyze';
import type { PaymentItem, PaymentKind } from '../model/deal-model';
import { dateText, figureList, heading, md, moneyIn, paragraphs, territories, writtenAmount } from './hover-format';
import { formatMoney, formatPercent, formatNumber } from '../model/money';
import { commercialStage, probabilityOfReaching } from '../model/probability';
import { rnpvRowsOf } from '../engine/rnpv';
import { capitalize } from '../model/deal-walk';
import { isParty } from './incomplete-figures';
import { kindLabel, paymentKinds, paymentWord } from '../model/payment-kinds';
import { programCount } from '../model/programs';
import { countedRate, rateText } from '../model/rate-range';

export function describePayment(deal: AnalyzedDeal, item: PaymentItem, text: string): string {
  const node = item.node;
  if (node.type === 'MilestoneGroup') return describeGroup(deal, item, node, text);
  if (node.type === 'Royalty') return describeRoyalty(deal, item, node);
  const { model } = deal;
  const money = moneyIn(model);

  let amount: string;
  if (node.undisclosed) amount = 'Amount undisclosed.';
  else if (node.type === 'Manufacturing') amount = node.costPlus ? `At cost plus ${formatPercent(node.costPlus.value)}: no fixed figure.` : 'At cost: no fixed figure.';
  else if (!item.written) amount = 'No amount written.';
  else if (node.type === 'Funding' && node.over) {
    const years = node.over.count;
    const parts = item.instalments ?? [];
    const even = parts.length > 1 && parts.every((p) => p.eq(parts[0]));
    const each = parts.length <= 1 ? '' : even
      ? `: ${parts.length} yearly instalments of ${money(parts[0])}`
      : `: ${parts.length - 1} yearly instalments of ${money(parts[0])} and a last of ${money(parts[parts.length - 1])}`;
    amount = `${node.upTo ? 'Up to ' : ''}${writtenAmount(model, text, item.written)} over ${years} year${years === 1 ? '' : 's'}${each}.`;
  } else if (node.type === 'Funding') {
    const years = node.years?.count ?? 1;
    amount = `${writtenAmount(model, text, item.written)} per year for ${years} year${years === 1 ? '' : 's'}`
      + (item.amount ? ` = ${money(item.amount)}` : '');
  } else amount = writtenAmount(model, text, item.written);

  const group = item.group?.node.type === 'MilestoneGroup'
    ? `Part of milestone group ${md(item.group.name ?? '')}${item.group.amount ? ` (up to ${money(item.group.amount)})` : ''}.`
    : undefined;
  const threshold = salesTrigger(model, node);
  return paragraphs(
    heading(kindLabel(item.kind), item.name, node.title),
    amount,
    parties(item, deal.model),
    due(node),
    threshold,
    node.type === 'Equity' ? equityLine(item, money) : undefined,
    group,
    classification(item.kind),
    risk(deal, item),
  );
}

/** Equity: the fair value of the shares and the premium paid over it. */
function equityLine(item: PaymentItem, money: (value: Decimal) => string): string | undefined {
  const node = item.node;
  if (node.type !== 'Equity' || item.fairValue === undefined || item.premium === undefined) {
    return node.type === 'Equity' && node.premium ? `Premium ${formatPercent(node.premium.value)}.` : undefined;
  }
  if (!node.premium && !node.premiumAmount) return `Bought at market: fair value ${money(item.fairValue)}, no premium.`;
  const over = node.premium ? ` (${formatPercent(node.premium.value)} over market)` : '';
  return `Fair value ${money(item.fairValue)}; premium ${money(item.premium)}${over}.`;
}

function describeGroup(deal: AnalyzedDeal, item: PaymentItem, node: ast.MilestoneGroup, text: string): string {
  const { model } = deal;
  const money = moneyIn(model);
  const items = item.items ?? [];
  const rows: string[] = [];
  if (node.cap) rows.push(`Cap (up to): ${writtenAmount(model, text, node.cap)}`);
  const count = `${items.length} milestone${items.length === 1 ? '' : 's'}`;
  rows.push(`Itemized (${count}): ${items.length ? money(item.itemized!) : 'nothing itemized'}`);
  if (item.undisclosedRest !== undefined) rows.push(`Undisclosed rest: ${money(item.undisclosedRest)}`);

  const over = item.amount && item.itemized?.gt(item.amount)
    ? `The itemized milestones exceed the cap by ${money(item.itemized.minus(item.amount))}.`
    : undefined;
  const rest = node.by?.text
    ? `The undisclosed rest is earned when a scenario reaches ${md(node.by.text)}.`
    : 'With no `by` stage, scenarios report the undisclosed rest as unattributed and leave it out of their totals.';
  const list = items.length
    ? `Milestones:\n${figureList(items.map((m) => {
      const when = (due(m.node) ?? salesTrigger(model, m.node))?.replace(/\.$/, '');
      const amount = m.amount ? money(m.amount) : m.node.undisclosed ? 'undisclosed' : '—';
      return `${md(m.name ?? (m.node.title?.value || '(unnamed)'))}: ${amount}${when ? ` — ${lowerFirst(when)}` : ''}`;
    }))}`
    : undefined;
  return paragraphs(
    heading(capitalize(paymentWord(node.type)), item.name, node.title),
    parties(item, deal.model),
    figureList(rows),
    over,
    list,
    rest,
    classification('milestone') + ' A group counts its cap.',
    risk(deal, item),
  );
}

function describeRoyalty(deal: AnalyzedDeal, item: PaymentItem, node: ast.Royalty): string {
  const { model } = deal;
  const base = md(node.base?.text ?? 'net_sales');
  let rates: string | undefined;
  if (node.undisclosed) rates = `Rate undisclosed, on ${base}.`;
  else if (node.rate) {
    rates = `${rateText({ rate: node.rate, rateTo: node.rateTo })} of ${node.cumulative ? '' : 'annual '}${base}.`;
    if (node.rateTo) rates += ` Scenarios count the midpoint, ${formatPercent(countedRate({ rate: node.rate, rateTo: node.rateTo }))}.`;
  }
  let tiers: string | undefined;
  if (node.tiers.length) {
    const amount = (m: ast.Money) => formatMoney(m.value, model.currencyOf(m));
    let previous: ast.Money | undefined;
    const rows = node.tiers.map((tier) => {
      let band: string;
      if (tier.upTo) band = previous ? `${amount(previous)} to ${amount(tier.upTo)}` : `up to ${amount(tier.upTo)}`;
      else band = previous ? `above ${amount(previous)}` : 'all sales';
      previous = tier.upTo ?? previous;
      return `${band}: ${rateText(tier)}`;
    });
    tiers = `Rates by ${node.cumulative ? 'cumulative' : 'annual'} ${base}:\n${figureList(rows)}`;
    if (node.cumulative) {
      rates = node.total
        ? 'Tiers apply to cumulative sales (all years so far): the rate of the band the cumulative total reaches at a year\'s end applies to all of that year\'s sales.'
        : 'Tiers apply to cumulative sales (all years so far): each year\'s sales are cut by the bands from where last year\'s cumulative total ended.';
    } else {
      rates = node.total
        ? 'The rate of the band the year\'s sales reach applies to all of that year\'s sales.'
        : 'Each rate applies to the slice of annual sales inside its band.';
    }
    if (node.tiers.some((tier) => tier.rateTo)) rates += ' A rate range counts at its midpoint.';
  }
  const territory = territories(node.territory);
  return paragraphs(
    heading(kindLabel(item.kind), item.name, node.title),
    parties(item, deal.model),
    rates,
    tiers,
    territory ? `On sales in ${territory} only.` : undefined,
    node.term ? `Term ${formatNumber(node.term.count)} ${node.term.unit}.` : undefined,
    'Royalties have no deal-level figure; scenarios with sales count them.',
  );
}

/**
 * How likely a contingent payment is and what it is worth today: the probability of reaching
 * its stage from the deal's current stage and, with a valuation, its rNPV.
 */
function risk({ model }: AnalyzedDeal, item: PaymentItem): string | undefined {
  if (paymentKinds[item.kind].total !== 'contingent') return undefined;
  try {
    const lines: string[] = [];
    const node = item.node;
    const stage = node.type === 'SalesMilestone' ? commercialStage(model.stages) : node.type === 'MilestoneGroup' ? node.by?.text : node.at?.text;
    const probability = stage ? probabilityOfReaching(model, stage, item.program ?? item.group?.program) : undefined;
    if (stage && probability) lines.push(`Probability of reaching ${md(stage)}: ${formatPercent(probability.times(100).toDecimalPlaces(2))}.`);
    // Only this payment is valued (its group, for a milestone): not the whole deal after each edit.
    const rows = rnpvRowsOf(model, item.group ?? item).filter((row) => row.item === item && row.rnpv !== undefined);
    for (const row of rows) {
      const label = rows.length > 1 || node.type === 'MilestoneGroup' ? ` of ${md(row.label)}` : '';
      lines.push(`rNPV${label}: ${formatMoney(row.rnpv!, model.currency)}${row.date ? ` (expected ${dateText(row.date)})` : ''}.`);
    }
    return lines.length ? lines.join('  \n') : undefined;
  } catch {
    // Risk figures are extra: a gap in them never hides the payment itself.
    return undefined;
  }
}

/** `When annual net_sales reach $1B.`: what earns a sales milestone. */
function salesTrigger(model: AnalyzedDeal['model'], node: ast.Payment): string | undefined {
  if (node.type !== 'SalesMilestone' || !node.threshold) return undefined;
  return `When annual ${md(node.measure?.text ?? 'net_sales')} reach ${formatMoney(node.threshold.value, model.currencyOf(node.threshold))}.`;
}

/** Who pays whom, the programme it belongs to and the option it waits on. */
function parties(item: PaymentItem, model: AnalyzedDeal['model']): string | undefined {
  const program = item.program ?? item.group?.program;
  const count = programCount(model, program);
  const option = item.option ?? item.group?.option;
  const parts = [
    item.payer || item.payee ? `${who(model, item.payer)} → ${who(model, item.payee)}` : undefined,
    program !== undefined ? `for programme ${md(program)}${count === 1 ? '' : ` (× ${count}: counts ${count} times in the deal totals)`}` : undefined,
    option ? `owed only once option ${md(option.name.text)} is exercised` : undefined,
  ].filter(Boolean);
  return parts.length ? parts.join(' · ') : undefined;
}

/** A payer or payee: a name that is not a party is never shown as one. */
function who(model: AnalyzedDeal['model'], name: string | undefined): string {
  if (name === undefined) return '?';
  return isParty(model, name) ? md(name) : `'${md(name)}' (not a party)`;
}

/** `On signing.`, `On 2007-01-15.`, `At phase3, expected 2011.` */
function due(node: ast.Payment): string | undefined {
  const parts: string[] = [];
  if (node.onSigning) parts.push('on signing');
  if (node.on) parts.push(`on ${dateText(node.on)}`);
  if (node.at?.text) parts.push(`at ${md(node.at.text)}`);
  if (node.expected) parts.push(`expected ${dateText(node.expected)}`);
  const territory = territories(node.territory);
  if (territory && node.type !== 'Royalty') parts.push(`territory ${territory}`);
  if (!parts.length) return undefined;
  const sentence = parts.join(', ');
  return `${sentence[0].toUpperCase()}${sentence.slice(1)}.`;
}

/** What the deal-level totals do with the payment's kind. */
function classification(kind: PaymentKind): string | undefined {
  const total = paymentKinds[kind].total;
  switch (total) {
    case 'committed': return 'Committed: counted in the deal\'s committed total and headline.';
    case 'contingent': return 'Contingent: counted in the deal\'s contingent total and headline.';
    case 'on-exercise': // an option fee has its own hover (hover-option.ts)
    case 'unvalued': // no figure: the payment's own lines say why
      return undefined;
    default: {
      const _exhaustive: never = total;
      return _exhaustive;
    }
  }
}

const lowerFirst = (text: string): string => text.charAt(0).toLowerCase() + text.slice(1);
