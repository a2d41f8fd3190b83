// The terms of a deal as term-sheet sections: the grant, the economics (every payment), the
// milestone groups itemized, the royalty tiers and the options.
import type * as ast from '../language/ast';
import type { DealModel, PaymentItem } from '../model/deal-model';
import { formatMoney, Money } from '../model/money';
import { optionFeeRange } from '../model/options';
import { programCount } from '../model/programs';
import {
  dateText, dealAmount, durationText, effectText, exerciseFeeText, flow, groupItemTrigger, originalAmount,
  partyName, paymentLabel, royaltyText, territoryText, tierBandHeading, tierRows, triggerText,
} from '../model/describe';
import { kindLabel } from '../model/payment-kinds';
import { el, facts, figure, joined, noLines, section, table, type Cell, type LineOf } from './html-kit';

export function grantSection(model: DealModel, lineOf: LineOf = noLines): string {
  const licenses = model.deal.licenses.map((license) => licenseHtml(model, license, lineOf)).join('');
  return section('grant', 'Grant', licenses);
}

function licenseHtml(model: DealModel, license: ast.License, lineOf: LineOf): string {
  const target = license.target && ('undisclosed' in license.target ? 'undisclosed' : license.target.value);
  return el('h3', undefined, license.title?.value ?? license.name.text, lineOf(license.span)) + facts([
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

/** The amount as written, where it is in another currency than the deal's. */
function writtenCell(model: DealModel, item: PaymentItem): Cell {
  if (!originalAmount(model, item)) return '';
  return figure(new Money(item.written!.value), item.writtenCurrency!, { paren: false });
}

/** The amount in the deal currency, or why there is none. */
function amountCell(model: DealModel, item: PaymentItem): Cell {
  return item.amount !== undefined ? figure(item.amount, model.currency) : dealAmount(model, item);
}

/** An option's exercise fee: a figure, a range of figures, or words. */
function feeCell(model: DealModel, exercise: ast.OptionExercise): Cell {
  const one = (written: ast.Money): Cell => {
    const converted = model.convert(written);
    return converted ? figure(converted, model.currency) : exerciseFeeText(model, { ...exercise, fee: written, feeMax: undefined });
  };
  if (exercise.feeUndisclosed || !exercise.fee) return exerciseFeeText(model, exercise);
  return exercise.feeMax ? joined(one(exercise.fee), ' to ', one(exercise.feeMax)) : one(exercise.fee);
}

export function economicsSection(model: DealModel, lineOf: LineOf = noLines): string {
  if (!model.payments.length) return '';
  const rows = model.payments.map((item): Cell[] => [
    kindLabel(item.kind),
    paymentLabel(item),
    triggerText(model, item),
    writtenCell(model, item),
    amountCell(model, item),
    flow(model, item.payer, item.payee),
  ]);
  return section('economics', 'Economics', table(
    ['Kind', 'Payment', 'Trigger', 'Written as', `Amount (${model.currency})`, 'Payer → payee'], rows,
    { numeric: [3, 4], rowLines: model.payments.map((item) => lineOf(item.node.span)) }));
}

export function milestonesSection(model: DealModel, lineOf: LineOf = noLines): string {
  const groups = model.payments.filter((p) => p.node.type === 'MilestoneGroup');
  return section('milestones', 'Milestones', groups.map((group) => groupHtml(model, group, lineOf)).join(''));
}

function groupHtml(model: DealModel, group: PaymentItem, lineOf: LineOf): string {
  const node = group.node as ast.MilestoneGroup;
  const money = (v: Money | undefined) => (v === undefined ? '—' : formatMoney(v, model.currency));
  const fig = (v: Money | undefined): Cell => (v === undefined ? '—' : figure(v, model.currency));
  const rows: Cell[][] = (group.items ?? []).map((m) => [
    paymentLabel(m), groupItemTrigger(model, m), dateText(m.node.expected) ?? '', territoryText(m.node.territory), writtenCell(model, m), amountCell(model, m),
  ]);
  const classes: (string | undefined)[] = rows.map(() => undefined);
  const lines = (group.items ?? []).map((m) => lineOf(m.node.span));
  if (group.undisclosedRest && !group.undisclosedRest.isZero()) {
    rows.push(['Undisclosed rest', node.by?.text ?? '', '', '', '', fig(group.undisclosedRest)]);
    classes.push('rest');
    lines.push(lineOf(node.span));
  }
  const cap = node.cap ? `up to ${money(group.amount)}` : 'no cap declared';
  const heading = `${paymentLabel(group)} — ${cap}, ${flow(model, group.payer, group.payee)}`;
  const note = node.by
    ? `The undisclosed rest is earned when the programme reaches ${node.by.text}.`
    : group.undisclosedRest && !group.undisclosedRest.isZero() ? 'No stage is given by which the undisclosed rest is earned: scenarios list it without counting it.' : '';
  return el('h3', undefined, heading, lineOf(node.span)) + table(['Milestone', 'Stage', 'Expected', 'Territory', 'Written as', `Amount (${model.currency})`], rows, {
    numeric: [4, 5], rowClasses: classes, rowLines: lines, foot: ['Total', '', '', '', '', fig(group.amount)],
  }) + (note ? el('p', 'note', note) : '');
}

export function royaltiesSection(model: DealModel, lineOf: LineOf = noLines): string {
  const royalties = model.payments.filter((p) => p.node.type === 'Royalty');
  return section('royalties', 'Royalties', royalties.map((item) => {
    const node = item.node as ast.Royalty;
    const where = node.territory?.length ? `, ${territoryText(node.territory)} sales` : '';
    const term = node.term ? `, for ${durationText(node.term)}` : '';
    const heading = el('h3', undefined, `${paymentLabel(item)}: ${royaltyText(node)}${where}${term}`, lineOf(node.span));
    const tiers = node.tiers.length
      ? table([tierBandHeading(node), 'Rate'], tierRows(model, node).map((t) => [t.band, t.rate]),
        { numeric: [1], className: 'compact', rowLines: node.tiers.map((t) => lineOf(t.span)) })
      : '';
    return heading + el('p', 'note', flow(model, item.payer, item.payee)) + tiers;
  }).join(''));
}

export function optionsSection(model: DealModel, lineOf: LineOf = noLines): string {
  return section('options', 'Options', model.deal.options.map((option) => {
    const range = optionFeeRange(option, model);
    const money = (v: Money) => formatMoney(v, model.currency);
    const rows: Cell[][] = range.fees.map((fee) => [
      `at ${fee.stage}`,
      feeCell(model, fee.exercise),
      fee.exercise.fee || fee.exercise.feeUndisclosed ? flow(model, fee.payer, fee.payee) : '',
    ]);
    const payments = model.exercisePayments.filter((item) => item.option === option);
    const paid = payments.length ? table(['Kind', 'Payment', 'Trigger', `Amount (${model.currency})`, 'Payer → payee'],
      payments.map((item): Cell[] => [kindLabel(item.kind), paymentLabel(item), triggerText(model, item), amountCell(model, item), flow(model, item.payer, item.payee)]),
      { numeric: [3], className: 'compact', caption: 'Payments on exercise', rowLines: payments.map((item) => lineOf(item.node.span)) }) : '';
    const developers = (option.developers ?? []).map((d) => el('li', undefined,
      `${partyName(model, d.party.text)} develops${d.territory?.length ? ` in ${territoryText(d.territory)}` : ''}`, lineOf(d.span))).join('');
    const effects = developers + option.effects.map((effect) => el('li', undefined, effectText(model, effect), lineOf(effect.span))).join('');
    const feeRange = range.min && range.max ? (range.min.eq(range.max) ? money(range.min) : `${money(range.min)} to ${money(range.max)}`) : undefined;
    const count = programCount(model, option.program?.text);
    return el('h3', undefined, option.title?.value ?? option.name.text, lineOf(option.span)) + facts([
      ['Holder', option.holder ? partyName(model, option.holder.text) : undefined],
      ['Programme', option.program ? `${option.program.text}${count === 1 ? '' : ` (one option per programme, × ${count})`}` : undefined],
      ['Territory', territoryText(option.territory) || undefined],
      ['Exercise fee', feeRange],
    ]) + (rows.length ? table(['Exercise', 'Fee', 'Payer → payee'], rows,
      { numeric: [1], className: 'compact', rowLines: range.fees.map((fee) => lineOf(fee.exercise.span)) }) : '')
      + paid
      + (effects ? `<p>On exercise:</p><ul class="effects">${effects}</ul>` : '');
  }).join(''));
}

export function programsSection(model: DealModel, lineOf: LineOf = noLines): string {
  const programs = model.deal.programs ?? [];
  if (!programs.length) return '';
  const rows = programs.map((p): Cell[] => [p.name.text, p.title?.value ?? '', p.stage?.text ?? '', String(programCount(model, p.name.text))]);
  return section('programs', 'Programmes', table(['Programme', 'Title', 'Stage', 'Count'], rows,
    { numeric: [3], className: 'compact', rowLines: programs.map((p) => lineOf(p.span)) })
    + el('p', 'note', 'An amount that belongs to a programme counts once per programme in the deal totals.'));
}
