// Completion that knows where the cursor is. The keywords come from the grammar itself: the
// parser is asked which tokens may follow the text before the cursor (Chevrotain's content
// assist over the `dealFile` rule), so a new keyword or clause is offered without a hand list.
// Where the grammar expects a name, the rule and the occurrence that consume it say which
// kind: a party after `from`, a stage after `at`, a group after `forfeit unearned`…
import type { IToken, TokenType } from 'chevrotain';
import type { Span } from '../language/ast';
import { isoCurrencyCodes } from '../language/currencies';
import { dealParser } from '../language/parser';
import { dealLexer, Identifier, kw, StringLiteral, UnterminatedString, type KeywordName } from '../language/tokens';
import { dealAt, type AnalyzedDeal, type AnalyzedDocument } from '../document/analyze';
import { dealNameTables } from '../model/names';
import { capitalize } from '../model/deal-walk';
import { kindLabel, paymentWord } from '../model/payment-kinds';
import { visibleText } from '../language/unusual-characters';
import { snippetsFor } from './completion-snippets';
import { atLineStart, blockStart, startingTerms } from './completion-line-start';
import { keywordDocs } from './keyword-docs';
import { mdText as md } from '../model/markdown-text';

export type CompletionKind =
  | 'keyword' | 'party' | 'stage' | 'payment' | 'group' | 'option' | 'currency' | 'role'
  | 'territory' | 'measure' | 'snippet' | 'program';

export interface DealCompletion {
  label: string;
  kind: CompletionKind;
  detail?: string;
  /** What to insert: plain text, or an LSP snippet (`${1:Name}`) when `snippet` is set. */
  insertText: string;
  snippet: boolean;
  /** The text the completion replaces: the word being typed. */
  span: Span;
  /** Names first, then keywords, then snippets. */
  sortText: string;
  /** What it means, in a line (Markdown). */
  documentation: string;
}

/** What fills a name slot of a rule, by the occurrence index of its `Identifier` (undefined: a
 * new name, where nothing can be offered). */
type Slot = 'party' | 'stage' | 'newStage' | 'payment' | 'group' | 'option' | 'currency' | 'role' | 'territory' | 'measure' | 'program';
const nameSlots: Record<string, (Slot | undefined)[]> = {
  deal: [undefined, 'currency', 'stage'],
  dealItem: [undefined, 'currency', 'stage'],
  fxRate: ['currency', 'currency'],
  party: [undefined, 'role', 'role'],
  stageList: ['newStage'],
  license: [undefined, 'party', 'party'],
  paymentBlock: ['party', 'party', 'program'],
  milestoneGroup: [],
  salesMilestone: ['measure'],
  royalty: ['measure', 'program'],
  paymentClauses: ['stage', 'party', 'party', 'stage', 'program'],
  optionDecl: [undefined, 'party', 'program'],
  optionDeveloper: ['party'],
  programDecl: [undefined, 'stage'],
  timeline: ['stage'],
  scenarioProgram: ['program', 'stage'],
  optionExercise: ['stage', 'party'],
  optionEffect: ['group', 'payment'],
  partyShare: ['party'],
  scenario: [undefined, 'stage', 'stage', 'option', 'stage'],
  money: ['currency', 'currency'],
  territory: ['territory'],
};

const roles = ['licensor', 'licensee', 'collaborator', 'investor'];
const commonTerritories = ['worldwide', 'US', 'EU', 'JP', 'CN'];
const sortOrder: Record<CompletionKind, string> = {
  party: '0', stage: '0', payment: '0', group: '0', option: '0', role: '0', measure: '0', program: '0', territory: '1',
  keyword: '2', snippet: '3', currency: '4',
};

/** `readWholeDeal` reads every token from the deal's start instead of the few stretches that
 * lead to the cursor (the same answer, slower: the tests hold one to the other). */
export function doComplete(document: AnalyzedDocument, offset: number, options: { readWholeDeal?: boolean } = {}): DealCompletion[] {
  const text = document.text;
  const deal = dealAt(document, offset) ?? lastDealBefore(document, offset);
  const span = wordAround(text, offset);
  const lineEnd = text.indexOf('\n', offset);
  const context = tokensBefore(text, deal, span.start, lineEnd < 0 ? text.length : lineEnd, options.readWholeDeal);
  if (insideStringOrComment(context.near, context.nearComments, offset)) return [];
  const before = context.before;

  let paths: ReturnType<ReturnType<typeof dealParser>['computeContentAssist']>;
  try {
    paths = dealParser().computeContentAssist('dealFile', before);
    // On a line of its own, only what starts a term of the block the cursor is in.
    if (atLineStart(text, span.start)) paths = startingTerms(paths, dealParser().computeContentAssist('dealFile', blockStart(before)));
  } catch {
    return [];
  }
  const out: DealCompletion[] = [];
  const seen = new Set<string>();
  const add = (label: string, kind: CompletionKind, documentation: string, detail?: string, insertText = label, snippet = false) => {
    const key = `${kind}:${label}`;
    if (seen.has(key)) return;
    seen.add(key);
    out.push({ label, kind, ...(detail ? { detail } : {}), insertText, snippet, span, sortText: `${sortOrder[kind]}${label}`, documentation });
  };
  let taken: ReadonlySet<string> | undefined;
  for (const path of paths) {
    // Terms after a deal's closing brace are only parsed there to recover from a stray `}`.
    if (path.ruleStack.includes('afterDeal')) continue;
    const rule = path.ruleStack[path.ruleStack.length - 1];
    const keyword = keywordOf(path.nextTokenType);
    if (keyword) {
      if (!holdsInGroup(path.ruleStack)) continue;
      add(keyword, 'keyword', keywordDocs[keyword as KeywordName] ?? `The keyword \`${keyword}\`.`);
      taken ??= namesInUse(document, deal);
      for (const snippet of snippetsFor(keyword, deal?.model, rule, taken)) add(snippet.label, 'snippet', snippet.documentation, snippet.detail, snippet.body, true);
    } else if (path.nextTokenType === Identifier) {
      const slot = nameSlots[rule]?.[path.nextTokenOccurrence];
      if (slot) for (const [label, kind, detail] of namesFor(slot, deal)) add(label, kind, nameDoc(kind, label, deal, detail), detail);
    }
  }
  return out;
}

/** A milestone group holds milestones and sales milestones only: another payment there is an error. */
function holdsInGroup(ruleStack: string[]): boolean {
  const at = ruleStack.indexOf('groupItem');
  return at < 0 || ['milestone', 'salesMilestone'].includes(ruleStack[at + 2]);
}

/** Every name a new term must not take: the deal's names, and the file's deal names. */
function namesInUse(document: AnalyzedDocument, deal: AnalyzedDeal | undefined): ReadonlySet<string> {
  const names = new Set(document.deals.map((d) => d.model.deal.name.text));
  if (deal) {
    const tables = dealNameTables(deal.model);
    for (const list of [tables.parties, tables.stages, tables.payments, tables.groups, tables.options, tables.scenarios, tables.programs]) {
      for (const name of list) names.add(name);
    }
    for (const license of deal.model.deal.licenses) if (license.name?.text) names.add(license.name.text);
  }
  return names;
}

/** A name's documentation: what it is in this deal. */
function nameDoc(kind: CompletionKind, label: string, deal: AnalyzedDeal | undefined, detail: string | undefined): string {
  const titled = detail ? `: ${md(detail.replace(/\.$/, ''))}` : '';
  switch (kind) {
    case 'party': return `A party of this deal${titled}.`;
    case 'stage': return deal?.model.deal.stages ? 'A stage of this deal.' : 'A built-in development stage.';
    case 'payment': return `A payment of this deal${titled}.`;
    case 'group': return 'A milestone group of this deal.';
    case 'option': return `An option of this deal${titled}.`;
    case 'program': return `A programme of this deal${titled}.`;
    case 'currency': return `The ISO 4217 currency code ${label}${deal?.model.currency === label ? ', the deal currency' : ''}.`;
    case 'role': return `The party's role: ${label}.`;
    case 'territory': return `The territory ${md(label)}.`;
    case 'measure': return 'Annual net sales, as scenarios give them.';
    case 'keyword': case 'snippet': return label;
  }
}

function keywordOf(type: TokenType): string | undefined {
  if (!type.name.startsWith('Kw_')) return undefined;
  const label = type.LABEL ?? '';
  return label.replace(/^'|'$/g, '');
}

function namesFor(slot: Slot, deal: AnalyzedDeal | undefined): [string, CompletionKind, string?][] {
  if (slot === 'currency') return isoCurrencyCodes.map((code) => [code, 'currency', deal?.model.currency === code ? 'the deal currency' : undefined]);
  if (slot === 'role') return roles.map((r) => [r, 'role']);
  if (slot === 'measure') return [['net_sales', 'measure', 'annual net sales, as scenarios give them']];
  if (!deal) return slot === 'newStage' || slot === 'stage' ? builtInStageNames().map((s) => [s, 'stage']) : [];
  const model = deal.model;
  const names = dealNameTables(model);
  switch (slot) {
    case 'party':
      return names.parties.map((p) => [p, 'party', shownTitle(model.parties.get(p)?.title)]);
    case 'stage':
      return names.stages.map((s) => [s, 'stage', model.deal.stages ? undefined : 'built-in stage']);
    case 'newStage': {
      const declared = new Set((model.deal.stages?.stages ?? []).map((s) => s.name.text));
      return builtInStageNames().filter((s) => !declared.has(s)).map((s) => [s, 'stage']);
    }
    case 'payment':
      return names.payments.map((p) => {
        const item = model.paymentsByName.get(p);
        const what = item && (item.node.type === 'MilestoneGroup' ? capitalize(paymentWord(item.node.type)) : kindLabel(item.kind));
        return [p, names.groups.includes(p) ? 'group' : 'payment', what];
      });
    case 'group':
      return names.groups.map((g) => [g, 'group', 'milestone group']);
    case 'option':
      return names.options.map((o) => [o, 'option', shownTitle(model.options.get(o)?.title)]);
    case 'program':
      return names.programs.map((p) => [p, 'program', shownTitle(model.programs.get(p)?.title)]);
    case 'territory':
      return [...new Set([...commonTerritories, ...territoriesOf(deal)])].map((t) => [t, 'territory']);
  }
}

/** A title as a detail shows it: control and invisible characters as marks (`<U+202E>`). */
function shownTitle(title: { value: string } | undefined): string | undefined {
  return title?.value === undefined ? undefined : visibleText(title.value);
}

function builtInStageNames(): string[] {
  return ['discovery', 'preclinical', 'phase1', 'phase2', 'phase3', 'filing', 'approval', 'launch'];
}

/** Territories the deal already names (identifiers only: strings are typed with their quotes). */
function territoriesOf(deal: AnalyzedDeal): string[] {
  const d = deal.model.deal;
  const lists = [
    ...d.licenses.map((l) => l.territory), ...d.options.map((o) => o.territory),
    ...deal.model.payments.flatMap((p) => [p.node.territory, ...(p.items ?? []).map((m) => m.node.territory)]),
  ];
  return lists.flatMap((list) => list ?? []).map((t) => t.text).filter((t) => /^[A-Za-z_]\w*$/.test(t));
}

/** The word the cursor is in or at the end of (keywords may hold `-`). */
function wordAround(text: string, offset: number): Span {
  let start = offset;
  while (start > 0 && /[A-Za-z0-9_-]/.test(text[start - 1])) start--;
  let end = offset;
  while (end < text.length && /[A-Za-z0-9_-]/.test(text[end])) end++;
  return { start, end };
}

interface CompletionContext {
  /** What the grammar is asked about: the tokens that lead to the word being typed. */
  before: IToken[];
  /** The tokens and comments from where the reading starts to the end of the cursor's line. */
  near: IToken[];
  nearComments: IToken[];
}

/**
 * The tokens that lead to `wordStart`. The grammar's `dealFile` is a list of deals, a deal's
 * body a list of terms, a payments block a list of payments and a milestone group a list of
 * milestones, and the grammar is in the same state after any number of whole terms: so the
 * deal's header, the header of each block the cursor is in, and the term under the cursor give
 * the same answer as the whole deal before the cursor. Only those few stretches are lexed, so
 * completion costs the same at the end of a deal of fifty thousand lines as in a small one.
 */
function tokensBefore(text: string, deal: AnalyzedDeal | undefined, wordStart: number, lineEnd: number, wholeDeal = false): CompletionContext {
  const lex = (start: number, end: number) => {
    const lexed = dealLexer.tokenize(text.slice(start, end));
    const moved = (t: IToken) => ({ ...t, startOffset: t.startOffset + start, endOffset: (t.endOffset ?? t.startOffset) + start });
    return { tokens: lexed.tokens.map(moved), comments: (lexed.groups.comments ?? []).map(moved) };
  };
  const endsBefore = (t: IToken) => (t.endOffset ?? t.startOffset) + 1 <= wordStart;
  const dealStart = deal?.model.deal.span.start ?? 0;
  const headers: IToken[] = [];
  let from = dealStart;
  // Each level: the last whole term that starts before the word, and the header before the terms.
  let terms = deal && !wholeDeal ? dealTerms(deal) : [];
  let headerStart = dealStart;
  while (terms.length > 0) {
    const last = lastStartingBefore(terms, wordStart);
    if (!last || terms[0].span.start <= headerStart) break;
    for (const token of lex(headerStart, terms[0].span.start).tokens) headers.push(token);
    from = last.span.start;
    headerStart = from;
    terms = innerTerms(last);
  }
  const near = lex(from, Math.max(from, lineEnd));
  const own = near.tokens.filter(endsBefore);
  // A `deal` keyword read after the deal (a new deal being written after it) starts afresh.
  let restart = -1;
  for (let i = own.length - 1; i >= 0; i--) if (own[i].tokenType === kw('deal')) { restart = i; break; }
  const before = restart >= 0 ? own.slice(restart) : [...headers, ...own];
  return { before, near: near.tokens, nearComments: near.comments };
}

interface Term { span: Span; node: unknown }

/** The terms of a deal's body that start with a keyword of their own, in text order. */
function dealTerms(deal: AnalyzedDeal): Term[] {
  const d = deal.model.deal;
  const terms: Term[] = [
    ...d.fx, ...d.parties, ...d.licenses, ...d.paymentBlocks, ...d.options, ...d.scenarios,
    ...(d.stages ? [d.stages] : []), ...(d.valuation ? [d.valuation] : []),
  ].map((node) => ({ span: node.span, node }));
  return wellPlaced(terms, d.span);
}

/** The terms inside a payments block or a milestone group: its payments or milestones. */
function innerTerms(term: Term): Term[] {
  const node = term.node as { type?: string; payments?: { span: Span }[]; milestones?: { span: Span }[] };
  const list = 'payments' in node && Array.isArray(node.payments) ? node.payments
    : node.type === 'MilestoneGroup' && Array.isArray(node.milestones) ? node.milestones : [];
  return wellPlaced(list.map((n) => ({ span: n.span, node: n })), term.span);
}

/** Terms whose spans are real and inside their parent, in text order, not overlapping. */
function wellPlaced(terms: Term[], parent: Span): Term[] {
  const sorted = terms
    .filter((t) => Number.isFinite(t.span.start) && Number.isFinite(t.span.end) && t.span.start >= parent.start && t.span.end >= t.span.start)
    .sort((a, b) => a.span.start - b.span.start);
  return sorted.filter((t, i) => i === 0 || t.span.start >= sorted[i - 1].span.end);
}

function lastStartingBefore(terms: Term[], offset: number): Term | undefined {
  let found: Term | undefined;
  for (const term of terms) {
    if (term.span.start >= offset) break;
    found = term;
  }
  return found;
}

/** Whether the cursor is inside a string or a comment (offsets as in the document). */
function insideStringOrComment(tokens: IToken[], comments: IToken[], offset: number): boolean {
  const end = (t: IToken) => (t.endOffset ?? t.startOffset) + 1;
  for (const token of tokens) {
    if (token.startOffset >= offset) break;
    if (token.tokenType === UnterminatedString && offset <= end(token)) return true;
    if (token.tokenType !== UnterminatedString && isString(token) && offset < end(token)) return true;
  }
  return comments.some((c) => offset > c.startOffset && (offset < end(c) || (offset === end(c) && c.image.startsWith('//'))));
}

function isString(token: IToken): boolean {
  return (token.tokenType.CATEGORIES ?? []).includes(StringLiteral);
}

function lastDealBefore(document: AnalyzedDocument, offset: number): AnalyzedDeal | undefined {
  return [...document.deals].reverse().find((d) => d.model.deal.span.start <= offset);
}
