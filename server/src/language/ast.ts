// The typed syntax tree of a .deal file. Every node carries its source span as offsets
// (end exclusive); line and column are computed only where a person reads them.
import type Decimal from 'decimal.js';

export interface Span { start: number; end: number }

/** A name as written, where it is written: a declaration or a reference. */
export interface Name { text: string; span: Span }

export interface StringLit { value: string; span: Span; unterminated?: boolean }

/** A money amount as written: value in whole currency units, currency if one was written. */
export interface Money { value: Decimal; currency?: Name; span: Span }

/** A percentage as written: `7.5%` has value 7.5. */
export interface Percent { value: Decimal; span: Span }

/** A day (2006-07-07), a month (2016-09), a quarter (2008-Q3) or a bare year (2009). */
export interface DateLit {
  text: string;
  precision: 'day' | 'month' | 'quarter' | 'year';
  year: number;
  month?: number;
  day?: number;
  quarter?: number;
  span: Span;
}

export interface Duration { count: Decimal; unit: 'years' | 'months'; span: Span }

/** A territory: an identifier (US, EU, worldwide) or a string ("ex-US"). */
export type Territory = Name;

export interface DealFile { deals: Deal[]; span: Span }

export interface Deal {
  type: 'Deal';
  name: Name;
  title?: StringLit;
  currency?: Name;
  signed?: DateLit;
  effective?: DateLit;
  announced?: DateLit;
  source?: StringLit;
  headline?: Money;
  /** How the headline counts (`about`, `including options`, `excluding equity`), as written after `headline`. */
  headlineTerms?: HeadlineTerms;
  /** The deal's current development stage (`stage phase1`). */
  stage?: Name;
  /** `developer PARTY`: who books the sales and bears the costs absent any share (default: the
   * first licence's licensee inside its territory, its licensor outside). */
  developer?: Name;
  fx: FxRate[];
  parties: Party[];
  /** The programmes (products, targets) the deal covers, each with its own stage and track. */
  programs?: ProgramDecl[];
  stages?: StageList;
  licenses: License[];
  paymentBlocks: PaymentBlock[];
  options: OptionDecl[];
  scenarios: Scenario[];
  valuation?: Valuation;
  /** Terms a deal gives once, written again: the first counts (it is the field above); each
   * repeat is kept here, where it was written, for the repeated-term warning. */
  repeated?: RepeatedTerm[];
  span: Span;
}

/** The words around a headline figure: `headline up to $1.35 billion about including options excluding equity`. */
export interface HeadlineTerms {
  upTo?: Span;
  /** The figure is rounded: a computed figure within 5% of it agrees. */
  about?: Span;
  /** Option fees (the high end of each) and on-exercise payments count too. */
  includingOptions?: Span;
  /** Equity purchases are left out. */
  excludingEquity?: Span;
}

/** The deal terms a deal gives once. */
export type SingleTerm = 'currency' | 'signed' | 'effective' | 'announced' | 'source' | 'headline' | 'stage' | 'stages' | 'valuation' | 'developer';

/** A deal term written again: the keyword and what follows it. */
export interface RepeatedTerm { term: SingleTerm; span: Span }

/** `fx EUR = 1.27 USD`: one unit of `from` is worth `rate` units of `to`. */
export interface FxRate { from: Name; rate: Decimal; to: Name; span: Span; rateSpan: Span }

export interface Party {
  type: 'Party';
  name: Name;
  title?: StringLit;
  role?: Name;
  ticker?: StringLit;
  country?: Name;
  span: Span;
}

/** `program AB154 "title" { stage phase2  count 3 }`: a programme the deal covers. */
export interface ProgramDecl {
  type: 'Program';
  name: Name;
  title?: StringLit;
  /** Where the programme stands at signing: its risk starts here. */
  stage?: Name;
  /** How many alike programmes it stands for (targets on the same terms); 1 when not written. */
  count?: Count;
  /** `developer PARTY`: who develops this programme, absent any share. */
  developer?: Name;
  span: Span;
}

/** A whole number of programmes, as written (`count 3`). */
export interface Count { value: number; span: Span }

export interface StageList { stages: StageDecl[]; span: Span }
export interface StageDecl { name: Name; success?: Percent; span: Span }

export interface License {
  type: 'License';
  name: Name;
  title?: StringLit;
  from?: Name;
  to?: Name;
  exclusivity?: { value: 'exclusive' | 'non-exclusive' | 'co-exclusive'; span: Span };
  technology?: StringLit;
  field?: StringLit;
  target?: StringLit | { undisclosed: true; span: Span };
  territory?: Territory[];
  indications: StringLit[];
  sublicensing?: { value: 'allowed' | 'with consent' | 'not allowed'; span: Span };
  term?: Duration;
  span: Span;
}

export interface PaymentBlock {
  from?: Name;
  to?: Name;
  /** `payments from A to B for PROGRAMME { ... }`: every payment in it belongs to the programme. */
  program?: Name;
  payments: Payment[];
  span: Span;
}

export type PaymentKind =
  | 'upfront' | 'fee' | 'equity' | 'funding' | 'milestone' | 'sales-milestone'
  | 'royalty' | 'option-fee' | 'manufacturing';

/** The clauses any payment may carry, in any order after its amount. */
export interface PaymentClauses {
  /** Payer and payee: the payment's own `from X to Y`, else its block's. */
  from?: Name;
  to?: Name;
  onSigning?: Span;
  on?: DateLit;
  at?: Name;
  expected?: DateLit;
  territory?: Territory[];
  premium?: Percent;
  /** Equity: the premium over market price as an amount (`premium 90.6M`). */
  premiumAmount?: Money;
  /** A milestone group: the stage by which its undisclosed rest is earned (`by approval`). */
  by?: Name;
  term?: Duration;
  /** The amount is not disclosed (`undisclosed`). */
  undisclosed?: Span;
  /** `for PROGRAMME`: the programme the payment belongs to. */
  program?: Name;
}

interface PaymentBase extends PaymentClauses {
  name?: Name;
  title?: StringLit;
  /** Span of the keyword(s) that say what kind of payment this is. */
  keywordSpan: Span;
  span: Span;
}

export interface Upfront extends PaymentBase { type: 'Upfront'; amount?: Money }
export interface Fee extends PaymentBase { type: 'Fee'; amount?: Money }
export interface Equity extends PaymentBase { type: 'Equity'; amount?: Money }
export interface Milestone extends PaymentBase { type: 'Milestone'; amount?: Money; group?: MilestoneGroup }
export interface MilestoneGroup extends PaymentBase {
  type: 'MilestoneGroup';
  cap?: Money;
  /** Its items, in source order: event milestones and sales milestones, under one cap. */
  milestones: GroupItem[];
  /** Other payments written inside the group by mistake (a syntax error): while parsing only,
   * then moved to the payments block that holds the group. */
  misplaced?: Payment[];
}
/** What a milestone group holds: milestones earned at a stage, and sales milestones. */
export type GroupItem = Milestone | SalesMilestone;
export interface SalesMilestone extends PaymentBase {
  type: 'SalesMilestone';
  amount?: Money;
  /** Annual net sales that trigger it (`when annual net_sales reach 1B`). */
  threshold?: Money;
  measure?: Name;
}
/** A tier: its rate (with `rateTo`, the range `22% to 26%`) and its band. */
export interface RoyaltyTier { rate: Percent; rateTo?: Percent; upTo?: Money; above?: Span; span: Span }
export interface Royalty extends PaymentBase {
  type: 'Royalty';
  /** A flat rate (`royalty ExUS 4% on net_sales`). */
  rate?: Percent;
  /** The high end of a rate range (`royalty R 18% to 22% on net_sales`): it counts at the midpoint. */
  rateTo?: Percent;
  /** `cumulative`: tier thresholds apply to cumulative sales (all years so far), not each year's. */
  cumulative?: Span;
  base?: Name;
  /** `total`: the rate of the band reached applies to all of the year's sales. */
  total?: Span;
  tiers: RoyaltyTier[];
  tiersSpan?: Span;
}
export interface Funding extends PaymentBase {
  type: 'Funding';
  /** Amount of each instalment; with `over`, the total of them all. */
  amount?: Money;
  /** Number of yearly instalments (`per year for 3 years`). */
  years?: { count: number; span: Span };
  /** `up to` before a total (`up to 400M over 10 years`). */
  upTo?: Span;
  /** The total is paid in this many equal yearly instalments (`over 10 years`). */
  over?: { count: number; span: Span };
}
export interface Manufacturing extends PaymentBase { type: 'Manufacturing'; costPlus?: Percent }

export type Payment =
  | Upfront | Fee | Equity | Milestone | MilestoneGroup | SalesMilestone | Royalty | Funding | Manufacturing;

export interface OptionDecl {
  type: 'Option';
  name: Name;
  title?: StringLit;
  holder?: Name;
  territory?: Territory[];
  /** `for PROGRAMME`: the programme the option is on (one option per programme of a counted one). */
  program?: Name;
  exercises: OptionExercise[];
  effects: OptionEffect[];
  /** `on exercise { payments ... }`: payments that exist only once the option is exercised. */
  paymentBlocks?: PaymentBlock[];
  /** `on exercise { developer PARTY [in TERRITORY] }`: who develops from the exercise on. */
  developers?: OptionDeveloper[];
  span: Span;
}
/** An exercise point: `exercise at STAGE [fee A [to B] | fee undisclosed] [to PARTY]`. With
 * `feeMax` the fee is a range from `fee` to `feeMax`. */
export interface OptionExercise { stage: Name; fee?: Money; feeMax?: Money; feeUndisclosed?: Span; to?: Name; span: Span }
export interface OptionDeveloper { party: Name; territory?: Territory[]; span: Span }
export type OptionEffect =
  | { type: 'ForfeitUnearned'; group: Name; span: Span }
  | { type: 'Forfeit'; payment: Name; territory?: Territory[]; span: Span }
  | { type: 'Share'; what: 'costs' | 'profits'; shares: PartyShare[]; territory?: Territory[]; span: Span };
export interface PartyShare { party: Name; percent: Percent; span: Span }

export interface Scenario {
  type: 'Scenario';
  name: Name;
  title?: StringLit;
  timeline: TimelineEntry[];
  reach?: Name;
  exercises: ScenarioExercise[];
  sales: SalesTable[];
  /** `costs { ... }` blocks: the programme's own costs, for the economics. */
  costs: CostsBlock[];
  /** `program ID { ... }`: what happens to one programme, overriding the scenario's own terms. */
  programs?: ScenarioProgram[];
  span: Span;
}
/** A scenario's `program ID { timeline {...}  reach STAGE  count N  sales ... }`. */
export interface ScenarioProgram {
  program: Name;
  timeline?: TimelineEntry[];
  reach?: Name;
  /** How many of a counted programme go ahead (all when not written). */
  count?: Count;
  sales: SalesTable[];
  /** The programme's own costs in this scenario (`costs { ... }`). */
  costs?: CostsBlock[];
  span: Span;
}
export interface TimelineEntry { stage: Name; date: DateLit; span: Span }
/** `exercise OPTION [at STAGE] [paying AMOUNT]`: `paying` pins the fee of a range or undisclosed fee. */
export interface ScenarioExercise { option: Name; stage?: Name; paying?: Money; span: Span }
/** Annual net sales, for all territories (no `territory`) or for one. */
export interface SalesTable { territory?: Territory; years: SalesYear[]; span: Span }
export interface SalesYear { year: number; yearSpan: Span; amount: Money; span: Span }

/** A scenario's `costs { ... }` block: development costs, cost of goods and commercial costs. */
export interface CostsBlock { keywordSpan: Span; lines: CostLine[]; span: Span }
export type CostKind = 'development' | 'goods' | 'commercial';
/**
 * One line of a costs block: `development [TERRITORY] { YEAR: AMOUNT ... }`, or for goods and
 * commercial costs either `N% of sales` or a year table, each for all territories or for one.
 */
export interface CostLine {
  kind: CostKind;
  keywordSpan: Span;
  territory?: Territory;
  /** `20% of sales`: a share of the same year's sales (of the territory, where one is given). */
  ofSales?: Percent;
  /** A year table (`{ 2010: 10M  2011: 12M }`); empty when the line gives a percentage. */
  years: SalesYear[];
  span: Span;
}

export interface Valuation { asOf?: DateLit; discount?: Percent; span: Span }
