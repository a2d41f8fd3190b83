// Who books each territory's profit and bears its development costs. Absent any share, the
// developer does: inside the territory of the deal's first licence its licensee, outside it
// its licensor (a licence without a territory is worldwide), unless a `developer` term says
// otherwise. An exercised option's `share profits|costs A a%, B b% [in T]` divides T's figures
// from the year of the exercise on; what no share covers belongs to the developer.
import type Decimal from 'decimal.js';
import type * as ast from '../../language/ast';
import type { DealModel } from '../../model/deal-model';
import { ZERO } from '../../model/money';
import { covers, isWorldwide } from '../scenarios/sales';
import type { CellDivision, EconomicsCell } from './types';

/** A developer other than the default: for some territories (all without), from a year on. */
export interface DeveloperRule { party: string; territories?: string[]; fromYear?: number; program?: string }

/** A share of an exercised option, with the year it starts (every year when undefined). */
export interface ShareRule {
  what: 'costs' | 'profits';
  shares: { party: string; percent: Decimal }[];
  territories?: string[];
  fromYear?: number;
  /** The programme of the option (`for P`): its shares divide only that programme's figures. */
  program?: string;
}

/** The default developer of a territory (all territories together when undefined). */
export function defaultDeveloper(model: DealModel, territory: string | undefined): string | undefined {
  const licence = model.deal.licenses[0];
  if (!licence) return firstLicensee(model);
  const inside = !licence.territory?.length
    || licence.territory.some((t) => isWorldwide(t.text))
    || (territory !== undefined && licence.territory.some((t) => covers(t.text, territory)))
    // Figures for all territories together: the licensee books them, as the licence's holder.
    || territory === undefined;
  return inside ? licence.to?.text ?? firstLicensee(model) : licence.from?.text ?? firstLicensee(model);
}

function firstLicensee(model: DealModel): string | undefined {
  for (const party of model.parties.values()) if (party.role?.text === 'licensee') return party.name.text;
  return model.parties.keys().next().value;
}

function reaches(rule: { territories?: readonly string[]; fromYear?: number; program?: string }, cell: EconomicsCell): boolean {
  const { territories, fromYear } = rule;
  if (rule.program !== undefined && rule.program !== cell.program) return false;
  if (fromYear !== undefined && cell.year < fromYear) return false;
  if (!territories?.length || territories.some(isWorldwide)) return true;
  return cell.territory !== undefined && territories.some((t) => covers(t, cell.territory!));
}

export function developerOf(model: DealModel, rules: readonly DeveloperRule[], cell: EconomicsCell): string | undefined {
  let developer = defaultDeveloper(model, cell.territory);
  // Later rules (an exercise's) override earlier ones (the deal's, the programme's).
  for (const rule of rules) if (reaches(rule, cell)) developer = rule.party;
  return developer;
}

/** Each cell's operating profit and development costs, party by party. */
export function divideCells(
  model: DealModel, cells: readonly EconomicsCell[], developers: readonly DeveloperRule[], shares: readonly ShareRule[],
): CellDivision[] {
  return cells.map((cell) => {
    const developer = developerOf(model, developers, cell);
    return {
      cell,
      profit: divide(cell.operatingProfit, developer, shares.find((s) => s.what === 'profits' && reaches(s, cell))),
      costs: divide(cell.development, developer, shares.find((s) => s.what === 'costs' && reaches(s, cell))),
    };
  });
}

function divide(amount: Decimal, developer: string | undefined, share: ShareRule | undefined): Map<string, Decimal> {
  const parts = new Map<string, Decimal>();
  let rest = amount;
  for (const { party, percent } of share?.shares ?? []) {
    const part = amount.times(percent).div(100);
    parts.set(party, (parts.get(party) ?? ZERO).plus(part));
    rest = rest.minus(part);
  }
  if (developer !== undefined && !rest.isZero()) parts.set(developer, (parts.get(developer) ?? ZERO).plus(rest));
  return parts;
}
