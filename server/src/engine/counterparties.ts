// Which parties of different deals are the same company. Two deals' parties are one
// counterparty when they give the same full name (`"Ipsen S.A."`, compared without regard to
// case or spacing; a party with no full name goes by its id) or the same `ticker`; links chain
// (a ticker shared with one deal, a full name with another). A short id alone never links:
// GENFIT's `Ipsen "Ipsen S.A."` and another deal's `Ipsen "Ipsen Pharma SAS"` stay two
// counterparties until both deals give the same ticker or the same full name.
import type { PortfolioParty } from './portfolio-deal';

/** One party of one deal, as the portfolio counts it. */
export interface PartyOfDeal<T> { deal: T; party: PortfolioParty }

/** How a full name or ticker compares: case and runs of spaces do not matter. */
export function identityText(text: string): string {
  return text.normalize('NFC').trim().replace(/\s+/g, ' ').toLocaleLowerCase('en');
}

/** The keys that link a party to others: its full name (or its id) and its ticker. */
function keysOf(party: PortfolioParty): string[] {
  const keys = [`name:${identityText(party.title ?? party.name)}`];
  if (party.ticker?.trim()) keys.push(`ticker:${identityText(party.ticker)}`);
  return keys;
}

/** The parties grouped into counterparties, each group in the order the parties came. */
export function matchCounterparties<T>(parties: readonly PartyOfDeal<T>[]): PartyOfDeal<T>[][] {
  const parent = parties.map((_, i) => i);
  const root = (i: number): number => {
    while (parent[i] !== i) i = parent[i] = parent[parent[i]];
    return i;
  };
  const firstWithKey = new Map<string, number>();
  parties.forEach(({ party }, i) => {
    for (const key of keysOf(party)) {
      const other = firstWithKey.get(key);
      if (other === undefined) firstWithKey.set(key, i);
      else parent[root(i)] = root(other);
    }
  });
  const groups = new Map<number, PartyOfDeal<T>[]>();
  parties.forEach((entry, i) => {
    const at = root(i);
    const group = groups.get(at);
    if (group) group.push(entry);
    else groups.set(at, [entry]);
  });
  return [...groups.values()];
}
