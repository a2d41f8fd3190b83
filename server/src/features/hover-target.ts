// What the cursor is on: a deal, party, payment, option, scenario or stage — at its declaration
// or at any reference to it. Every name the deal holds is listed with its span; the smallest
// span around the cursor wins, so `Development` in `forfeit unearned Development` means the
// group and not the option around it.
import type * as ast from '../language/ast';
import type { DealModel } from '../model/deal-model';

export type HoverTarget =
  | { kind: 'deal'; span: ast.Span }
  | { kind: 'party'; name: string; span: ast.Span }
  | { kind: 'payment'; name?: string; payment?: ast.Payment; span: ast.Span }
  | { kind: 'option'; name: string; span: ast.Span }
  | { kind: 'scenario'; name: string; span: ast.Span }
  | { kind: 'stage'; name: string; span: ast.Span }
  | { kind: 'program'; name: string; span: ast.Span };

/** The target under `offset` in one deal, if any. */
export function findHoverTarget(model: DealModel, text: string, offset: number): HoverTarget | undefined {
  let best: HoverTarget | undefined;
  for (const target of targetsOf(model.deal, text, offset)) {
    if (!covers(target.span, offset)) continue;
    if (!best || width(target.span) < width(best.span) || (width(target.span) === width(best.span) && offset < target.span.end)) {
      best = target;
    }
  }
  return best;
}

function covers(span: ast.Span, offset: number): boolean {
  return span.end > span.start && offset >= span.start && offset <= span.end;
}

function width(span: ast.Span): number {
  return span.end - span.start;
}

function written(name: ast.Name | undefined): name is ast.Name {
  return !!name && typeof name.text === 'string' && name.text.length > 0 && !!name.span;
}

function* targetsOf(deal: ast.Deal, text: string, offset: number): Generator<HoverTarget> {
  if (text.startsWith('deal', deal.span.start)) {
    yield { kind: 'deal', span: { start: deal.span.start, end: deal.span.start + 4 } };
  }
  if (written(deal.name)) yield { kind: 'deal', span: deal.name.span };
  if (written(deal.stage)) yield stage(deal.stage);
  for (const party of deal.parties) if (written(party.name)) yield party_(party.name);
  for (const decl of deal.stages?.stages ?? []) if (written(decl.name)) yield stage(decl.name);
  for (const program of deal.programs ?? []) {
    yield* programs(program.name);
    if (written(program.stage)) yield stage(program.stage);
  }
  for (const license of deal.licenses) yield* parties(license.from, license.to);
  for (const block of deal.paymentBlocks) yield* blockTargets(block, offset);
  for (const option of deal.options) yield* optionTargets(option, offset);
  for (const scenario of deal.scenarios) yield* scenarioTargets(scenario);
}

function* blockTargets(block: ast.PaymentBlock, offset: number): Generator<HoverTarget> {
  yield* parties(block.from, block.to);
  yield* programs(block.program);
  // A payment's targets all lie inside it: a long deal's other payments are not looked at.
  for (const payment of block.payments) if (!wellFormed(payment.span) || covers(payment.span, offset)) yield* paymentTargets(payment);
}

const wellFormed = (span: ast.Span | undefined): span is ast.Span => !!span && span.end > span.start;

function* paymentTargets(payment: ast.Payment): Generator<HoverTarget> {
  const target = (span: ast.Span): HoverTarget => ({ kind: 'payment', payment, span });
  if (payment.name && written(payment.name)) yield target(payment.name.span);
  if (payment.keywordSpan) yield target(payment.keywordSpan);
  const amount = 'amount' in payment ? payment.amount : payment.type === 'MilestoneGroup' ? payment.cap : undefined;
  if (amount) yield target(amount.span);
  yield* parties(payment.from, payment.to);
  yield* programs(payment.program);
  if (written(payment.at)) yield stage(payment.at);
  if (payment.type === 'MilestoneGroup') {
    if (written(payment.by)) yield stage(payment.by);
    for (const milestone of payment.milestones) yield* paymentTargets(milestone);
  }
  if (payment.type === 'Royalty' && payment.tiersSpan) yield target(payment.tiersSpan);
}

function* optionTargets(option: ast.OptionDecl, offset: number): Generator<HoverTarget> {
  if (written(option.name)) yield { kind: 'option', name: option.name.text, span: option.name.span };
  if (written(option.holder)) yield party_(option.holder);
  yield* programs(option.program);
  for (const exercise of option.exercises) {
    if (written(exercise.stage)) yield stage(exercise.stage);
    if (written(exercise.to)) yield party_(exercise.to);
    for (const fee of [exercise.fee, exercise.feeMax]) if (fee && written(option.name)) yield { kind: 'option', name: option.name.text, span: fee.span };
    if (exercise.feeUndisclosed && written(option.name)) yield { kind: 'option', name: option.name.text, span: exercise.feeUndisclosed };
  }
  for (const block of option.paymentBlocks ?? []) yield* blockTargets(block, offset);
  for (const developer of option.developers ?? []) yield* parties(developer.party);
  for (const effect of option.effects) {
    if (effect.type === 'ForfeitUnearned' && written(effect.group)) yield paymentRef(effect.group);
    if (effect.type === 'Forfeit' && written(effect.payment)) yield paymentRef(effect.payment);
    if (effect.type === 'Share') for (const share of effect.shares) if (written(share.party)) yield party_(share.party);
  }
}

function* scenarioTargets(scenario: ast.Scenario): Generator<HoverTarget> {
  if (written(scenario.name)) yield { kind: 'scenario', name: scenario.name.text, span: scenario.name.span };
  if (written(scenario.reach)) yield stage(scenario.reach);
  for (const entry of scenario.timeline) if (written(entry.stage)) yield stage(entry.stage);
  for (const exercise of scenario.exercises) {
    if (written(exercise.option)) yield { kind: 'option', name: exercise.option.text, span: exercise.option.span };
    if (written(exercise.stage)) yield stage(exercise.stage);
  }
  for (const block of scenario.programs ?? []) {
    yield* programs(block.program);
    if (written(block.reach)) yield stage(block.reach);
    for (const entry of block.timeline ?? []) if (written(entry.stage)) yield stage(entry.stage);
  }
}

function* programs(...names: (ast.Name | undefined)[]): Generator<HoverTarget> {
  for (const name of names) if (written(name)) yield { kind: 'program', name: name.text, span: name.span };
}

function* parties(...names: (ast.Name | undefined)[]): Generator<HoverTarget> {
  for (const name of names) if (written(name)) yield party_(name);
}

function party_(name: ast.Name): HoverTarget {
  return { kind: 'party', name: name.text, span: name.span };
}

function stage(name: ast.Name): HoverTarget {
  return { kind: 'stage', name: name.text, span: name.span };
}

function paymentRef(name: ast.Name): HoverTarget {
  return { kind: 'payment', name: name.text, span: name.span };
}
