// The term sheet in its reader's words, not the file's: a payment by its title (the engine's
// row labels are built from names: `Royalties royalty 2024`, `DevSales undisclosed rest`), an
// option by its title, and no `by` or other keyword of the file in a sentence. Shared by the
// HTML and the Markdown term sheets.
import type * as ast from '../language/ast';
import type { DealModel, PaymentItem } from '../model/deal-model';
import { paymentLabel } from '../model/describe';
import { labelOf } from '../engine/scenarios/schedule';
import type { ScenarioPayment } from '../engine/scenarios';

/** An option as a reader knows it: its title, else its name. */
export function optionWords(option: ast.OptionDecl): string {
  return option.title?.value ?? option.name.text;
}

/** `the undisclosed rest of development and commercial milestones`. */
export function restWords(group: PaymentItem): string {
  return `the undisclosed rest of ${paymentLabel(group)}`;
}

/** Every payment of the deal, its items included. */
function allItems(model: DealModel): PaymentItem[] {
  return [...model.payments, ...model.exercisePayments].flatMap((item) => [item, ...(item.items ?? [])]);
}

/** An engine label (`Dev undisclosed rest × 2`, `Royalties royalty in US`, `OptIn exercise fee`)
 * in words, from the payment or option it names; a label it does not know stays as it is. */
export function labelWords(model: DealModel, label: string, item?: PaymentItem): string {
  const times = / × (\d+)$/.exec(label);
  const bare = times ? label.slice(0, times.index) : label;
  const count = times ? ` (× ${times[1]})` : '';
  for (const option of model.deal.options) {
    if (bare === `${option.name.text} exercise fee`) return `exercise fee: ${optionWords(option)}${count}`;
  }
  const candidates = item ? [item] : allItems(model);
  for (const candidate of candidates) {
    const name = labelOf(candidate);
    if (bare !== name && !bare.startsWith(`${name} `)) continue;
    const rest = bare.slice(name.length);
    const title = paymentLabel(candidate);
    if (rest === '' || /^ royalty( \d+)?$/.test(rest) || /^ \d+$/.test(rest)) return `${title}${count}`;
    if (rest === ' undisclosed rest') return `${restWords(candidate)}${count}`;
    const territory = /^ royalty in (.+)$/.exec(rest);
    if (territory) return `${title} in ${territory[1]}${count}`;
    const instalment = /^ instalment (\d+)( of \d+)?$/.exec(rest);
    if (instalment) return `${title}, instalment ${instalment[1]}${instalment[2] ?? ''}${count}`;
  }
  return label;
}

/** A row of a scenario's payments: `Royalties`, `Undisclosed rest of development milestones`,
 * `Exercise fee: US co-development of KB-101` (the year and kind have columns of their own). */
export function scenarioPaymentWords(model: DealModel, p: ScenarioPayment): string {
  return rowWords(model, p.label, p.item);
}

/** An engine label as the first words of a row or list item: `Undisclosed rest of …`. */
export function rowWords(model: DealModel, label: string, item?: PaymentItem): string {
  return capitalizeFirst(labelWords(model, label, item).replace(/^the /, ''));
}

export function capitalizeFirst(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** Text that quotes the file in backticks (`exercise X at phase2 paying AMOUNT`), as HTML with
 * the quoted parts set as code: `esc` is applied to every part. */
export function quotedAsCode(text: string, esc: (s: string) => string): string {
  return text.split('`').map((part, i) => (i % 2 ? `<code>${esc(part)}</code>` : esc(part))).join('');
}
