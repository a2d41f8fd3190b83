// Every name in a document: each declaration and each reference, with what it names, where it
// is and which deal it belongs to. Definition, references, highlights, rename, outline,
// semantic tokens and quick fixes all read this one index: each deal's names are found once
// and kept on the deal, and joined once per version of the document.
// References come from the same walk the unknown-reference check uses (`walkReferences`).
import type * as ast from '../language/ast';
import { dealFacet, dealIndexAt, documentFacet, type AnalyzedDocument } from '../document/analyze';
import { isWritten, paymentsOf, walkReferences } from '../model/deal-walk';

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
}

const keyOf = (symbol: DealSymbol) => `${symbol.namespace} ${symbol.name}`;

/** One deal's names, kept on the deal until it changes. The spans are the syntax tree's own, so
 * they move with the deal when an edit before it shifts it; `deal` is the deal's index, which
 * re-analysis never changes for a deal it keeps (it reuses deals only when their count stays). */
const symbolsFacet = dealFacet((analyzed) => {
  let built: DealSymbols | undefined;
  return (dealNumber: number) => (built ??= buildDealSymbols(analyzed.model.deal, dealNumber));
});

export function symbolsOfDeal(document: AnalyzedDocument, dealNumber: number): DealSymbols {
  return symbolsFacet(document.deals[dealNumber])(dealNumber);
}

/** The index of a document: its deals' names joined, once per version of the text. */
export const indexSymbols = documentFacet<SymbolIndex>((document) => {
  const symbols: DealSymbol[] = [];
  document.deals.forEach((_, n) => {
    for (const symbol of symbolsOfDeal(document, n).symbols) symbols.push(symbol);
  });
  return { symbols };
});

function buildDealSymbols(deal: ast.Deal, dealNumber: number): DealSymbols {
  const symbols: DealSymbol[] = [];
  const add = (name: ast.Name | undefined, kind: SymbolKind, declaration: boolean, node?: object) => {
    if (!isWritten(name) || !name.span || name.span.end <= name.span.start) return;
    symbols.push({ name: name.text, kind, namespace: namespaceOf(kind), span: name.span, deal: dealNumber, declaration, ...(node ? { node } : {}) });
  };
  add(deal.name, 'deal', true, deal);
  for (const party of deal.parties) add(party.name, 'party', true, party);
  for (const stage of deal.stages?.stages ?? []) add(stage.name, 'stage', true, stage);
  for (const program of deal.programs ?? []) add(program.name, 'program', true, program);
  for (const license of deal.licenses) add(license.name, 'license', true, license);
  for (const { payment } of paymentsOf(deal)) add(payment.name, payment.type === 'MilestoneGroup' ? 'group' : 'payment', true, payment);
  for (const option of deal.options) add(option.name, 'option', true, option);
  for (const scenario of deal.scenarios) add(scenario.name, 'scenario', true, scenario);
  walkReferences(deal, (name, kind) => add(name, kind, false));
  symbols.sort((a, b) => a.span.start - b.span.start);
  const byKey = new Map<string, DealSymbol[]>();
  for (const symbol of symbols) {
    const key = keyOf(symbol);
    const list = byKey.get(key);
    if (list) list.push(symbol);
    else byKey.set(key, [symbol]);
  }
  return { symbols, byKey };
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
