// Re-analysis after an edit. A portfolio file holds many deals and a keystroke changes one: that
// deal is parsed and checked again on its own, the deals before it are kept as they are, and
// the deals after it are kept and moved by the length the edit added or removed. Whenever the
// edit could change how the rest of the file reads (it touches a deal's first or last token,
// falls between deals, leaves the deal unclosed, opens a comment that runs on, or the file
// already had a syntax error elsewhere), the whole text is analysed as usual.
import type { IToken } from 'chevrotain';
import type { Deal, Span } from '../language/ast';
import { LineMap } from '../language/line-map';
import { hasUnusualCharacter } from '../language/unusual-characters';
import { parseDealText, type ParsedDealFile, type SyntaxProblem } from '../language/parse';
import { moveSpans, moveTreeSpans } from './move-spans';
import { reparseTerm } from './reparse-term';
import { analyzeDeal, analyzeDealText, assembleDocument, type AnalyzedDocument } from './analyze';

/**
 * The analysis of `text`, an edited version of `previous.text`, reusing what the edit did not
 * touch. It equals `analyzeDealText(text)`. `previous` is taken over: the deals it shares with
 * the result are moved in place, so it must not be read afterwards.
 */
export function reanalyzeDealText(previous: AnalyzedDocument, text: string): AnalyzedDocument {
  if (text === previous.text) return previous;
  return reuse(previous, text) ?? analyzeDealText(text);
}

function reuse(previous: AnalyzedDocument, text: string): AnalyzedDocument | undefined {
  const old = previous.text;
  const { prefix, suffix } = commonEnds(old, text);
  const editEnd = old.length - suffix; // end of the replaced text in `old`
  const delta = text.length - old.length;
  const decls = previous.parsed.file.deals;
  const index = dealContaining(decls, prefix, editEnd);
  if (index < 0) return undefined;
  const edited = decls[index].span;
  if (previous.parsed.syntaxErrors.some((e) => e.span.start < edited.start || e.span.end > edited.end)) return undefined;
  if (previous.deals.length !== decls.length) return undefined;

  // Inside a long deal, the term edited is read again alone when it can be (reparse-term.ts), and
  // what the deal's model and checks derived from its other terms is kept. Otherwise the edited
  // deal is parsed alone. It must read as one deal closed by its own last brace, with no error
  // at or after that brace: then the text around it reads exactly as before.
  const term = reparseTerm(decls[index], text, { start: prefix, end: editEnd, delta }, previous.parsed.syntaxErrors);
  const replaced = term?.replaced ?? edited;
  let deal: Deal;
  let syntaxErrors: SyntaxProblem[];
  let newComments: IToken[];
  if (term) {
    // What the deal's checks found after the edit is kept for the terms it concerns (analyze.ts):
    // moved with the tree, in one move, as they share its spans.
    const kept = previous.deals[index].diagnostics.filter((d) => d.span.start >= editEnd).map((d) => d.span);
    if (delta !== 0) moveTreeSpans(term.after, kept, delta);
    deal = term.deal;
    syntaxErrors = term.syntaxErrors;
    newComments = term.comments;
  } else {
    const slice = text.slice(edited.start, edited.end + delta);
    const alone = parseDealText(slice);
    deal = alone.file.deals[0];
    if (alone.file.deals.length !== 1 || deal.span.start !== 0 || deal.span.end !== slice.length) return undefined;
    if (alone.syntaxErrors.some((e) => e.span.end >= slice.length)) return undefined;
    if (alone.comments.some((c) => c.startOffset + c.image.length > slice.length - 1)) return undefined;
    moveSpans([deal], edited.start);
    for (const c of alone.comments) moveToken(c, edited.start);
    syntaxErrors = alone.syntaxErrors.map((e) => ({ message: e.message, span: moved(e.span, edited.start) }));
    newComments = alone.comments;
  }
  const fresh = analyzeDeal(deal, text.slice(deal.span.start, deal.span.end), term ? {
    previous: previous.deals[index],
    replaced: term.replaced,
    tokens: {
      replaced: { start: term.replaced.start - edited.start, end: term.replaced.end - edited.start },
      tokens: term.termTokens.tokens,
      comments: term.termTokens.comments,
      delta,
    },
  } : undefined);

  // The deals after the edit are moved in place: their trees, models, totals, diagnostics and
  // whatever features derived from them (a span shared by several is moved once).
  const after = previous.deals.slice(index + 1);
  if (delta !== 0) moveSpans(after.flatMap((d) => [d.model, d.totals, d.diagnostics]), delta);

  const comments: IToken[] = [];
  for (const c of previous.parsed.comments) if (c.startOffset < replaced.start) comments.push(c);
  for (const c of newComments) comments.push(c);
  for (const c of previous.parsed.comments) {
    if (c.startOffset < replaced.end) continue;
    if (delta !== 0) moveToken(c, delta);
    comments.push(c);
  }

  const deals = [...previous.deals.slice(0, index), fresh, ...after];
  const parsed: ParsedDealFile = {
    text,
    file: { deals: deals.map((d) => d.model.deal), span: { start: 0, end: text.length } },
    syntaxErrors,
    comments,
  };
  // Lines and unusual characters outside the edit are what they were: only the edited stretch
  // is read for them (a character is unusual by itself, whatever stands around it).
  return assembleDocument(parsed, deals, {
    lines: LineMap.afterEdit(previous.lines, text, { start: prefix, end: editEnd, delta }),
    unusualCharacters: previous.unusualCharacters || hasUnusualCharacter(text.slice(prefix, editEnd + delta)),
  });
}

/** Lengths of the longest common prefix and suffix (not overlapping in the shorter text). */
export function commonEnds(a: string, b: string): { prefix: number; suffix: number } {
  // A binary search comparing slices: the engine compares strings far faster than a loop over
  // their characters can (a few milliseconds less per keystroke in a long file). Only the part
  // not yet known equal is compared each time, so the whole costs about one pass.
  const shorter = Math.min(a.length, b.length);
  let prefix = 0;
  let most = shorter;
  while (prefix < most) {
    const mid = (prefix + most + 1) >> 1;
    if (a.slice(prefix, mid) === b.slice(prefix, mid)) prefix = mid;
    else most = mid - 1;
  }
  let suffix = 0;
  most = shorter - prefix;
  while (suffix < most) {
    const mid = (suffix + most + 1) >> 1;
    if (a.slice(a.length - mid, a.length - suffix) === b.slice(b.length - mid, b.length - suffix)) suffix = mid;
    else most = mid - 1;
  }
  return { prefix, suffix };
}

/** The deal whose inside holds the whole edit [start, end): after its first character and before
 * its closing brace. -1 when there is none. */
function dealContaining(deals: Deal[], start: number, end: number): number {
  let low = 0;
  let high = deals.length - 1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    const span = deals[mid].span;
    if (span.end <= start) low = mid + 1;
    else if (span.start >= start) high = mid - 1;
    else return end <= span.end - 1 ? mid : -1;
  }
  return -1;
}

function moved(span: Span, delta: number): Span {
  return { start: span.start + delta, end: span.end + delta };
}

function moveToken(token: { startOffset: number; endOffset?: number }, delta: number): void {
  token.startOffset += delta;
  if (token.endOffset !== undefined) token.endOffset += delta;
}
