// The mistakes deal people make in a .deal file, as seeded edits of a valid one: a misspelt or
// accented name, a party never declared, a headline or cap that disagrees with the terms (or a
// cap too low for its milestones, the headline counting it),
// royalty tiers out of order, an exchange rate or currency missing. And layouts that stress
// where a fix may write: a deal on one line, block comments spanning lines, CRLF, tabs.
import type * as ast from '../../server/src/language/ast';
import { analyzeDealText, type AnalyzedDeal } from '../../server/src/document/analyze';
import { paymentsOf } from '../../server/src/model/deal-walk';
import { indexSymbols } from '../../server/src/features/symbol-index';
import type { Rng } from '../seeded-random';
import { piecesOf } from './mutate';

export type Layout = 'as-written' | 'one-line' | 'block-comments' | 'crlf' | 'tabs';
export const layouts: readonly Layout[] = ['as-written', 'one-line', 'block-comments', 'crlf', 'tabs'];

export function layOut(text: string, layout: Layout, r: Rng): string {
  switch (layout) {
    case 'as-written':
      return text;
    case 'one-line':
      // Every token on one line; line comments become block comments so nothing is swallowed.
      return piecesOf(text).map((p) => (p.image.startsWith('//') ? `/* ${p.image.slice(2).replace(/\*\//g, '* /').trim()} */` : p.image)).join(' ');
    case 'block-comments': {
      // Notes after a few tokens, most running over several lines.
      const pieces = piecesOf(text);
      const at = new Set(Array.from({ length: r.int(1, 4) }, () => r.pick(pieces).end));
      let out = '';
      let from = 0;
      for (const end of [...at].sort((a, b) => a - b)) {
        out += text.slice(from, end) + r.pick([' /* checked against the 8-K\n     (page 3) */', ' /* a note */', '/*\n*/', ' /* see\n   the annex */ ']);
        from = end;
      }
      return out + text.slice(from);
    }
    case 'crlf':
      return text.replace(/\r?\n/g, '\r\n');
    case 'tabs':
      return text.replace(/^( {2})+/gm, (spaces) => '\t'.repeat(spaces.length / 2));
  }
}

export type Mistake = 'misspelt-name' | 'accented-name' | 'accented-party' | 'missing-party' | 'wrong-headline' | 'wrong-cap'
  | 'wrong-cap-counted' | 'tier-order' | 'fx-missing' | 'unknown-currency';
export const mistakes: readonly Mistake[] = ['misspelt-name', 'accented-name', 'accented-party', 'missing-party', 'wrong-headline', 'wrong-cap',
  'wrong-cap-counted', 'tier-order', 'fx-missing', 'unknown-currency'];

interface Edit { span: ast.Span; newText: string }

/** The text with one mistake of this kind made somewhere (unchanged where the deal has no such part). */
export function makeMistake(text: string, mistake: Mistake, r: Rng): string {
  const document = analyzeDealText(text);
  if (document.deals.length === 0) return text;
  const deal = r.pick(document.deals);
  const edits = mistake === 'wrong-cap-counted'
    ? capCountedInHeadline(deal, r)
    : [editFor(text, deal.model.deal, mistake, r, () => indexSymbols(document).symbols.filter((s) => s.kind !== 'deal' && s.kind !== 'currency'))];
  let out = text;
  for (const edit of edits.sort((a, b) => (b?.span.start ?? 0) - (a?.span.start ?? 0))) {
    if (edit && edit.span.end >= edit.span.start) out = out.slice(0, edit.span.start) + edit.newText + out.slice(edit.span.end);
  }
  return out;
}

/** A cap lowered, and the headline with it (the headline counts the cap): the itemized
 * milestones now exceed a cap the headline agrees with. */
function capCountedInHeadline(deal: AnalyzedDeal, r: Rng): (Edit | undefined)[] {
  const { model } = deal;
  const headline = model.deal.headline && model.convert(model.deal.headline);
  const groups = paymentsOf(model.deal).map((p) => p.payment)
    .filter((p): p is ast.MilestoneGroup => p.type === 'MilestoneGroup' && !!p.cap && model.convert(p.cap) !== undefined);
  if (!headline || groups.length === 0) return [];
  const group = r.pick(groups);
  const cap = model.convert(group.cap!)!;
  const lower = cap.div(r.pick([2, 4, 10])).floor();
  return [
    { span: group.cap!.span, newText: lower.toFixed() },
    { span: model.deal.headline!.span, newText: headline.minus(cap).plus(lower).toFixed() },
  ];
}

function editFor(text: string, deal: ast.Deal, mistake: Mistake, r: Rng, symbols: () => { name: string; span: ast.Span; declaration: boolean }[]): Edit | undefined {
  const groups = paymentsOf(deal).map((p) => p.payment).filter((p): p is ast.MilestoneGroup => p.type === 'MilestoneGroup' && !!p.cap);
  const royalties = paymentsOf(deal).map((p) => p.payment).filter((p): p is ast.Royalty => p.type === 'Royalty' && p.tiers.filter((t) => !t.above && t.upTo).length >= 2);
  switch (mistake) {
    case 'misspelt-name': {
      const references = symbols().filter((s) => !s.declaration);
      if (references.length === 0) return undefined;
      const name = r.pick(references);
      return { span: name.span, newText: misspell(name.name, r) };
    }
    case 'accented-name': {
      // A letter added (`Immunéogen`) or given its accent (`Immunögen`).
      const all = symbols();
      if (all.length === 0) return undefined;
      const name = r.pick(all);
      const at = r.int(1, name.name.length);
      const accented = name.name.replace(/[eonc](?!.*[eonc])/, (c) => ({ e: 'é', o: 'ö', n: 'ñ', c: 'ç' })[c]!);
      return { span: name.span, newText: r.chance(0.5) && accented !== name.name ? accented : name.name.slice(0, at) + r.pick(['é', 'ö', 'ñ', 'ç']) + name.name.slice(at) };
    }
    case 'accented-party': {
      // A declaration written with its accent (`party Immunogén`), its uses without.
      const party = deal.parties.find((p) => /[eonc]/.test(p.name.text));
      return party ? { span: party.name.span, newText: party.name.text.replace(/[eonc](?!.*[eonc])/, (c) => ({ e: 'é', o: 'ö', n: 'ñ', c: 'ç' })[c]!) } : undefined;
    }
    case 'missing-party':
      return deal.parties.length > 0 ? { span: r.pick(deal.parties).span, newText: '' } : undefined;
    case 'wrong-headline':
      return deal.headline ? { span: deal.headline.span, newText: r.pick(['$40M', '1M', '999,999', 'EUR 5M', '12.5M USD', '0']) } : undefined;
    case 'wrong-cap':
      return groups.length > 0 ? { span: r.pick(groups).cap!.span, newText: r.pick(['1M', '$2.5M', '100K', 'EUR 3M', '1,000']) } : undefined;
    case 'tier-order': {
      if (royalties.length === 0) return undefined;
      const tiers = r.pick(royalties).tiers.filter((t) => !t.above && t.upTo);
      const i = r.int(0, tiers.length - 2);
      const [a, b] = [tiers[i], tiers[i + 1]];
      const [x, y] = [a.upTo!.span, b.upTo!.span];
      return { span: { start: x.start, end: y.end }, newText: text.slice(y.start, y.end) + text.slice(x.end, y.start) + text.slice(x.start, x.end) };
    }
    case 'fx-missing':
      return deal.fx.length > 0 ? { span: r.pick(deal.fx).span, newText: '' } : undefined;
    case 'unknown-currency': {
      const codes = deal.fx.map((f) => f.from).filter((n) => /^[A-Z]{3}$/.test(n.text));
      return codes.length > 0 ? { span: r.pick(codes).span, newText: r.pick(['EUX', 'eur', 'Eur', 'EURO']) } : undefined;
    }
  }
}

/** A name as people mistype it: a letter dropped, doubled, two swapped, the case changed. */
function misspell(name: string, r: Rng): string {
  const i = r.int(0, name.length - 1);
  switch (r.int(0, 3)) {
    case 0: return name.length > 1 ? name.slice(0, i) + name.slice(i + 1) : `${name}x`;
    case 1: return name.slice(0, i + 1) + name[i] + name.slice(i + 1);
    case 2: return i + 1 < name.length ? name.slice(0, i) + name[i + 1] + name[i] + name.slice(i + 2) : `${name}s`;
    default: return name[0] === name[0].toLowerCase() ? name[0].toUpperCase() + name.slice(1) : name[0].toLowerCase() + name.slice(1);
  }
}
