// unknown-reference: every name that points at a party, stage, payment, milestone group, option
// or currency must point at one that exists. The message lists what exists and suggests the
// closest name (also in `data.suggestion`, for a quick fix).
import type * as ast from '../../language/ast';
import { currencySymbols, isCurrencyCode, isoCurrencyCodes } from '../../language/currencies';
import type { DealModel } from '../deal-model';
import type { DealDiagnostic } from '../diagnostic';
import { closestName, dealNameTables, nameKinds, unknownNameMessage, type NameKind } from '../names';
import { isWritten, paymentsOf, amountsOf, problem } from './deal-walk';

export function checkReferences(model: DealModel): DealDiagnostic[] {
  const deal = model.deal;
  const names = dealNameTables(model);
  const out: DealDiagnostic[] = [];
  const expect = (name: ast.Name | undefined, kind: NameKind, known: readonly string[]) => {
    if (!isWritten(name) || known.includes(name.text)) return;
    const { message, suggestion } = unknownNameMessage(kind, name.text, known);
    out.push(problem('unknown-reference', 'error', message, name.span, suggestion ? { suggestion } : undefined));
  };
  const party = (name: ast.Name | undefined) => expect(name, nameKinds.party, names.parties);
  const stage = (name: ast.Name | undefined) => expect(name, nameKinds.stage, names.stages);

  expect(deal.stage, nameKinds.stage, names.stages);
  for (const license of deal.licenses) { party(license.from); party(license.to); }
  for (const block of deal.paymentBlocks) { party(block.from); party(block.to); }
  for (const { payment } of paymentsOf(deal)) {
    party(payment.from);
    party(payment.to);
    stage(payment.at);
    if (payment.type === 'MilestoneGroup') stage(payment.by);
  }
  for (const option of deal.options) {
    party(option.holder);
    for (const exercise of option.exercises) { stage(exercise.stage); party(exercise.to); }
    for (const effect of option.effects) {
      if (effect.type === 'Share') effect.shares.forEach((s) => party(s.party));
      else if (effect.type === 'Forfeit') expect(effect.payment, nameKinds.payment, names.payments);
      else out.push(...checkForfeitedGroup(effect.group, model, names.groups));
    }
  }
  for (const scenario of deal.scenarios) {
    scenario.timeline.forEach((entry) => stage(entry.stage));
    stage(scenario.reach);
    for (const exercise of scenario.exercises) {
      expect(exercise.option, nameKinds.option, names.options);
      stage(exercise.stage);
    }
  }
  out.push(...checkCurrencies(deal));
  return out;
}

/** `forfeit unearned X`: X must be a milestone group, not just any payment. */
function checkForfeitedGroup(group: ast.Name, model: DealModel, groups: readonly string[]): DealDiagnostic[] {
  if (!isWritten(group) || groups.includes(group.text)) return [];
  const other = model.paymentsByName.get(group.text);
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

function checkCurrencies(deal: ast.Deal): DealDiagnostic[] {
  const out: DealDiagnostic[] = [];
  const check = (name: ast.Name | undefined) => {
    if (isWritten(name) && !isKnownCurrency(name.text)) out.push(unknownCurrency(name));
  };
  check(deal.currency);
  for (const fx of deal.fx) { check(fx.from); check(fx.to); }
  for (const money of amountsOf(deal)) check(money.currency);
  return out;
}
