// A deal as the portfolio page shows it: each payment to the cent, converted on its own and
// rounded again, and every figure of the deal (its totals, each kind, each party) the sum of
// those cents — so the page's counterparties, kinds and totals add up to one another, as the
// deal's own preview does (shown-figures.ts). The portfolio JSON keeps the exact figures.
import type Decimal from 'decimal.js';
import type { PaymentKind } from '../model/deal-model';
import { exact, Money, toCents, ZERO } from '../model/money';
import type { PortfolioDeal, PortfolioParty } from './portfolio-deal';
import { committedKinds, contingentKinds } from '../model/totals';

/** The deal with its figures recomputed from its payments, each as `into` gives it from its cents. */
export function dealInCents(deal: PortfolioDeal, into: (amount: Decimal) => Decimal = (amount) => amount): PortfolioDeal {
  let committed = ZERO;
  let contingent = ZERO;
  const byKind = new Map<PaymentKind, Decimal>();
  const positions = new Map(deal.parties.map((p) => [p.name, blank()]));
  const positionOf = (name: string) => {
    let position = positions.get(name);
    if (!position) positions.set(name, (position = blank()));
    return position;
  };
  for (const payment of deal.payments) {
    if (payment.amount === undefined) continue;
    const isCommitted = committedKinds.includes(payment.kind);
    if (!isCommitted && !contingentKinds.includes(payment.kind)) continue;
    const amount = into(toCents(new Money(payment.amount)));
    if (isCommitted) committed = committed.plus(amount);
    else contingent = contingent.plus(amount);
    byKind.set(payment.kind, (byKind.get(payment.kind) ?? ZERO).plus(amount));
    const part = isCommitted ? 'committed' : 'contingent';
    if (payment.payee) positionOf(payment.payee)[part].receives = positionOf(payment.payee)[part].receives.plus(amount);
    if (payment.payer) positionOf(payment.payer)[part].pays = positionOf(payment.payer)[part].pays.plus(amount);
  }
  const declared = new Map(deal.parties.map((p) => [p.name, p]));
  return {
    ...deal,
    committed: exact(committed),
    contingent: exact(contingent),
    // The headline as the deal's `headline` line counts it: committed + contingent, with what
    // that line adds (options) or leaves out (equity) on top, to the cent.
    headline: exact(committed.plus(contingent).plus(into(toCents(new Money(deal.headline).minus(deal.committed).minus(deal.contingent))))),
    byKind: Object.fromEntries([...byKind].map(([kind, amount]) => [kind, exact(amount)])),
    parties: [...positions].map(([name, p]): PortfolioParty => ({
      ...(declared.get(name) ?? { name, line: deal.line, character: deal.character }),
      receives: exact(p.committed.receives.plus(p.contingent.receives)),
      pays: exact(p.committed.pays.plus(p.contingent.pays)),
      committed: { receives: exact(p.committed.receives), pays: exact(p.committed.pays) },
      contingent: { receives: exact(p.contingent.receives), pays: exact(p.contingent.pays) },
    })),
  };
}

function blank() {
  return { committed: { receives: ZERO, pays: ZERO }, contingent: { receives: ZERO, pays: ZERO } };
}
