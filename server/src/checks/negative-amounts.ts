// Amounts below zero (negative-amount): who pays is said by payer and payee, never by a sign.
// A payment written with a minus sign usually runs the other way round: its message says so,
// and its quick fix (features/negative-amount-fix.ts) swaps payer and payee and drops the sign.
import type * as ast from '../language/ast';
import type { DealDiagnostic } from '../model/diagnostic';
import { problem } from '../model/deal-walk';

/** Who pays a payment, as its negative amount's message and quick fix read it. */
export interface SignedPayment { payer?: string; payee?: string }

/** The amounts below zero among `amounts`; `paidBy`, where the amounts are a payment item's: the
 * payer and payee of the payment whose own amount one is (asked only of a negative amount). */
export function negativeAmounts(amounts: readonly ast.Money[], out: DealDiagnostic[], paidBy?: (money: ast.Money) => SignedPayment | undefined): void {
  for (const money of amounts) {
    if (!money.value.isNegative() || money.value.isZero()) continue;
    const paid = paidBy?.(money);
    if (paid?.payer && paid.payee && paid.payer !== paid.payee) {
      out.push(problem('negative-amount', 'error',
        `An amount cannot be below zero: who pays whom is said by payer and payee. If ${paid.payee} pays ${paid.payer} here, ` +
          `write the amount without its minus sign and swap them (\`from ${paid.payee} to ${paid.payer}\`).`,
        money.span, { payer: paid.payee, payee: paid.payer }));
    } else {
      out.push(problem('negative-amount', 'error',
        'An amount cannot be below zero: write it without the minus sign (who pays whom is said by payer and payee).',
        money.span));
    }
  }
}

/** The payer and payee of the payment of an item (a payment, or a group and its milestones) in
 * `block` whose own amount `money` is. */
export function paymentPaying(item: ast.Payment, block: ast.PaymentBlock, money: ast.Money): SignedPayment | undefined {
  const signed = (payment: ast.Payment, group?: ast.MilestoneGroup) => ({
    payer: payment.from?.text ?? group?.from?.text ?? block.from?.text,
    payee: payment.to?.text ?? group?.to?.text ?? block.to?.text,
  });
  if ('amount' in item && item.amount === money) return signed(item);
  if (item.type !== 'MilestoneGroup') return undefined;
  const milestone = item.milestones.find((m) => 'amount' in m && m.amount === money);
  return milestone && signed(milestone, item);
}
