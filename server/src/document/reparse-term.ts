// Re-reading one term of a long deal after an edit inside it. A deal of thousands of payments
// changes by one keystroke in one of them: that payment (or milestone, or party, option,
// scenario…) is read again on its own, by the rule that reads it inside the deal, and put in
// place of the old one in a new tree of the deal. The nodes the edit did not touch are shared
// with the old tree, those after it moved by the length the edit added or removed.
//
// The term is read alone only where that reads exactly as reading the whole deal would: the edit
// lies strictly inside the term (its first and last characters are kept), the term stands between
// spaces or braces, it reads as exactly that one term up to its end with no syntax error and no
// comment or quoted text running past it, and the token after it cannot continue it. (A term with a
// syntax error is read with the whole deal; once corrected, it is read alone again.) Otherwise
// the next term out is tried, and at the deal itself the caller reads the whole deal again.
import type { IToken } from 'chevrotain';
import type * as ast from '../language/ast';
import { lexDealText, withoutStackTraces, type SyntaxProblem } from '../language/parse';
import { dealParser, emptyDeal, type TermRule } from '../language/parser';
import { moveSpans } from './move-spans';

/** An edit in old-text offsets: [start, end) was replaced, and the text grew by `delta`. */
export interface TextEdit { start: number; end: number; delta: number }

export interface ReparsedDeal {
  deal: ast.Deal;
  /** The old term's span (old offsets): what was read again. */
  replaced: ast.Span;
  /** Syntax errors and comments of the term read again, in new-text offsets. */
  syntaxErrors: SyntaxProblem[];
  comments: IToken[];
  /** The term's tokens and comments as lexed alone, in offsets from the term's start. */
  termTokens: { tokens: IToken[]; comments: IToken[] };
  /** What lies after the edit in the old tree, shared by the new one: to be moved by the edit's
   * length (with whatever else shares its spans, in one `moveSpans`). */
  after: unknown[];
}

/** The lists whose items are read alone, by the field that holds them, below the deal's own
 * terms (every list of a deal holds terms read by `dealItem`). */
const nestedTerms: Record<string, TermRule> = { payments: 'payment', milestones: 'milestone' };

/** Where a term lies: the node holding it, the list field and index in that node, and its rule. */
interface Place { holder: Record<string, unknown>; field: string; index: number; node: Node; rule: TermRule }
type Node = { span: ast.Span } & Record<string, unknown>;

/**
 * The deal with the term holding `edit` read again from `text` (the new text), or undefined
 * when no term can be read alone. `dealErrors` are the deal's syntax errors before the edit:
 * the term is read alone only when they all lie inside it (an error elsewhere may have been
 * recovered from differently).
 */
export function reparseTerm(deal: ast.Deal, text: string, edit: TextEdit, dealErrors: readonly SyntaxProblem[]): ReparsedDeal | undefined {
  const path = placesOf(deal, edit);
  for (let depth = path.length - 1; depth >= 0; depth--) {
    const place = path[depth];
    const old = place.node.span;
    if (dealErrors.some((e) => e.span.start < old.start || e.span.end > old.end)) continue;
    const read = readAlone(place, text, edit);
    // A syntax error inside the term is inside every term around it too: the deal is read whole.
    if (read === 'broken') return undefined;
    if (!read) continue;
    const roots: unknown[] = [];
    const spliced = splice(deal as unknown as Node, path, 0, depth, read.node, edit, roots);
    return { deal: spliced as unknown as ast.Deal, replaced: old, syntaxErrors: read.syntaxErrors, comments: read.comments, termTokens: read.termTokens, after: roots };
  }
  return undefined;
}

/** The terms holding the edit strictly inside, outermost first. */
function placesOf(deal: ast.Deal, edit: TextEdit): Place[] {
  const path: Place[] = [];
  let holder = deal as unknown as Record<string, unknown>;
  let fields: [string, TermRule][] = Object.keys(holder).filter((f) => f !== 'repeated').map((f) => [f, 'dealItem']);
  for (;;) {
    let found: Place | undefined;
    for (const [field, rule] of fields) {
      const list = holder[field];
      if (!Array.isArray(list)) continue;
      const index = termHolding(list, edit);
      if (index >= 0) { found = { holder, field, index, node: list[index] as Node, rule }; break; }
    }
    if (!found) return path;
    path.push(found);
    holder = found.node;
    fields = Object.keys(holder).filter((f) => Object.hasOwn(nestedTerms, f)).map((f) => [f, nestedTerms[f]]);
  }
}

/** The index of the item of a list (in text order) that holds [start, end) after its first and
 * before its last character, or -1. */
function termHolding(list: unknown[], edit: TextEdit): number {
  let low = 0;
  let high = list.length - 1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    const span = (list[mid] as Partial<Node> | undefined)?.span;
    if (!span || typeof span.start !== 'number') return -1;
    if (span.end <= edit.start) low = mid + 1;
    else if (span.start >= edit.start) high = mid - 1;
    else return edit.end <= span.end - 1 ? mid : -1;
  }
  return -1;
}

const space = /\s/;
const edge = (char: string | undefined) => char === undefined || space.test(char) || char === '{' || char === '}';

/** The term at `place` read alone from the new text, in new-text offsets, or undefined when
 * reading it alone might read differently from reading the deal. */
function readAlone(place: Place, text: string, edit: TextEdit):
  { node: Node; syntaxErrors: SyntaxProblem[]; comments: IToken[]; termTokens: ReparsedDeal['termTokens'] } | 'broken' | undefined {
  const start = place.node.span.start;
  const end = place.node.span.end + edit.delta; // the term's end in the new text
  if (!edge(text[start - 1]) || !edge(text[end])) return undefined;
  // The token after the term, which the parser looks at to know the term has ended (past spaces
  // and closed comments).
  let next = end;
  for (;;) {
    while (next < text.length && space.test(text[next])) next++;
    if (text.startsWith('//', next)) next = lineEnd(text, next);
    else if (text.startsWith('/*', next)) {
      const close = text.indexOf('*/', next + 2);
      if (close < 0) return undefined;
      next = close + 2;
    } else break;
  }
  if (next >= text.length || text[next] === '"') return undefined;
  let after = next + 1;
  if (text[next] !== '{' && text[next] !== '}') while (after < text.length && after - next < 200 && !/[\s{}"/]/.test(text[after])) after++;

  const source = text.slice(start, after);
  const length = end - start;
  const lexed = lexDealText(source);
  if (lexed.syntaxErrors.some((e) => e.span.end <= length)) return 'broken';
  if (lexed.syntaxErrors.length > 0) return undefined;
  if (lexed.comments.some((c) => c.startOffset < length && c.startOffset + c.image.length >= length)) return undefined;
  const following = lexed.tokens.filter((t) => t.startOffset >= length);
  if (following.length !== 1 || lexed.tokens.some((t) => t.startOffset < length && (t.endOffset ?? 0) >= length)) return undefined;

  const parser = dealParser();
  parser.input = lexed.tokens;
  const into = emptyDeal(0);
  const result = withoutStackTraces(() => parser.readTerm(place.rule, into));
  const errors = parser.errors;
  const structure = parser.structureErrors;
  parser.input = [];
  // A term with a syntax error of its own is not read alone: how the parser recovers from it
  // depends on the rules around the term (what may follow each of them), and alone there are none.
  // (Only tokens left over inside it say that the term has grown: the term around may read it.)
  if (errors.some((e) => e.name !== 'NotAllInputParsedException')) return 'broken';
  if (errors.length > 1) return undefined;
  // The one error is on the token after the term: the term has ended there.
  const last = errors[errors.length - 1];
  if (structure.length > 0 || !last || last.name !== 'NotAllInputParsedException' || last.token !== following[0]) return undefined;

  const node = place.rule === 'dealItem' ? onlyTerm(into, place.field) : result as Node | undefined;
  if (!node || typeof node !== 'object' || !node.span || node.span.start !== 0 || node.span.end !== length) return undefined;
  moveSpans([node], start);
  const comments = lexed.comments.filter((c) => c.startOffset < length);
  const termTokens = { tokens: lexed.tokens.filter((t) => t.startOffset < length), comments: comments.map((c) => ({ ...c })) };
  for (const c of comments) { c.startOffset += start; if (c.endOffset !== undefined) c.endOffset += start; }
  return { node, syntaxErrors: [], comments, termTokens };
}

/** The one term `dealItem` wrote into a fresh deal, when it is one item of the list `field` and
 * the deal holds nothing else. */
function onlyTerm(deal: ast.Deal, field: string): Node | undefined {
  const fresh = emptyDeal(0) as unknown as Record<string, unknown>;
  const read = deal as unknown as Record<string, unknown>;
  for (const key of Object.keys(read)) {
    const value = read[key];
    if (key === field) continue;
    if (Array.isArray(value) ? value.length > 0 : value !== fresh[key] && key !== 'name' && key !== 'span') return undefined;
  }
  const list = read[field];
  return Array.isArray(list) && list.length === 1 ? list[0] as Node : undefined;
}

/**
 * A copy of `node` (at `path[depth]`'s holder) with the term at `path[last]` replaced by `term`:
 * the nodes on the way down are copied, with their ends moved; everything after the edit that is
 * not on the way is collected in `roots` to be moved; everything before it is shared.
 */
function splice(node: Node, path: Place[], depth: number, last: number, term: Node, edit: TextEdit, roots: unknown[]): Node {
  const place = path[depth];
  const copy: Node = { ...node, span: { start: node.span.start, end: node.span.end + edit.delta } };
  for (const key of Object.keys(node)) {
    if (key === 'span' || key === place.field) continue;
    collectAfter(node[key], edit.end, roots);
  }
  const list = (node[place.field] as Node[]).slice();
  list[place.index] = depth === last ? term : splice(list[place.index], path, depth + 1, last, term, edit, roots);
  for (let i = place.index + 1; i < list.length; i++) roots.push(list[i]);
  copy[place.field] = list;
  return copy;
}

/** What lies at or after `end` in a value of a node: a span, a node, or the items of a list. */
function collectAfter(value: unknown, end: number, roots: unknown[]): void {
  if (typeof value !== 'object' || value === null) return;
  if (Array.isArray(value)) {
    for (const item of value) collectAfter(item, end, roots);
    return;
  }
  const record = value as Partial<Node> & { start?: unknown };
  const start = typeof record.start === 'number' ? record.start : record.span?.start;
  if (typeof start === 'number' && start >= end) roots.push(value);
}

function lineEnd(text: string, at: number): number {
  const match = /[\r\n\u2028\u2029\u0085]/g;
  match.lastIndex = at;
  return match.exec(text)?.index ?? text.length;
}
