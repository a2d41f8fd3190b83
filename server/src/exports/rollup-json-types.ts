// The shape of the rollup JSON API (`deal rollup --json`, `deal render --format json`): users
// script against it, so keys may be added, never renamed or removed. Amounts are exact decimal
// strings in the deal currency; rates are percentages ("7.5"), probabilities fractions ("0.289").

export type Amount = string;

export interface RollupJson { deals: DealJson[] }

export interface DealJson {
  id: string;
  title?: string;
  currency: string;
  signed?: string;
  /** The deal's exchange rates as written: `fx EUR = 1.10 USD` is `{ from: "EUR", rate: "1.1", to: "USD" }`. */
  fx?: { from: string; rate: Amount; to: string }[];
  totals: {
    committed: Amount; contingent: Amount; headline: Amount;
    /** Payments inside options' `on exercise` blocks (a group its cap), times their programme's count. */
    onExercise: Amount;
    declaredHeadline?: Amount;
  };
  /** The programmes the deal covers (omitted when it declares none). */
  programs?: Record<string, ProgramJson>;
  parties: Record<string, PartyJson>;
  byKind: Record<string, Amount>;
  payments: PaymentJson[];
  options: OptionJson[];
  scenarios: Record<string, ScenarioJson>;
  /** Scenarios the engine could not roll up, with the reason (omitted when none). */
  scenarioErrors?: Record<string, string>;
  /** Risk-adjusted values, where the deal has a `valuation` block. */
  rnpv?: RnpvJson;
}

export interface ProgramJson {
  title?: string;
  /** How many alike programmes it stands for. */
  count: number;
  /** Where its risk starts. */
  stage?: string;
}

export interface PartyJson {
  name?: string;
  role?: string;
  receives: Amount;
  pays: Amount;
  net: Amount;
  committed: { receives: Amount; pays: Amount };
  contingent: { receives: Amount; pays: Amount };
  /** Payments that exist only once an option is exercised (not in receives, pays or net). */
  onExercise?: { receives: Amount; pays: Amount };
}

export interface PaymentJson {
  kind: string;
  name?: string;
  title?: string;
  /** The programme it belongs to; the deal totals count it `count` times. */
  program?: string;
  count?: number;
  payer?: string;
  payee?: string;
  /** In the deal currency; absent where there is no fixed figure (royalty, at cost, undisclosed). */
  amount?: Amount;
  /** As written, where written in another currency than the deal's. */
  original?: { amount: Amount; currency: string };
  undisclosed?: true;
  onSigning?: true;
  date?: string;
  stage?: string;
  expected?: string;
  territory?: string[];
  /** Funding: one yearly instalment and how many. */
  instalment?: Amount;
  years?: number;
  /** Funding `over N years` whose total does not divide to the cent: each year's instalment (the last takes the rest). */
  instalments?: Amount[];
  /** Equity: the shares' fair value and the premium paid over it (fair value + premium = amount). */
  fairValue?: Amount;
  premium?: Amount;
  /** Sales milestone: the annual sales that trigger it. */
  threshold?: Amount;
  /** Royalty: flat rate or tiers, rates in percent ("7.5"). A rate written as a range
   * (`18% to 22%`) has `rate` at its midpoint, the rate scenarios count, and `rateRange`. */
  rate?: string;
  rateRange?: { min: string; max: string };
  tiers?: { rate: string; rateRange?: { min: string; max: string }; upTo?: Amount; above?: true }[];
  /** Royalty: tier thresholds apply to cumulative sales (`on cumulative net_sales`). */
  cumulative?: true;
  /** Royalty: the rate of the band reached applies to all of a year's sales (`total`). */
  total?: true;
  /** Milestone group: cap, stage by which the rest is earned, itemized sum and undisclosed rest. */
  by?: string;
  itemized?: Amount;
  undisclosedRest?: Amount;
  milestones?: PaymentJson[];
}

export interface OptionJson {
  id: string;
  title?: string;
  holder?: string;
  territory?: string[];
  /** The programme the option is on (one option per programme of a counted one). */
  program?: string;
  count?: number;
  /** What exercising may cost: the smallest and largest fee of one exercise (one programme;
   * a range, never summed). */
  feeRange?: { min: Amount; max: Amount };
  /** `fee` is a range's low end, `feeMax` its high end; `feeUndisclosed` a fee with no figure. */
  exercises: { stage: string; fee?: Amount; feeMax?: Amount; feeUndisclosed?: true; payer?: string; payee?: string }[];
  /** Payments inside `on exercise { payments ... }`: they exist only once the option is exercised. */
  onExercise?: PaymentJson[];
  /** `developer PARTY [in TERRITORY]`. */
  developers?: { party: string; territory?: string[] }[];
}

export interface ScenarioJson {
  title?: string;
  /** The stage the scenario reaches. */
  reach?: string;
  exercises: ({ option: string; stage?: string; happens: boolean; fee?: Amount; program?: string } & Partial<ExerciseEconomicsJson>)[];
  parties: Record<string, { receives: Amount; pays: Amount; net: Amount; rnpv?: Amount } & Partial<PartyEconomicsJson>>;
  /** Where the scenario gives its costs: the product's figures and the project value. */
  economics?: EconomicsJson;
  byKind: Record<string, Amount>;
  byYear: Record<string, Amount>;
  total: Amount;
  payments: ScenarioPaymentJson[];
  unattributed: { group: string; amount: Amount }[];
  forfeited: { label: string; amount?: Amount }[];
  /** Cost and profit sharing of exercised options: terms with no figure. */
  sharing: { option: string; what: string; shares: Record<string, string>; territory?: string[] }[];
  /** Payments triggered with no figure (undisclosed, at cost…), with the reason: listed, never summed. */
  unvalued: { label: string; reason: string }[];
  rnpv?: Amount;
}

export interface ScenarioPaymentJson {
  kind: string;
  label: string;
  name?: string;
  payer?: string;
  payee?: string;
  amount: Amount;
  year: number | 'unscheduled';
  /** The programme it belongs to (the amount counts every programme of it going ahead). */
  program?: string;
  stage?: string;
  date?: string;
  instalment?: { index: number; count: number };
  sales?: Amount;
  territory?: string;
  /** Royalty slices: rate in percent, the sales it applies to, and the royalty. */
  tiers?: { rate: string; base: Amount; amount: Amount }[];
  /** Royalty on cumulative sales: the cumulative sales it is paid on, at the year's end. */
  cumulativeSales?: Amount;
  /** Probability (0..1) of reaching the payment's stage. */
  probability?: string;
  rnpv?: Amount;
}

/** rNPV = amount × P × 1/(1+R)^t per payment (see LANGUAGE.md); each row to the cent. */
export interface RnpvJson {
  asOf: string;
  /** Annual discount rate in percent ("10"). */
  discount: string;
  committed: Amount;
  contingent: Amount;
  total: Amount;
  parties: Record<string, { receives: Amount; pays: Amount; net: Amount }>;
  payments: {
    label: string; kind: string; payer?: string; payee?: string; amount: Amount;
    stage?: string; probability?: string; date?: string; years?: string; rnpv?: Amount;
  }[];
  /** Per scenario: the risk-adjusted total and each party's risk-adjusted net. */
  scenarios: Record<string, { total: Amount; parties: Record<string, Amount>; value?: Record<string, Amount>; projectValue?: Amount }>;
}

/** A party's economics in a scenario that gives its costs. */
export interface PartyEconomicsJson { profit: Amount; costs: Amount; value: Amount }
export interface EconomicsJson {
  sales: Amount; goods: Amount; commercial: Amount; operatingProfit: Amount; development: Amount; projectValue: Amount;
}
export interface ExerciseEconomicsJson {
  gain: Record<string, Amount>;
  rnpvGain?: Record<string, Amount>;
  rnpvGainAtExercise?: Record<string, Amount>;
  /** The sales multiplier, two decimals (`"1.99"`), or null where the gain keeps one sign. */
  breakEven: string | null;
}
