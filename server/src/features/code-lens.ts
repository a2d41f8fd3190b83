// CodeLens: the money where the eye already is — above each payments block, milestone group,
// party and scenario, what it adds up to. Clicking one opens the payment rollup (of the
// scenario, for a scenario's lens): the protocol layer turns that intent into the client's command.
// Each deal's lenses are found once and kept on the deal.
import type Decimal from 'decimal.js';
import type * as ast from '../language/ast';
import { dealFacet, type AnalyzedDeal, type AnalyzedDocument } from '../document/analyze';
import type { PaymentItem } from '../model/deal-model';
import { isWritten } from '../model/deal-walk';
import { formatFooting, formatShort, sum } from '../model/money';
import { shownDeal } from '../model/shown-figures';
import { scenarioRollupOf } from '../engine/scenario-rollups';
import { scenarioValueLens } from './hover-value';
import { committedKinds, isCounted } from '../model/totals';

export interface DealCodeLens {
  /** The line the lens stands above: the declaration's first line. */
  span: ast.Span;
  title: string;
  /** The scenario whose rollup a click opens (the whole deal's when absent). */
  scenario?: string;
}

export function findCodeLenses(document: AnalyzedDocument): DealCodeLens[] {
  const out: DealCodeLens[] = [];
  for (const deal of document.deals) for (const lens of lensesOf(deal)) out.push(lens);
  return out;
}

/** One deal's lenses, in text order (their spans are the tree's and move with the deal). */
const lensesOf = dealFacet((exact: AnalyzedDeal): DealCodeLens[] => {
  const analyzed = shownDeal(exact);
  const out: DealCodeLens[] = [];
  const deal = analyzed.model.deal;
  const money = (value: Decimal) => formatShort(value, analyzed.model.currency);
  const lens = (span: ast.Span, title: string, scenario?: string) => out.push({ span, title, ...(scenario ? { scenario } : {}) });

  for (const party of deal.parties) {
    if (!isWritten(party.name)) continue;
    const position = analyzed.totals.parties.get(party.name.text);
    if (position) lens(party.span, `${party.name.text} receives ${money(position.receives)} · pays ${money(position.pays)}`);
  }
  const itemOf = new Map(analyzed.model.payments.map((item) => [item.node, item]));
  for (const block of deal.paymentBlocks) {
    const items = block.payments.map((node) => itemOf.get(node)).filter((item): item is PaymentItem => item !== undefined);
    lens(block.span, blockTitle(block, items, analyzed.model.currency));
    for (const item of items) if (item.node.type === 'MilestoneGroup') lens(item.node.span, groupTitle(item, analyzed.model.currency, money));
  }
  for (const scenario of deal.scenarios) {
    if (!isWritten(scenario.name)) continue;
    lens(scenario.span, scenarioTitle(analyzed, scenario, money), scenario.name.text);
    // What the scenario is worth to each party, where it gives its costs (from the exact model:
    // the economics keep every digit until shown).
    const value = scenarioValueLens(exact.model, scenario);
    if (value) lens(scenario.span, value, scenario.name.text);
  }
  return out.sort((a, b) => a.span.start - b.span.start);
});

function blockTitle(block: ast.PaymentBlock, items: PaymentItem[], currency: string): string {
  const counted = items.filter(isCounted);
  const committed = sum(counted.filter((i) => committedKinds.includes(i.kind)).map((i) => i.amount));
  const contingent = sum(counted.filter((i) => !committedKinds.includes(i.kind)).map((i) => i.amount));
  const total = committed.plus(contingent);
  const who = isWritten(block.from) && isWritten(block.to) ? `${block.from.text} pays ${block.to.text}` : 'These payments total';
  const unvalued = items.filter((i) => !isCounted(i)).length;
  const rest = unvalued > 0 ? ` · ${unvalued} more without a fixed figure` : '';
  const shown = formatFooting(total, [committed, contingent], currency);
  return `${who} ${shown.total} (committed ${shown.parts[0]} · contingent ${shown.parts[1]})${rest}`;
}

function groupTitle(group: PaymentItem, currency: string, money: (v: Decimal) => string): string {
  const node = group.node as ast.MilestoneGroup;
  const count = group.items?.length ?? 0;
  const milestones = `in ${count} milestone${count === 1 ? '' : 's'}`;
  if (!node.cap || group.amount === undefined) return `itemized ${money(group.itemized ?? sum([]))} ${milestones}`;
  const rest = group.undisclosedRest ?? sum([]);
  // Itemized and undisclosed add up to the cap (when the cap is not exceeded): shown so.
  const shown = rest.isZero()
    ? { total: money(group.amount), parts: [money(group.itemized ?? sum([])), money(rest)] }
    : formatFooting(group.amount, [group.itemized ?? sum([]), rest], currency);
  return `itemized ${shown.parts[0]} ${milestones} of ${shown.total} · undisclosed ${shown.parts[1]}`;
}

function scenarioTitle(analyzed: AnalyzedDeal, scenario: ast.Scenario, money: (v: Decimal) => string): string {
  const rollup = scenarioRollupOf(analyzed.model, scenario);
  const parties = [...rollup.parties].map(([name, p]) => `${name} receives ${money(p.receives)} · pays ${money(p.pays)}`);
  return parties.length > 0 ? parties.join(' | ') : `Total ${money(rollup.total)}`;
}
