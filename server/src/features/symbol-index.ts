// Every name in a document: each declaration and each reference, with what it names, where it
// is and which deal it belongs to. Definition, references, highlights, rename, outline,
// semantic tokens and quick fixes all read this one index: each deal's names are found once
// and kept on the deal, and joined once per version of the document.
// References come from the same walks the unknown-reference check uses (`partsOfPaymentItem`,
// `partsOutsidePaymentItems`).
import type * as ast from '../language/ast';
import { carriedDealFacet, dealIndexAt, documentFacet, type AnalyzedDocument } from '../document/analyze';
import { ItemValues } from '../model/facets';
import { isWritten, partsOfPaymentItem, partsOutsidePaymentItems, paymentItemsInOrder } from '../model/deal-walk';

/** What a name stands for. `group` is a milestone group (a payment that holds milestones). */
export type SymbolKind = 'deal' | 'party' | 'stage' | 'license' | 'payment' | 'group' | 'option' | 'scenario' | 'currency' | 'program';

/** Names that must differ from one another: payments, milestones and groups share one. */
export type Namespace = 'deal' | 'party' | 'stage' | 'license' | 'payment' | 'option' | 'scenario' | 'currency' | 'program';

export interface DealSymbol {
  name: string;
  kind: SymbolKind;
  namespace: Namespace;
  span: ast.Span;
  /** Index of the deal in `document.deals` (-1 never occurs: every name lies in a deal). */
  deal: number;
  declaration: boolean;
  /** The declared node, for declarations (party, payment, option…). */
  node?: object;
}

export interface SymbolIndex {
  /** Every occurrence, in text order. */
  symbols: DealSymbol[];
}

export function namespaceOf(kind: SymbolKind): Namespace {
  return kind === 'group' ? 'payment' : kind;
}

/** One deal's names, in text order, with every occurrence of each name by key. */
export interface DealSymbols {
  symbols: DealSymbol[];
  byKey: Map<string, DealSymbol[]>;
  /** The names outside the items of the deal's payment blocks, and each item's own (a payment,
   * or a milestone group with its milestones), each in text order. */
  parts: SymbolParts;
}

interface SymbolParts { outside: DealSymbol[]; items: ItemValues<ast.Payment, DealSymbol[]> }

const keyOf = (symbol: DealSymbol) => `${symbol.namespace} ${symbol.name}`;

/** One deal's names, found when first asked for and kept on the deal until it changes. The spans
 * are the syntax tree's own, so they move with the deal when an edit before it shifts it; `deal`
 * is the deal's index, which re-analysis never changes for a deal it keeps (it reuses deals only
 * when their count stays). After an edit inside one item of a long deal's payments, the names of
 * every other item are taken over from the deal's previous analysis. */
class KeptSymbols {
  private built?: { dealNumber: number; symbols: DealSymbols };
  constructor(private readonly deal: ast.Deal, private earlier: KeptSymbols | undefined) {}

  of(dealNumber: number): DealSymbols {
    if (this.built?.dealNumber !== dealNumber) {
      const earlier = this.earlier?.built?.dealNumber === dealNumber ? this.earlier.built.symbols.parts.items : undefined;
      this.built = { dealNumber, symbols: buildDealSymbols(this.deal, dealNumber, earlier) };
      this.earlier = undefined; // nothing older is kept
    }
    return this.built.symbols;
  }
}

const symbolsFacet = carriedDealFacet<KeptSymbols>((analyzed, earlier) => new KeptSymbols(analyzed.model.deal, earlier));

export function symbolsOfDeal(document: AnalyzedDocument, dealNumber: number): DealSymbols {
  return symbolsFacet(document.deals[dealNumber]).of(dealNumber);
}

/** The index of a document: its deals' names joined, once per version of the text. */
export const indexSymbols = documentFacet<SymbolIndex>((document) => {
  const symbols: DealSymbol[] = [];
  document.deals.forEach((_, n) => {
    for (const symbol of symbolsOfDeal(document, n).symbols) symbols.push(symbol);
  });
  return { symbols };
});

type AddSymbol = (name: ast.Name | undefined, kind: SymbolKind, declaration: boolean, node?: object) => void;

function symbolsInto(symbols: DealSymbol[], dealNumber: number): AddSymbol {
  return (name, kind, declaration, node) => {
    if (!isWritten(name) || !name.span || name.span.end <= name.span.start) return;
    symbols.push({ name: name.text, kind, namespace: namespaceOf(kind), span: name.span, deal: dealNumber, declaration, ...(node ? { node } : {}) });
  };
}

function buildDealSymbols(deal: ast.Deal, dealNumber: number, earlier?: ItemValues<ast.Payment, DealSymbol[]>): DealSymbols {
  const outside: DealSymbol[] = [];
  const add = symbolsInto(outside, dealNumber);
  add(deal.name, 'deal', true, deal);
  for (const party of deal.parties) add(party.name, 'party', true, party);
  for (const stage of deal.stages?.stages ?? []) add(stage.name, 'stage', true, stage);
  for (const program of deal.programs ?? []) add(program.name, 'program', true, program);
  for (const license of deal.licenses) add(license.name, 'license', true, license);
  for (const option of deal.options) add(option.name, 'option', true, option);
  for (const scenario of deal.scenarios) add(scenario.name, 'scenario', true, scenario);
  for (const { name, kind } of partsOutsidePaymentItems(deal).references) add(name, kind, false);
  outside.sort((a, b) => a.span.start - b.span.start);

  const items = ItemValues.of(paymentItemsInOrder(deal), (item) => itemSymbols(item, dealNumber), earlier);
  const inItems = items.values;
  let symbols: DealSymbol[] | undefined;
  let byKey: Map<string, DealSymbol[]> | undefined;
  return {
    // Made when first read: the editor asks for a name under the cursor, or every occurrence of
    // one, far less often than it asks for the tokens (made from the parts) after a keystroke.
    get symbols() { return (symbols ??= mergeInOrder(outside, inItems)); },
    get byKey() { return (byKey ??= keyedBy(this.symbols)); },
    parts: { outside, items },
  };
}

/** The names of one item of a payment block: its own, then its milestones', in text order. */
function itemSymbols(item: ast.Payment, dealNumber: number): DealSymbol[] {
  const out: DealSymbol[] = [];
  const add = symbolsInto(out, dealNumber);
  const parts = partsOfPaymentItem(item);
  for (const payment of parts.payments) add(payment.name, payment.type === 'MilestoneGroup' ? 'group' : 'payment', true, payment);
  for (const { name, kind } of parts.references) add(name, kind, false);
  return out.sort((a, b) => a.span.start - b.span.start);
}

/** What lies outside a deal's payment items and each item's own, each in text order (the items
 * one after another), as one list in text order; on a tie, what lies outside first. Made at its
 * final length: a long deal has hundreds of thousands of entries. */
export function mergeInOrder<T extends { span: ast.Span }>(outside: readonly T[], items: readonly (readonly T[])[]): T[] {
  let length = outside.length;
  for (const list of items) length += list.length;
  const out = new Array<T>(length);
  let at = 0;
  let i = 0;
  for (const list of items) {
    for (const entry of list) {
      while (i < outside.length && outside[i].span.start <= entry.span.start) out[at++] = outside[i++];
      out[at++] = entry;
    }
  }
  while (i < outside.length) out[at++] = outside[i++];
  return out;
}

function keyedBy(symbols: readonly DealSymbol[]): Map<string, DealSymbol[]> {
  const byKey = new Map<string, DealSymbol[]>();
  for (const symbol of symbols) {
    const key = keyOf(symbol);
    const list = byKey.get(key);
    if (list) list.push(symbol);
    else byKey.set(key, [symbol]);
  }
  return byKey;
}

/** The name under the cursor (a cursor just after a name still counts). */
export function symbolAt(document: AnalyzedDocument, offset: number): DealSymbol | undefined {
  const index = dealIndexAt(document, offset);
  if (index < 0) return undefined;
  const { symbols } = symbolsOfDeal(document, index);
  // The first symbol that ends at or after the offset; names never overlap.
  let low = 0;
  let high = symbols.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (symbols[mid].span.end < offset) low = mid + 1;
    else high = mid;
  }
  const at = symbols[low];
  const next = symbols[low + 1];
  if (at && at.span.end === offset && next && offset >= next.span.start && offset < next.span.end) return next;
  return at && offset >= at.span.start && offset <= at.span.end ? at : undefined;
}

/** Same deal, same namespace, same name. */
export function sameSymbol(a: DealSymbol, b: DealSymbol): boolean {
  return a.deal === b.deal && a.namespace === b.namespace && a.name === b.name;
}

/** Every occurrence of the symbol: its declaration(s) and its references, in text order. */
export function occurrencesOf(document: AnalyzedDocument, symbol: DealSymbol): DealSymbol[] {
  return document.deals[symbol.deal] ? symbolsOfDeal(document, symbol.deal).byKey.get(keyOf(symbol)) ?? [] : [];
}

/** The declaration a name refers to; the first when a name is declared twice. */
export function declarationOf(document: AnalyzedDocument, symbol: DealSymbol): DealSymbol | undefined {
  return occurrencesOf(document, symbol).find((s) => s.declaration);
}

/** Names declared in one namespace of one deal, in text order (each once). */
export function declaredNames(document: AnalyzedDocument, deal: number, namespace: Namespace): DealSymbol[] {
  if (!document.deals[deal]) return [];
  const seen = new Set<string>();
  return symbolsOfDeal(document, deal).symbols.filter((s) => {
    if (!s.declaration || s.namespace !== namespace || seen.has(s.name)) return false;
    seen.add(s.name);
    return true;
  });
}
