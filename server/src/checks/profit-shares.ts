// Profit shares against royalties: an option that, once exercised, splits a territory's profits
// while a royalty is still paid on that territory's sales makes the developer pay twice — its
// partner's share of the profit and a royalty on the same sales (royalty-with-profit-share).
// Deals that convert a licence into a co-development forfeit the royalty there.
import type * as ast from '../language/ast';
import type { DealModel } from '../model/deal-model';
import type { DealDiagnostic } from '../model/diagnostic';
import { isWritten, problem } from '../model/deal-walk';
import { covers, isWorldwide } from '../engine/scenarios/sales';

export function checkRoyaltyWithProfitShare(model: DealModel): DealDiagnostic[] {
  const out: DealDiagnostic[] = [];
  const royalties = model.payments.filter((p) => p.node.type === 'Royalty' && p.name !== undefined);
  for (const option of model.deal.options) {
    for (const effect of option.effects) {
      if (effect.type !== 'Share' || effect.what !== 'profits') continue;
      const shared = writtenTerritories(effect.territory);
      for (const royalty of royalties) {
        const paidIn = writtenTerritories(royalty.node.territory);
        const overlap = overlapping(shared, paidIn);
        if (overlap === undefined) continue;
        const open = stillPaid(option, royalty.name!, overlap);
        if (open === undefined) continue;
        const where = open.length ? open.join(', ') : 'every territory';
        const fix = open.length ? `forfeit ${royalty.name} in ${open.join(', ')}` : `forfeit ${royalty.name}`;
        out.push(problem('royalty-with-profit-share', 'warning',
          `Royalty '${royalty.name}' is still paid on sales in ${where} while ${option.name.text} shares the profits there: the developer would pay both. ` +
            `Add \`${fix}\` under \`on exercise\`, or check that both really apply.`,
          effect.span));
      }
    }
  }
  return out;
}

/** Territories as written; undefined for everywhere (none written, or `worldwide`). */
function writtenTerritories(territories: readonly ast.Territory[] | undefined): string[] | undefined {
  const names = (territories ?? []).filter(isWritten).map((t) => t.text);
  return names.length === 0 || names.some(isWorldwide) ? undefined : names;
}

/** Where a share and a royalty meet: the narrower side's territories ([] for everywhere), or
 * undefined where they do not meet. */
function overlapping(shared: string[] | undefined, paid: string[] | undefined): string[] | undefined {
  if (shared === undefined) return paid ?? [];
  if (paid === undefined) return shared;
  const meet = shared.filter((s) => paid.some((p) => covers(p, s) || covers(s, p)));
  return meet.length ? meet : undefined;
}

/** Where the royalty is still paid after the option's forfeits ([] for everywhere), or
 * undefined where the option gives it up wherever the share applies. */
function stillPaid(option: ast.OptionDecl, royalty: string, territories: readonly string[]): string[] | undefined {
  let open = [...territories];
  for (const e of option.effects) {
    if (e.type !== 'Forfeit' || e.payment.text !== royalty) continue;
    const given = writtenTerritories(e.territory);
    if (given === undefined) return undefined;
    // A share everywhere is not covered by forfeits in some territories.
    if (open.length) open = open.filter((t) => !given.some((g) => covers(g, t)));
    if (territories.length && open.length === 0) return undefined;
  }
  return open;
}
