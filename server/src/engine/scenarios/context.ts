// What every part of the scenario engine reads and writes while rolling up one scenario.
import type Decimal from 'decimal.js';
import type * as ast from '../../language/ast';
import type { DealModel, PaymentItem } from '../../model/deal-model';
import type { Forfeits } from './exercises';
import type { Track, Tracks } from './tracks';
import type { ScenarioRollup } from './types';

export interface ScenarioContext {
  model: DealModel;
  scenario: ast.Scenario;
  /** Where each programme gets (the deal as a whole: the scenario's own reach and timeline). */
  tracks: Tracks;
  forfeits: Forfeits;
  out: Pick<ScenarioRollup, 'payments' | 'forfeited' | 'unvalued' | 'unattributed'>;
}

/** Why a payment has no figure in the deal currency. */
export function whyNoFigure(item: PaymentItem, model: DealModel): string {
  if (item.node.undisclosed) return 'the amount is undisclosed';
  if (item.written) return `the amount is in ${model.currencyOf(item.written)}, which has no fx rate to ${model.currency}`;
  return 'no amount is given';
}

/** A payment of a programme counts once per programme that goes ahead: `Dev × 2`. */
export function timesTrack<T extends { amount?: Decimal; label?: string }>(payment: T, track: Track): T {
  if (track.count === 1) return payment;
  return {
    ...payment,
    ...(payment.amount ? { amount: payment.amount.times(track.count) } : {}),
    ...(payment.label !== undefined ? { label: `${payment.label} × ${track.count}` } : {}),
  };
}
