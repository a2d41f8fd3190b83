// Who pays whom: every payment needs a payer and a payee (missing-party), they must differ
// (self-payment), and every declared party should take part in something (unused-party).
import type * as ast from '../language/ast';
import type { DealDiagnostic } from '../model/diagnostic';
import { capitalize, isWritten, paymentAnchor, paymentBlocksOf, paymentLabel, problem } from '../model/deal-walk';

export function checkPayerAndPayee(deal: ast.Deal): DealDiagnostic[] {
  const out: DealDiagnostic[] = [];
  const selfPayment = (to: ast.Name, what: string) => problem('self-payment', 'error',
    `${what} '${to.text}' to '${to.text}' itself: the payer and the payee must be two different parties.`, to.span);

  for (const { block } of paymentBlocksOf(deal)) {
    const blockSelf = isWritten(block.from) && isWritten(block.to) && block.from.text === block.to.text;
    if (blockSelf) out.push(selfPayment(block.to!, 'These payments go from'));
    for (const payment of block.payments) {
      for (const d of checkOwnParties(payment, selfPayment)) out.push(d);
      if (payment.type === 'MilestoneGroup') {
        for (const m of payment.milestones) for (const d of checkOwnParties(m, selfPayment)) out.push(d);
      }
      const hasParties = (payment.from && payment.to) || (block.from && block.to);
      if (!hasParties) {
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
function partiesNamed(deal: ast.Deal): { used: Set<string>; unreadable: boolean } {
  const used = new Set<string>();
  let unreadable = false;
  const use = (name: ast.Name | undefined) => {
    if (isWritten(name)) used.add(name.text);
    else if (name) unreadable = true;
  };
  for (const license of deal.licenses) { use(license.from); use(license.to); }
  for (const { block } of paymentBlocksOf(deal)) {
    use(block.from);
    use(block.to);
    for (const payment of block.payments) {
      use(payment.from);
      use(payment.to);
      if (payment.type === 'MilestoneGroup') payment.milestones.forEach((m) => { use(m.from); use(m.to); });
    }
  }
  for (const option of deal.options) {
    use(option.holder);
    option.exercises.forEach((e) => use(e.to));
    option.developers?.forEach((d) => use(d.party));
    for (const effect of option.effects) if (effect.type === 'Share') effect.shares.forEach((s) => use(s.party));
  }
  return { used, unreadable };
}

export function checkUnusedParties(deal: ast.Deal): DealDiagnostic[] {
  const { used, unreadable } = partiesNamed(deal);
  // A party name lost to a syntax error may be the one that uses the party: say nothing yet.
  if (unreadable) return [];
  return deal.parties
    .filter((party) => isWritten(party.name) && !used.has(party.name.text))
    .map((party) => problem('unused-party', 'warning',
      `Party '${party.name.text}' takes part in nothing: no payment, license, option or share names it. Name it where it pays, receives or holds rights, or remove it.`,
      party.name.span));
}
