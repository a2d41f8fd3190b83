// The term sheet as Markdown tables, for a memo or a pull request. Same content as the HTML,
// plainer. Text from the file goes through `mdText`, so a `|` or `*` in a title cannot break a table.
import type Decimal from 'decimal.js';
import type * as ast from '../language/ast';
import type { AnalyzedDeal, AnalyzedDocument } from '../document/analyze';
import type { DealModel } from '../model/deal-model';
import { formatMoney, formatPercent, ZERO } from '../model/money';
import type { ScenarioRollup } from '../engine/scenarios';
import { shownDeal } from '../model/shown-figures';
import {
  dateText, dealAmount, durationText, effectText, exerciseFeeText, flow, groupItemTrigger, originalAmount, partyName, paymentLabel,
  roleText, royaltyText, territoryText, tierBandHeading, tierRows, triggerText,
} from '../model/describe';
import { programCount } from '../model/programs';
import { optionFeeRange } from '../model/options';
import { kindLabel, kindTotalLabel } from '../model/payment-kinds';
import { scenarioPaymentWords } from './reader-words';
import { mdTable, mdText } from '../model/markdown-text';
import { valueMarkdown } from './markdown-value';
import { valuationMarkdown } from './markdown-valuation';
import { exchangeRatesText } from './deal-facts';
import { headlineAsAnnounced } from '../model/headline';
import { valuedScenarios } from './html-value';
import { notComparedNote, notDetailedNote, shownScenarios } from './shown-scenarios';

export { mdText } from '../model/markdown-text';


export interface RenderMarkdownOptions { scenario?: string }

export function renderMarkdown(document: AnalyzedDocument, options: RenderMarkdownOptions = {}): string {
  const parts: string[] = [];
  const errors = document.diagnostics.filter((d) => d.severity === 'error');
  if (document.diagnostics.length) {
    parts.push(`> **${errors.length ? `${errors.length} error(s): the figures below may be incomplete` : 'Notes on this file'}**`);
    for (const d of document.diagnostics) {
      const at = document.lines.positionAt(d.span.start);
      parts.push(`> - ${d.severity} line ${at.line + 1}, column ${at.character + 1}: ${mdText(d.message)} (${d.code})`);
    }
    parts.push('');
  }
  for (const deal of document.deals) parts.push(dealMarkdown(shownDeal(deal), options));
  if (!document.deals.length) parts.push('_This file has no deal yet._');
  return `${parts.join('\n').trimEnd()}\n`;
}

function dealMarkdown({ model, totals }: AnalyzedDeal, options: RenderMarkdownOptions): string {
  const deal = model.deal;
  const money = (v: Decimal) => formatMoney(v, model.currency);
  const out: string[] = [`# ${mdText(deal.title?.value ?? deal.name.text)}`, '', `${mdText(deal.name.text)} · amounts in ${model.currency}`, ''];
  const partyList = deal.parties.map((p) => `${p.title?.value ?? p.name.text}${p.role ? ` (${roleText(p)})` : ''}`).join('; ');
  const declared = deal.headline ? model.convert(deal.headline) : undefined;
  const factRows: [string, string | undefined][] = [
    ['Parties', partyList || undefined], ['Signed', dateText(deal.signed)], ['Effective', dateText(deal.effective)],
    ['Announced', dateText(deal.announced)], ['Development stage', deal.stage?.text], ['Source', deal.source?.value],
    ['Headline as announced', declared ? headlineAsAnnounced(deal, formatMoney(declared, model.currency)) : undefined],
    ['Exchange rates', exchangeRatesText(deal)],
  ];
  out.push(mdTable(['Term', 'Detail'], factRows.filter((r): r is [string, string] => !!r[1])), '');

  const onExercise = model.exercisePayments.length > 0;
  out.push('## Summary', '', mdTable(['Headline value', 'Committed', 'Contingent', ...(onExercise ? ['On exercise'] : [])],
    [[money(totals.headline), money(totals.committed), money(totals.contingent), ...(onExercise ? [money(totals.onExercise)] : [])]], onExercise ? [0, 1, 2, 3] : [0, 1, 2]), '');
  out.push(mdTable(['Party', 'Receives', 'Pays', 'Net'], [...totals.parties].map(([id, p]) => [partyName(model, id), money(p.receives), money(p.pays), money(p.net)]), [1, 2, 3]), '');
  if (totals.byKind.size) out.push(mdTable(['Kind', 'Amount'], [...totals.byKind].map(([k, v]) => [kindTotalLabel(k), money(v)]), [1]), '');

  for (const license of deal.licenses) for (const line of licenseMarkdown(model, license)) out.push(line);
  if (deal.programs?.length) {
    out.push('## Programmes', '', mdTable(['Programme', 'Title', 'Stage', 'Count'],
      deal.programs.map((p) => [p.name.text, p.title?.value ?? '', p.stage?.text ?? '', String(programCount(model, p.name.text))]), [3]), '');
  }
  if (model.payments.length) {
    out.push('## Economics', '', mdTable(['Kind', 'Payment', 'Trigger', 'Written as', `Amount (${model.currency})`, 'Payer → payee'],
      model.payments.map((item) => [kindLabel(item.kind), paymentLabel(item), triggerText(model, item), originalAmount(model, item), dealAmount(model, item), flow(model, item.payer, item.payee)]), [3, 4]), '');
  }
  for (const group of model.payments.filter((p) => p.node.type === 'MilestoneGroup')) {
    const rows = (group.items ?? []).map((m) => [paymentLabel(m), groupItemTrigger(model, m), dateText(m.node.expected) ?? '', dealAmount(model, m)]);
    if (group.undisclosedRest && !group.undisclosedRest.isZero()) rows.push(['Undisclosed rest', (group.node as ast.MilestoneGroup).by?.text ?? '', '', money(group.undisclosedRest)]);
    rows.push(['Total', '', '', dealAmount(model, group)]);
    out.push(`### ${mdText(paymentLabel(group))}`, '', mdTable(['Milestone', 'Stage', 'Expected', 'Amount'], rows, [3]), '');
  }
  for (const item of model.payments.filter((p) => p.node.type === 'Royalty')) {
    const node = item.node as ast.Royalty;
    out.push(`### ${mdText(paymentLabel(item))}: ${mdText(royaltyText(node))}${node.term ? `, for ${durationText(node.term)}` : ''}`, '');
    if (node.tiers.length) out.push(mdTable([tierBandHeading(node), 'Rate'], tierRows(model, node).map((t) => [t.band, t.rate]), [1]), '');
  }
  for (const option of deal.options) {
    out.push(`### Option ${mdText(option.title?.value ?? option.name.text)}`, '');
    const range = optionFeeRange(option, model);
    const fees = range.min && range.max ? `, exercise fee ${range.min.eq(range.max) ? money(range.min) : `${money(range.min)} to ${money(range.max)}`}` : '';
    out.push(`Holder: ${mdText(partyName(model, option.holder?.text))}${option.program ? `, for ${mdText(option.program.text)}` : ''}${option.territory?.length ? `, territory ${mdText(territoryText(option.territory))}` : ''}${mdText(fees)}`, '');
    for (const e of option.exercises) out.push(`- exercise at ${mdText(e.stage.text)}${e.fee || e.feeUndisclosed ? `, fee ${mdText(exerciseFeeText(model, e))}` : ''}`);
    for (const item of model.exercisePayments.filter((p) => p.option === option)) {
      const trigger = triggerText(model, item);
      out.push(`- on exercise pays: ${mdText(`${kindLabel(item.kind)} ${paymentLabel(item)}${trigger ? `, ${trigger}` : ''}, ${dealAmount(model, item)}, ${flow(model, item.payer, item.payee)}`)}`);
    }
    for (const d of option.developers ?? []) out.push(`- on exercise: ${mdText(`${partyName(model, d.party.text)} develops${d.territory?.length ? ` in ${territoryText(d.territory)}` : ''}`)}`);
    for (const effect of option.effects) out.push(`- on exercise: ${mdText(effectText(model, effect))}`);
    out.push('');
  }
  for (const line of scenariosMarkdown(model, options.scenario)) out.push(line);
  const shown = shownScenarios(model, options.scenario);
  for (const line of valueMarkdown(model, valuedScenarios(model, shown.detailed))) out.push(line);
  for (const line of valuationMarkdown(model, shown)) out.push(line);
  return out.join('\n');
}

function licenseMarkdown(model: DealModel, license: ast.License): string[] {
  const rows: [string, string | undefined][] = [
    ['Grant', `${partyName(model, license.from?.text)} to ${partyName(model, license.to?.text)}`],
    ['Exclusivity', license.exclusivity?.value], ['Technology', license.technology?.value], ['Field', license.field?.value],
    ['Territory', territoryText(license.territory) || undefined], ['Indications', license.indications.map((i) => i.value).join('; ') || undefined],
    ['Sublicensing', license.sublicensing?.value], ['Term', license.term ? durationText(license.term) : undefined],
  ];
  return [`## Grant: ${mdText(license.title?.value ?? license.name.text)}`, '', mdTable(['Term', 'Detail'], rows.filter((r): r is [string, string] => !!r[1])), ''];
}

function scenariosMarkdown(model: DealModel, only?: string): string[] {
  const shown = shownScenarios(model, only);
  const { compared: rollups } = shown;
  if (!model.deal.scenarios.length) return [];
  const money = (v: Decimal) => formatMoney(v, model.currency);
  const parties = [...model.parties.keys()];
  const out = ['## Scenarios', ''];
  if (rollups.length) {
    out.push(mdTable(['Scenario', 'Reaches', ...parties.map((p) => `${partyName(model, p)} net`), 'All payments'],
      rollups.map((r) => [r.scenario.name.text, r.scenario.reach?.text ?? '', ...parties.map((p) => money(r.parties.get(p)?.net ?? ZERO)), money(r.total)]),
      parties.map((_, i) => i + 2).concat(parties.length + 2)), '');
  }
  const notCompared = notComparedNote(shown);
  if (notCompared) out.push(`_${mdText(notCompared)}_`, '');
  for (const r of shown.detailed) for (const line of scenarioDetail(model, r)) out.push(line);
  for (const f of shown.failed) out.push(`_Scenario ${mdText(f.id)} is not rolled up: ${mdText(f.reason)}._`, '');
  const notDetailed = notDetailedNote(shown);
  if (notDetailed) out.push(`_${mdText(notDetailed)}_`, '');
  return out;
}

function scenarioDetail(model: DealModel, rollup: ScenarioRollup): string[] {
  const money = (v: Decimal) => formatMoney(v, model.currency);
  const title = rollup.scenario.title ? `: ${rollup.scenario.title.value}` : '';
  return [
    `### ${mdText(`${rollup.scenario.name.text}${title}`)}`, '',
    mdTable(['Year', 'Amount'], [...rollup.byYear].map(([y, v]) => [y === 'unscheduled' ? 'Unscheduled' : y, money(v)]), [1]), '',
    mdTable(['Year', 'Payment', 'Kind', 'Payer → payee', 'Amount'], rollup.payments.map((p) => [
      p.year === 'unscheduled' ? 'Unscheduled' : String(p.year),
      `${scenarioPaymentWords(model, p)}${p.royalty ? ` on ${money(p.royalty.sales)} sales (${p.royalty.tiers.map((t) => formatPercent(t.rate.times(100))).join(', ')})` : ''}`,
      kindLabel(p.kind), flow(model, p.payer, p.payee), money(p.amount),
    ]), [4]), '',
  ];
}
