// unknown-reference: every name that points at a party, stage, payment, milestone group, option
// or currency must point at one that exists. The message lists what exists and suggests the
// closest name (also in `data.suggestion`, for a quick fix).
import type * as ast from '../language/ast';
import { currencySymbols, isCurrencyCode, isoCurrencyCodes } from '../language/currencies';
import type { DealModel } from '../model/deal-model';
import type { DealDiagnostic } from '../model/diagnostic';
import { closestName, dealNameTables, nameKinds, unknownNameMessage, type DealNameTables, type NameKind } from '../model/names';
import { checkEachItem, type CarriedFindings } from './item-findings';
import { isWritten, partsOfPaymentItem, partsOutsidePaymentItems, paymentItemsInOrder, problem, type ReferenceKind } from '../model/deal-walk';

/** What a name of a kind is checked against: the names known (or how to list them) and, where
 * a table is at hand, how to look one up in it. */
type Expected = [kind: NameKind, known: readonly string[] | (() => readonly string[]), has?: (name: string) => boolean];

/** An item's references name parties, stages, programmes and currencies only: while those are
 * declared as before, what was found in an item an edit did not touch stands (`findings`). */
export function checkReferences(model: DealModel, findings?: CarriedFindings): DealDiagnostic[] {
  const deal = model.deal;
  // The tables are built at the first name to look up: a deal that refers to nothing needs none.
  let tables: DealNameTables | undefined;
  const names = () => (tables ??= dealNameTables(model));
  let out: DealDiagnostic[] = [];
  const expect = (name: ast.Name | undefined, ...[kind, known, has]: Expected) => {
    if (!isWritten(name)) return;
    const list = () => (typeof known === 'function' ? known() : known);
    if (has ? has(name.text) : list().includes(name.text)) return;
    const { message, suggestion } = unknownNameMessage(kind, name.text, list());
    out.push(problem('unknown-reference', 'error', message, name.span, suggestion ? { suggestion } : undefined));
  };
  // A payment is looked up in the model's table of payments by name (a long deal has tens of
  // thousands); the list of them is made only to suggest a name for one that is not there.
  const known: Record<Exclude<ReferenceKind, 'group' | 'currency'>, () => Expected> = {
    party: () => [nameKinds.party, names().parties],
    stage: () => [nameKinds.stage, names().stages],
    payment: () => [nameKinds.payment, () => names().payments, (text) => model.paymentsByName.has(text)],
    option: () => [nameKinds.option, names().options],
    program: () => [nameKinds.program, names().programs],
  };
  const check = ({ name, kind }: { name: ast.Name; kind: ReferenceKind }) => {
    if (kind === 'group') {
      for (const d of checkForfeitedGroup(name, model, () => names().groups)) out.push(d);
    } else if (kind === 'currency') {
      for (const d of checkCurrency(name)) out.push(d);
    } else {
      expect(name, ...known[kind]()); // bounded: a [kind, names] pair
    }
  };
  for (const reference of partsOutsidePaymentItems(deal).references) check(reference);
  const all = out;
  const declared = findings && [[...model.parties.keys()], model.stages.map((s) => s.name), [...model.programs.keys()]].map((list) => list.join('\u0000')).join('\u0001');
  checkEachItem(paymentItemsInOrder(deal), [declared], all, (item, _, found) => {
    out = found;
    for (const reference of partsOfPaymentItem(item).references) check(reference);
  }, findings);
  return all;
}

/** `forfeit unearned X`: X must be a milestone group, not just any payment. */
function checkForfeitedGroup(group: ast.Name, model: DealModel, groupNames: () => readonly string[]): DealDiagnostic[] {
  if (!isWritten(group)) return [];
  // The payment of that name is a group: found in the table, without listing the deal's groups
  // (a long deal has thousands of payments to go through for them).
  const other = model.paymentsByName.get(group.text);
  if (other?.node.type === 'MilestoneGroup') return [];
  const groups = groupNames();
  if (groups.includes(group.text)) return [];
  if (other) {
    const list = groups.length > 0 ? ` Milestone groups in this deal: ${groups.join(', ')}.` : '';
    return [problem('unknown-reference', 'error',
      `'${group.text}' is a payment (${other.kind}), not a milestone group: \`forfeit unearned\` names a \`milestones ... { }\` group (to give up one payment, write \`forfeit ${group.text}\`).${list}`,
      group.span)];
  }
  const { message, suggestion } = unknownNameMessage(nameKinds.group, group.text, groups);
  return [problem('unknown-reference', 'error', message, group.span, suggestion ? { suggestion } : undefined)];
}

const commonCurrencies = ['USD', 'EUR', 'GBP', 'JPY', 'CHF'];

function unknownCurrency(name: ast.Name): DealDiagnostic {
  const suggestion = closestName(name.text.toUpperCase(), isoCurrencyCodes) ?? (isCurrencyCode(name.text.toUpperCase()) ? name.text.toUpperCase() : undefined);
  const guess = suggestion ? ` Did you mean '${suggestion}'?` : '';
  const symbols = Object.keys(currencySymbols).join(' ');
  return problem('unknown-reference', 'error',
    `Unknown currency '${name.text}'.${guess} Write an ISO 4217 code (${commonCurrencies.join(', ')}…) or a symbol (${symbols}).`,
    name.span, suggestion ? { suggestion } : undefined);
}

function isKnownCurrency(text: string): boolean {
  return isCurrencyCode(text) || text in currencySymbols;
}

function checkCurrency(name: ast.Name): DealDiagnostic[] {
  return isWritten(name) && !isKnownCurrency(name.text) ? [unknownCurrency(name)] : [];
}
