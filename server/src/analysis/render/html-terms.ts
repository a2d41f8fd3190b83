// The terms of a deal as term-sheet sections: the grant, the economics (every payment), the
// milestone groups itemized, the royalty tiers and the options.
import type * as ast from '../../language/ast';
import type { DealModel, PaymentItem } from '../deal-model';
import { formatMoney, Money } from '../money';
import { optionFeeRange } from '../options';
import {
  dealAmount, durationText, effectText, flow, kindLabels, originalAmount,
  partyName, paymentLabel, royaltyText, territoryText, tierRows, triggerText,
} from './describe';
import { el, facts, section, table, type Cell } from './html-kit';

export function grantSection(model: DealModel): string {
  const licenses = model.deal.licenses.map((license) => licenseHtml(model, license)).join('');
  return section('grant', 'Grant', licenses);
}

function licenseHtml(model: DealModel, license: ast.License): string {
  const target = license.target && ('undisclosed' in license.target ? 'undisclosed' : license.target.value);
  return el('h3', undefined, license.title?.value ?? license.name.text) + facts([
    ['Grant', license.from || license.to ? `${partyName(model, license.from?.text)} to ${partyName(model, license.to?.text)}` : undefined],
    ['Exclusivity', license.exclusivity?.value],
    ['Technology', license.technology?.value],
    ['Field', license.field?.value],
    ['Target', target],
    ['Territory', territoryText(license.territory) || undefined],
    ['Indications', license.indications.map((i) => i.value).join('; ') || undefined],
    ['Sublicensing', license.sublicensing?.value],
    ['Term', license.term ? durationText(license.term) : undefined],
  ]);
}

export function economicsSection(model: DealModel): string {
  if (!model.payments.length) return '';
  const rows = model.payments.map((item): Cell[] => [
    kindLabels[item.kind],
    paymentLabel(item),
    triggerText(model, item),
    originalAmount(model, item),
    dealAmount(model, item),
    flow(model, item.payer, item.payee),
  ]);
  return section('economics', 'Economics', table(
    ['Kind', 'Payment', 'Trigger', 'Written as', `Amount (${model.currency})`, 'Payer → payee'], rows, { numeric: [3, 4] }));
}

export function milestonesSection(model: DealModel): string {
  const groups = model.payments.filter((p) => p.node.type === 'MilestoneGroup');
  return section('milestones', 'Milestones', groups.map((group) => groupHtml(model, group)).join(''));
}

function groupHtml(model: DealModel, group: PaymentItem): string {
  const node = group.node as ast.MilestoneGroup;
  const money = (v: Money | undefined) => (v === undefined ? '—' : formatMoney(v, model.currency));
  const rows: Cell[][] = (group.items ?? []).map((m) => [
    paymentLabel(m), m.node.at?.text ?? '', m.node.expected?.text ?? '', territoryText(m.node.territory), originalAmount(model, m), dealAmount(model, m),
  ]);
  const classes: (string | undefined)[] = rows.map(() => undefined);
  if (group.undisclosedRest && !group.undisclosedRest.isZero()) {
    rows.push(['Undisclosed rest', node.by?.text ?? '', '', '', '', money(group.undisclosedRest)]);
    classes.push('rest');
  }
  const cap = node.cap ? `up to ${money(group.amount)}` : 'no cap declared';
  const heading = `${paymentLabel(group)} — ${cap}, ${flow(model, group.payer, group.payee)}`;
  const note = node.by
    ? `The undisclosed rest is earned when the programme reaches ${node.by.text}.`
    : group.undisclosedRest && !group.undisclosedRest.isZero() ? 'No `by` stage: scenarios report the undisclosed rest without counting it.' : '';
  return el('h3', undefined, heading) + table(['Milestone', 'Stage', 'Expected', 'Territory', 'Written as', `Amount (${model.currency})`], rows, {
    numeric: [4, 5], rowClasses: classes, foot: ['Total', '', '', '', '', money(group.amount)],
  }) + (note ? el('p', 'note', note) : '');
}

export function royaltiesSection(model: DealModel): string {
  const royalties = model.payments.filter((p) => p.node.type === 'Royalty');
  return section('royalties', 'Royalties', royalties.map((item) => {
    const node = item.node as ast.Royalty;
    const where = node.territory?.length ? `, ${territoryText(node.territory)} sales` : '';
    const term = node.term ? `, for ${durationText(node.term)}` : '';
    const heading = el('h3', undefined, `${paymentLabel(item)}: ${royaltyText(node)}${where}${term}`);
    const tiers = node.tiers.length
      ? table(['Annual net sales', 'Rate'], tierRows(model, node).map((t) => [t.band, t.rate]), { numeric: [1], className: 'compact' })
      : '';
    return heading + el('p', 'note', flow(model, item.payer, item.payee)) + tiers;
  }).join(''));
}

export function optionsSection(model: DealModel): string {
  return section('options', 'Options', model.deal.options.map((option) => {
    const range = optionFeeRange(option, model);
    const money = (v: Money) => formatMoney(v, model.currency);
    const rows: Cell[][] = range.fees.map((fee) => [
      `at ${fee.stage}`,
      fee.amount ? money(fee.amount) : fee.exercise.fee ? `${formatMoney(new Money(fee.exercise.fee.value), model.currencyOf(fee.exercise.fee))} (no rate)` : 'no fee',
      fee.exercise.fee ? flow(model, fee.payer, fee.payee) : '',
    ]);
    const effects = option.effects.map((effect) => `<li>${el('span', undefined, effectText(model, effect))}</li>`).join('');
    const feeRange = range.min && range.max ? (range.min.eq(range.max) ? money(range.min) : `${money(range.min)} to ${money(range.max)}`) : undefined;
    return el('h3', undefined, option.title?.value ?? option.name.text) + facts([
      ['Holder', option.holder ? partyName(model, option.holder.text) : undefined],
      ['Territory', territoryText(option.territory) || undefined],
      ['Exercise fee', feeRange],
    ]) + (rows.length ? table(['Exercise', 'Fee', 'Payer → payee'], rows, { numeric: [1], className: 'compact' }) : '')
      + (effects ? `<p>On exercise:</p><ul class="effects">${effects}</ul>` : '');
  }).join(''));
}
