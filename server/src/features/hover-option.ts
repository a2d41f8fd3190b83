// Hover on an option (holder, fee range, what exercising gives up), a scenario (what it rolls
// up to per party and per year) and a stage (its probability of success).
import type Decimal from 'decimal.js';
import type * as ast from '../language/ast';
import type { AnalyzedDeal } from '../document/analyze';
import { isParty, leftOutOfPositions, partyPositions } from './incomplete-figures';
import { figureList, figureRow, heading, md, moneyIn, paragraphs, territories, writtenAmount } from './hover-format';
import { formatPercent } from '../model/money';
import { optionFeeRange } from '../model/options';
import { kindLabel } from '../model/payment-kinds';
import { programCount } from '../model/programs';
import { currentStage, probabilityOfReaching } from '../model/probability';
import { scenarioRollupOf } from '../engine/scenario-rollups';
import { optionValueHover, scenarioValueHover } from './hover-value';
import { stageIndex } from '../model/stages';

export function describeOption({ model }: AnalyzedDeal, name: string, text: string): string | undefined {
  const option = model.options.get(name);
  if (!option) return undefined;
  const money = moneyIn(model);
  const holder = option.holder?.text;
  let range: string | undefined;
  try {
    const fees = optionFeeRange(option, model);
    if (fees.min && fees.max) {
      const who = fees.payer ? ` paid by ${shownName(model, fees.payer)}${fees.payee ? ` to ${shownName(model, fees.payee)}` : ''}` : '';
      range = `Exercise fee ${fees.min.eq(fees.max) ? money(fees.min) : `${money(fees.min)} to ${money(fees.max)}`}${who}.`;
    }
  } catch {
    // Without the fee range the exercise lines below still give every fee.
  }
  const exercises = option.exercises.length
    ? figureList(option.exercises.map((e) => `Exercise at ${md(e.stage?.text ?? '')}: ${
      e.feeUndisclosed ? 'fee undisclosed'
        : e.fee && e.feeMax ? `fee ${writtenAmount(model, text, e.fee)} to ${writtenAmount(model, text, e.feeMax)}`
          : e.fee ? `fee ${writtenAmount(model, text, e.fee)}` : 'no fee'}`))
    : undefined;
  const payments = model.exercisePayments.filter((item) => item.option === option).map((item) => {
    const figure = item.amount === undefined ? '' : ` ${item.node.type === 'MilestoneGroup' ? 'up to ' : ''}${money(item.amount)}`;
    return `- pays ${md(item.name ?? item.node.title?.value ?? item.kind)} (${kindLabel(item.kind).toLowerCase()})${figure}${item.payer && item.payee ? `, ${shownName(model, item.payer)} to ${shownName(model, item.payee)}` : ''}`;
  });
  const developers = (option.developers ?? []).map((d) => `- ${shownName(model, d.party.text)} develops${d.territory?.length ? ` in ${territories(d.territory)}` : ''}`);
  const effects = [...payments, ...developers, ...option.effects.map((effect) => `- ${describeEffect(effect, model.paymentsByName, money)}`)].join('\n');
  const territory = territories(option.territory);
  const program = option.program?.text;
  const count = programCount(model, program);
  return paragraphs(
    heading('Option', name, option.title),
    [holder && `Holder ${shownName(model, holder)}`, program && `for programme ${md(program)}${count === 1 ? '' : ` (one option for each of its ${count} programmes)`}`, territory && `territory ${territory}`].filter(Boolean).join(' · '),
    range,
    exercises,
    effects && `On exercise:\n\n${effects}`,
    payments.length
      ? 'Option fees and on-exercise payments are not in the committed or contingent totals; scenarios that exercise the option count them.'
      : 'Option fees are not in the deal-level totals; scenarios that exercise the option count them.',
    ...optionValueHover(model, option), // bounded: one line per scenario exercising the option
  );
}

function describeEffect(
  effect: ast.OptionEffect,
  payments: AnalyzedDeal['model']['paymentsByName'],
  money: (v: Decimal) => string,
): string {
  const where = effect.type !== 'ForfeitUnearned' ? territories(effect.territory) : undefined;
  const inWhere = where ? ` in ${where}` : '';
  switch (effect.type) {
    case 'ForfeitUnearned': {
      const group = payments.get(effect.group.text);
      const cap = group?.amount ? ` (up to ${money(group.amount)})` : '';
      return `forfeits the unearned milestones of ${md(effect.group.text)}${cap}`;
    }
    case 'Forfeit': return `forfeits ${md(effect.payment.text)}${inWhere}`;
    case 'Share': {
      const shares = effect.shares.map((s) => `${md(s.party.text)} ${formatPercent(s.percent.value)}`).join(', ');
      return `shares ${effect.what} ${shares}${inWhere}`;
    }
  }
}

/** A scenario's rollup; when the scenario engine cannot give one, its terms alone. */
export function describeScenario({ model }: AnalyzedDeal, name: string): string | undefined {
  const scenario = model.scenarios.get(name);
  if (!scenario) return undefined;
  const terms = [
    scenario.reach?.text && `Reaches ${md(scenario.reach.text)}`,
    ...scenario.exercises.map((e) => `exercises ${md(e.option.text)}${e.stage?.text ? ` at ${md(e.stage.text)}` : ''}`),
    // Each programme block: how far that programme gets, how many go ahead, what it gives.
    ...(scenario.programs ?? []).map((block) => {
      const parts = [
        block.reach?.text && `reaches ${md(block.reach.text)}`,
        block.timeline?.length ? 'its own timeline' : undefined,
        block.count ? `${block.count.value} going ahead` : undefined,
        block.sales.length ? 'sales' : undefined,
        block.costs?.length ? 'costs' : undefined,
      ].filter(Boolean);
      return `programme ${md(block.program.text)}${parts.length ? `: ${parts.join(', ')}` : ''}`;
    }),
  ].filter(Boolean).join(' · ');

  let figures: (string | undefined)[] = [];
  try {
    const rollup = scenarioRollupOf(model, scenario);
    const money = moneyIn(model);
    const withRnpv = [...rollup.parties.values()].some((p) => p.rnpv !== undefined);
    const parties = partyPositions(model, rollup.parties).map(([party, p]) => figureRow(md(party), [
      ['receives', money(p.receives)], ['pays', money(p.pays)], ['net', money(p.net)],
      ...(withRnpv ? [['net rNPV', p.rnpv ? money(p.rnpv) : '—'] as [string, string]] : []),
    ]));
    const leftOut = leftOutOfPositions(model, rollup.parties, (n) => `'${md(n)}'`);
    const years = [...rollup.byYear].map(([year, value]) => `${md(String(year))}: ${money(value)}`);
    const unattributed = rollup.unattributed.map((u) => `${md(u.group.name ?? 'group')} ${money(u.amount)}`).join('; ');
    const forfeited = rollup.forfeited.map((f) => `${md(f.label)}${f.amount ? ` ${money(f.amount)}` : ''}`).join('; ');
    figures = [
      `Total paid in this scenario: **${money(rollup.total)}**`,
      parties.length ? figureList(parties) : undefined,
      leftOut.length ? `Left out of the parties' positions: ${leftOut.join('; ')}.` : undefined,
      years.length ? `By year:\n${figureList(years)}` : undefined,
      unattributed && `Undisclosed rests not counted (no \`by\` stage): ${unattributed}.`,
      forfeited && `Forfeited by exercising: ${forfeited}.`,
    ];
  } catch {
    // The scenario engine may not cover every case yet; the terms still help.
  }
  const value = scenarioValueHover(model, scenario);
  return paragraphs(heading('Scenario', name, scenario.title), terms, ...figures, ...value); // bounded: the five figures above and the value lines
}

/** A stage's probability of success and of being reached from the deal's current stage. */
export function describeStage({ model }: AnalyzedDeal, name: string): string | undefined {
  const index = stageIndex(model.stages, name);
  if (index < 0) return undefined;
  const stage = model.stages[index];
  const current = currentStage(model);
  const from = Math.max(0, stageIndex(model.stages, current));
  const reach = probabilityOfReaching(model, name);
  const percent = (p: Decimal) => formatPercent(p.times(100).toDecimalPlaces(2));
  return paragraphs(
    `**Stage ${md(name)}** (${index + 1} of ${model.stages.length}${stage.declaration ? '' : ', built-in'})`,
    stage.success ? `Probability of moving on to the next stage: ${percent(stage.success)}.` : 'The last stage.',
    reach && index > from ? `Probability of reaching it from ${md(current ?? '')}: ${percent(reach)}.` : index === from ? 'The deal\'s current stage.' : `Before the deal's current stage ${md(current ?? '')}.`,
  );
}

/** A payer or payee as a hover shows it: a name that is not a party is never shown as one. */
function shownName(model: AnalyzedDeal['model'], name: string): string {
  return isParty(model, name) ? md(name) : `'${md(name)}' (not a party)`;
}
