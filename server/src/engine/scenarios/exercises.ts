// Options a scenario exercises, and what exercising gives up. An option exercised at a stage
// keeps every payment earned at or before that stage and applies its `forfeit` effects to all
// that would come later: `forfeit unearned GROUP` drops the group's later milestones and its
// undisclosed rest; `forfeit PAYMENT [in TERRITORY]` drops that payment (for a royalty, its
// royalty on that territory's sales). Royalties and sales milestones are earned on sales, which
// always come after an exercise, so a forfeit always reaches them.
import type * as ast from '../../language/ast';
import type { DealModel, PaymentItem } from '../../model/deal-model';
import { findExercise } from '../../model/options';
import { stageIndex } from '../../model/stages';
import { covers, isWorldwide } from './sales';
import type { Tracks } from './tracks';
import type { ScenarioExerciseResult, ScenarioSharing } from './types';

interface PaymentForfeit { name: string; territories?: string[]; stageIndex: number }

export interface Forfeits {
  /** `forfeit unearned GROUP`: group name → stage index of the earliest exercise. */
  groups: Map<string, number>;
  /** `forfeit PAYMENT`, by the payment (or group) named: a payment looks up its own, so a
   * scenario exercising many options does not test every forfeit against every payment. */
  payments: Map<string, PaymentForfeit[]>;
}

export interface ResolvedExercises {
  results: ScenarioExerciseResult[];
  forfeits: Forfeits;
  sharing: ScenarioSharing[];
  /** Why an exercise the scenario names does not happen. */
  notes: { label: string; reason: string }[];
}

export function resolveExercises(model: DealModel, scenario: ast.Scenario, tracks: Tracks): ResolvedExercises {
  const resolved: ResolvedExercises = { results: [], forfeits: { groups: new Map(), payments: new Map() }, sharing: [], notes: [] };
  for (const written of scenario.exercises) {
    const option = model.options.get(written.option.text);
    const label = `${written.option.text} exercise`;
    if (!option) {
      resolved.notes.push({ label, reason: `there is no option ${written.option.text} in this deal` });
      continue;
    }
    const exercise = findExercise(option, written.stage?.text, model);
    const stage = written.stage?.text ?? exercise?.stage.text;
    const index = stageIndex(model.stages, stage);
    // An option on a programme is exercised where that programme gets to.
    const reachIndex = tracks.of(option.program?.text).reachIndex;
    const result: ScenarioExerciseResult = { option, stage, exercise, happens: false, ...(written.paying ? { paying: written.paying } : {}) };
    resolved.results.push(result);
    if (!exercise) {
      resolved.notes.push({ label, reason: stage ? `${option.name.text} offers no exercise at ${stage}` : `${option.name.text} offers no exercise point` });
      continue;
    }
    if (index < 0 || index > reachIndex) {
      resolved.notes.push({ label, reason: `the scenario does not reach ${stage}, where ${option.name.text} would be exercised` });
      continue;
    }
    result.happens = true;
    for (const effect of option.effects) {
      if (effect.type === 'ForfeitUnearned') {
        const before = resolved.forfeits.groups.get(effect.group.text);
        resolved.forfeits.groups.set(effect.group.text, before === undefined ? index : Math.min(before, index));
      } else if (effect.type === 'Forfeit') {
        const forfeit = { name: effect.payment.text, territories: effect.territory?.map((t) => t.text), stageIndex: index };
        const same = resolved.forfeits.payments.get(forfeit.name);
        if (same) same.push(forfeit);
        else resolved.forfeits.payments.set(forfeit.name, [forfeit]);
      } else {
        resolved.sharing.push({
          option, what: effect.what, territory: effect.territory?.map((t) => t.text),
          shares: effect.shares.map((s) => ({ party: s.party.text, percent: s.percent.value })),
        });
      }
    }
  }
  return resolved;
}

const later = (stage: number | undefined, exercisedAt: number) => stage === undefined || stage < 0 || stage > exercisedAt;

/**
 * Whether exercising gives up a milestone, sales milestone or other fixed payment. `stage` is
 * the stage index it is earned at; `onSales` marks payments earned on sales (always later).
 */
export function isForfeited(forfeits: Forfeits, item: PaymentItem, stage: number | undefined, onSales = false): boolean {
  const group = item.group?.name;
  if (group !== undefined) {
    const exercisedAt = forfeits.groups.get(group);
    if (exercisedAt !== undefined && later(stage, exercisedAt)) return true;
  }
  // Asked of every payment a scenario earns: nothing is built for a payment no forfeit names.
  const forfeited = (f: PaymentForfeit) => (onSales || later(stage, f.stageIndex))
    && territoriesOverlap(f.territories, item.node.territory?.map((t) => t.text));
  if (forfeitsOf(forfeits, item.name).some(forfeited)) return true;
  return group !== undefined && group !== item.name && forfeitsOf(forfeits, group).some(forfeited);
}

/** Whether exercising gives up a group's undisclosed rest (earned at its `by` stage). */
export function isRestForfeited(forfeits: Forfeits, group: PaymentItem, byStage: number | undefined): boolean {
  const name = group.name;
  if (name === undefined) return false;
  const unearned = forfeits.groups.get(name);
  if (unearned !== undefined && later(byStage, unearned)) return true;
  return forfeitsOf(forfeits, name).some((f) => f.territories === undefined && later(byStage, f.stageIndex));
}

/** How a royalty is forfeited: not at all, entirely, or on some territories' sales. */
export function royaltyForfeit(forfeits: Forfeits, name: string | undefined): { all: boolean; territories: string[] } {
  const result = { all: false, territories: [] as string[] };
  for (const f of forfeitsOf(forfeits, name)) {
    if (!f.territories || f.territories.length === 0 || f.territories.some(isWorldwide)) result.all = true;
    else for (const territory of f.territories) result.territories.push(territory);
  }
  return result;
}

const noForfeits: readonly PaymentForfeit[] = Object.freeze([]);

function forfeitsOf(forfeits: Forfeits, name: string | undefined): readonly PaymentForfeit[] {
  return (name !== undefined && forfeits.payments.get(name)) || noForfeits;
}

/** A forfeit limited to territories reaches a payment only if the payment is limited to one of
 * them too: a worldwide milestone cannot be split, so a US-only forfeit leaves it alone. */
function territoriesOverlap(forfeit: string[] | undefined, payment: string[] | undefined): boolean {
  if (!forfeit || forfeit.length === 0) return true;
  if (!payment || payment.length === 0) return false;
  return forfeit.some((f) => payment.some((p) => covers(f, p) || covers(p, f)));
}
