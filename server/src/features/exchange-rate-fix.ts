// The quick fix for an amount in a currency the deal gives no rate for: an `fx` line after the
// deal's rates (else its currency line). When the deal states a headline and this is the only
// rate missing, the rate is the one at which the terms add up to that headline (announcements
// convert at one rate: 1.1, not 1.0999…); else a rate of 1 for the author to set.
import type Decimal from 'decimal.js';
import type * as ast from '../language/ast';
import type { AnalyzedDeal, AnalyzedDocument } from '../document/analyze';
import { insertDealLine } from './deal-line-insertion';
import { lastDealLine } from './declare-party-fix';
import { buildDealModel } from '../model/deal-model';
import { checkFxRates } from '../checks/amounts';
import { isRead } from '../model/deal-walk';
import { Money } from '../model/money';
import type { TextEdit } from './rename';
import { rollupDeal } from '../model/totals';

export function exchangeRateFix(document: AnalyzedDocument, deal: AnalyzedDeal, currency: string): { title: string; edits: TextEdit[] } | undefined {
  const d = deal.model.deal;
  const to = deal.model.currency;
  const anchor = lastDealLine(d, ['fx', 'currency']);
  const rate = rateOfHeadline(deal, currency);
  const line = rate
    ? `fx ${currency} = ${rate.toFixed()} ${to}  // the rate at which the terms add up to the headline`
    : `fx ${currency} = 1 ${to}  // set the rate the deal uses`;
  const edit = insertDealLine(document, d, anchor, line);
  if (!edit) return undefined;
  const title = rate ? `Add the exchange rate the headline implies: fx ${currency} = ${rate.toFixed()} ${to}` : `Add an exchange rate line: fx ${currency} = … ${to}`;
  return { title, edits: [edit] };
}

/** The rate that makes the terms add up to the headline, if there is one a deal would state
 * (positive, at most 6 decimals) and no other rate is missing. The terms are linear in the
 * rate: without it they add up to the current total, at a rate of 1 to one more model's. */
function rateOfHeadline(deal: AnalyzedDeal, currency: string): Decimal | undefined {
  const headline = deal.model.deal.headline;
  if (!headline || !isRead(headline)) return undefined;
  const declared = deal.model.convert(headline);
  if (declared === undefined) return undefined;
  if (checkFxRates(deal.model).some((d) => d.data?.currency !== currency)) return undefined;
  const nowhere = { start: deal.model.deal.span.start, end: deal.model.deal.span.start };
  const fx: ast.FxRate = { from: { text: currency, span: nowhere }, rate: new Money(1), to: { text: deal.model.currency, span: nowhere }, span: nowhere, rateSpan: nowhere };
  const atOne = rollupDeal(buildDealModel({ ...deal.model.deal, fx: [...deal.model.deal.fx, fx] })).headline;
  const without = deal.totals.headline;
  const perUnit = atOne.minus(without);
  if (perUnit.isZero()) return undefined;
  const rate = declared.minus(without).div(perUnit);
  if (!rate.isPositive() || rate.isZero() || rate.decimalPlaces() > 6) return undefined;
  return without.plus(perUnit.times(rate)).eq(declared) ? rate : undefined;
}
