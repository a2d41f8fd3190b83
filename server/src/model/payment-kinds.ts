// Every kind of payment a deal can hold, in one table: how it is written, what it is called,
// where it stands in lists, what the deal-level totals do with it and how a scenario pays it.
// Hover, CodeLens, the preview, the CLI table, CSV, Markdown, JSON, the charts and the
// diagnostics all read this table; none keeps a list of kinds of its own.
//
// Adding a kind touches three places, and the type checker points at each one left out:
// 1. the grammar: its keyword (language/tokens.ts), its parser rule (language/parser-payments.ts)
//    and its AST node (language/ast.ts: the node, `Payment` and the `PaymentKind` id);
// 2. this table: one entry, where the kind belongs in the display order;
// 3. the scenario engine's rule for it: an existing `ScenarioRule`, or a new one that every
//    switch over rules (engine/scenarios/fixed-payments.ts, sales-payments.ts) must handle.
// The kind id (`upfront`, `sales-milestone`) is the key of `byKind` in the JSON and the `kind`
// column of the CSV: a public name, never renamed.
import type * as ast from '../language/ast';
import type { KeywordName } from '../language/tokens';

export type PaymentKind = ast.PaymentKind;

/** What the deal-level totals do with a kind: add it to the committed or the contingent total,
 * or leave it out (option fees show as a range; royalties and manufacturing have no figure). */
export type KindTotal = 'committed' | 'contingent' | 'on-exercise' | 'unvalued';

/** How a scenario pays a kind:
 * - `on-its-date`: certain, on its own date (the signing year for `on signing`);
 * - `yearly-instalments`: equal instalments in the years from signing (research funding);
 * - `at-its-stage`: when the scenario reaches its stage (a group's rest at its `by` stage);
 * - `sales-threshold`: in the first year the scenario's sales reach its threshold;
 * - `royalty-on-sales`: year by year on the scenario's sales, tier by tier;
 * - `on-exercise`: when the scenario exercises the option;
 * - `listed-unvalued`: listed with the reason it has no figure, never counted. */
export type ScenarioRule =
  | 'on-its-date' | 'yearly-instalments' | 'at-its-stage' | 'sales-threshold' | 'royalty-on-sales'
  | 'on-exercise' | 'listed-unvalued';

export interface PaymentKindEntry {
  /** The keywords a term of this kind starts with (none: an option fee is written in the
   * option's `exercise`). */
  keywords: readonly KeywordName[];
  /** The AST nodes of this kind, each with what a sentence calls it (`this upfront payment`). */
  nodes: Partial<Record<ast.Payment['type'], string>>;
  /** What deal people call one payment of this kind (hover heading, a table's Kind column). */
  label: string;
  /** The same words for a total of this kind (By kind tables, chart legends, schedule columns). */
  plural: string;
  total: KindTotal;
  /** The CSS class of its colour in charts and legends, and the colour variable it takes. */
  style: { className: string; colour: string };
  scenario: ScenarioRule;
}

/** The kinds, in the order a term sheet lists them: every list of kinds follows this order. */
export const paymentKinds: Readonly<Record<PaymentKind, PaymentKindEntry>> = {
  upfront: {
    keywords: ['upfront'], nodes: { Upfront: 'upfront payment' }, label: 'Upfront', plural: 'Upfront',
    total: 'committed', style: { className: 'k-upfront', colour: 'c0' }, scenario: 'on-its-date',
  },
  fee: {
    keywords: ['fee'], nodes: { Fee: 'fee' }, label: 'Fee', plural: 'Fees',
    total: 'committed', style: { className: 'k-fee', colour: 'c6' }, scenario: 'on-its-date',
  },
  equity: {
    keywords: ['equity'], nodes: { Equity: 'equity purchase' }, label: 'Equity', plural: 'Equity',
    total: 'committed', style: { className: 'k-equity', colour: 'c3' }, scenario: 'on-its-date',
  },
  funding: {
    keywords: ['funding'], nodes: { Funding: 'research funding' }, label: 'Research funding', plural: 'Research funding',
    total: 'committed', style: { className: 'k-funding', colour: 'c7' }, scenario: 'yearly-instalments',
  },
  milestone: {
    keywords: ['milestone', 'milestones'], nodes: { Milestone: 'milestone', MilestoneGroup: 'milestone group' },
    label: 'Milestone', plural: 'Milestones',
    total: 'contingent', style: { className: 'k-milestone', colour: 'c1' }, scenario: 'at-its-stage',
  },
  'sales-milestone': {
    keywords: ['sales'], nodes: { SalesMilestone: 'sales milestone' }, label: 'Sales milestone', plural: 'Sales milestones',
    total: 'contingent', style: { className: 'k-sales-milestone', colour: 'c5' }, scenario: 'sales-threshold',
  },
  royalty: {
    keywords: ['royalty'], nodes: { Royalty: 'royalty' }, label: 'Royalty', plural: 'Royalties',
    total: 'unvalued', style: { className: 'k-royalty', colour: 'c2' }, scenario: 'royalty-on-sales',
  },
  'option-fee': {
    keywords: [], nodes: {}, label: 'Option fee', plural: 'Option fees',
    total: 'on-exercise', style: { className: 'k-option-fee', colour: 'c4' }, scenario: 'on-exercise',
  },
  manufacturing: {
    keywords: ['manufacturing'], nodes: { Manufacturing: 'manufacturing payment' }, label: 'Manufacturing', plural: 'Manufacturing',
    total: 'unvalued', style: { className: 'k-manufacturing', colour: 'c8' }, scenario: 'listed-unvalued',
  },
};

/** Every kind, in display order (the order of the table). */
export const kindOrder: readonly PaymentKind[] = Object.keys(paymentKinds) as PaymentKind[];

/** The kinds a deal-level total adds up, in display order. */
export function kindsCounting(total: KindTotal): PaymentKind[] {
  return kindOrder.filter((kind) => paymentKinds[kind].total === total);
}

/** `Upfront`, `Sales milestone`: one payment of the kind. */
export const kindLabel = (kind: PaymentKind): string => paymentKinds[kind].label;

/** `Upfront`, `Sales milestones`: a total of the kind. */
export const kindTotalLabel = (kind: PaymentKind): string => paymentKinds[kind].plural;

/** The kind of a payment node: a milestone group is a milestone. */
export function kindOfNode(type: ast.Payment['type']): PaymentKind {
  for (const kind of kindOrder) if (type in paymentKinds[kind].nodes) return kind;
  throw new Error(`No payment kind lists the node ${type}`); // the table test keeps every node listed
}

/** What a sentence calls a payment node: `upfront payment`, `milestone group`. */
export function paymentWord(type: ast.Payment['type']): string {
  return paymentKinds[kindOfNode(type)].nodes[type]!;
}

/** Kinds in words, as a sentence lists them: `option fees, royalties and manufacturing`. */
export function kindsInWords(kinds: readonly PaymentKind[]): string {
  const words = kinds.map((kind) => kindTotalLabel(kind).toLowerCase());
  return words.length < 2 ? words.join('') : `${words.slice(0, -1).join(', ')} and ${words[words.length - 1]}`;
}

/** The kinds no deal-level total counts, option fees first: `option fees, royalties and manufacturing`. */
export function uncountedKindsInWords(): string {
  return kindsInWords([...kindsCounting('on-exercise'), ...kindsCounting('unvalued')]);
}

/** The same entries, in display order (totals keep the order of the table, not of the text). */
export function inKindOrder<T>(byKind: ReadonlyMap<PaymentKind, T>): Map<PaymentKind, T> {
  const out = new Map<PaymentKind, T>();
  for (const kind of kindOrder) if (byKind.has(kind)) out.set(kind, byKind.get(kind)!);
  return out;
}
