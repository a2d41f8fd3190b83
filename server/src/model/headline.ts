// The headline as the deal's `headline` line counts it. Announcements quote different figures:
// by default committed + contingent (version 1); `including options` adds what exercising the
// options would pay; `excluding equity` leaves the equity purchase out. `about` only changes how
// closely the stated figure must agree (headline-mismatch), not what is counted.
import type Decimal from 'decimal.js';
import type * as ast from '../language/ast';
import type { DealModel } from './deal-model';
import { sum, ZERO } from './money';
import { optionFeeRange } from './options';
import { programCount } from './programs';

/** What a headline line says it counts. */
export interface HeadlineConvention {
  includingOptions: boolean;
  excludingEquity: boolean;
  /** The stated figure is rounded: within 5% agrees. */
  about: boolean;
}

export function headlineConvention(deal: ast.Deal): HeadlineConvention {
  const terms = deal.headlineTerms;
  return { includingOptions: !!terms?.includingOptions, excludingEquity: !!terms?.excludingEquity, about: !!terms?.about };
}

/** What `including options` adds: payments made on exercise, and option fees. */
export interface OptionsExtra {
  /** Payments inside on-exercise blocks (a group counts its cap). */
  onExercise: Decimal;
  /** The high end of every option's fee range. */
  fees: Decimal;
}

/**
 * What the options add to a headline `including options`: the payments inside their `on
 * exercise` blocks (`onExercise` of the deal totals: a group counts its cap, times its
 * programme's count) and the high end of each option's fee range, times the count of the
 * programme the option is for (one option per programme). An option with several exercise
 * points is exercised at one of them, so its range runs from the cheapest to the dearest fee
 * (a fee written as a range counts its high end), and the headline counts the dearest.
 * Undisclosed or unconvertible fees count nothing.
 */
export function optionsHeadlineExtra(model: DealModel, onExercise: Decimal = ZERO): OptionsExtra {
  const fees = sum([...model.options.values()].map((option) => {
    const high = optionFeeRange(option, model).max;
    const times = programCount(model, option.program?.text);
    return high && times !== 1 ? high.times(times) : high;
  }));
  return { onExercise, fees };
}

/** The headline figure and what it is made of. */
export interface HeadlineCount {
  convention: HeadlineConvention;
  committed: Decimal;
  contingent: Decimal;
  /** Equity left out (`excluding equity`); zero otherwise. */
  equityExcluded: Decimal;
  /** Added by `including options`; undefined otherwise. */
  options?: OptionsExtra;
  figure: Decimal;
}

/** The headline under the deal's convention, from its committed and contingent totals and its equity. */
export function countHeadline(model: DealModel, committed: Decimal, contingent: Decimal, equity: Decimal, onExercise: Decimal = ZERO): HeadlineCount {
  const convention = headlineConvention(model.deal);
  const equityExcluded = convention.excludingEquity ? equity : ZERO;
  const options = convention.includingOptions ? optionsHeadlineExtra(model, onExercise) : undefined;
  const figure = committed.plus(contingent).minus(equityExcluded).plus(options ? options.onExercise.plus(options.fees) : ZERO);
  return { convention, committed, contingent, equityExcluded, options, figure };
}

/** What a headline counted, in words: `committed $X + contingent $Y + options $Z, equity excluded`. */
export function describeHeadlineCount(count: HeadlineCount, money: (value: Decimal) => string): string {
  const parts = [`committed ${money(count.committed)}`, `contingent ${money(count.contingent)}`];
  if (count.options) {
    if (!count.options.onExercise.isZero()) parts.push(`on exercise ${money(count.options.onExercise)}`);
    parts.push(`options ${money(count.options.fees)}`);
  }
  const equity = count.convention.excludingEquity ? `, equity ${money(count.equityExcluded)} excluded` : '';
  return `${parts.join(' + ')}${equity}`;
}

/** How the headline is counted, in words: `committed + contingent`, `committed + contingent +
 * options, equity excluded`. */
export function headlineConventionText(deal: ast.Deal): string {
  const convention = headlineConvention(deal);
  return `committed + contingent${convention.includingOptions ? ' + options' : ''}${convention.excludingEquity ? ', equity excluded' : ''}`;
}

/** The foot of a by-kind table: the headline where it is what the kinds add up to, else their sum. */
export function byKindFoot<T = string>(deal: ast.Deal, totals: { committed: Decimal; contingent: Decimal; headline: Decimal }, money: (value: Decimal) => T): [string, T] {
  const convention = headlineConvention(deal);
  if (!convention.includingOptions && !convention.excludingEquity) return ['Headline', money(totals.headline)];
  return ['Committed + contingent', money(totals.committed.plus(totals.contingent))];
}

/** The declared figure with the words around it: `up to about $2,000,000,000 including options`. */
export function headlineAsAnnounced(deal: ast.Deal, figure: string): string {
  const terms = deal.headlineTerms;
  const words = [terms?.upTo && 'up to', terms?.about && 'about', figure, terms?.includingOptions && 'including options', terms?.excludingEquity && 'excluding equity'];
  return words.filter(Boolean).join(' ');
}
