// The quick fix for a payment written with a minus sign (negative-amount): the payment runs the
// other way round, so payer and payee are swapped and the amount is written without its sign.
// The payment's own `from X to Y` is swapped in place; a payment that takes them from its block
// (or group) gets its own `from PAYEE to PAYER` after the amount.
import type * as ast from '../language/ast';
import type { AnalyzedDeal, AnalyzedDocument } from '../document/analyze';
import type { DealDiagnostic } from '../model/diagnostic';
import { paymentsOf } from '../model/deal-walk';
import type { TextEdit } from './rename';

export function negativeAmountFix(document: AnalyzedDocument, deal: AnalyzedDeal, diagnostic: DealDiagnostic): { title: string; edits: TextEdit[] } | undefined {
  const { payer, payee } = diagnostic.data ?? {};
  if (!payer || !payee) return undefined;
  const payment = paymentsOf(deal.model.deal).map((p) => p.payment)
    .find((p) => 'amount' in p && p.amount?.span.start === diagnostic.span.start);
  if (!payment || !('amount' in payment) || !payment.amount) return undefined;
  const money: ast.Money = payment.amount;
  const written = document.text.slice(money.span.start, money.span.end);
  const minus = written.indexOf('-');
  if (minus < 0) return undefined;
  const at = money.span.start + minus;
  const edits: TextEdit[] = [{ span: { start: at, end: at + 1 }, newText: '' }];
  if (payment.from && payment.to) {
    edits.push({ span: payment.from.span, newText: payer }, { span: payment.to.span, newText: payee });
  } else {
    edits.push({ span: { start: money.span.end, end: money.span.end }, newText: ` from ${payer} to ${payee}` });
  }
  return { title: `Make it a positive payment from ${payer} to ${payee}`, edits };
}
