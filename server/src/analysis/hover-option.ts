// Hover on an option (holder, fee range, what exercising gives up), a scenario (what it rolls
// up to per party and per year) and a stage (its probability of success).
import type Decimal from 'decimal.js';
import type * as ast from '../language/ast';
import type { AnalyzedDeal } from './analyze';
import { heading, md, moneyIn, paragraphs, table, territories, writtenAmount } from './hover-format';
import { formatPercent, Money } from './money';
import { rollupScenario } from './scenarios';
import { stageIndex } from './stages';

export function describeOption({ model }: AnalyzedDeal, name: string, text: string): string | undefined {
  const option = model.options.get(name);
  if (!option) return undefined;
  const money = moneyIn(model);
  const holder = option.holder?.text;
  const others = [...model.parties.keys()].filter((p) => p && p !== holder);

  const fees = option.exercises.map((e) => (e.fee ? model.convert(e.fee) : undefined)).filter((f): f is Decimal => !!f);
  let range: string | undefined;
  if (fees.length) {
    const low = fees.reduce((a, b) => (b.lt(a) ? b : a));
    const high = fees.reduce((a, b) => (b.gt(a) ? b : a));
    const payee = option.exercises.find((e) => e.to?.text)?.to?.text ?? (others.length === 1 ? others[0] : undefined);
    const who = holder ? ` paid by ${md(holder)}${payee ? ` to ${md(payee)}` : ''}` : '';
    range = `Exercise fee ${low.eq(high) ? money(low) : `${money(low)} to ${money(high)}`}${who}.`;
  }
  const exercises = option.exercises.length
    ? table(['Exercise at', 'Fee'], option.exercises.map((e) => [
      md(e.stage?.text ?? ''),
      e.fee ? writtenAmount(model, text, e.fee) : 'no fee',
    ]))
    : undefined;
  const effects = option.effects.map((effect) => `- ${describeEffect(effect, model.paymentsByName, money)}`).join('\n');
  const territory = territories(option.territory);
  return paragraphs(
    heading('Option', name, option.title),
    [holder && `Holder ${md(holder)}`, territory && `territory ${territory}`].filter(Boolean).join(' · '),
    range,
    exercises,
    effects && `On exercise:\n\n${effects}`,
    'Option fees are not in the deal-level totals; scenarios that exercise the option count them.',
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
  ].filter(Boolean).join(' · ');

  let figures: (string | undefined)[] = [];
  try {
    const rollup = rollupScenario(model, scenario);
    const money = moneyIn(model);
    const parties = [...rollup.parties].map(([party, p]) => [md(party), money(p.receives), money(p.pays), money(p.net)]);
    const years = [...rollup.byYear].map(([year, value]) => [md(String(year)), money(value)]);
    const unattributed = rollup.unattributed.map((u) => `${md(u.group.name ?? 'group')} ${money(u.amount)}`).join('; ');
    const forfeited = rollup.forfeited.map((f) => `${md(f.label)}${f.amount ? ` ${money(f.amount)}` : ''}`).join('; ');
    figures = [
      `Total paid in this scenario: **${money(rollup.total)}**`,
      parties.length ? table(['Party', 'Receives', 'Pays', 'Net'], parties) : undefined,
      years.length ? table(['Year', 'Amount'], years) : undefined,
      unattributed && `Undisclosed rests not counted (no \`by\` stage): ${unattributed}.`,
      forfeited && `Forfeited by exercising: ${forfeited}.`,
    ];
  } catch {
    // The scenario engine may not cover every case yet; the terms still help.
  }
  return paragraphs(heading('Scenario', name, scenario.title), terms, ...figures);
}

/** A stage's probability of success and of being reached from the deal's current stage. */
export function describeStage({ model }: AnalyzedDeal, name: string): string | undefined {
  const index = stageIndex(model.stages, name);
  if (index < 0) return undefined;
  const stage = model.stages[index];
  const current = model.deal.stage?.text ?? model.stages[0]?.name;
  const from = Math.max(0, stageIndex(model.stages, current));
  let reach: Decimal = new Money(1);
  for (let i = from; i < index; i++) reach = reach.times(model.stages[i].success ?? 1);
  const percent = (p: Decimal) => formatPercent(p.times(100).toDecimalPlaces(2));
  return paragraphs(
    `**Stage ${md(name)}** (${index + 1} of ${model.stages.length}${stage.declaration ? '' : ', built-in'})`,
    stage.success ? `Probability of moving on to the next stage: ${percent(stage.success)}.` : 'The last stage.',
    index >= from ? `Probability of reaching it from ${md(current ?? '')}: ${percent(reach)}.` : `Before the deal's current stage ${md(current ?? '')}.`,
  );
}
