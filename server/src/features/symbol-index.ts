// Every name in a document: each declaration and each reference, with what it names, where it
// is and which deal it belongs to. Definition, references, highlights, rename, outline,
// semantic tokens and quick fixes all read this one index, built once per analysed document.
// References come from the same walk the unknown-reference check uses (`walkReferences`).
import type * as ast from '../language/ast';
import type { AnalyzedDocument } from '../document/analyze';
import { isWritten, paymentsOf, walkReferences } from '../model/deal-walk';

/** What a name stands for. `group` is a milestone group (a payment that holds milestones). */
export type SymbolKind = 'deal' | 'party' | 'stage' | 'license' | 'payment' | 'group' | 'option' | 'scenario' | 'currency';

/** Names that must differ from one another: payments, milestones and groups share one. */
export type Namespace = 'deal' | 'party' | 'stage' | 'license' | 'payment' | 'option' | 'scenario' | 'currency';

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

const built = new WeakMap<AnalyzedDocument, SymbolIndex>();

/** The index of a document, built on first use and kept with the analysis. */
export function indexSymbols(document: AnalyzedDocument): SymbolIndex {
  let index = built.get(document);
  if (!index) {
    index = buildIndex(document);
    built.set(document, index);
  }
  return index;
}

function buildIndex(document: AnalyzedDocument): SymbolIndex {
  const symbols: DealSymbol[] = [];
  document.deals.forEach(({ model }, dealNumber) => {
    const add = (name: ast.Name | undefined, kind: SymbolKind, declaration: boolean, node?: object) => {
      if (!isWritten(name) || !name.span || name.span.end <= name.span.start) return;
      symbols.push({ name: name.text, kind, namespace: namespaceOf(kind), span: name.span, deal: dealNumber, declaration, ...(node ? { node } : {}) });
    };
    const deal = model.deal;
    add(deal.name, 'deal', true, deal);
    for (const party of deal.parties) add(party.name, 'party', true, party);
    for (const stage of deal.stages?.stages ?? []) add(stage.name, 'stage', true, stage);
    for (const license of deal.licenses) add(license.name, 'license', true, license);
    for (const { payment } of paymentsOf(deal)) add(payment.name, payment.type === 'MilestoneGroup' ? 'group' : 'payment', true, payment);
    for (const option of deal.options) add(option.name, 'option', true, option);
    for (const scenario of deal.scenarios) add(scenario.name, 'scenario', true, scenario);
    walkReferences(deal, (name, kind) => add(name, kind, false));
  });
  symbols.sort((a, b) => a.span.start - b.span.start);
  return { symbols };
}

/** The name under the cursor (a cursor just after a name still counts). */
export function symbolAt(document: AnalyzedDocument, offset: number): DealSymbol | undefined {
  const { symbols } = indexSymbols(document);
  return symbols.find((s) => offset >= s.span.start && offset < s.span.end)
    ?? symbols.find((s) => offset === s.span.end);
}

/** Same deal, same namespace, same name. */
export function sameSymbol(a: DealSymbol, b: DealSymbol): boolean {
  return a.deal === b.deal && a.namespace === b.namespace && a.name === b.name;
}

/** Every occurrence of the symbol: its declaration(s) and its references, in text order. */
export function occurrencesOf(document: AnalyzedDocument, symbol: DealSymbol): DealSymbol[] {
  return indexSymbols(document).symbols.filter((s) => sameSymbol(s, symbol));
}

/** The declaration a name refers to; the first when a name is declared twice. */
export function declarationOf(document: AnalyzedDocument, symbol: DealSymbol): DealSymbol | undefined {
  return occurrencesOf(document, symbol).find((s) => s.declaration);
}

/** Names declared in one namespace of one deal, in text order (each once). */
export function declaredNames(document: AnalyzedDocument, deal: number, namespace: Namespace): DealSymbol[] {
  const seen = new Set<string>();
  return indexSymbols(document).symbols.filter((s) => {
    if (!s.declaration || s.deal !== deal || s.namespace !== namespace || seen.has(s.name)) return false;
    seen.add(s.name);
    return true;
  });
}
