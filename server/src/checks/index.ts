// All semantic checks of a deal. Each family of checks lives in its own file and returns
// diagnostics; this file only runs them. Checks never throw on a recovered (partial) tree:
// what the parser could not build is skipped, the syntax error already says why.
import type { DealModel } from '../model/deal-model';
import type { DealDiagnostic } from '../model/diagnostic';
import type { ParsedDealFile } from '../language/parse';
import { shownModel, shownTotals } from '../model/shown-figures';
import { allInCents } from '../model/whole-cents';
import { walkingOnce } from '../model/deal-walk';
import type { DealTotals } from '../model/totals';
import { checkHeadline, checkMilestoneCaps, type CapFindings } from './amounts';
import { checkCharacters } from './characters';
import { checkDuplicateDeals, checkDuplicateNames } from './duplicates';
import { checkPaymentItems } from './payment-items';
import type { CarriedFindings, ItemFindings } from './item-findings';
import type { ItemValues } from '../model/facets';
import type * as ast from '../language/ast';
import { checkNoDeal } from './no-deal';
import { checkClausePlacement } from './clause-placement';
import { checkOptionEffects } from './options';
import { checkPayerAndPayee, checkUnusedParties, type OwnParties, type PartiesOfItem } from './parties';
import { checkPrograms } from './programs';
import { checkShares } from './percents';
import { checkRoyaltyWithProfitShare } from './profit-shares';
import { checkReferences } from './references';
import { checkScenarioCosts } from './costs';
import { checkEconomicsGiven } from './economics-given';
import { checkRoyaltiesAndSalesMilestones } from './royalties';
import { checkScenarios } from './scenarios';
import { checkRepeatedTerms } from './terms';

/** Checks across the whole file (no deal at all, two deals with one name, characters that are
 * not what they seem; none looked for when the text is known to hold none). */
export function checkFile(parsed: ParsedDealFile, unusualCharacters?: boolean): DealDiagnostic[] {
  return [...checkNoDeal(parsed), ...checkDuplicateDeals(parsed.file), ...(unusualCharacters === false ? [] : checkCharacters(parsed))];
}

/** What the checks found per term of a deal, kept with its analysis: after an edit inside one
 * term, the next analysis takes over what concerns the terms it shares (see deal-model.ts). */
export interface TermFindings {
  caps?: CapFindings;
  references?: ItemFindings;
  items?: ItemFindings;
  clauses?: ItemFindings;
  royalties?: ItemFindings;
  payers?: ItemValues<ast.Payment, OwnParties>;
  partiesUsed?: ItemValues<ast.Payment, PartiesOfItem>;
}

/** Every semantic check of one deal. With `findings`, what was found for the terms the model
 * took over from `previous` is taken over too, and what is found is kept in `next`. */
export function checkDeal(model: DealModel, totals: DealTotals, findings?: { previous?: TermFindings; next: TermFindings }): DealDiagnostic[] {
  const deal = model.deal;
  // Caps and the headline are compared as their messages show them: to the cent.
  const shown = allInCents(model) ? model : shownModel(model);
  const carried = <K extends keyof TermFindings>(key: K): CarriedFindings<NonNullable<TermFindings[K]>> | undefined =>
    findings && { previous: findings.previous?.[key] as TermFindings[K] & {} | undefined, keep: (next) => { findings.next[key] = next; } };
  return walkingOnce(deal, () => joined([
    checkReferences(model, carried('references')),
    checkDuplicateNames(model),
    checkPayerAndPayee(deal, carried('payers')),
    checkUnusedParties(deal, carried('partiesUsed')),
    checkRepeatedTerms(model),
    checkMilestoneCaps(shown, carried('caps')),
    // The deal's totals in cents, kept on the model: the hovers and the outline show the same.
    checkHeadline(shown, shown === model ? totals : shownTotals(shown)),
    checkShares(deal),
    checkRoyaltiesAndSalesMilestones(model, carried('royalties')),
    checkScenarios(model),
    checkPrograms(model),
    checkScenarioCosts(model),
    checkEconomicsGiven(model),
    checkOptionEffects(model),
    checkRoyaltyWithProfitShare(model),
    checkPaymentItems(model, carried('items')),
    checkClausePlacement(deal, carried('clauses')),
  ]));
}

/** The checks' findings in one list, in the order of the checks (a long deal has thousands). */
function joined(lists: readonly DealDiagnostic[][]): DealDiagnostic[] {
  const out: DealDiagnostic[] = [];
  for (const list of lists) for (const d of list) out.push(d);
  return out;
}
