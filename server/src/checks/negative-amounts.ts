// Amounts below zero (negative-amount): who pays is said by payer and payee, never by a sign.
// A payment written with a minus sign usually runs the other way round: its message says so,
// and its quick fix (features/negative-amount-fix.ts) swaps payer and payee and drops the sign.
import type * as ast from '../language/ast';
import type { DealDiagnostic } from '../model/diagnostic';
import { amountsOf, paymentsOf, problem } from '../model/deal-walk';

/** The payment whose own amount `money` is, with its payer and payee, where there is one. */
export interface SignedPayment { payment: ast.Payment; payer?: string; payee?: string }

function paymentsByAmount(deal: ast.Deal): Map<ast.Money, SignedPayment> {
  const out = new Map<ast.Money, SignedPayment>();
  for (const { payment, block, group } of paymentsOf(deal)) {
    if (!('amount' in payment) || !payment.amount) continue;
    const payer = payment.from?.text ?? group?.from?.text ?? block.from?.text;
    const payee = payment.to?.text ?? group?.to?.text ?? block.to?.text;
    out.set(payment.amount, { payment, payer, payee });
  }
  return out;
}

export function checkNegativeAmounts(deal: ast.Deal): DealDiagnostic[] {
  const out: DealDiagnostic[] = [];
  let payments: Map<ast.Money, SignedPayment> | undefined;
  for (const money of amountsOf(deal)) {
    if (!money.value.isNegative() || money.value.isZero()) continue;
    payments ??= paymentsByAmount(deal);
    const paid = payments.get(money);
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
  return out;
}
