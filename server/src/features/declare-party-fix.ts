// The quick fix for a party that is named but never declared: a `party` line after the last
// party (else after the deal's dates and figures), with the role its first use suggests. A
// name written with accents (`ImmunéoGen`) is declared without them (`ImmuneoGen`, titled
// "ImmunéoGen") and its uses are rewritten to match: names are ASCII, titles take any letter.
// Where the declaration is the one with accents (`party Immunogén`, used as `Immunogen`), the
// fix corrects the declaration and its uses instead.
import type * as ast from '../language/ast';
import { keywordNames } from '../language/tokens';
import type { AnalyzedDeal, AnalyzedDocument } from '../document/analyze';
import { insertDealLine } from './deal-line-insertion';
import type { DealDiagnostic } from '../model/diagnostic';
import { paymentsOf } from '../model/deal-walk';
import type { TextEdit } from './rename';
import { indexSymbols } from './symbol-index';

const identifier = /^[A-Za-z_][A-Za-z0-9_]*$/;
const keywords: ReadonlySet<string> = new Set(keywordNames);

/** Whether `name` can be written as a name in a deal (not a keyword, ASCII letters, digits, _). */
export function isValidName(name: string): boolean {
  return identifier.test(name) && !keywords.has(name);
}

/** The name without accents (`ImmunéoGen` → `ImmuneoGen`), if that leaves a valid name. */
export function asciiName(written: string): string | undefined {
  const name = written.normalize('NFD').replace(/\p{M}/gu, '').replace(/ß/g, 'ss').replace(/[^A-Za-z0-9_]/g, '');
  return isValidName(name) ? name : undefined;
}

export function declarePartyFix(document: AnalyzedDocument, deal: AnalyzedDeal, diagnostic: DealDiagnostic): { title: string; edits: TextEdit[] } | undefined {
  const symbols = indexSymbols(document).symbols;
  const symbol = symbols.find((s) => s.span.start === diagnostic.span.start && s.span.end === diagnostic.span.end);
  if (!symbol || symbol.namespace !== 'party' || symbol.declaration) return undefined;
  const written = symbol.name;
  const name = asciiName(written);
  const d = deal.model.deal;
  if (!name || d.parties.some((p) => p.name.text === name)) return undefined;
  // `party Immunogén` used as `Immunogen`: the declaration is the one to correct, with its uses.
  const accented = d.parties.find((p) => p.name.text !== name && asciiName(p.name.text) === name);
  if (accented) {
    const same = symbols.filter((s) => s.deal === symbol.deal && s.namespace === 'party' && (s.name === accented.name.text || s.name === written));
    return { title: `Change party '${accented.name.text}' to '${name}'`, edits: same.map((s) => ({ span: s.span, newText: name })) };
  }
  const anchor = d.parties.length > 0
    ? d.parties[d.parties.length - 1].span
    : lastDealLine(d, ['headline', 'fx', 'source', 'announced', 'effective', 'signed', 'currency']);
  const declaration = insertDealLine(document, d, anchor, `party ${name} "${written}" ${roleFromUse(d, symbol.span)}`);
  if (!declaration) return undefined;
  if (name === written) return { title: `Declare party '${name}'`, edits: [declaration] };
  const uses = symbols.filter((s) => s.deal === symbol.deal && s.namespace === 'party' && !s.declaration && s.name === written);
  return {
    title: `Declare party '${name}', titled "${written}"`,
    edits: [declaration, ...uses.map((s) => ({ span: s.span, newText: name }))],
  };
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

type DealLine = 'fx' | 'currency' | 'headline' | 'source' | 'announced' | 'effective' | 'signed';

/** The first of these deal lines the deal has (undefined: none, a new line goes after the `{`). */
export function lastDealLine(d: ast.Deal, after: DealLine[]): ast.Span | undefined {
  const spans: Record<DealLine, ast.Span | undefined> = {
    fx: d.fx[d.fx.length - 1]?.span, currency: d.currency?.span, headline: d.headline?.span, source: d.source?.span,
    announced: d.announced?.span, effective: d.effective?.span, signed: d.signed?.span,
  };
  for (const line of after) if (spans[line]) return spans[line];
  return undefined;
}
