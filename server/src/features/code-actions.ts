// Quick fixes for the problems the checks report, built from the facts each diagnostic carries
// in `data` (the suggested name, the computed figure, the itemized sum, the currency): correct a
// misspelt name, set the headline or a cap to what the terms add up to, declare a missing
// party, put royalty tiers in order, add the missing `fx` line.
import type * as ast from '../language/ast';
import type { AnalyzedDeal, AnalyzedDocument } from '../document/analyze';
import type { DealDiagnostic } from '../checks/diagnostic';
import { paymentsOf } from '../model/deal-walk';
import { Money, formatShort } from '../model/money';
import { indexSymbols } from './symbol-index';
import type { TextEdit } from './rename';

export interface DealCodeAction {
  title: string;
  kind: 'quickfix';
  diagnostic: DealDiagnostic;
  edits: TextEdit[];
  isPreferred?: boolean;
}

/** Every quick fix for the diagnostics that touch `range`. */
export function findCodeActions(document: AnalyzedDocument, range: ast.Span): DealCodeAction[] {
  const out: DealCodeAction[] = [];
  for (const diagnostic of document.diagnostics) {
    if (diagnostic.span.end < range.start || diagnostic.span.start > range.end) continue;
    const deal = document.deals.find((d) => d.model.deal.span.start <= diagnostic.span.start && diagnostic.span.end <= d.model.deal.span.end);
    if (!deal) continue;
    const add = (title: string, edits: TextEdit[] | undefined, isPreferred = false) => {
      if (edits && edits.length > 0) out.push({ title, kind: 'quickfix', diagnostic, edits, ...(isPreferred ? { isPreferred } : {}) });
    };
    const data = diagnostic.data ?? {};
    if (data.suggestion) {
      add(`Change to '${data.suggestion}'`, [{ span: diagnostic.span, newText: data.suggestion }], true);
    }
    if (diagnostic.code === 'unknown-reference') {
      const party = missingParty(document, deal, diagnostic);
      if (party) add(`Declare party '${party.name}'`, [party.edit], !data.suggestion);
    }
    if (diagnostic.code === 'headline-mismatch' && data.computed && deal.model.deal.headline) {
      const figure = new Money(data.computed);
      add(`Set the headline to ${formatShort(figure, deal.model.currency)}`, replaceAmount(document, deal, deal.model.deal.headline, figure), true);
    }
    if (diagnostic.code === 'cap-exceeded' && data.itemized) {
      const group = paymentsOf(deal.model.deal).map((p) => p.payment)
        .find((p): p is ast.MilestoneGroup => p.type === 'MilestoneGroup' && p.cap?.span.start === diagnostic.span.start);
      const figure = new Money(data.itemized);
      if (group?.cap) add(`Set the cap to the itemized ${formatShort(figure, deal.model.currency)}`, replaceAmount(document, deal, group.cap, figure), true);
    }
    if (diagnostic.code === 'tiers-not-ascending') add('Sort the royalty tiers by threshold', sortTiers(document, deal, diagnostic.span), true);
    if (diagnostic.code === 'fx-missing' && data.currency) {
      const line = `fx ${data.currency} = 1 ${deal.model.currency}  // set the rate the deal uses`;
      add(`Add an exchange rate line: fx ${data.currency} = … ${deal.model.currency}`, [insertLineAfter(document, lastDealLine(deal, ['fx', 'currency']), line)], true);
    }
  }
  return out;
}

/** The figure written the way deal people write it: `36.5M`, `1.2B`, `250K`, else in full. */
export function writeAmount(value: Money): string {
  for (const [scale, suffix] of [['1e9', 'B'], ['1e6', 'M'], ['1e3', 'K']] as const) {
    const scaled = value.div(scale);
    if (value.abs().gte(scale) && scaled.decimalPlaces() <= 3) return `${scaled.toFixed()}${suffix}`;
  }
  return value.toFixed();
}

/** Replaces the number of an amount written in the deal currency (its currency is kept). */
function replaceAmount(document: AnalyzedDocument, deal: AnalyzedDeal, money: ast.Money, value: Money): TextEdit[] | undefined {
  if (deal.model.currencyOf(money) !== deal.model.currency) return undefined;
  const written = document.text.slice(money.span.start, money.span.end);
  const number = /-?\d[\d,_.]*(?:K|M|B|bn)?/.exec(written);
  if (!number) return undefined;
  const start = money.span.start + number.index;
  return [{ span: { start, end: start + number[0].length }, newText: writeAmount(value) }];
}

function missingParty(document: AnalyzedDocument, deal: AnalyzedDeal, diagnostic: DealDiagnostic): { name: string; edit: TextEdit } | undefined {
  const symbol = indexSymbols(document).symbols.find((s) => s.span.start === diagnostic.span.start && s.span.end === diagnostic.span.end);
  if (!symbol || symbol.namespace !== 'party') return undefined;
  const role = roleFromUse(deal.model.deal, symbol.span);
  const anchor = deal.model.deal.parties.length > 0
    ? deal.model.deal.parties[deal.model.deal.parties.length - 1].span
    : lastDealLine(deal, ['headline', 'fx', 'source', 'announced', 'effective', 'signed', 'currency']);
  return { name: symbol.name, edit: insertLineAfter(document, anchor, `party ${symbol.name} "${symbol.name}" ${role}`) };
}

/** The role its first use suggests: a grantor or payee is usually the licensor, a grantee or
 * payer the licensee. */
function roleFromUse(deal: ast.Deal, span: ast.Span): string {
  const at = (name: ast.Name | undefined) => name?.span.start === span.start;
  if (deal.licenses.some((l) => at(l.from))) return 'licensor';
  if (deal.licenses.some((l) => at(l.to))) return 'licensee';
  const payers = [...deal.paymentBlocks, ...paymentsOf(deal).map((p) => p.payment)];
  if (payers.some((p) => at(p.from))) return 'licensee';
  if (payers.some((p) => at(p.to))) return 'licensor';
  return 'collaborator';
}

/** Where a new deal-level line goes: after the last of these lines present, else after `{`. */
function lastDealLine(deal: AnalyzedDeal, after: ('fx' | 'currency' | 'headline' | 'source' | 'announced' | 'effective' | 'signed')[]): ast.Span {
  const d = deal.model.deal;
  const spans: Record<string, ast.Span | undefined> = {
    fx: d.fx[d.fx.length - 1]?.span, currency: d.currency?.span, headline: d.headline?.span, source: d.source?.span,
    announced: d.announced?.span, effective: d.effective?.span, signed: d.signed?.span,
  };
  for (const line of after) if (spans[line]) return spans[line]!;
  return { start: d.name.span.end, end: d.title?.span.end ?? d.name.span.end };
}

/** A new line after the line holding `span`, indented like it (or one level in, after a `{`). */
function insertLineAfter(document: AnalyzedDocument, span: ast.Span, line: string): TextEdit {
  const text = document.text;
  let end = span.end;
  while (end < text.length && text[end] !== '\n' && text[end] !== '\r') end++;
  const lineStart = text.lastIndexOf('\n', span.start - 1) + 1;
  const indent = /^[ \t]*/.exec(text.slice(lineStart))![0];
  const opensBlock = text.slice(span.end, end).trimEnd().endsWith('{');
  return { span: { start: end, end }, newText: `\n${opensBlock ? `${indent}  ` : indent}${line}` };
}

/** The tiers of the royalty the diagnostic is in, by threshold, `above` last. */
function sortTiers(document: AnalyzedDocument, deal: AnalyzedDeal, at: ast.Span): TextEdit[] | undefined {
  const royalty = paymentsOf(deal.model.deal).map((p) => p.payment)
    .find((p): p is ast.Royalty => p.type === 'Royalty' && !!p.tiersSpan && p.tiersSpan.start <= at.start && at.end <= p.tiersSpan.end);
  if (!royalty || royalty.tiers.length < 2) return undefined;
  const above = royalty.tiers.filter((t) => t.above);
  if (above.length > 1) return undefined;
  const bounded = royalty.tiers.filter((t) => !t.above).map((tier) => ({ tier, value: tier.upTo && deal.model.convert(tier.upTo) }));
  if (bounded.some((b) => b.value === undefined)) return undefined;
  bounded.sort((a, b) => a.value!.comparedTo(b.value!));
  const ordered = [...bounded.map((b) => b.tier), ...above];
  const text = document.text;
  const separator = text.slice(royalty.tiers[0].span.end, royalty.tiers[1].span.start);
  // Comments between tiers would lose their place: leave such a list to the author.
  const gaps = royalty.tiers.slice(1).map((t, i) => text.slice(royalty.tiers[i].span.end, t.span.start));
  if (gaps.some((gap) => gap.trim() !== '')) return undefined;
  const first = royalty.tiers[0].span.start;
  const last = royalty.tiers[royalty.tiers.length - 1].span.end;
  const newText = ordered.map((t) => text.slice(t.span.start, t.span.end)).join(separator);
  return newText === text.slice(first, last) ? undefined : [{ span: { start: first, end: last }, newText }];
}
