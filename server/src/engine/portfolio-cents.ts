// A deal as the portfolio shows it: each payment to the cent (once per programme it counts
// for), as the deal's own preview shows it (shown-figures.ts), and every figure of the deal
// (its totals, each kind, each party) a sum of those cents. In the reporting currency, the
// payments of one kind from one payer to one payee are converted together and rounded to the
// cent once (not payment by payment, whose roundings would add up: 412.5M / 1.1 is 375M, not
// 375M less a few cents), and every figure is a sum of those cells — so the portfolio's
// totals, counterparties and kinds, sums of these figures, add up to one another on every page.
import type Decimal from 'decimal.js';
import type { PaymentKind } from '../model/deal-model';
import { exact, Money, toCents, ZERO } from '../model/money';
import type { PortfolioDeal, PortfolioParty } from './portfolio-deal';
import { committedKinds, contingentKinds } from '../model/totals';

/** The payments of one kind from one payer to one payee, in cents of the deal's currency. */
interface Cell { kind: PaymentKind; payer?: string; payee?: string; amount: Decimal }

/** The deal with its figures recomputed from its payments to the cent, in its own currency or,
 * with `convert`, in another: each cell converted and rounded once. */
export function dealInCents(deal: PortfolioDeal, convert?: (amount: Decimal) => Decimal): PortfolioDeal {
  const into = convert ? (amount: Decimal) => toCents(convert(amount)) : (amount: Decimal) => amount;
  let committed = ZERO;
  let contingent = ZERO;
  const byKind = new Map<PaymentKind, Decimal>();
  const positions = new Map(deal.parties.map((p) => [p.name, blank()]));
  const positionOf = (name: string) => {
    let position = positions.get(name);
    if (!position) positions.set(name, (position = blank()));
    return position;
  };
  for (const cell of cellsOf(deal)) {
    const amount = into(cell.amount);
    const isCommitted = committedKinds.includes(cell.kind);
    if (isCommitted) committed = committed.plus(amount);
    else contingent = contingent.plus(amount);
    byKind.set(cell.kind, (byKind.get(cell.kind) ?? ZERO).plus(amount));
    const part = isCommitted ? 'committed' : 'contingent';
    if (cell.payee) positionOf(cell.payee)[part].receives = positionOf(cell.payee)[part].receives.plus(amount);
    if (cell.payer) positionOf(cell.payer)[part].pays = positionOf(cell.payer)[part].pays.plus(amount);
  }
  const declared = new Map(deal.parties.map((p) => [p.name, p]));
  // What the deal's `headline` line adds (options) or leaves out (equity), to the cent.
  const beyond = into(toCents(new Money(deal.headline).minus(deal.committed).minus(deal.contingent)));
  return {
    ...deal,
    committed: exact(committed),
    contingent: exact(contingent),
    headline: exact(committed.plus(contingent).plus(beyond)),
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

/** The deal's counted payments, each to the cent and once per programme, summed by kind, payer and payee. */
function cellsOf(deal: PortfolioDeal): Cell[] {
  const cells = new Map<string, Cell>();
  for (const payment of deal.payments) {
    if (payment.amount === undefined) continue;
    if (!committedKinds.includes(payment.kind) && !contingentKinds.includes(payment.kind)) continue;
    const amount = toCents(new Money(payment.amount)).times(payment.count ?? 1);
    const key = JSON.stringify([payment.kind, payment.payer ?? null, payment.payee ?? null]);
    const cell = cells.get(key);
    if (cell) cell.amount = cell.amount.plus(amount);
    else cells.set(key, { kind: payment.kind, payer: payment.payer, payee: payment.payee, amount });
  }
  return [...cells.values()];
}

function blank() {
  return { committed: { receives: ZERO, pays: ZERO }, contingent: { receives: ZERO, pays: ZERO } };
}
