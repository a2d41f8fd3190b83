// Clauses written where they mean nothing, or that contradict each other (invalid-value): `by`
// on anything but a milestone group, funding paid both `per year` and `over` a term, a term of
// funding that is not a whole number of years, an equity premium larger than the purchase.
import type * as ast from '../language/ast';
import type { DealDiagnostic } from '../model/diagnostic';
import { isRead, isWritten, partsOfPaymentItem, paymentItemsOf, problem } from '../model/deal-walk';
import { checkEachItem, type CarriedFindings } from './item-findings';
import { longestFundingYears } from '../model/limits';
import { formatNumber, Money } from '../model/money';

/** What an item's clauses say depends on the item alone: what was found in an item an edit did
 * not touch stands (`findings`). */
export function checkClausePlacement(deal: ast.Deal, findings?: CarriedFindings): DealDiagnostic[] {
  const out: DealDiagnostic[] = [];
  checkEachItem(paymentItemsOf(deal), [], out, (item, _, found) => {
    for (const payment of partsOfPaymentItem(item).payments) checkPayment(payment, found);
  }, findings);
  return out;
}

function checkPayment(payment: ast.Payment, out: DealDiagnostic[]): void {
  if (payment.type !== 'MilestoneGroup' && isWritten(payment.by)) {
    out.push(problem('invalid-value', 'error',
      `\`by ${payment.by.text}\` names the stage that earns the undisclosed rest of a milestone group (\`milestones NAME up to CAP by STAGE { … }\`). A single payment is earned at a stage: write \`at ${payment.by.text}\`.`,
      payment.by.span));
  }
  const term = payment.type === 'Funding' && payment.over ? fundingTermProblem(payment, payment.over) : undefined;
  if (term) out.push(term);
  if (payment.type === 'Equity' && payment.premiumAmount && payment.amount && isRead(payment.premiumAmount)) {
    const sameCurrency = (payment.premiumAmount.currency?.text ?? '') === (payment.amount.currency?.text ?? '');
    if (sameCurrency && payment.premiumAmount.value.gt(payment.amount.value)) {
      out.push(problem('invalid-value', 'error',
        'The premium is more than the whole equity purchase: the premium is the part paid above market price, so it is at most the amount. Check both figures.',
        payment.premiumAmount.span));
    }
  }
}

function fundingTermProblem(payment: ast.Funding, over: { count: number; span: ast.Span }): DealDiagnostic | undefined {
  if (payment.years) {
    return problem('invalid-value', 'error',
      'This funding gives both a yearly amount (`per year for N years`) and a total over a term (`over N years`): keep one of them.',
      over.span);
  }
  if (!Number.isInteger(over.count) || over.count < 1 || over.count > longestFundingYears) {
    const count = Number.isFinite(over.count) ? formatNumber(new Money(over.count)) : 'this many';
    return problem('invalid-value', 'error',
      `Funding over ${count} years cannot be paid in yearly instalments: write a whole number of years from 1 to ${longestFundingYears}. Until then it counts as one payment.`,
      over.span);
  }
  return undefined;
}
