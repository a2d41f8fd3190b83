// The outline of a .deal file: each deal with its parties, payment blocks (payments, groups and
// their milestones), options and scenarios, the figure beside each; and the workspace symbols
// (every declaration of every open file, found by a few letters of its name).
import type Decimal from 'decimal.js';
import type * as ast from '../language/ast';
import { carriedDealFacet, type AnalyzedDeal, type AnalyzedDocument } from '../document/analyze';
import { itemsByBlock, type PaymentItem } from '../model/deal-model';
import { isWritten } from '../model/deal-walk';
import { formatShort, formatPercent } from '../model/money';
import { programCount } from '../model/programs';
import { rateText } from '../model/rate-range';
import { costLineName, scenarioCosts } from '../model/scenario-costs';
import { shownDeal } from '../model/shown-figures';
import { TermValues } from '../model/facets';
import { indexSymbols, type SymbolKind } from './symbol-index';

export type OutlineKind = SymbolKind | 'payments' | 'costs';

export interface DealDocumentSymbol {
  name: string;
  detail?: string;
  kind: OutlineKind;
  /** The whole declaration. */
  span: ast.Span;
  /** The name (or the keyword of an unnamed payment): what the editor selects. */
  selectionSpan: ast.Span;
  children: DealDocumentSymbol[];
}

export function findDocumentSymbols(document: AnalyzedDocument): DealDocumentSymbol[] {
  return document.deals.filter((d) => isWritten(d.model.deal.name)).map((deal) => outlineOf(deal).outline);
}

/** Each payment's entry, by the payment as resolved: after an edit inside one payment of a long
 * deal, the model takes over every other payment as it stood, and the outline their entries. */
type KeptEntries = ReadonlyMap<PaymentItem, DealDocumentSymbol>;

/** One deal's outline, kept on the deal (its spans move with it). */
const outlineOf = carriedDealFacet((deal: AnalyzedDeal, earlier: { outline: DealDocumentSymbol; entries: KeptEntries } | undefined) => {
  const entries = new TermValues(earlier?.entries);
  return { outline: dealSymbol(shownDeal(deal), entries), entries: entries.kept };
});

type Entries = TermValues<PaymentItem, DealDocumentSymbol>;

function dealSymbol(analyzed: AnalyzedDeal, kept: Entries): DealDocumentSymbol {
  const { model, totals } = analyzed;
  const deal = model.deal;
  const money = (value: Parameters<typeof formatShort>[0]) => formatShort(value, model.currency);
  const children: DealDocumentSymbol[] = [];
  for (const party of deal.parties) {
    if (!isWritten(party.name)) continue;
    const position = totals.parties.get(party.name.text);
    const figures = position ? `receives ${money(position.receives)} · pays ${money(position.pays)}` : undefined;
    children.push(leaf(party.name.text, 'party', party.span, party.name.span, [party.role?.text, figures]));
  }
  for (const license of deal.licenses) {
    if (!isWritten(license.name)) continue;
    const parties = isWritten(license.from) && isWritten(license.to) ? `${license.from.text} → ${license.to.text}` : undefined;
    children.push(leaf(license.name.text, 'license', license.span, license.name.span, [license.exclusivity?.value, parties]));
  }
  for (const program of deal.programs ?? []) {
    if (!isWritten(program.name)) continue;
    const count = programCount(model, program.name.text);
    children.push(leaf(program.name.text, 'program', program.span, program.name.span, [
      program.title?.value, program.stage?.text && `from ${program.stage.text}`, count !== 1 && `× ${count}`,
    ]));
  }
  const byBlock = itemsByBlock(model);
  deal.paymentBlocks.forEach((block) => children.push(blockSymbol(analyzed, block, byBlock.get(block)!, kept)));
  for (const option of deal.options) {
    if (!isWritten(option.name)) continue;
    const fees = option.exercises.map((e) => exerciseFeeText(model, e, money)).filter((f) => f !== undefined);
    const detail = fees.length > 0 ? `exercise fee ${fees.join(' or ')}` : undefined;
    const symbol = leaf(option.name.text, 'option', option.span, option.name.span, [
      option.holder?.text && `held by ${option.holder.text}`, option.program?.text && `for ${option.program.text}`, detail,
    ]);
    symbol.children = (option.paymentBlocks ?? []).map((block) => blockSymbol(analyzed, block, byBlock.get(block)!, kept, true));
    children.push(symbol);
  }
  for (const scenario of deal.scenarios) {
    if (!isWritten(scenario.name)) continue;
    const symbol = leaf(scenario.name.text, 'scenario', scenario.span, scenario.name.span, [scenario.reach?.text && `reaches ${scenario.reach.text}`]);
    symbol.children = costsSymbols(analyzed, scenario);
    children.push(symbol);
  }
  return {
    name: deal.name.text,
    detail: `headline ${money(totals.headline)}`,
    kind: 'deal',
    span: deal.span,
    selectionSpan: deal.name.span,
    children,
  };
}

/** An exercise point's fee as the outline shows it: `$20M`, `$200M to $275M`, `undisclosed`. */
function exerciseFeeText(model: AnalyzedDeal['model'], exercise: ast.OptionExercise, money: (v: Decimal) => string): string | undefined {
  if (exercise.feeUndisclosed) return 'undisclosed';
  const low = exercise.fee && model.convert(exercise.fee);
  if (!low) return undefined;
  const high = exercise.feeMax && model.convert(exercise.feeMax);
  return high ? `${money(low)} to ${money(high)}` : money(low);
}

function blockSymbol(analyzed: AnalyzedDeal, block: ast.PaymentBlock, items: readonly PaymentItem[], kept: Entries, onExercise = false): DealDocumentSymbol {
  const parties = isWritten(block.from) && isWritten(block.to) ? `${block.from.text} → ${block.to.text}` : '';
  return {
    name: `${onExercise ? 'on exercise: ' : ''}${parties ? `payments ${parties}` : 'payments'}${isWritten(block.program) ? ` for ${block.program.text}` : ''}`,
    kind: 'payments',
    span: block.span,
    selectionSpan: { start: block.span.start, end: block.span.start + 'payments'.length },
    children: items.map((item) => kept.of(item, () => paymentSymbol(analyzed, item))),
  };
}

function paymentSymbol(analyzed: AnalyzedDeal, item: PaymentItem): DealDocumentSymbol {
  const node = item.node;
  const currency = analyzed.model.currency;
  const named = isWritten(node.name);
  let figure: string | undefined;
  if (node.type === 'MilestoneGroup' && item.amount !== undefined) {
    figure = node.cap ? `up to ${formatShort(item.amount, currency)}` : formatShort(item.amount, currency);
  } else if (item.amount !== undefined) {
    figure = formatShort(item.amount, currency);
  } else if (node.undisclosed) {
    figure = 'undisclosed';
  } else if (node.type === 'Royalty' && node.rate) {
    figure = rateText({ rate: node.rate, rateTo: node.rateTo });
  } else if (node.type === 'Royalty' && node.tiers.length > 0) {
    figure = `${node.tiers.length} tiers${node.cumulative ? ' on cumulative sales' : ''}`;
  }
  return {
    name: named ? node.name!.text : item.kind,
    detail: [named ? item.kind : undefined, figure].filter(Boolean).join(' · ') || undefined,
    kind: node.type === 'MilestoneGroup' ? 'group' : 'payment',
    span: node.span,
    selectionSpan: named ? node.name!.span : node.keywordSpan,
    children: (item.items ?? []).map((m) => paymentSymbol(analyzed, m)),
  };
}

/** A scenario's `costs` blocks, each line with its figure: `20% of sales`, `$70M, 2010–2014`. */
function costsSymbols({ model }: AnalyzedDeal, scenario: ast.Scenario): DealDocumentSymbol[] {
  const resolved = scenarioCosts(model, scenario).lines;
  return (scenario.costs ?? []).map((block) => ({
    name: 'costs',
    kind: 'costs' as const,
    span: block.span,
    selectionSpan: block.keywordSpan,
    children: block.lines.map((line) => {
      const figures = resolved.find((r) => r.line === line);
      const years = [...(figures?.years.keys() ?? [])].sort((a, b) => a - b);
      const detail = line.ofSales
        ? `${formatPercent(line.ofSales.value)} of sales`
        : years.length > 0 ? `${formatShort(figures!.total, model.currency)}, ${years[0]}${years.length > 1 ? `–${years[years.length - 1]}` : ''}` : undefined;
      return leaf(costLineName(line), 'costs', line.span, line.keywordSpan, [detail]);
    }),
  }));
}

function leaf(name: string, kind: OutlineKind, span: ast.Span, selectionSpan: ast.Span, details: (string | undefined | false)[]): DealDocumentSymbol {
  const detail = details.filter(Boolean).join(' · ');
  return { name, kind, span, selectionSpan, children: [], ...(detail ? { detail } : {}) };
}

export interface DealWorkspaceSymbol {
  name: string;
  kind: SymbolKind;
  uri: string;
  span: ast.Span;
  /** The deal it is declared in (none for the deal itself). */
  containerName?: string;
}

/**
 * Declarations across documents whose name holds the query's letters in order, ignoring case
 * (`imgn` finds `ImmunoGen`). An empty query lists every declaration.
 */
export function findWorkspaceSymbols(documents: readonly { uri: string; document: AnalyzedDocument }[], query: string): DealWorkspaceSymbol[] {
  const out: DealWorkspaceSymbol[] = [];
  for (const { uri, document } of documents) {
    for (const symbol of indexSymbols(document).symbols) {
      if (!symbol.declaration || !matches(symbol.name, query)) continue;
      const dealName = document.deals[symbol.deal]?.model.deal.name?.text;
      out.push({
        name: symbol.name, kind: symbol.kind, uri, span: symbol.span,
        ...(symbol.kind !== 'deal' && dealName ? { containerName: dealName } : {}),
      });
    }
  }
  return out;
}

export function matches(name: string, query: string): boolean {
  const target = name.toLowerCase();
  let at = 0;
  for (const char of query.toLowerCase()) {
    at = target.indexOf(char, at) + 1;
    if (at === 0) return false;
  }
  return true;
}
