// CodeLens: the money where the eye already is — above each payments block, milestone group,
// party and scenario, what it adds up to. Clicking one opens the payment rollup (of the
// scenario, for a scenario's lens): the protocol layer turns that intent into the client's command.
// Each deal's lenses are found once and kept on the deal.
import type Decimal from 'decimal.js';
import type * as ast from '../language/ast';
import { dealFacet, type AnalyzedDeal, type AnalyzedDocument } from '../document/analyze';
import type { PaymentItem } from '../model/deal-model';
import { isWritten } from '../model/deal-walk';
import { formatShort, sum } from '../model/money';
import { scenarioRollupOf } from '../engine/scenario-rollups';
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
const lensesOf = dealFacet((analyzed: AnalyzedDeal): DealCodeLens[] => {
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
    lens(block.span, blockTitle(block, items, money));
    for (const item of items) if (item.node.type === 'MilestoneGroup') lens(item.node.span, groupTitle(item, money));
  }
  for (const scenario of deal.scenarios) {
    if (!isWritten(scenario.name)) continue;
    lens(scenario.span, scenarioTitle(analyzed, scenario, money), scenario.name.text);
  }
  return out.sort((a, b) => a.span.start - b.span.start);
});

function blockTitle(block: ast.PaymentBlock, items: PaymentItem[], money: (v: Decimal) => string): string {
  const counted = items.filter(isCounted);
  const committed = sum(counted.filter((i) => committedKinds.includes(i.kind)).map((i) => i.amount));
  const contingent = sum(counted.filter((i) => !committedKinds.includes(i.kind)).map((i) => i.amount));
  const total = committed.plus(contingent);
  const who = isWritten(block.from) && isWritten(block.to) ? `${block.from.text} pays ${block.to.text}` : 'These payments total';
  const unvalued = items.filter((i) => !isCounted(i)).length;
  const rest = unvalued > 0 ? ` · ${unvalued} more without a fixed figure` : '';
  return `${who} ${money(total)} (committed ${money(committed)} · contingent ${money(contingent)})${rest}`;
}

function groupTitle(group: PaymentItem, money: (v: Decimal) => string): string {
  const node = group.node as ast.MilestoneGroup;
  const count = group.items?.length ?? 0;
  const itemized = `itemized ${money(group.itemized ?? sum([]))} in ${count} milestone${count === 1 ? '' : 's'}`;
  if (!node.cap || group.amount === undefined) return itemized;
  return `${itemized} of ${money(group.amount)} · undisclosed ${money(group.undisclosedRest ?? sum([]))}`;
}

function scenarioTitle(analyzed: AnalyzedDeal, scenario: ast.Scenario, money: (v: Decimal) => string): string {
  const rollup = scenarioRollupOf(analyzed.model, scenario);
  const parties = [...rollup.parties].map(([name, p]) => `${name} receives ${money(p.receives)} · pays ${money(p.pays)}`);
  return parties.length > 0 ? parties.join(' | ') : `Total ${money(rollup.total)}`;
}
