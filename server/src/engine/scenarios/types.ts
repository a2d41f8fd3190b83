// What a scenario rolls up to: every payment it triggers, with its year, and totals per party,
// kind and year. Figures are in the deal currency, exact.
import type Decimal from 'decimal.js';
import type * as ast from '../../language/ast';
import type { PaymentItem, PaymentKind } from '../../model/deal-model';

/** A year (e.g. 2016) or 'unscheduled' when no date, expected date or timeline year applies. */
export type PaymentYear = number | 'unscheduled';

export interface ScenarioPayment {
  kind: PaymentKind;
  /** The payment's name, or a description (`OptIn exercise fee`, `Tiered royalty 2031`). */
  label: string;
  /** The deal payment behind it, where there is one (an option fee has the option instead). */
  item?: PaymentItem;
  option?: ast.OptionDecl;
  payer?: string;
  payee?: string;
  amount: Decimal;
  year: PaymentYear;
  /** Royalty rows: the sales and the tier slices that make up the amount. */
  royalty?: {
    sales: Decimal; tiers: { rate: Decimal; base: Decimal; amount: Decimal }[]; territory?: string;
    /** On cumulative sales: the cumulative total of the sales it is paid on, at the year's end. */
    cumulative?: Decimal;
  };
  /** Risk-adjusted value, where the deal has a valuation. */
  rnpv?: Decimal;
  /** Probability of reaching the payment's stage from the deal's current stage (0..1). */
  probability?: Decimal;
  /** The stage the payment depends on (none for committed payments). */
  stage?: string;
  /** The date it is discounted from: its own, the timeline's for its stage, or a bare year. */
  date?: ast.DateLit;
  /** The programme it belongs to, where it belongs to one. */
  program?: string;
  /** Funding: which yearly instalment this is. */
  instalment?: { index: number; count: number };
  /** Royalty rows in the year a term ends part-way: the share of the year's royalty paid (0..1). */
  termShare?: Decimal;
}

export interface ScenarioPartyPosition {
  receives: Decimal;
  pays: Decimal;
  net: Decimal;
  /** Net risk-adjusted value (rnpvReceives − rnpvPays), where the deal has a valuation. */
  rnpv?: Decimal;
  rnpvReceives?: Decimal;
  rnpvPays?: Decimal;
}

/** An option exercise the scenario makes, and whether it happens. */
export interface ScenarioExerciseResult {
  option: ast.OptionDecl;
  stage?: string;
  exercise?: ast.OptionExercise;
  /** False when the scenario does not reach the stage, or the option offers no exercise there. */
  happens: boolean;
  /** `paying AMOUNT`: the fee the scenario pins. */
  paying?: ast.Money;
}

/** `share costs|profits` of an exercised option: terms with no figure, listed. */
export interface ScenarioSharing {
  option: ast.OptionDecl;
  what: 'costs' | 'profits';
  shares: { party: string; percent: Decimal }[];
  territory?: string[];
}

export interface ScenarioRollup {
  scenario: ast.Scenario;
  payments: ScenarioPayment[];
  /** Per party: receives, pays, net (every party of the deal, in declaration order). */
  parties: Map<string, ScenarioPartyPosition>;
  byKind: Map<PaymentKind, Decimal>;
  /** Per year, ascending, with 'unscheduled' last; every payment whoever pays it. */
  byYear: Map<string, Decimal>;
  /** Sum of every payment the scenario triggers. */
  total: Decimal;
  /** Undisclosed rests of groups without a `by` stage: reported, not counted. */
  unattributed: { group: PaymentItem; amount: Decimal }[];
  /** Payments given up by exercising an option (for display). */
  forfeited: { label: string; amount?: Decimal }[];
  /** The stage the scenario reaches (`reach`, else its timeline's last stage). */
  reach?: string;
  exercises: ScenarioExerciseResult[];
  sharing: ScenarioSharing[];
  /** Payments the scenario triggers that have no figure (undisclosed, at cost, no fx rate,
   * a territory split the sales cannot give), with the reason: listed, never summed. */
  unvalued: { label: string; reason: string; item?: PaymentItem }[];
  /** Sum of the payments' rNPV, where the deal has a valuation (unscheduled payments have none). */
  rnpv?: Decimal;
}
