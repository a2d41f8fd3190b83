// Development stages and the probability of moving on from each to the next.
import type Decimal from 'decimal.js';
import type * as ast from '../language/ast';
import { Money } from './money';

export interface Stage {
  readonly name: string;
  /** Probability (0..1) of moving on from this stage to the next; undefined for the last. */
  readonly success?: Decimal;
  readonly declaration?: ast.StageDecl;
}

/**
 * Built-in stages, used when a deal declares none. Transition probabilities:
 * - phase1→phase2 52.0%, phase2→phase3 28.9%, phase3→filing 57.8%, filing→approval 90.6%:
 *   BIO, Informa Pharma Intelligence and QLS Advisors, "Clinical Development Success Rates
 *   and Contributing Factors 2011–2020" (2021), all indications.
 * - discovery→preclinical 85% and preclinical→phase1 69%: Paul et al., "How to improve R&D
 *   productivity", Nature Reviews Drug Discovery 9, 203–214 (2010), lead optimisation and
 *   preclinical transition rates.
 * - approval→launch 100%: an approved product is taken to be launched.
 */
export const builtInStages: readonly { name: string; success?: string }[] = [
  { name: 'discovery', success: '0.85' },
  { name: 'preclinical', success: '0.69' },
  { name: 'phase1', success: '0.52' },
  { name: 'phase2', success: '0.289' },
  { name: 'phase3', success: '0.578' },
  { name: 'filing', success: '0.906' },
  { name: 'approval', success: '1' },
  { name: 'launch' },
];

/** The built-in stages as a deal reads them. One list for every deal that declares none: a file
 * of many deals does not build (and keep) the same eight stages and rates once per deal. */
const builtInStageList: readonly Stage[] = Object.freeze(builtInStages.map((s) =>
  Object.freeze({ name: s.name, success: s.success ? new Money(s.success) : undefined })));

export function dealStages(list: ast.StageList | undefined): readonly Stage[] {
  if (!list || list.stages.length === 0) return builtInStageList;
  return list.stages.map((declaration) => ({
    name: declaration.name.text,
    success: declaration.success ? new Money(declaration.success.value).div(100) : undefined,
    declaration,
  }));
}

/** Position of a stage in the deal's order, or -1 when the deal has no such stage. */
export function stageIndex(stages: readonly Stage[], name: string | undefined): number {
  // A plain loop: asked for every payment of every scenario, with no function made per call.
  if (name === undefined) return -1;
  for (let i = 0; i < stages.length; i++) if (stages[i].name === name) return i;
  return -1;
}
