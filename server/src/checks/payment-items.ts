// The checks that look at one payment at a time: amounts too large, too fine or below zero,
// amounts with no exchange rate, dates that are not dates or come before signing, percentages out
// of range, and funding that runs for centuries. They run on what the deal says outside its payment blocks'
// items, and on each item (a payment, or a milestone group with its milestones). What each item
// gave is kept with the deal's analysis: after an edit inside one item of a long deal, the other
// items are not checked again, as long as what they are checked against (the deal currency, its
// exchange rates, its signing date) stands.
import type * as ast from '../language/ast';
import type { DealModel } from '../model/deal-model';
import type { DealDiagnostic } from '../model/diagnostic';
import { partsOfPaymentItem, partsOutsidePaymentItems, paymentBlocksInOrder } from '../model/deal-walk';
import { unconvertedAmounts } from './amounts';
import { dateFormats, datesBeforeSigning } from './dates';
import { amountMagnitudes, fundingYears, fxRateMagnitudes } from './magnitudes';
import { negativeAmounts, paymentPaying } from './negative-amounts';
import { percentRanges } from './percents';
import { checkEachItem, type CarriedFindings } from './item-findings';

export function checkPaymentItems(model: DealModel, findings?: CarriedFindings): DealDiagnostic[] {
  const deal = model.deal;
  const out: DealDiagnostic[] = [];
  const outside = partsOutsidePaymentItems(deal);
  amountMagnitudes(outside.amounts, out);
  fxRateMagnitudes(deal, out);
  unconvertedAmounts(model, outside.amounts, out);
  dateFormats(outside.dates, out);
  percentRanges(outside.percents, out);
  negativeAmounts(outside.amounts, out);

  const against = [model.currency, deal.signed?.text, ...deal.fx];
  const items: ast.Payment[] = [];
  const blocks: ast.PaymentBlock[] = [];
  for (const block of paymentBlocksInOrder(deal)) for (const item of block.payments) { items.push(item); blocks.push(block); }
  checkEachItem(items, against, out, (item, index, found) => {
    const parts = partsOfPaymentItem(item);
    amountMagnitudes(parts.amounts, found);
    fundingYears(parts.payments, found);
    unconvertedAmounts(model, parts.amounts, found);
    dateFormats(parts.dates, found);
    datesBeforeSigning(deal.signed, parts.payments, found);
    percentRanges(parts.percents, found);
    negativeAmounts(parts.amounts, found, (money) => paymentPaying(item, blocks[index], money));
  }, findings);
  return out;
}
