// Who pays whom: every payment needs a payer and a payee (missing-party), they must differ
// (self-payment), and every declared party should take part in something (unused-party).
import type * as ast from '../language/ast';
import { noneFound, type DealDiagnostic } from '../model/diagnostic';
import { capitalize, isWritten, partsOfPaymentItem, paymentAnchor, paymentBlocksOf, paymentItemsOf, paymentLabel, problem } from '../model/deal-walk';
import { ItemValues } from '../model/facets';
import type { CarriedFindings } from './item-findings';

/** What an item says of its own parties: the self-payments in it (its own and its milestones'),
 * and whether it names its own payer and payee (else its block must). */
export interface OwnParties { selfPayments: readonly DealDiagnostic[]; named: boolean }
const namedNone: OwnParties = { selfPayments: noneFound, named: true };
const unnamedNone: OwnParties = { selfPayments: noneFound, named: false };

/** The parties each item names, and whether a place in it that names a party could not be read:
 * the same list for every item that names the same parties. */
export interface PartiesOfItem { names: readonly string[]; unreadable: boolean }

/** What an item says of its own parties depends on the item alone: an item an edit did not touch
 * is not read again (`findings`). */
export function checkPayerAndPayee(deal: ast.Deal, findings?: CarriedFindings<ItemValues<ast.Payment, OwnParties>>): DealDiagnostic[] {
  const out: DealDiagnostic[] = [];
  const selfPayment = (to: ast.Name, what: string) => problem('self-payment', 'error',
    `${what} '${to.text}' to '${to.text}' itself: the payer and the payee must be two different parties.`, to.span);

  const items = ItemValues.of(paymentItemsOf(deal), (item) => {
    const found: DealDiagnostic[] = [];
    for (const payment of partsOfPaymentItem(item).payments) for (const d of checkOwnParties(payment, selfPayment)) found.push(d);
    const named = !!(item.from && item.to);
    return found.length > 0 ? { selfPayments: found, named } : named ? namedNone : unnamedNone;
  }, findings?.previous);
  findings?.keep(items);
  let index = 0;
  for (const { block } of paymentBlocksOf(deal)) {
    const blockSelf = isWritten(block.from) && isWritten(block.to) && block.from.text === block.to.text;
    if (blockSelf) out.push(selfPayment(block.to!, 'These payments go from'));
    const blockNamed = !!(block.from && block.to);
    for (let i = 0; i < block.payments.length; i++, index++) {
      const own = items.values[index];
      for (const d of own.selfPayments) out.push(d);
      if (!own.named && !blockNamed) {
        const payment = block.payments[i];
        out.push(problem('missing-party', 'error',
          `Who pays ${paymentLabel(payment)}, and who receives it? Add \`from PAYER to PAYEE\` to the payment, or to its block: \`payments from PAYER to PAYEE { ... }\`.`,
          paymentAnchor(payment)));
      }
    }
  }
  for (const license of deal.licenses) {
    if (isWritten(license.from) && isWritten(license.to) && license.from.text === license.to.text) {
      out.push(problem('self-payment', 'error',
        `License '${license.name.text}' is granted from '${license.to.text}' to '${license.to.text}' itself: the licensor and the licensee must be two different parties.`,
        license.to.span));
    }
  }
  for (const option of deal.options) {
    for (const exercise of option.exercises) {
      if (isWritten(exercise.to) && isWritten(option.holder) && exercise.to.text === option.holder.text) {
        out.push(problem('self-payment', 'error',
          `The exercise fee goes to '${exercise.to.text}', the option's own holder: the holder pays it to the other party (leave out \`to\`, or name that party).`,
          exercise.to.span));
      }
    }
  }
  return out;
}

/** A payment's own `from X to Y` paying itself (the AST holds only its own, not its block's). */
function checkOwnParties(payment: ast.Payment, selfPayment: (to: ast.Name, what: string) => DealDiagnostic): DealDiagnostic[] {
  if (!isWritten(payment.from) || !isWritten(payment.to) || payment.from.text !== payment.to.text) return [];
  return [selfPayment(payment.to, `${capitalize(paymentLabel(payment))} goes from`)];
}

/** The parties named anywhere, and whether some place that names a party could not be read. */
function partiesNamed(deal: ast.Deal, findings?: CarriedFindings<ItemValues<ast.Payment, PartiesOfItem>>): { used: Set<string>; unreadable: boolean } {
  const used = new Set<string>();
  let unreadable = false;
  const use = (name: ast.Name | undefined) => {
    if (isWritten(name)) used.add(name.text);
    else if (name) unreadable = true;
  };
  for (const license of deal.licenses) { use(license.from); use(license.to); }
  for (const { block } of paymentBlocksOf(deal)) { use(block.from); use(block.to); }
  const lists = new Map<string, PartiesOfItem>();
  const items = ItemValues.of(paymentItemsOf(deal), (item) => {
    const names: string[] = [];
    let unread = false;
    const named = (name: ast.Name | undefined) => {
      if (isWritten(name)) names.push(name.text);
      else if (name) unread = true;
    };
    for (const payment of partsOfPaymentItem(item).payments) { named(payment.from); named(payment.to); }
    const key = `${unread}\u0000${names.join('\u0000')}`;
    let parties = lists.get(key);
    if (!parties) lists.set(key, (parties = { names, unreadable: unread }));
    return parties;
  }, findings?.previous);
  findings?.keep(items);
  let last: PartiesOfItem | undefined;
  for (const parties of items.values) {
    if (parties === last) continue;
    last = parties;
    for (const name of parties.names) used.add(name);
    if (parties.unreadable) unreadable = true;
  }
  for (const option of deal.options) {
    use(option.holder);
    option.exercises.forEach((e) => use(e.to));
    option.developers?.forEach((d) => use(d.party));
    for (const effect of option.effects) if (effect.type === 'Share') effect.shares.forEach((s) => use(s.party));
  }
  return { used, unreadable };
}

/** The parties an item names depend on the item alone: an item an edit did not touch is not
 * read again (`findings`). */
export function checkUnusedParties(deal: ast.Deal, findings?: CarriedFindings<ItemValues<ast.Payment, PartiesOfItem>>): DealDiagnostic[] {
  const { used, unreadable } = partiesNamed(deal, findings);
  // A party name lost to a syntax error may be the one that uses the party: say nothing yet.
  if (unreadable) return [];
  return deal.parties
    .filter((party) => isWritten(party.name) && !used.has(party.name.text))
    .map((party) => problem('unused-party', 'warning',
      `Party '${party.name.text}' takes part in nothing: no payment, license, option or share names it. Name it where it pays, receives or holds rights, or remove it.`,
      party.name.span));
}
