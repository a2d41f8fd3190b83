// CodeLens: the money where the eye already is — above each payments block, milestone group,
// party and scenario, what it adds up to. Clicking one opens the payment rollup (of the
// scenario, for a scenario's lens): the protocol layer turns that intent into the client's command.
// Each deal's lenses are found once and kept on the deal.
import type Decimal from 'decimal.js';
import type * as ast from '../language/ast';
import { carriedDealFacet, dealAt, type AnalyzedDeal, type AnalyzedDocument } from '../document/analyze';
import { itemsByBlock, type DealModel, type PaymentItem } from '../model/deal-model';
import { isWritten } from '../model/deal-walk';
import { formatFooting, formatShort, sum } from '../model/money';
import { TermValues } from '../model/facets';
import { shownDeal } from '../model/shown-figures';
import { scenarioRollupOf } from '../engine/scenario-rollups';
import { givesCosts } from '../engine/economics';
import { scenarioValueLens } from './hover-value';
import { committedKinds, isCounted } from '../model/totals';
import { incompleteFigures, isParty, partyPositions } from './incomplete-figures';

export interface DealCodeLens {
  /** The line the lens stands above: the declaration's first line. */
  span: ast.Span;
  title: string;
  /** The scenario whose rollup a click opens (the whole deal's when absent). */
  scenario?: string;
}

/** A lens as found on the deal: a scenario's lenses leave their title to be found on demand
 * (`titleOfLens`), as it needs the scenario rolled up, and the editor asks for a lens's title only
 * where the lens is on screen: an edit far from the scenarios never rolls them up. */
export interface FoundCodeLens {
  span: ast.Span;
  title?: string;
  scenario?: string;
  /** For a scenario's lens: what it shows, each party's position or the value to each party. */
  figures?: 'positions' | 'value';
}

/** Every lens, each with its title. */
export function findCodeLenses(document: AnalyzedDocument): DealCodeLens[] {
  const out: DealCodeLens[] = [];
  for (const lens of findCodeLensesOnDemand(document)) {
    const title = titleOfLens(document, lens);
    if (title !== undefined) out.push({ span: lens.span, title, ...(lens.scenario ? { scenario: lens.scenario } : {}) });
  }
  return out;
}

/** Every lens, a scenario's without its title (see FoundCodeLens). While a deal has errors, a
 * lens above it says what its figures leave out, and every figure says it is incomplete. */
export function findCodeLensesOnDemand(document: AnalyzedDocument): FoundCodeLens[] {
  const out: FoundCodeLens[] = [];
  for (const deal of document.deals) {
    const incomplete = incompleteFigures(document, deal);
    if (incomplete) out.push({ span: deal.model.deal.span, title: incomplete });
    for (const lens of lensesOf(deal).lenses) out.push(incomplete && lens.title !== undefined ? { ...lens, title: markedIncomplete(lens.title) } : lens);
  }
  return out;
}

const markedIncomplete = (title: string) => `${title} · figures incomplete`;

/** A lens's title: its own, or for a scenario's lens, found now (undefined when the scenario's
 * value cannot be worked out: the lens is then left out). */
export function titleOfLens(document: AnalyzedDocument, lens: FoundCodeLens): string | undefined {
  if (lens.title !== undefined || !lens.scenario) return lens.title;
  const exact = dealAt(document, lens.span.start);
  const scenario = exact?.model.scenarios.get(lens.scenario);
  if (!exact || !scenario) return undefined;
  const analyzed = shownDeal(exact);
  const title = lens.figures === 'value'
    ? scenarioValueLens(exact.model, scenario)
    : scenarioTitle(analyzed, scenario, (value) => formatShort(value, analyzed.model.currency));
  return title !== undefined && incompleteFigures(document, exact) ? markedIncomplete(title) : title;
}

/** Each milestone group's lens title, by the group as resolved: after an edit inside one payment
 * of a long deal, the model takes over every other payment as it stood, and the lenses their titles. */
type KeptTitles = ReadonlyMap<PaymentItem, string>;

/** One deal's lenses, in text order (their spans are the tree's and move with the deal). */
const lensesOf = carriedDealFacet((exact: AnalyzedDeal, earlier: { lenses: FoundCodeLens[]; groups: KeptTitles } | undefined) => {
  const analyzed = shownDeal(exact);
  const out: FoundCodeLens[] = [];
  const groups = new TermValues(earlier?.groups);
  const deal = analyzed.model.deal;
  const money = (value: Decimal) => formatShort(value, analyzed.model.currency);
  const lens = (span: ast.Span, title: string) => out.push({ span, title });

  for (const party of deal.parties) {
    if (!isWritten(party.name)) continue;
    const position = analyzed.totals.parties.get(party.name.text);
    if (position) lens(party.span, `${party.name.text} receives ${money(position.receives)} · pays ${money(position.pays)}`);
  }
  const byBlock = itemsByBlock(analyzed.model);
  for (const block of deal.paymentBlocks) {
    const items = byBlock.get(block)!;
    lens(block.span, blockTitle(block, items, analyzed.model));
    for (const item of items) {
      if (item.node.type !== 'MilestoneGroup') continue;
      lens(item.node.span, groups.of(item, () => groupTitle(item, analyzed.model.currency, money)));
    }
  }
  for (const scenario of deal.scenarios) {
    if (!isWritten(scenario.name)) continue;
    out.push({ span: scenario.span, scenario: scenario.name.text, figures: 'positions' });
    // What the scenario is worth to each party, where it gives its costs (from the exact model:
    // the economics keep every digit until shown).
    if (givesCosts(scenario)) out.push({ span: scenario.span, scenario: scenario.name.text, figures: 'value' });
  }
  return { lenses: out.sort((a, b) => a.span.start - b.span.start), groups: groups.kept };
});

/** A name as a lens shows it: one that is not a party is never shown as one. */
function named(model: DealModel, name: string): string {
  return isParty(model, name) ? name : `'${name}' (not a party)`;
}

function blockTitle(block: ast.PaymentBlock, items: PaymentItem[], model: DealModel): string {
  const currency = model.currency;
  const counted = items.filter(isCounted);
  const committed = sum(counted.filter((i) => committedKinds.includes(i.kind)).map((i) => i.amount));
  const contingent = sum(counted.filter((i) => !committedKinds.includes(i.kind)).map((i) => i.amount));
  const total = committed.plus(contingent);
  const who = isWritten(block.from) && isWritten(block.to) ? `${named(model, block.from.text)} pays ${named(model, block.to.text)}` : 'These payments total';
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
  const parties = partyPositions(analyzed.model, rollup.parties).map(([name, p]) => `${name} receives ${money(p.receives)} · pays ${money(p.pays)}`);
  return parties.length > 0 ? parties.join(' | ') : `Total ${money(rollup.total)}`;
}
