// Completion that knows where the cursor is. The keywords come from the grammar itself: the
// parser is asked which tokens may follow the text before the cursor (Chevrotain's content
// assist over the `dealFile` rule), so a new keyword or clause is offered without a hand list.
// Where the grammar expects a name, the rule and the occurrence that consume it say which
// kind: a party after `from`, a stage after `at`, a group after `forfeit unearned`…
import type { IToken, TokenType } from 'chevrotain';
import type { Span } from '../language/ast';
import { isoCurrencyCodes } from '../language/currencies';
import { dealParser } from '../language/parser';
import { dealLexer, Identifier, kw, StringLiteral, UnterminatedString } from '../language/tokens';
import { visibleText } from '../language/unusual-characters';
import { dealAt, type AnalyzedDeal, type AnalyzedDocument } from './analyze';
import { dealNameTables } from './names';
import { snippetsFor } from './completion-snippets';

export type CompletionKind =
  | 'keyword' | 'party' | 'stage' | 'payment' | 'group' | 'option' | 'currency' | 'role'
  | 'territory' | 'measure' | 'snippet';

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
}

/** What fills a name slot of a rule, by the occurrence index of its `Identifier` (undefined: a
 * new name, where nothing can be offered). */
type Slot = 'party' | 'stage' | 'newStage' | 'payment' | 'group' | 'option' | 'currency' | 'role' | 'territory' | 'measure';
const nameSlots: Record<string, (Slot | undefined)[]> = {
  deal: [undefined, 'currency', 'stage'],
  dealItem: [undefined, 'currency', 'stage'],
  fxRate: ['currency', 'currency'],
  party: [undefined, 'role', 'role'],
  stageList: ['newStage'],
  license: [undefined, 'party', 'party'],
  paymentBlock: ['party', 'party'],
  milestoneGroup: ['stage'],
  salesMilestone: ['measure'],
  royalty: ['measure'],
  paymentClauses: ['stage', 'party', 'party'],
  optionDecl: [undefined, 'party'],
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
  party: '0', stage: '0', payment: '0', group: '0', option: '0', role: '0', measure: '0', territory: '1',
  keyword: '2', snippet: '3', currency: '4',
};

export function doComplete(document: AnalyzedDocument, offset: number): DealCompletion[] {
  const text = document.text;
  const deal = dealAt(document, offset) ?? lastDealBefore(document, offset);
  // Only the text from the deal's start to the end of the cursor's line is read: in a long
  // portfolio file, lexing it all on every keystroke would cost more than the answer.
  const from = deal?.model.deal.span.start ?? 0;
  const lineEnd = text.indexOf('\n', offset);
  const lexed = dealLexer.tokenize(text.slice(from, lineEnd < 0 ? text.length : lineEnd));
  if (insideStringOrComment(lexed.tokens, lexed.groups.comments ?? [], offset - from)) return [];
  const span = wordAround(text, offset);
  const before = tokensOfDealBefore(lexed.tokens, span.start - from);

  let paths: ReturnType<ReturnType<typeof dealParser>['computeContentAssist']>;
  try {
    paths = dealParser().computeContentAssist('dealFile', before);
  } catch {
    return [];
  }
  const out: DealCompletion[] = [];
  const seen = new Set<string>();
  const add = (label: string, kind: CompletionKind, detail?: string, insertText = label, snippet = false) => {
    const key = `${kind}:${label}`;
    if (seen.has(key)) return;
    seen.add(key);
    out.push({ label, kind, ...(detail ? { detail } : {}), insertText, snippet, span, sortText: `${sortOrder[kind]}${label}` });
  };
  for (const path of paths) {
    // Terms after a deal's closing brace are only parsed there to recover from a stray `}`.
    if (path.ruleStack.includes('afterDeal')) continue;
    const keyword = keywordOf(path.nextTokenType);
    if (keyword) {
      add(keyword, 'keyword');
      for (const snippet of snippetsFor(keyword, deal?.model)) add(snippet.label, 'snippet', snippet.detail, snippet.body, true);
    } else if (path.nextTokenType === Identifier) {
      const rule = path.ruleStack[path.ruleStack.length - 1];
      const slot = nameSlots[rule]?.[path.nextTokenOccurrence];
      if (slot) for (const [label, kind, detail] of namesFor(slot, deal)) add(label, kind, detail);
    }
  }
  return out;
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
      return names.payments.map((p) => [p, names.groups.includes(p) ? 'group' : 'payment', model.paymentsByName.get(p)?.kind]);
    case 'group':
      return names.groups.map((g) => [g, 'group', 'milestone group']);
    case 'option':
      return names.options.map((o) => [o, 'option', shownTitle(model.options.get(o)?.title)]);
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

/** The tokens before `offset`, from the start of the deal they belong to: the grammar's
 * `dealFile` is a list of deals, so the last deal's tokens alone give the same answer. */
function tokensOfDealBefore(tokens: IToken[], offset: number): IToken[] {
  const before = tokens.filter((t) => (t.endOffset ?? t.startOffset) + 1 <= offset);
  const dealKeyword = kw('deal');
  let from = 0;
  for (let i = before.length - 1; i >= 0; i--) {
    if (before[i].tokenType === dealKeyword) { from = i; break; }
  }
  return before.slice(from);
}

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
