// The payments a scenario triggers by reaching stages and by the calendar: committed payments
// (upfront, fee, equity, funding instalments), milestones at or before the stage reached, and
// a milestone group's undisclosed rest once the scenario reaches the group's `by` stage. Each
// payment goes by its kind's scenario rule (model/payment-kinds.ts).
import type { PaymentItem } from '../../model/deal-model';
import { paymentKinds } from '../../model/payment-kinds';
import { stageIndex } from '../../model/stages';
import { timesTrack, whyNoFigure, type ScenarioContext } from './context';
import { isForfeited, isRestForfeited } from './exercises';
import { fundingInstalments, labelOf, ownDate, yearOf } from './schedule';

export function addFixedPayments(ctx: ScenarioContext, items: readonly PaymentItem[]): void {
  for (const item of items) addFixedPayment(ctx, item);
}

/** One payment's entries: what it pays in the scenario, or why it pays nothing that counts. */
export function addFixedPayment(ctx: ScenarioContext, item: PaymentItem): void {
  const rule = paymentKinds[item.kind].scenario;
  switch (rule) {
    case 'on-its-date':
      addCommitted(ctx, item);
      break;
    case 'yearly-instalments':
      addFunding(ctx, item);
      break;
    case 'at-its-stage':
      if (item.node.type === 'MilestoneGroup') {
        // A group's sales milestones are earned on the scenario's sales (sales-payments.ts).
        for (const milestone of item.items ?? []) if (milestone.node.type === 'Milestone') addMilestone(ctx, milestone);
        addUndisclosedRest(ctx, item);
      } else {
        addMilestone(ctx, item);
      }
      break;
    case 'listed-unvalued':
      ctx.out.unvalued.push({ label: labelOf(item), reason: 'supplied at cost: no fixed figure', item });
      break;
    case 'sales-threshold':
    case 'royalty-on-sales':
      break; // the scenario's sales pay these (sales-payments.ts)
    case 'on-exercise':
      break; // exercising the option pays it (rollup-scenario.ts)
    default: {
      const _exhaustive: never = rule;
      return _exhaustive;
    }
  }
}

/** Upfront, fee and equity: certain, on their own date (the signing date for `on signing`). */
function addCommitted(ctx: ScenarioContext, item: PaymentItem): void {
  if (item.amount === undefined) {
    ctx.out.unvalued.push({ label: labelOf(item), reason: whyNoFigure(item, ctx.model), item });
    return;
  }
  const date = ownDate(item, ctx.model);
  ctx.out.payments.push(timesTrack({
    kind: item.kind, label: labelOf(item), item, payer: item.payer, payee: item.payee, amount: item.amount,
    year: yearOf(date) ?? 'unscheduled', date, program: item.program,
  }, ctx.tracks.ofPayment(item)));
}

function addFunding(ctx: ScenarioContext, item: PaymentItem): void {
  if (item.amount === undefined) {
    ctx.out.unvalued.push({ label: labelOf(item), reason: whyNoFigure(item, ctx.model), item });
    return;
  }
  const track = ctx.tracks.ofPayment(item);
  for (const part of fundingInstalments(item, ctx.model)) {
    ctx.out.payments.push(timesTrack({
      kind: 'funding', label: `${labelOf(item)} ${part.date?.year ?? `instalment ${part.index}`}`, item,
      payer: item.payer, payee: item.payee, amount: part.amount, year: yearOf(part.date) ?? 'unscheduled',
      date: part.date, instalment: { index: part.index, count: part.count }, program: item.program,
    }, track));
  }
}

/**
 * A milestone is earned when the scenario reaches its stage (`at`; in a group without one, the
 * group's `by`). Its year is its own date, else the timeline's year for its stage.
 */
function addMilestone(ctx: ScenarioContext, item: PaymentItem): void {
  const stage = item.node.at?.text ?? (item.group?.node.type === 'MilestoneGroup' ? item.group.node.by?.text : undefined);
  const label = labelOf(item);
  if (stage === undefined) {
    ctx.out.unvalued.push({ label, reason: 'no stage is given (`at STAGE`), so no scenario can tell when it is earned', item });
    return;
  }
  const index = stageIndex(ctx.model.stages, stage);
  if (index < 0) {
    ctx.out.unvalued.push({ label, reason: `${stage} is not one of the deal's stages`, item });
    return;
  }
  const track = ctx.tracks.ofPayment(item);
  if (index > track.reachIndex) return;
  if (isForfeited(ctx.forfeits, item, index)) {
    ctx.out.forfeited.push(timesTrack({ label, amount: item.amount }, track));
    return;
  }
  if (item.amount === undefined) {
    ctx.out.unvalued.push({ label, reason: whyNoFigure(item, ctx.model), item });
    return;
  }
  const date = ownDate(item, ctx.model) ?? track.timeline.get(stage);
  ctx.out.payments.push(timesTrack({
    kind: 'milestone', label, item, payer: item.payer, payee: item.payee, amount: item.amount,
    year: yearOf(date) ?? 'unscheduled', date, stage, program: item.program,
  }, track));
}

/** The cap less the itemized milestones: earned at the group's `by` stage, else unattributed. */
function addUndisclosedRest(ctx: ScenarioContext, group: PaymentItem): void {
  const rest = group.undisclosedRest;
  if (!rest || rest.lte(0) || group.node.type !== 'MilestoneGroup') return;
  const label = `${labelOf(group)} undisclosed rest`;
  const by = group.node.by?.text;
  const index = stageIndex(ctx.model.stages, by);
  const track = ctx.tracks.ofPayment(group);
  if (by === undefined) {
    if (isRestForfeited(ctx.forfeits, group, undefined)) ctx.out.forfeited.push(timesTrack({ label, amount: rest }, track));
    else ctx.out.unattributed.push(timesTrack({ group, amount: rest }, track));
    return;
  }
  if (index < 0) {
    ctx.out.unvalued.push({ label, reason: `${by} is not one of the deal's stages`, item: group });
    return;
  }
  if (index > track.reachIndex) return;
  if (isRestForfeited(ctx.forfeits, group, index)) {
    ctx.out.forfeited.push(timesTrack({ label, amount: rest }, track));
    return;
  }
  const date = ownDate(group, ctx.model) ?? track.timeline.get(by);
  ctx.out.payments.push(timesTrack({
    kind: 'milestone', label, item: group, payer: group.payer, payee: group.payee, amount: rest,
    year: yearOf(date) ?? 'unscheduled', date, stage: by, program: group.program,
  }, track));
}
