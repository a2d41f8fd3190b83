// duplicate-name: one name, one thing. Reported on the second (and any later) declaration, so
// the first keeps working for references while the author renames the copy.
import type * as ast from '../language/ast';
import type { DealModel } from '../model/deal-model';
import type { DealDiagnostic } from '../model/diagnostic';
import { article, isWritten, paymentsOf, problem } from '../model/deal-walk';
import { paymentWord } from '../model/payment-kinds';

/** A declaration, and what it is (`a party`). */
interface Declared { name: ast.Name; what: string }

function duplicates(declared: readonly Declared[], namespace: string, fix: string): DealDiagnostic[] {
  if (declared.length < 2) return []; // most lists of a deal are empty or hold one name
  const first = new Map<string, Declared>();
  const out: DealDiagnostic[] = [];
  for (const entry of declared) {
    if (!isWritten(entry.name)) continue;
    const earlier = first.get(entry.name.text);
    if (!earlier) {
      first.set(entry.name.text, entry);
      continue;
    }
    out.push(problem('duplicate-name', 'error',
      `'${entry.name.text}' is already the name of ${earlier.what} ${namespace}: ${fix}`,
      entry.name.span));
  }
  return out;
}

/** Two declarations with one name inside one deal. */
export function checkDuplicateNames(model: DealModel): DealDiagnostic[] {
  const deal = model.deal;
  return [
    ...duplicates(deal.parties.map((p) => ({ name: p.name, what: 'a party' })), 'in this deal',
      'give each party one declaration (merge the two, or rename one).'),
    ...duplicates((deal.stages?.stages ?? []).map((s) => ({ name: s.name, what: 'a stage' })), 'in this stages list',
      'list each stage once.'),
    ...duplicates(deal.licenses.map((l) => ({ name: l.name, what: 'a license' })), 'in this deal',
      'give this license another name.'),
    ...duplicatePaymentNames(model),
    ...duplicates((deal.programs ?? []).map((p) => ({ name: p.name, what: 'a programme' })), 'in this deal',
      'give this programme another name.'),
    ...duplicates(deal.options.map((o) => ({ name: o.name, what: 'an option' })), 'in this deal',
      'give this option another name.'),
    ...duplicates(deal.scenarios.map((s) => ({ name: s.name, what: 'a scenario' })), 'in this deal',
      'give this scenario another name.'),
  ];
}

/** Payments, milestones and groups share one set of names. A long deal has tens of thousands:
 * each is compared with the first payment of its name, which the model already holds (its
 * payments by name, in the same order), so no table of names is made again per keystroke. */
function duplicatePaymentNames(model: DealModel): DealDiagnostic[] {
  if (model.namedPayments === model.paymentsByName.size) return []; // every name given once
  const out: DealDiagnostic[] = [];
  for (const { payment } of paymentsOf(model.deal)) {
    const name = payment.name;
    if (!name || !isWritten(name)) continue;
    const earlier = model.paymentsByName.get(name.text)?.node;
    if (!earlier || earlier === payment) continue;
    out.push(problem('duplicate-name', 'error',
      `'${name.text}' is already the name of ${article(paymentWord(earlier.type))} in this deal: payments, milestones and milestone groups share one set of names; give this one another name.`,
      name.span));
  }
  return out;
}

/** Two deals with one name in one file: the CLI's JSON and the rollups key deals by name. */
export function checkDuplicateDeals(file: ast.DealFile): DealDiagnostic[] {
  return duplicates(file.deals.map((d) => ({ name: d.name, what: 'a deal' })), 'in this file',
    'give this deal another name (reports and rollups tell deals apart by name).');
}
