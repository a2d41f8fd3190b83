// Figures while a deal has errors. Hovers, CodeLens and the status bar say the same thing, in one
// sentence: the figures are incomplete, and what is left out of the parties' positions. A name
// the terms use that is not a declared party (`payments from Biotets`) is never shown as a party:
// its amounts are left out of the per-party figures and named here instead.
import type Decimal from 'decimal.js';
import { documentFacet, type AnalyzedDeal, type AnalyzedDocument } from '../document/analyze';
import type { DealModel } from '../model/deal-model';
import { formatShort } from '../model/money';
import { shownDeal } from '../model/shown-figures';

/** What a position needs to say what was left out. */
interface Position { receives: Decimal; pays: Decimal }

/** Whether `name` is a party the deal declares. */
export function isParty(model: DealModel, name: string): boolean {
  return model.parties.has(name);
}

/** The positions of declared parties only, in their order. */
export function partyPositions<P>(model: DealModel, positions: ReadonlyMap<string, P>): [string, P][] {
  return [...positions].filter(([name]) => isParty(model, name));
}

/**
 * What the positions hold for names that are not parties, one phrase per name:
 * `$36.5M paid by 'Biotets', not a party`. `quote` writes a name (Markdown escapes it).
 */
export function leftOutOfPositions(model: DealModel, positions: ReadonlyMap<string, Position>, quote: (name: string) => string = plainQuote): string[] {
  const out: string[] = [];
  for (const [name, p] of positions) {
    if (isParty(model, name)) continue;
    const money = (value: Decimal) => formatShort(value, model.currency);
    const flows = [
      p.pays.isZero() ? undefined : `${money(p.pays)} paid by`,
      p.receives.isZero() ? undefined : `${money(p.receives)} received by`,
    ].filter(Boolean);
    out.push(`${flows.length ? `${flows.join(' and ')} ` : ''}${quote(name)}, not a party`);
  }
  return out;
}

const plainQuote = (name: string) => `'${name}'`;

/** Errors inside each deal of the document (syntax errors and the deal's own findings). */
const errorsPerDeal = documentFacet((document: AnalyzedDocument): Map<AnalyzedDeal, number> => {
  const counts = new Map<AnalyzedDeal, number>();
  const errors = document.diagnostics.filter((d) => d.severity === 'error');
  let next = 0;
  for (const deal of document.deals) {
    const span = deal.model.deal.span;
    while (next < errors.length && errors[next].span.start < span.start) next++;
    let count = 0;
    for (let i = next; i < errors.length && errors[i].span.start <= span.end; i++) count++;
    if (count) counts.set(deal, count);
  }
  return counts;
});

export function errorsInDeal(document: AnalyzedDocument, deal: AnalyzedDeal): number {
  return errorsPerDeal(document).get(deal) ?? 0;
}

/**
 * `Figures incomplete: 1 error in the deal — $36.5M paid by 'Biotets', not a party`, while the
 * deal has errors; undefined when it has none.
 */
export function incompleteFigures(document: AnalyzedDocument, deal: AnalyzedDeal, quote: (name: string) => string = plainQuote): string | undefined {
  const errors = errorsInDeal(document, deal);
  if (!errors) return undefined;
  const { model, totals } = shownDeal(deal);
  const leftOut = leftOutOfPositions(model, totals.parties, quote);
  return `Figures incomplete: ${errors} error${errors === 1 ? '' : 's'} in the deal${leftOut.length ? ` — ${leftOut.join('; ')}` : ''}`;
}
