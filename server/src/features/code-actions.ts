// Quick fixes for the problems the checks report, built from the facts each diagnostic carries
// in `data` (the suggested name, the computed figure, the itemized sum, the currency): correct a
// misspelt name, set the headline or a cap to what the terms add up to, declare a missing
// party, put royalty tiers in order, add the missing `fx` line. A fix is offered only where
// applying it leaves the deal with fewer problems and no syntax error: a name the language
// reads, a figure that then checks clean, a new line inside the deal and outside comments
// (test/fuzz/quick-fixes.test.ts applies every fix offered on fuzzed deals).
import type * as ast from '../language/ast';
import type { AnalyzedDeal, AnalyzedDocument } from '../document/analyze';
import { declarePartyFix, isValidName } from './declare-party-fix';
import type { DealDiagnostic } from '../model/diagnostic';
import { checkHeadline } from '../checks/amounts';
import { paymentsOf } from '../model/deal-walk';
import { exchangeRateFix } from './exchange-rate-fix';
import { negativeAmountFix } from './negative-amount-fix';
import { scaleSource } from '../language/tokens';
import { Money, formatShort } from '../model/money';
import type { TextEdit } from './rename';
import { suggestionFits } from './suggestion-fits';
import { isCounted } from '../model/totals';

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
  // One exchange-rate fix per deal and currency, however many amounts lack the rate.
  const rateFixes = new Map<string, ReturnType<typeof exchangeRateFix>>();
  for (const diagnostic of document.diagnostics) {
    if (diagnostic.span.end < range.start || diagnostic.span.start > range.end) continue;
    const deal = document.deals.find((d) => d.model.deal.span.start <= diagnostic.span.start && diagnostic.span.end <= d.model.deal.span.end);
    if (!deal) continue;
    const add = (title: string, edits: TextEdit[] | undefined, isPreferred = false) => {
      // A fix that would leave the text as it is fixes nothing: not offered.
      if (!edits || edits.length === 0 || edits.every((e) => document.text.slice(e.span.start, e.span.end) === e.newText)) return;
      out.push({ title, kind: 'quickfix', diagnostic, edits, ...(isPreferred ? { isPreferred } : {}) });
    };
    const data = diagnostic.data ?? {};
    // Only a name that can be written in a deal (never one with accents, never a keyword), and
    // one that fits where it goes.
    const suggestion = data.suggestion && isValidName(data.suggestion) && suggestionFits(deal, diagnostic.span, data.suggestion) ? data.suggestion : undefined;
    if (suggestion) {
      add(`Change to '${suggestion}'`, [{ span: diagnostic.span, newText: suggestion }], true);
    }
    if (diagnostic.code === 'unknown-reference') {
      const party = declarePartyFix(document, deal, diagnostic);
      if (party) add(party.title, party.edits, !suggestion);
    }
    if (diagnostic.code === 'headline-mismatch' && data.computed && deal.model.deal.headline) {
      const figure = new Money(data.computed);
      add(`Set the headline to ${formatShort(figure, deal.model.currency)}`, replaceAmount(document, deal, deal.model.deal.headline, figure), true);
    }
    if (diagnostic.code === 'negative-amount') {
      const fix = negativeAmountFix(document, deal, diagnostic);
      if (fix) add(fix.title, fix.edits, true);
    }
    if (diagnostic.code === 'cap-exceeded' && data.itemized) {
      const fix = capFix(document, deal, diagnostic.span, new Money(data.itemized));
      if (fix) add(fix.title, fix.edits, true);
    }
    if (diagnostic.code === 'tiers-not-ascending') add('Sort the royalty tiers by threshold', sortTiers(document, deal, diagnostic.span), true);
    if (diagnostic.code === 'fx-missing' && data.currency) {
      const key = `${document.deals.indexOf(deal)} ${data.currency}`;
      if (!rateFixes.has(key)) rateFixes.set(key, exchangeRateFix(document, deal, data.currency));
      const fix = rateFixes.get(key);
      if (fix) add(fix.title, fix.edits, true);
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

/** The number of an amount as written, with its scale (`36.5M`, `900 million`). */
const writtenNumber = new RegExp(`-?\\d[\\d,_.]*${scaleSource}?(?![A-Za-z0-9_])`);

/** Replaces the number of an amount written in the deal currency (its currency is kept); an
 * amount in another currency is written anew in the deal currency (`USD 36.5M`). */
function replaceAmount(document: AnalyzedDocument, deal: AnalyzedDeal, money: ast.Money, value: Money): TextEdit[] | undefined {
  if (!money.span || money.span.end <= money.span.start) return undefined;
  if (deal.model.currencyOf(money) !== deal.model.currency) {
    return [{ span: money.span, newText: `${deal.model.currency} ${writeAmount(value)}` }];
  }
  const written = document.text.slice(money.span.start, money.span.end);
  const number = writtenNumber.exec(written);
  if (!number) return undefined;
  const start = money.span.start + number.index;
  return [{ span: { start, end: start + number[0].length }, newText: writeAmount(value) }];
}

/** The cap set to the itemized sum; and when the headline agreed with the terms, the headline
 * too (it counts the cap), so the deal still adds up. */
function capFix(document: AnalyzedDocument, deal: AnalyzedDeal, at: ast.Span, itemized: Money): { title: string; edits: TextEdit[] } | undefined {
  const d = deal.model.deal;
  const group = paymentsOf(d).map((p) => p.payment)
    .find((p): p is ast.MilestoneGroup => p.type === 'MilestoneGroup' && p.cap?.span.start === at.start);
  if (!group?.cap) return undefined;
  const cap = replaceAmount(document, deal, group.cap, itemized);
  if (!cap) return undefined;
  const title = `Set the cap to the itemized ${formatShort(itemized, deal.model.currency)}`;
  const headlineAgreed = !document.diagnostics.some((x) => x.code === 'headline-mismatch' && d.headline && x.span.start === d.headline.span.start);
  // The headline counts the cap: raised to the itemized sum, the terms add up to that much more.
  const item = deal.model.payments.find((p) => p.node === group);
  if (!item?.amount) return { title, edits: cap };
  const total = isCounted(item) ? deal.totals.headline.plus(itemized.minus(item.amount)) : deal.totals.headline;
  const mismatch = checkHeadline(deal.model, { ...deal.totals, headline: total })[0];
  if (!headlineAgreed || !mismatch?.data?.computed || !d.headline) return { title, edits: cap };
  const figure = new Money(mismatch.data.computed);
  const headline = replaceAmount(document, deal, d.headline, figure);
  return headline ? { title: `${title} and the headline to ${formatShort(figure, deal.model.currency)}`, edits: [...cap, ...headline] } : undefined;
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
  // Equal or non-positive thresholds stay wrong in any order: the author has to correct them.
  if (bounded.some((b, i) => !b.value!.gt(i === 0 ? 0 : bounded[i - 1].value!))) return undefined;
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
