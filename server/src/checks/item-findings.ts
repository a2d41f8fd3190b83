// What a check found in each payment item of a deal (a payment, or a milestone group with its
// milestones), kept with the deal's analysis. After an edit inside one item of a long deal, the
// other items are not checked again while what they are checked against stands (`against`: the
// deal's currency and exchange rates, the names it declares…), and are not even read: their
// findings are taken over by position (see ItemValues).
import type * as ast from '../language/ast';
import { ItemValues } from '../model/facets';
import { noneFound, type DealDiagnostic } from '../model/diagnostic';

export interface ItemFindings { against: readonly unknown[]; items: ItemValues<ast.Payment, readonly DealDiagnostic[]> }

/** The findings of the deal's previous analysis for one check, and where to keep this one's. */
export interface CarriedFindings<T = ItemFindings> { previous?: T; keep(next: T): void }

/** Checks each of `items` (`check` adds what it finds to `found`) and adds what was found to
 * `out`, item by item in order, taking over from `findings.previous` what it can. */
export function checkEachItem(
  items: readonly ast.Payment[], against: readonly unknown[], out: DealDiagnostic[],
  check: (item: ast.Payment, index: number, found: DealDiagnostic[]) => void, findings?: CarriedFindings,
): void {
  const before = findings?.previous;
  const stands = before && before.against.length === against.length && before.against.every((x, i) => x === against[i]);
  const values = ItemValues.of(items, (item, index) => {
    const found: DealDiagnostic[] = [];
    check(item, index, found);
    return found.length > 0 ? found : noneFound;
  }, stands ? before.items : undefined);
  findings?.keep({ against, items: values });
  for (const list of values.values) for (let i = 0; i < list.length; i++) out.push(list[i]);
}
