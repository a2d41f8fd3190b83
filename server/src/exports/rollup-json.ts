// The rollup as the JSON API gives it (`deal rollup --json`, `deal render --format json`).
// Users script against this shape: keys may be added, never renamed or removed. Every amount is
// an exact decimal string in the deal currency ("36500000", "1234.5"), never a number.
import type Decimal from 'decimal.js';
import type * as ast from '../language/ast';
import type { AnalyzedDeal, AnalyzedDocument } from '../document/analyze';
import type { DealModel, PaymentItem } from '../model/deal-model';
import { exact, Money } from '../model/money';
import { optionFeeRange } from '../model/options';
import { programCount, timesCounted } from '../model/programs';
import { countedRate, rateRange } from '../model/rate-range';
import { scenarioRollups } from '../engine/scenario-rollups';
import { scenarioEconomicsOf } from '../engine/economics';
import { addEconomicsJson, rnpvEconomicsJson } from './economics-json';
import { rnpvDeal, type DealRnpv } from '../engine/rnpv';
import type { ScenarioPayment, ScenarioRollup } from '../engine/scenarios';
import type { PartyPosition } from '../model/totals';
import type {
  Amount, RollupJson, DealJson, PartyJson, PaymentJson, OptionJson, ScenarioJson, ScenarioPaymentJson, RnpvJson, ProgramJson,
} from './rollup-json-types';

export type {
  Amount, RollupJson, DealJson, PartyJson, PaymentJson, OptionJson, ScenarioJson, ScenarioPaymentJson, RnpvJson, ProgramJson,
} from './rollup-json-types';

export interface RollupJsonOptions {
  /** Only this scenario (by id); every scenario when absent. */
  scenario?: string;
}

export function rollupJson(document: AnalyzedDocument, options: RollupJsonOptions = {}): RollupJson {
  return { deals: document.deals.map((deal) => dealJson(deal, options)) };
}

function dealJson({ model, totals }: AnalyzedDeal, options: RollupJsonOptions): DealJson {
  const deal = model.deal;
  const { rollups, failed } = scenarioRollups(model, options.scenario);
  const json: DealJson = {
    id: deal.name.text,
    ...(deal.title ? { title: deal.title.value } : {}),
    currency: model.currency,
    ...(deal.signed ? { signed: deal.signed.text } : {}),
    ...(deal.fx.length ? { fx: deal.fx.map((fx) => ({ from: fx.from.text, rate: exact(fx.rate), to: fx.to.text })) } : {}),
    totals: {
      committed: exact(totals.committed),
      contingent: exact(totals.contingent),
      headline: exact(totals.headline),
      onExercise: exact(totals.onExercise),
      ...(deal.headline ? headlineAsWritten(model, deal.headline) : {}),
    },
    ...(model.programs.size ? { programs: programsJson(model) } : {}),
    parties: {},
    byKind: amounts(totals.byKind),
    payments: model.payments.map((item) => paymentJson(model, item)),
    options: deal.options.map((option) => optionJson(model, option)),
    scenarios: {},
  };
  for (const [id, position] of totals.parties) json.parties[id] = partyJson(model, id, position);
  for (const rollup of rollups) {
    const scenario = scenarioJson(rollup);
    const economics = scenarioEconomicsOf(model, rollup.scenario);
    if (economics) addEconomicsJson(scenario, economics);
    json.scenarios[rollup.scenario.name.text] = scenario;
  }
  if (failed.length) json.scenarioErrors = Object.fromEntries(failed.map((f) => [f.id, f.reason]));
  const rnpv = rnpvDeal(model);
  if (rnpv) json.rnpv = rnpvJson(rnpv, rollups);
  for (const rollup of rollups) {
    const valued = json.rnpv?.scenarios[rollup.scenario.name.text];
    const economics = valued && scenarioEconomicsOf(model, rollup.scenario);
    const inRnpv = economics && rnpvEconomicsJson(economics);
    if (valued && inRnpv) Object.assign(valued, inRnpv);
  }
  return json;
}

function headlineAsWritten(model: DealModel, headline: ast.Money): { declaredHeadline?: Amount } {
  const converted = model.convert(headline);
  return converted ? { declaredHeadline: exact(converted) } : {};
}

function partyJson(model: DealModel, id: string, position: PartyPosition): PartyJson {
  const party = model.parties.get(id);
  return {
    ...(party?.title ? { name: party.title.value } : {}),
    ...(party?.role ? { role: party.role.text } : {}),
    receives: exact(position.receives),
    pays: exact(position.pays),
    net: exact(position.net),
    committed: { receives: exact(position.committed.receives), pays: exact(position.committed.pays) },
    contingent: { receives: exact(position.contingent.receives), pays: exact(position.contingent.pays) },
    ...(model.exercisePayments.length ? { onExercise: { receives: exact(position.onExercise.receives), pays: exact(position.onExercise.pays) } } : {}),
  };
}

function programsJson(model: DealModel): Record<string, ProgramJson> {
  const json: Record<string, ProgramJson> = {};
  for (const [id, program] of model.programs) {
    json[id] = {
      ...(program.title ? { title: program.title.value } : {}),
      count: programCount(model, id),
      ...(program.stage ? { stage: program.stage.text } : {}),
    };
  }
  return json;
}

function paymentJson(model: DealModel, item: PaymentItem): PaymentJson {
  const node = item.node;
  const json: PaymentJson = { kind: item.kind };
  if (item.name) json.name = item.name;
  if (node.title) json.title = node.title.value;
  if (item.program) {
    json.program = item.program;
    const count = timesCounted(model, item);
    if (count !== 1) json.count = count;
  }
  if (item.payer) json.payer = item.payer;
  if (item.payee) json.payee = item.payee;
  if (item.amount !== undefined) json.amount = exact(item.amount);
  if (item.written && item.writtenCurrency !== model.currency) {
    json.original = { amount: exact(writtenTotal(item)), currency: item.writtenCurrency };
  }
  if (node.undisclosed) json.undisclosed = true;
  if (node.onSigning) json.onSigning = true;
  if (node.on) json.date = node.on.text;
  if (node.at) json.stage = node.at.text;
  if (node.expected) json.expected = node.expected.text;
  if (node.territory?.length) json.territory = node.territory.map((t) => t.text);
  if (node.type === 'Funding' && node.years && item.written) {
    const instalment = model.convert(item.written);
    if (instalment) json.instalment = exact(instalment);
    json.years = node.years.count;
  }
  if (node.type === 'Funding' && node.over) {
    if (item.instalment) json.instalment = exact(item.instalment);
    if (item.instalments && item.instalments.length > 1) json.instalments = item.instalments.map(exact);
    json.years = node.over.count;
  }
  if (node.type === 'Equity' && item.fairValue !== undefined && item.premium !== undefined) {
    json.fairValue = exact(item.fairValue);
    json.premium = exact(item.premium);
  }
  if (node.type === 'SalesMilestone' && node.threshold) {
    const threshold = model.convert(node.threshold);
    if (threshold) json.threshold = exact(threshold);
  }
  if (node.type === 'Royalty') {
    if (node.rate) {
      const written = { rate: node.rate, rateTo: node.rateTo };
      json.rate = exact(countedRate(written));
      const range = rateRange(written);
      if (range) json.rateRange = { min: exact(range.min), max: exact(range.max) };
    }
    if (node.tiers.length) {
      json.tiers = node.tiers.map((tier) => {
        const upTo = tier.upTo ? model.convert(tier.upTo) : undefined;
        const range = rateRange(tier);
        return {
          rate: exact(countedRate(tier)), ...(range ? { rateRange: { min: exact(range.min), max: exact(range.max) } } : {}),
          ...(upTo ? { upTo: exact(upTo) } : {}), ...(tier.above ? { above: true as const } : {}),
        };
      });
    }
    if (node.cumulative) json.cumulative = true;
    if (node.total) json.total = true;
  }
  if (node.type === 'MilestoneGroup') {
    if (node.by) json.by = node.by.text;
    if (item.itemized !== undefined) json.itemized = exact(item.itemized);
    if (item.undisclosedRest !== undefined) json.undisclosedRest = exact(item.undisclosedRest);
    json.milestones = (item.items ?? []).map((m) => paymentJson(model, m));
  }
  return json;
}

/** The written amount in its own currency; funding counts every instalment, like `amount`. */
function writtenTotal(item: PaymentItem): Decimal {
  const value = new Money(item.written!.value);
  return item.node.type === 'Funding' ? value.times(item.node.years?.count ?? 1) : value;
}

function optionJson(model: DealModel, option: ast.OptionDecl): OptionJson {
  const range = optionFeeRange(option, model);
  const count = programCount(model, option.program?.text);
  const onExercise = model.exercisePayments.filter((item) => item.option === option);
  return {
    id: option.name.text,
    ...(option.title ? { title: option.title.value } : {}),
    ...(option.holder ? { holder: option.holder.text } : {}),
    ...(option.territory?.length ? { territory: option.territory.map((t) => t.text) } : {}),
    ...(option.program ? { program: option.program.text } : {}),
    ...(count !== 1 ? { count } : {}),
    ...(range.min && range.max ? { feeRange: { min: exact(range.min), max: exact(range.max) } } : {}),
    exercises: range.fees.map((fee) => ({
      stage: fee.stage,
      ...(fee.amount ? { fee: exact(fee.amount) } : {}),
      ...(fee.max ? { feeMax: exact(fee.max) } : {}),
      ...(fee.undisclosed ? { feeUndisclosed: true as const } : {}),
      ...((fee.amount || fee.undisclosed) && fee.payer ? { payer: fee.payer } : {}),
      ...((fee.amount || fee.undisclosed) && fee.payee ? { payee: fee.payee } : {}),
    })),
    ...(onExercise.length ? { onExercise: onExercise.map((item) => paymentJson(model, item)) } : {}),
    ...(option.developers?.length ? {
      developers: option.developers.map((d) => ({ party: d.party.text, ...(d.territory?.length ? { territory: d.territory.map((t) => t.text) } : {}) })),
    } : {}),
  };
}

function scenarioJson(rollup: ScenarioRollup): ScenarioJson {
  const parties: ScenarioJson['parties'] = {};
  for (const [id, p] of rollup.parties) {
    parties[id] = { receives: exact(p.receives), pays: exact(p.pays), net: exact(p.net), ...(p.rnpv ? { rnpv: exact(p.rnpv) } : {}) };
  }
  return {
    ...(rollup.scenario.title ? { title: rollup.scenario.title.value } : {}),
    ...(rollup.reach ? { reach: rollup.reach } : {}),
    exercises: rollup.exercises.map((e) => {
      const fee = e.happens && e.exercise?.fee ? rollup.payments.find((p) => p.kind === 'option-fee' && p.option === e.option) : undefined;
      return { option: e.option.name.text, ...(e.stage ? { stage: e.stage } : {}), happens: e.happens, ...(fee ? { fee: exact(fee.amount) } : {}) };
    }),
    parties,
    byKind: amounts(rollup.byKind),
    byYear: amounts(rollup.byYear),
    total: exact(rollup.total),
    payments: rollup.payments.map(scenarioPaymentJson),
    unattributed: rollup.unattributed.map((u) => ({ group: u.group.name ?? u.group.kind, amount: exact(u.amount) })),
    forfeited: rollup.forfeited.map((f) => ({ label: f.label, ...(f.amount ? { amount: exact(f.amount) } : {}) })),
    sharing: rollup.sharing.map((share) => ({
      option: share.option.name.text,
      what: share.what,
      shares: Object.fromEntries(share.shares.map((s) => [s.party, exact(s.percent)])),
      ...(share.territory?.length ? { territory: share.territory } : {}),
    })),
    unvalued: rollup.unvalued.map((u) => ({ label: u.label, reason: u.reason })),
    ...(rollup.rnpv ? { rnpv: exact(rollup.rnpv) } : {}),
  };
}

function scenarioPaymentJson(payment: ScenarioPayment): ScenarioPaymentJson {
  const json: ScenarioPaymentJson = { kind: payment.kind, label: payment.label, amount: exact(payment.amount), year: payment.year };
  if (payment.item?.name) json.name = payment.item.name;
  else if (payment.option) json.name = payment.option.name.text;
  if (payment.payer) json.payer = payment.payer;
  if (payment.payee) json.payee = payment.payee;
  if (payment.program) json.program = payment.program;
  if (payment.stage) json.stage = payment.stage;
  if (payment.date) json.date = payment.date.text;
  if (payment.instalment) json.instalment = { ...payment.instalment };
  if (payment.royalty) {
    json.sales = exact(payment.royalty.sales);
    if (payment.royalty.territory) json.territory = payment.royalty.territory;
    json.tiers = payment.royalty.tiers.map((t) => ({ rate: exact(t.rate.times(100)), base: exact(t.base), amount: exact(t.amount) }));
    if (payment.royalty.cumulative) json.cumulativeSales = exact(payment.royalty.cumulative);
  }
  if (payment.probability) json.probability = exact(payment.probability);
  if (payment.rnpv) json.rnpv = exact(payment.rnpv);
  return json;
}

function rnpvJson(rnpv: DealRnpv, rollups: ScenarioRollup[]): RnpvJson {
  const parties: RnpvJson['parties'] = {};
  for (const [id, p] of rnpv.parties) parties[id] = { receives: exact(p.receives), pays: exact(p.pays), net: exact(p.net) };
  const scenarios: RnpvJson['scenarios'] = {};
  for (const rollup of rollups) {
    if (!rollup.rnpv) continue;
    const nets: Record<string, Amount> = {};
    for (const [id, p] of rollup.parties) if (p.rnpv) nets[id] = exact(p.rnpv);
    scenarios[rollup.scenario.name.text] = { total: exact(rollup.rnpv), parties: nets };
  }
  return {
    asOf: rnpv.basis.asOf.text,
    discount: exact(rnpv.basis.discount.times(100)),
    committed: exact(rnpv.committed),
    contingent: exact(rnpv.contingent),
    total: exact(rnpv.total),
    parties,
    payments: rnpv.rows.map((row) => ({
      label: row.label,
      kind: row.kind,
      ...(row.payer ? { payer: row.payer } : {}),
      ...(row.payee ? { payee: row.payee } : {}),
      amount: exact(row.amount),
      ...(row.stage ? { stage: row.stage } : {}),
      ...(row.probability ? { probability: exact(row.probability) } : {}),
      ...(row.date ? { date: row.date.text } : {}),
      ...(row.years ? { years: exact(row.years.toDecimalPlaces(4)) } : {}),
      ...(row.rnpv ? { rnpv: exact(row.rnpv) } : {}),
    })),
    scenarios,
  };
}

function amounts(map: ReadonlyMap<string, Decimal>): Record<string, Amount> {
  const json: Record<string, Amount> = {};
  for (const [key, value] of map) json[key] = exact(value);
  return json;
}
