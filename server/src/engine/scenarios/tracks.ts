// Where each programme gets in a scenario. The scenario's own `timeline` and `reach` apply to
// every programme; a `program ID { timeline {...}  reach STAGE  count N  sales ... }` block
// overrides them for one programme (its timeline replaces the scenario's; `count` says how many
// of a counted programme go ahead, all when not written). Payments that belong to no programme
// follow the scenario's own terms, and measure royalties on the sum of every programme's sales.
import type * as ast from '../../language/ast';
import type { DealModel, PaymentItem } from '../../model/deal-model';
import { programCount, validCount } from '../../model/programs';
import { stageIndex } from '../../model/stages';
import { salesBookOf, type SalesBook, type SalesSource } from './sales';
import { timelineDates } from './schedule';

export interface Track {
  /** The programme, or undefined for what belongs to the deal as a whole. */
  program?: string;
  /** The stage reached and its index in the deal's stages (-1 for none). */
  reach?: string;
  reachIndex: number;
  /** The date the timeline gives each stage. */
  timeline: Map<string, ast.DateLit>;
  /** How many of the programme go ahead: every amount of the programme counts this many times. */
  count: number;
  /** The sales its royalties and sales milestones are measured on (built on first use). */
  sales(): SalesBook;
}

export interface Tracks {
  /** The deal as a whole: the scenario's own terms. */
  deal: Track;
  /** The track of a programme the deal declares; the deal's for any other name. */
  of(program: string | undefined): Track;
  /** The track a payment follows: its programme's. */
  ofPayment(item: PaymentItem): Track;
}

/** The scenario's block for a programme (the first, when written twice). */
export function scenarioProgram(scenario: ast.Scenario, program: string): ast.ScenarioProgram | undefined {
  return scenario.programs?.find((block) => block.program.text === program);
}

/** The stage a timeline and reach get to: `reach`, else the latest stage the timeline dates. */
function reachOf(model: DealModel, reach: ast.Name | undefined, timeline: readonly ast.TimelineEntry[]): { stage?: string; index: number } {
  if (reach) return { stage: reach.text, index: stageIndex(model.stages, reach.text) };
  let index = -1;
  for (const entry of timeline) index = Math.max(index, stageIndex(model.stages, entry.stage.text));
  return { stage: index >= 0 ? model.stages[index].name : undefined, index };
}

/** The sales of a programme in a scenario: its block's tables; the scenario's own with one
 * programme only (top-level sales are that programme's). */
function programSales(model: DealModel, scenario: ast.Scenario, program: string): readonly ast.SalesTable[] {
  const block = scenarioProgram(scenario, program);
  if (block && block.sales.length > 0) return block.sales;
  return model.programs.size === 1 ? scenario.sales : [];
}

export function scenarioTracks(model: DealModel, scenario: ast.Scenario): Tracks {
  const lazy = (sources: () => SalesSource[]) => {
    let book: SalesBook | undefined;
    return () => (book ??= salesBookOf(model, sources()));
  };
  const own = reachOf(model, scenario.reach, scenario.timeline);
  const ownTimeline = timelineDates(scenario.timeline);
  const programs = new Map<string, Track>();
  for (const [name] of model.programs) {
    const block = scenarioProgram(scenario, name);
    const timeline = block?.timeline && block.timeline.length > 0 ? block.timeline : undefined;
    const reach = block?.reach || timeline ? reachOf(model, block?.reach ?? scenario.reach, timeline ?? scenario.timeline) : own;
    const count = validCount(block?.count) ?? programCount(model, name);
    programs.set(name, {
      program: name, reach: reach.stage, reachIndex: reach.index,
      timeline: timeline ? timelineDates(timeline) : ownTimeline,
      count, sales: lazy(() => [{ tables: programSales(model, scenario, name), times: count }]),
    });
  }
  const deal: Track = {
    reach: own.stage, reachIndex: own.index, timeline: ownTimeline, count: 1,
    sales: lazy(() => {
      // The sum of all: the scenario's own sales (unless they are the one programme's), then
      // every programme's, each as many times as the programme goes ahead.
      const sources: SalesSource[] = [];
      for (const track of programs.values()) sources.push({ tables: programSales(model, scenario, track.program!), times: track.count });
      if (!sources.some((source) => source.tables === scenario.sales)) sources.unshift({ tables: scenario.sales, times: 1 });
      return sources;
    }),
  };
  const of = (program: string | undefined) => (program === undefined ? undefined : programs.get(program)) ?? deal;
  return { deal, of, ofPayment: (item) => of(item.program ?? item.group?.program) };
}
