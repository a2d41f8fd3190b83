// A deal as the tools count it: every payment with its kind, payer, payee and amount in the
// deal currency. Built once per parse; every feature (totals, diagnostics, hover, rollup,
// render) reads this instead of walking the AST again. Built `inCents`, every amount is to the
// cent as people read it (see shown-figures.ts); otherwise amounts are exact.
import type Decimal from 'decimal.js';
import type * as ast from '../language/ast';
import { currencySymbols } from '../language/currencies';
import { FacetStore } from './facets';
import { Money, sum, toCents } from './money';
import { kindOfNode } from './payment-kinds';
import { equityPremium } from './equity';
import { instalmentAmounts, splitOverYears } from './instalments';
import { dealStages, type Stage } from './stages';

export type PaymentKind = ast.PaymentKind;

/** One payment of the deal, resolved. A milestone group is one item; its milestones are `items`. */
export interface PaymentItem {
  node: ast.Payment;
  kind: PaymentKind;
  name?: string;
  payer?: string;
  payee?: string;
  /** Amount in the deal currency: for a group its cap (else its itemized sum); for funding all
   * instalments together. Undefined where there is no fixed figure (undisclosed, at cost,
   * royalty) or it cannot be converted (no fx rate). */
  amount?: Decimal;
  /** The amount as written, in its own currency (funding: one instalment). */
  written?: ast.Money;
  /** Funding: one yearly instalment in the deal currency. */
  instalment?: Decimal;
  /** Funding `over N years`: each year's instalment, adding up to the amount exactly. */
  instalments?: Decimal[];
  /** Equity: what the shares are worth at market, and the premium paid over that. */
  fairValue?: Decimal;
  premium?: Decimal;
  /** The currency the amount was written in. */
  writtenCurrency: string;
  /** Itemized milestones of a group. */
  items?: PaymentItem[];
  /** For a group: the sum of its itemized milestones, and the cap less that sum. */
  itemized?: Decimal;
  undisclosedRest?: Decimal;
  /** The group this milestone belongs to. */
  group?: PaymentItem;
  /** The programme it belongs to: its own `for`, else its group's, its block's, its option's. */
  program?: string;
  /** The option whose `on exercise { payments ... }` holds it: it exists only once exercised. */
  option?: ast.OptionDecl;
}

export interface DealModel {
  deal: ast.Deal;
  /** The reporting currency (ISO code). */
  currency: string;
  parties: ReadonlyMap<string, ast.Party>;
  stages: readonly Stage[];
  /** Top-level payments in source order (groups hold their milestones). */
  payments: PaymentItem[];
  /** Payments inside options' `on exercise { payments ... }`, in source order: apart from
   * `payments`, as they exist only once their option is exercised. */
  exercisePayments: readonly PaymentItem[];
  /** Every payment and milestone that has a name, by name (on-exercise ones too): the first of
   * each name. */
  paymentsByName: ReadonlyMap<string, PaymentItem>;
  /** How many payments and milestones have a name: more than `paymentsByName` holds when a name
   * is given twice. */
  namedPayments: number;
  /** When this model is of the same deal as the previous one after an edit inside its payments
   * only (every other term of the deal the same), the payments the edit replaced: each as it
   * was and as it is now, in the same place. What is derived from the whole list of payments
   * (totals, the payments by name) is then worked out from the previous model's by these alone. */
  edited?: { replaced: readonly PaymentReplaced[] };
  /** The programmes the deal covers, by name. */
  programs: ReadonlyMap<string, ast.ProgramDecl>;
  options: ReadonlyMap<string, ast.OptionDecl>;
  scenarios: ReadonlyMap<string, ast.Scenario>;
  /** Every amount is to the cent (half-even), as displays show it; scenarios round their
   * payments to the cent too, so every total adds up the cent figures it is made of. */
  inCents: boolean;
  /** The `fx` line that converts each currency into the deal currency: the first that gives a
   * rate above zero for it, either way round. */
  fxLines: ReadonlyMap<string, ast.FxRate>;
  /** Converts an amount into the deal currency; undefined when no fx rate covers it. */
  convert(money: ast.Money): Decimal | undefined;
  /** The ISO code of a money's currency (the deal's when none was written). */
  currencyOf(money: ast.Money): string;
  /** What features and the engine derive from this deal, kept until the deal changes. */
  facets: FacetStore;
}

/** The resolved items of each payment block (the deal's, then each option's `on exercise` ones),
 * by block: the model resolves every block's payments in order, one block after another, so each
 * block's are the next stretch of the list, found without a table of every payment. */
export function itemsByBlock(model: DealModel): Map<ast.PaymentBlock, PaymentItem[]> {
  const out = new Map<ast.PaymentBlock, PaymentItem[]>();
  let at = 0;
  for (const block of model.deal.paymentBlocks) out.set(block, model.payments.slice(at, (at += block.payments.length)));
  at = 0;
  for (const option of model.deal.options) {
    for (const block of option.paymentBlocks ?? []) out.set(block, model.exercisePayments.slice(at, (at += block.payments.length)));
  }
  return out;
}

/** A payment an edit replaced: the previous model's item and the one in its place now. */
export interface PaymentReplaced { before: PaymentItem; after: PaymentItem }

/** What a deal that declares nothing of a kind finds by name. A model's maps are never added to
 * once built, so every such deal shares this one: a file of many short deals does not keep an
 * empty map per deal and kind. */
const noneDeclared: ReadonlyMap<string, never> = new Map<string, never>();
const noPayments: readonly PaymentItem[] = Object.freeze([]);

/**
 * The model of a deal. With `previous`, the model of an earlier tree of the same deal that shares
 * the nodes an edit did not touch (document/reparse-term.ts), the payments of those nodes are
 * taken over as they were resolved, when what they were resolved with (the currency, the fx
 * lines, their block's payer and payee) is unchanged.
 */
export function buildDealModel(deal: ast.Deal, options: { inCents?: boolean; previous?: DealModel } = {}): DealModel {
  const inCents = options.inCents === true;
  const currency = deal.currency?.text || 'USD';
  const currencyOf = (money: ast.Money): string => {
    const written = money.currency?.text;
    if (!written) return currency;
    return currencySymbols[written] ?? written;
  };
  const fxLines = fxLinesInto(deal, currency);
  const exactly = (money: ast.Money): Decimal | undefined => {
    const code = currencyOf(money);
    if (code === currency) return new Money(money.value);
    const fx = fxLines.get(code);
    return fx && convertWith(fx, currency, new Money(money.value));
  };
  const convert = inCents ? (money: ast.Money) => { const value = exactly(money); return value && toCents(value); } : exactly;

  // Resolved outside this function: a closure here would be kept with `convert` for the
  // model's life, in every deal.
  const kept = reusable(options.previous, deal, currency, inCents);
  const resolved = resolvePayments(deal, (node, block) => resolvePayment(node, block, convert, currencyOf, currency, inCents), kept);
  const { payments, exercisePayments } = resolved;
  const edited = options.previous && resolved.replaced && onlyPaymentsEdited(options.previous.deal, deal) ? { replaced: resolved.replaced } : undefined;
  // The payments by name are taken over from the previous model when the edit left every name as
  // it was; otherwise they are found again.
  const byNameAfter = edited && namesAfterEdit(options.previous!, edited.replaced);
  const { byName: paymentsByName, named } = byNameAfter
    ? { byName: byNameAfter, named: options.previous!.namedPayments }
    : paymentsNamed(payments, exercisePayments);

  const byName = <T extends { name: ast.Name }>(list: T[]): ReadonlyMap<string, T> => {
    if (list.length === 0) return noneDeclared;
    const map = new Map<string, T>();
    for (const item of list) if (!map.has(item.name.text)) map.set(item.name.text, item);
    return map;
  };

  return {
    deal,
    currency,
    parties: byName(deal.parties),
    stages: dealStages(deal.stages),
    payments,
    exercisePayments: exercisePayments ?? noPayments,
    paymentsByName: paymentsByName ?? noneDeclared,
    namedPayments: named,
    edited,
    programs: byName(deal.programs ?? []),
    options: byName(deal.options),
    scenarios: byName(deal.scenarios),
    inCents,
    fxLines,
    convert,
    currencyOf,
    facets: new FacetStore(),
  };
}

/** The payments of a previous model that stand as they were, by node, per block of the new
 * tree; undefined when the deal-wide context they were resolved with has changed. */
function reusable(previous: DealModel | undefined, deal: ast.Deal, currency: string, inCents: boolean):
  ((block: ast.PaymentBlock) => KeptPayments | undefined) | undefined {
  if (!previous || previous.inCents !== inCents || previous.currency !== currency) return undefined;
  const before = previous.deal;
  if (before.fx.length !== deal.fx.length || before.fx.some((fx, i) => fx !== deal.fx[i])) return undefined;
  if (before.currency?.text !== deal.currency?.text) return undefined;
  // Each old block's items, by position in `previous.payments` (blocks hold them in order).
  const blocks = new Map<ast.PaymentBlock, { from: number; to: number }>();
  let at = 0;
  for (const block of before.paymentBlocks) {
    blocks.set(block, { from: at, to: at + block.payments.length });
    at += block.payments.length;
  }
  if (at !== previous.payments.length) return undefined;
  return (block) => {
    // The same block, or its copy on the way down to an edited term: same payer and payee.
    const index = deal.paymentBlocks.indexOf(block);
    const old = blocks.has(block) ? block : before.paymentBlocks[index];
    const range = old && blocks.get(old);
    if (!range || old.from?.text !== block.from?.text || old.to?.text !== block.to?.text || old.program?.text !== block.program?.text) return undefined;
    // An edit inside one payment leaves the block's count as it was: its payments are where they
    // were, and found by their place (no map of thousands of payments made per keystroke).
    if (block.payments.length === range.to - range.from) {
      const byPlace: KeptPayments = (node, i) => {
        const item = previous.payments[range.from + i];
        return item.node === node ? item : undefined;
      };
      byPlace.formerAt = (i) => previous.payments[range.from + i];
      return byPlace;
    }
    const items = new Map<ast.Payment, PaymentItem>();
    for (let i = range.from; i < range.to; i++) items.set(previous.payments[i].node, previous.payments[i]);
    return (node) => items.get(node);
  };
}

/** A block's payment as resolved before, by its node and its place in the block; `formerAt`,
 * when the block holds as many payments as before, the previous payment at a place (kept or not). */
type KeptPayments = ((node: ast.Payment, index: number) => PaymentItem | undefined) & { formerAt?: (index: number) => PaymentItem };

/** Whether the deal's terms other than its payment blocks are the very ones of `before` (an edit
 * inside a payment shares every other term of the tree: document/reparse-term.ts). */
function onlyPaymentsEdited(before: ast.Deal, deal: ast.Deal): boolean {
  const was = before as unknown as Record<string, unknown>;
  const now = deal as unknown as Record<string, unknown>;
  const keys = Object.keys(now);
  if (keys.length !== Object.keys(was).length) return false;
  for (const key of keys) if (key !== 'paymentBlocks' && key !== 'span' && was[key] !== now[key]) return false;
  return true;
}

/** The previous model's payments by name, taken over with the replaced payments in place, when
 * they bear the same names as the payments they replace (their milestones too, in order): the
 * table then holds the same names, each first where it was. Undefined when a name changed. The
 * previous model is given up with its analysis (document/reanalyze.ts), so its table is reused. */
function namesAfterEdit(previous: DealModel, replaced: readonly PaymentReplaced[]): Map<string, PaymentItem> | undefined {
  if (previous.paymentsByName === noneDeclared || !(previous.paymentsByName instanceof Map)) return undefined;
  for (const { before, after } of replaced) {
    if (before.name !== after.name || (before.items?.length ?? 0) !== (after.items?.length ?? 0)) return undefined;
    for (let i = 0; i < (before.items?.length ?? 0); i++) if (before.items![i].name !== after.items![i].name) return undefined;
  }
  const byName = previous.paymentsByName as Map<string, PaymentItem>;
  const swap = (before: PaymentItem, after: PaymentItem) => {
    if (before.name !== undefined && byName.get(before.name) === before) byName.set(before.name, after);
  };
  for (const { before, after } of replaced) {
    swap(before, after);
    for (let i = 0; i < (before.items?.length ?? 0); i++) swap(before.items![i], after.items![i]);
  }
  return byName;
}

/** The line that converts each currency into the deal currency: `fx X = r DEAL` or the inverse
 * `fx DEAL = r X`, the first of them for X (a later one is a repeated-term warning). A rate of
 * zero or below converts nothing (an invalid-value error). */
function fxLinesInto(deal: ast.Deal, currency: string): ReadonlyMap<string, ast.FxRate> {
  if (deal.fx.length === 0) return noneDeclared;
  const lines = new Map<string, ast.FxRate>();
  for (const fx of deal.fx) {
    if (!fx.rate.isPositive() || fx.rate.isZero()) continue;
    const other = fx.to.text === currency ? fx.from.text : fx.from.text === currency ? fx.to.text : undefined;
    if (other !== undefined && other !== currency && !lines.has(other)) lines.set(other, fx);
  }
  return lines;
}

/** An amount converted by its line: times `fx X = r DEAL`, divided by the inverse `fx DEAL = r X`
 * (EUR 0.91M at `fx USD = 0.91 EUR` is $1M exactly, where times 1/0.91 would give $999,999.999…). */
export function convertWith(fx: ast.FxRate, currency: string, amount: Decimal): Decimal {
  return fx.to.text === currency ? amount.times(fx.rate) : amount.div(fx.rate);
}

/** Every payment of the deal resolved, each with its programme and option, and by name. */
function resolvePayments(
  deal: ast.Deal,
  resolve: (node: ast.Payment, block: ast.PaymentBlock) => PaymentItem,
  reused?: (block: ast.PaymentBlock) => KeptPayments | undefined,
): ResolvedPayments {
  const out: ResolvedPayments = { payments: [], replaced: reused ? [] : undefined };
  const resolveBlock = (block: ast.PaymentBlock, into: PaymentItem[], option?: ast.OptionDecl) => {
    const kept = option ? undefined : reused?.(block);
    const payments = block.payments;
    for (let i = 0; i < payments.length; i++) {
      const node = payments[i];
      const same = kept?.(node, i);
      if (same) {
        into.push(same); // placed in its programme when first resolved, in the same block
        continue;
      }
      const item = resolve(node, block);
      // Not kept: what it replaced is known only where the block's payments are where they were.
      if (!option) {
        if (kept?.formerAt) out.replaced?.push({ before: kept.formerAt(i), after: item });
        else out.replaced = undefined;
      }
      const program = node.program?.text ?? block.program?.text ?? option?.program?.text;
      place(item, program, option);
      for (const one of item.items ?? []) place(one, program, option);
      into.push(item);
    }
  };
  for (const block of deal.paymentBlocks) resolveBlock(block, out.payments);
  for (const option of deal.options) {
    for (const block of option.paymentBlocks ?? []) resolveBlock(block, out.exercisePayments ??= [], option);
  }
  return out;
}

interface ResolvedPayments {
  payments: PaymentItem[];
  exercisePayments?: PaymentItem[];
  /** With a previous model: the payments not kept, each with the one it replaced; undefined when
   * a block's payments moved (added or removed), so what each replaced is not known. */
  replaced?: PaymentReplaced[];
}

/** The first payment of each name (on-exercise ones after the deal's, a group's milestones after
 * it), and how many payments and milestones have a name. */
function paymentsNamed(payments: readonly PaymentItem[], exercisePayments: readonly PaymentItem[] | undefined): { byName?: Map<string, PaymentItem>; named: number } {
  let byName: Map<string, PaymentItem> | undefined;
  let named = 0;
  const note = (item: PaymentItem) => {
    if (!item.name) return;
    named++;
    byName ??= new Map();
    if (!byName.has(item.name)) byName.set(item.name, item);
  };
  for (const list of [payments, exercisePayments ?? []]) {
    for (const item of list) {
      note(item);
      if (item.items) for (const one of item.items) note(one);
    }
  }
  return { byName, named };
}

/** A payment's programme (its own `for`, else the one given) and the option it is paid on. */
function place(item: PaymentItem, program: string | undefined, option: ast.OptionDecl | undefined): void {
  const own = item.node.program?.text ?? program;
  if (own !== undefined) item.program = own;
  if (option) item.option = option;
}

function resolvePayment(
  node: ast.Payment,
  block: ast.PaymentBlock,
  convert: (m: ast.Money) => Decimal | undefined,
  currencyOf: (m: ast.Money) => string,
  dealCurrency: string,
  inCents: boolean,
  group?: PaymentItem,
): PaymentItem {
  const payer = node.from?.text ?? group?.payer ?? block.from?.text;
  const payee = node.to?.text ?? group?.payee ?? block.to?.text;
  const written = 'amount' in node ? node.amount : node.type === 'MilestoneGroup' ? node.cap : undefined;
  const item: PaymentItem = {
    node,
    kind: kindOfNode(node.type),
    name: node.name?.text,
    payer,
    payee,
    written,
    writtenCurrency: written ? currencyOf(written) : dealCurrency,
    group,
  };
  if (written && !node.undisclosed) item.amount = convert(written);

  if (node.type === 'Funding' && item.amount && node.over) {
    item.instalments = splitOverYears(item.amount, node.over.count);
    if (item.instalments.length > 0) item.instalment = item.instalments[0];
  } else if (node.type === 'Funding' && item.amount) {
    // In cents, a part year's instalment is rounded as the scenarios pay it.
    item.instalment = item.amount;
    const count = new Money(node.years?.count ?? 1);
    const whole = item.amount.times(count);
    const parts = instalmentAmounts(item.amount, count);
    item.amount = !inCents ? whole : parts.length > 0 ? sum(parts.map(toCents)) : toCents(whole);
  }
  if (node.type === 'Equity' && item.amount !== undefined) {
    const premiumAmount = node.premiumAmount && convert(node.premiumAmount);
    Object.assign(item, equityPremium(item.amount, node.premium?.value, node.premiumAmount ? premiumAmount : undefined, !!node.premiumAmount));
  }
  if (node.type === 'MilestoneGroup') {
    item.items = node.milestones.map((m) => resolvePayment(m, block, convert, currencyOf, dealCurrency, inCents, item));
    item.itemized = sum(item.items.map((m) => m.amount));
    if (item.amount === undefined && !node.cap) item.amount = item.itemized;
    if (item.amount !== undefined) item.undisclosedRest = Money.max(item.amount.minus(item.itemized), 0);
  }
  return item;
}
