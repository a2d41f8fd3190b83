// The names a deal declares, by namespace, and "did you mean" suggestions for names that are
// misspelt. Diagnostics, completion and quick fixes read the same tables.
import type { DealModel } from './deal-model';

export interface DealNameTables {
  parties: string[];
  stages: string[];
  /** Payments, milestones and milestone groups: one namespace. */
  payments: string[];
  groups: string[];
  options: string[];
  scenarios: string[];
  programs: string[];
}

/** Each table made when first read: a long deal names tens of thousands of payments, and a
 * reference to a party needs none of them. */
export function dealNameTables(model: DealModel): DealNameTables {
  const made: Partial<DealNameTables> = {};
  const table = <K extends keyof DealNameTables>(key: K, make: () => DealNameTables[K]) => (made[key] ??= make()) as DealNameTables[K];
  return {
    get parties() { return table('parties', () => [...model.parties.keys()].filter(Boolean)); },
    get stages() { return table('stages', () => model.stages.map((s) => s.name).filter(Boolean)); },
    get payments() { return table('payments', () => [...model.paymentsByName.keys()]); },
    get groups() { return table('groups', () => model.payments.filter((p) => p.node.type === 'MilestoneGroup' && p.name).map((p) => p.name!)); },
    get options() { return table('options', () => [...model.options.keys()].filter(Boolean)); },
    get scenarios() { return table('scenarios', () => [...model.scenarios.keys()].filter(Boolean)); },
    get programs() { return table('programs', () => [...model.programs.keys()].filter(Boolean)); },
  };
}

/**
 * Edit distance with adjacent transpositions (optimal string alignment): `Biotes`→`Biotest` is 1,
 * `phsae2`→`phase2` is 1. Letter case is ignored here; a case-only difference is preferred by
 * `closestName` anyway.
 */
export function editDistance(a: string, b: string): number {
  const s = a.toLowerCase();
  const t = b.toLowerCase();
  const rows: number[][] = [];
  for (let i = 0; i <= s.length; i++) rows.push([i, ...new Array<number>(t.length).fill(0)]);
  for (let j = 0; j <= t.length; j++) rows[0][j] = j;
  for (let i = 1; i <= s.length; i++) {
    for (let j = 1; j <= t.length; j++) {
      const cost = s[i - 1] === t[j - 1] ? 0 : 1;
      let best = Math.min(rows[i - 1][j] + 1, rows[i][j - 1] + 1, rows[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && s[i - 1] === t[j - 2] && s[i - 2] === t[j - 1]) best = Math.min(best, rows[i - 2][j - 2] + 1);
      rows[i][j] = best;
    }
  }
  return rows[s.length][t.length];
}

/**
 * The declared name closest to a misspelt one, if it is close enough to be a likely typo:
 * at most one edit in three characters (at least one edit, never all of them), or the same
 * letters in another case.
 */
export function closestName(written: string, candidates: Iterable<string>): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    if (!candidate || candidate === written) continue;
    const distance = editDistance(written, candidate);
    const longer = Math.max(written.length, candidate.length);
    const allowed = Math.max(1, Math.floor(longer / 3));
    // `X` for `Y` is a different name, not a typo: some letters must survive.
    if (distance <= allowed && distance < longer && distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best;
}

/** `ImmunoGen, Biotest` — the names as a person reads them in a message (long lists shortened). */
export function listNames(names: readonly string[], max = 12): string {
  const unique = [...new Set(names.filter(Boolean))];
  const shown = unique.slice(0, max).join(', ');
  return unique.length > max ? `${shown} and ${unique.length - max} more` : shown;
}

export interface NameKind {
  /** `party`, `stage`, `payment`… as said in a sentence. */
  singular: string;
  /** `Parties in this deal`, `Stages of this deal`… */
  listLabel: string;
  /** How to declare one, for a deal that has none: `party NAME "full name" licensor`. */
  declareHint: string;
}

export const nameKinds = {
  party: { singular: 'party', listLabel: 'Parties in this deal', declareHint: 'declare it with `party NAME "full name" ROLE`' },
  stage: { singular: 'stage', listLabel: 'Stages of this deal', declareHint: 'add it to the `stages { ... }` block' },
  payment: { singular: 'payment', listLabel: 'Payments in this deal', declareHint: 'name the payment, e.g. `royalty Royalties on net_sales ...`' },
  group: { singular: 'milestone group', listLabel: 'Milestone groups in this deal', declareHint: 'declare one with `milestones NAME up to AMOUNT { ... }`' },
  option: { singular: 'option', listLabel: 'Options in this deal', declareHint: 'declare it with `option NAME { holder PARTY  exercise at STAGE fee AMOUNT }`' },
  program: { singular: 'programme', listLabel: 'Programmes in this deal', declareHint: 'declare it with `program NAME "title" { stage STAGE }`' },
  currency: { singular: 'currency', listLabel: 'Use an ISO 4217 code or a symbol, e.g.', declareHint: '' },
} satisfies Record<string, NameKind>;

/**
 * `Unknown party 'Biotes'. Did you mean 'Biotest'? Parties in this deal: ImmunoGen, Biotest.`
 * Returns the message and the suggestion (for a quick fix), if there is one.
 */
export function unknownNameMessage(kind: NameKind, written: string, candidates: readonly string[]): { message: string; suggestion?: string } {
  const suggestion = closestName(written, candidates);
  const guess = suggestion ? ` Did you mean '${suggestion}'?` : '';
  const known = candidates.length > 0
    ? ` ${kind.listLabel}: ${listNames(candidates)}.`
    : ` There is none yet: ${kind.declareHint}.`;
  return { message: `Unknown ${kind.singular} '${written}'.${guess}${known}`, suggestion };
}
