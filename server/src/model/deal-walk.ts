// Shared ground for the checks: a diagnostic constructor and walks over the parts of a deal
// that several checks visit (every payment, every amount, every date, every percentage).
// Walks tolerate recovered trees: a part the parser could not build is simply absent.
import type * as ast from '../language/ast';
import type { DealDiagnostic, DiagnosticCode, Severity } from './diagnostic';
import { paymentWord } from './payment-kinds';

export function problem(
  code: DiagnosticCode, severity: Severity, message: string, span: ast.Span, data?: Record<string, string>,
): DealDiagnostic {
  return data ? { code, severity, message, span, data } : { code, severity, message, span };
}

/** A name the parser really read (recovery may leave a name with no text). */
export function isWritten(name: ast.Name | undefined): name is ast.Name {
  return !!name && typeof name.text === 'string' && name.text.length > 0;
}

/**
 * An amount, percentage or date the parser really read. Error recovery inserts a missing
 * number as an empty token, which reads as 0 with an empty span: checks skip those.
 */
export function isRead(node: { span: ast.Span } | undefined): boolean {
  return !!node && !!node.span && node.span.end > node.span.start;
}

export interface PaymentInContext {
  payment: ast.Payment;
  block: ast.PaymentBlock;
  /** The milestone group holding this milestone, if any. */
  group?: ast.MilestoneGroup;
  /** The option whose `on exercise` holds the payment, if any. */
  option?: ast.OptionDecl;
}

/** Every payment block of the deal: its own, then those inside options' `on exercise`. */
export function paymentBlocksOf(deal: ast.Deal): { block: ast.PaymentBlock; option?: ast.OptionDecl }[] {
  const out: { block: ast.PaymentBlock; option?: ast.OptionDecl }[] = deal.paymentBlocks.map((block) => ({ block }));
  for (const option of deal.options) for (const block of option.paymentBlocks ?? []) out.push({ block, option });
  return out;
}

/** The deal whose checks are running (see `walkingOnce`), and its walks made so far. */
const walking: {
  deal?: ast.Deal; payments?: PaymentInContext[]; paymentItems?: ast.Payment[]; amounts?: ast.Money[];
  items?: Map<ast.Payment, PaymentItemParts>; outside?: Omit<PaymentItemParts, 'payments'>;
} = {};

/** Runs one deal's checks with each walk of that deal made once, not once per check that reads it
 * (a long deal has tens of thousands of payments). Nothing is kept once `during` returns. */
export function walkingOnce<T>(deal: ast.Deal, during: () => T): T {
  walking.deal = deal;
  try {
    return during();
  } finally {
    walking.deal = undefined;
    walking.payments = undefined;
    walking.paymentItems = undefined;
    walking.amounts = undefined;
    walking.items = undefined;
    walking.outside = undefined;
  }
}

/** Every payment of the deal, milestones inside groups right after their group (not to be changed:
 * the checks of a deal share it). */
export function paymentsOf(deal: ast.Deal): readonly PaymentInContext[] {
  if (walking.deal === deal) return (walking.payments ??= paymentsIn(deal));
  return paymentsIn(deal);
}

/** The items of every payment block of the deal (a payment, or a milestone group with its
 * milestones), in the order of `paymentBlocksOf`: the deal's own blocks, then options' (not to
 * be changed: the checks of a deal share it). */
export function paymentItemsOf(deal: ast.Deal): readonly ast.Payment[] {
  if (walking.deal === deal) return (walking.paymentItems ??= paymentItemsIn(deal));
  return paymentItemsIn(deal);
}

function paymentItemsIn(deal: ast.Deal): ast.Payment[] {
  const out: ast.Payment[] = [];
  for (const { block } of paymentBlocksOf(deal)) for (const payment of block.payments) out.push(payment);
  return out;
}

function paymentsIn(deal: ast.Deal): PaymentInContext[] {
  const out: PaymentInContext[] = [];
  for (const { block, option } of paymentBlocksOf(deal)) {
    for (const payment of block.payments) {
      out.push(option ? { payment, block, option } : { payment, block });
      if (payment.type === 'MilestoneGroup') {
        for (const m of payment.milestones) out.push(option ? { payment: m, block, group: payment, option } : { payment: m, block, group: payment });
      }
    }
  }
  return out;
}

/** Every line of a scenario's `costs` blocks, its own and its programme blocks', in source order. */
export function costLinesOf(scenario: ast.Scenario): ast.CostLine[] {
  const blocks = [...(scenario.costs ?? []), ...(scenario.programs ?? []).flatMap((program) => program.costs ?? [])];
  return blocks.sort((a, b) => a.span.start - b.span.start).flatMap((block) => block.lines);
}

/** Every money amount written in the deal (not to be changed: the checks of a deal share it). */
export function amountsOf(deal: ast.Deal): readonly ast.Money[] {
  if (walking.deal === deal) return (walking.amounts ??= amountsIn(deal));
  return amountsIn(deal);
}

function amountsIn(deal: ast.Deal): ast.Money[] {
  const out: (ast.Money | undefined)[] = [deal.headline];
  for (const { payment } of paymentsOf(deal)) paymentAmounts(payment, out);
  amountsOutsidePayments(deal, out);
  return out.filter(isReadAmount);
}

const isReadAmount = (m: ast.Money | undefined): m is ast.Money => !!m && !!m.value && isRead(m);

/** The amounts written in one payment (a milestone group's own, not its milestones'). */
function paymentAmounts(payment: ast.Payment, out: (ast.Money | undefined)[]): void {
  if ('amount' in payment) out.push(payment.amount);
  out.push(payment.premiumAmount);
  if (payment.type === 'MilestoneGroup') out.push(payment.cap);
  if (payment.type === 'SalesMilestone') out.push(payment.threshold);
  if (payment.type === 'Royalty') for (const tier of payment.tiers) out.push(tier.upTo);
}

/** The amounts of the deal outside its payment blocks, but its headline. */
function amountsOutsidePayments(deal: ast.Deal, out: (ast.Money | undefined)[]): void {
  for (const option of deal.options) for (const exercise of option.exercises) out.push(exercise.fee, exercise.feeMax);
  for (const scenario of deal.scenarios) {
    for (const table of scenario.sales) for (const year of table.years) out.push(year.amount);
    for (const exercise of scenario.exercises) out.push(exercise.paying);
    for (const block of scenario.programs ?? []) for (const table of block.sales) for (const year of table.years) out.push(year.amount);
    for (const line of costLinesOf(scenario)) for (const year of line.years) out.push(year.amount);
  }
}

export interface PercentInContext {
  percent: ast.Percent;
  /** What the percentage is, as said in a message: `royalty rate`, `success probability`… */
  what: string;
  /** Markups may exceed 100%: only a negative value is out of range. */
  mayExceed100?: boolean;
}

type AddPercent = (percent: ast.Percent | undefined, what: string, mayExceed100?: boolean) => void;

function percentsInto(out: PercentInContext[]): AddPercent {
  return (percent, what, mayExceed100 = false) => {
    if (percent && percent.value && isRead(percent)) out.push({ percent, what, mayExceed100 });
  };
}

/** The percentages written in one payment. */
function paymentPercents(payment: ast.Payment, add: AddPercent): void {
  // A premium over market price may be any percentage from 0%, 120% too.
  add(payment.premium, 'equity premium', true);
  if (payment.type === 'Royalty') {
    add(payment.rate, 'royalty rate');
    add(payment.rateTo, 'royalty rate');
    for (const tier of payment.tiers) {
      add(tier.rate, 'royalty rate');
      add(tier.rateTo, 'royalty rate');
    }
  }
  // A cost-plus markup is a margin on cost, which can legitimately be above 100%.
  if (payment.type === 'Manufacturing') add(payment.costPlus, 'cost-plus markup', true);
}

/** The percentages of the deal after its payment blocks (options, scenarios, the valuation). */
function percentsOutsidePayments(deal: ast.Deal, add: AddPercent): void {
  for (const option of deal.options) {
    for (const effect of option.effects) {
      if (effect.type === 'Share') for (const share of effect.shares) add(share.percent, `${effect.what === 'costs' ? 'cost' : 'profit'} share`);
    }
  }
  for (const scenario of deal.scenarios) {
    for (const line of costLinesOf(scenario)) add(line.ofSales, line.kind === 'goods' ? 'cost of goods' : 'commercial cost');
  }
  add(deal.valuation?.discount, 'discount rate');
}

export interface DateInContext {
  date: ast.DateLit;
  /** `signed`, `on`, `expected`…: the keyword before the date. */
  clause: string;
  /** A day is required (a dated event, not an expectation). */
  needsDay: boolean;
}

type AddDate = (date: ast.DateLit | undefined, clause: string, needsDay: boolean) => void;

function datesInto(out: DateInContext[]): AddDate {
  return (date, clause, needsDay) => {
    if (date && isRead(date) && typeof date.text === 'string' && date.text.length > 0) out.push({ date, clause, needsDay });
  };
}

function paymentDates(payment: ast.Payment, add: AddDate): void {
  add(payment.on, 'on', true);
  add(payment.expected, 'expected', false);
}

/** The dates of the deal after its payment blocks (scenario timelines, the valuation's date). */
function datesOutsidePayments(deal: ast.Deal, add: AddDate): void {
  for (const scenario of deal.scenarios) {
    for (const entry of scenario.timeline) add(entry.date, 'timeline', false);
    for (const block of scenario.programs ?? []) for (const entry of block.timeline ?? []) add(entry.date, 'timeline', false);
  }
  add(deal.valuation?.asOf, 'as of', true);
}

/** The span from the start of the first item to the end of the last. */
export function spanOfList(items: readonly { span: ast.Span }[]): ast.Span | undefined {
  if (items.length === 0) return undefined;
  return { start: items[0].span.start, end: items[items.length - 1].span.end };
}

/** `a fee`, `an equity purchase`. */
export const article = (word: string): string => (/^[aeiou]/i.test(word) ? `an ${word}` : `a ${word}`);

/** The first letter in capitals, to start a sentence with a name or phrase. */
export const capitalize = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);

/** How a payment is called in a message: its name, else its keyword. */
export function paymentLabel(payment: ast.Payment): string {
  return isWritten(payment.name) ? `'${payment.name.text}'` : `this ${paymentWord(payment.type)}`;
}

/** Where to point at a payment as a whole: its name, else its keyword. */
export function paymentAnchor(payment: ast.Payment): ast.Span {
  return isWritten(payment.name) ? payment.name.span : payment.keywordSpan;
}

/** What a name refers to. Payments, milestones and groups share one namespace; `group` marks a
 * place that only a milestone group may fill (`forfeit unearned X`). */
export type ReferenceKind = 'party' | 'stage' | 'payment' | 'group' | 'option' | 'currency' | 'program';

/* Every place in a deal that refers to something declared elsewhere (or built in) is visited by
 * the two walks below, one for each payment and one for the rest: the reference checks and the
 * editor's symbol index both read them, so a new kind of reference is added once. Names recovery
 * left empty are visited too; visitors skip what `isWritten` rejects. */
type At = (kind: ReferenceKind, ...names: (ast.Name | undefined)[]) => void;

function referencesTo(visit: (name: ast.Name, kind: ReferenceKind) => void): At {
  return (kind, ...names) => {
    for (const name of names) if (name) visit(name, kind);
  };
}

/** The references written in one payment (a milestone group's own, not its milestones'). */
function paymentReferences(payment: ast.Payment, at: At): void {
  at('party', payment.from, payment.to);
  at('stage', payment.at);
  at('program', payment.program);
  if (payment.type === 'MilestoneGroup') at('stage', payment.by);
}

/** The references of the deal outside the payments of its blocks (the blocks' own payer, payee
 * and programme included). */
function referencesOutsidePayments(deal: ast.Deal, at: At): void {
  at('currency', deal.currency);
  at('stage', deal.stage);
  at('party', deal.developer);
  for (const fx of deal.fx) at('currency', fx.from, fx.to);
  for (const program of deal.programs ?? []) { at('stage', program.stage); at('party', program.developer); }
  for (const license of deal.licenses) at('party', license.from, license.to);
  for (const { block } of paymentBlocksOf(deal)) { at('party', block.from, block.to); at('program', block.program); }
  for (const option of deal.options) {
    at('party', option.holder);
    at('program', option.program);
    for (const developer of option.developers ?? []) at('party', developer.party);
    for (const exercise of option.exercises) { at('stage', exercise.stage); at('party', exercise.to); }
    for (const effect of option.effects) {
      if (effect.type === 'Share') effect.shares.forEach((s) => at('party', s.party));
      else if (effect.type === 'Forfeit') at('payment', effect.payment);
      else at('group', effect.group);
    }
  }
  for (const scenario of deal.scenarios) {
    scenario.timeline.forEach((entry) => at('stage', entry.stage));
    at('stage', scenario.reach);
    for (const exercise of scenario.exercises) { at('option', exercise.option); at('stage', exercise.stage); }
    for (const block of scenario.programs ?? []) {
      at('program', block.program);
      (block.timeline ?? []).forEach((entry) => at('stage', entry.stage));
      at('stage', block.reach);
    }
  }
}

/** One item of a payment block (a payment, or a milestone group with its milestones) and what
 * is written in it, each list in the order the deal-wide walks visit them. */
export interface PaymentItemParts {
  /** The item, then its milestones. */
  payments: ast.Payment[];
  amounts: ast.Money[];
  percents: PercentInContext[];
  dates: DateInContext[];
  references: { name: ast.Name; kind: ReferenceKind }[];
}

/** The items of every payment block of the deal (payments and milestone groups), in text order. */
export function paymentItemsInOrder(deal: ast.Deal): ast.Payment[] {
  return paymentBlocksInOrder(deal).flatMap((block) => block.payments);
}

/** Every payment block of the deal (options' too), in text order. */
export function paymentBlocksInOrder(deal: ast.Deal): ast.PaymentBlock[] {
  const blocks = paymentBlocksOf(deal).map(({ block }) => block);
  if (blocks.some((block, i) => i > 0 && block.span.start < blocks[i - 1].span.start)) blocks.sort((a, b) => a.span.start - b.span.start);
  return blocks;
}

/** One item's parts (not to be changed: the checks of a deal share them while it is walked). */
export function partsOfPaymentItem(item: ast.Payment): PaymentItemParts {
  if (!walking.deal) return partsOfItem(item);
  const kept = (walking.items ??= new Map());
  let parts = kept.get(item);
  if (!parts) kept.set(item, (parts = partsOfItem(item)));
  return parts;
}

function partsOfItem(item: ast.Payment): PaymentItemParts {
  const payments = item.type === 'MilestoneGroup' ? [item, ...item.milestones] : [item];
  const amounts: (ast.Money | undefined)[] = [];
  const percents: PercentInContext[] = [];
  const dates: DateInContext[] = [];
  const references: { name: ast.Name; kind: ReferenceKind }[] = [];
  const at = referencesTo((name, kind) => references.push({ name, kind }));
  const addPercent = percentsInto(percents);
  const addDate = datesInto(dates);
  for (const payment of payments) {
    paymentAmounts(payment, amounts);
    paymentPercents(payment, addPercent);
    paymentDates(payment, addDate);
    paymentReferences(payment, at);
  }
  const read = amounts.filter(isReadAmount);
  for (const money of read) at('currency', money.currency);
  return { payments, amounts: read, percents, dates, references };
}

/** What the deal-wide walks visit outside the items of its payment blocks: the parts of every
 * other term (the headline, stages, options, scenarios…) and each block's own header. */
export function partsOutsidePaymentItems(deal: ast.Deal): Omit<PaymentItemParts, 'payments'> {
  if (walking.deal === deal) return (walking.outside ??= partsOutside(deal));
  return partsOutside(deal);
}

function partsOutside(deal: ast.Deal): Omit<PaymentItemParts, 'payments'> {
  const amounts: (ast.Money | undefined)[] = [deal.headline];
  amountsOutsidePayments(deal, amounts);
  const percents: PercentInContext[] = [];
  const addPercent = percentsInto(percents);
  for (const stage of deal.stages?.stages ?? []) addPercent(stage.success, 'success probability');
  percentsOutsidePayments(deal, addPercent);
  const dates: DateInContext[] = [];
  const addDate = datesInto(dates);
  addDate(deal.signed, 'signed', true);
  addDate(deal.effective, 'effective', true);
  addDate(deal.announced, 'announced', true);
  datesOutsidePayments(deal, addDate);
  const references: { name: ast.Name; kind: ReferenceKind }[] = [];
  const at = referencesTo((name, kind) => references.push({ name, kind }));
  referencesOutsidePayments(deal, at);
  const read = amounts.filter(isReadAmount);
  for (const money of read) at('currency', money.currency);
  return { amounts: read, percents, dates, references };
}
