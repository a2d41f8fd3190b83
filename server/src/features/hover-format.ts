// Markdown building blocks for hovers: escaping user text, tables, and figures in the deal
// currency. Every string a user wrote passes through `md()` before it reaches Markdown.
import type Decimal from 'decimal.js';
import type * as ast from '../language/ast';
import type { DealModel } from '../model/deal-model';
import { formatMoney, formatNumber, longestShown, writtenShort } from '../model/money';
import { mdText as md } from '../model/markdown-text';

/** User text made inert in Markdown: the one escaper the Markdown export uses too. */
export { mdText as md } from '../model/markdown-text';

/** `**Milestone group Development** — development milestones` */
export function heading(what: string, name: string | undefined, title?: ast.StringLit): string {
  const named = name ? `${what} ${md(name)}` : what;
  return title?.value ? `**${named}** — ${md(title.value)}` : `**${named}**`;
}

/**
 * Rows of figures, one line each: a Markdown list, which reads the same rendered (VS Code) and
 * raw (editors that show hover Markdown as text), where a table's cells run together.
 */
export function figureList(rows: string[]): string {
  return rows.map((row) => `- ${row}`).join('\n');
}

/** `ImmunoGen: receives $1M · pays $0 · net $1M`: a label and its labelled figures. */
export function figureRow(label: string, figures: [string, string][]): string {
  return `${label}: ${figures.map(([name, value]) => `${name} ${value}`).join(' · ')}`;
}

/** Figures of one deal, in its currency. */
export function moneyIn(model: DealModel): (value: Decimal) => string {
  return (value) => formatMoney(value, model.currency);
}

/**
 * An amount as written and, when written in another currency, in the deal currency with the
 * rate used: `€10,000,000 (€10M) = $11,000,000 ($11M) at 1.10`, or for a rate written the other
 * way round `€910,000 = $1,000,000 ($1M) at 1 USD = 0.91 EUR`.
 */
export function writtenAmount(model: DealModel, text: string, money: ast.Money): string {
  const code = model.currencyOf(money);
  const asWritten = formatMoney(money.value, code);
  if (code === model.currency) return asWritten;
  const converted = model.convert(money);
  if (!converted) return `${asWritten} (no \`fx\` rate converts ${md(code)} into ${md(model.currency)})`;
  return `${asWritten} = ${formatMoney(converted, model.currency)} at ${rateText(model, text, code, converted.div(money.value))}`;
}

/** The fx rate as the user wrote it (`1.10`, `1 USD = 0.91 EUR`), else the rate applied. */
function rateText(model: DealModel, text: string, code: string, applied: Decimal): string {
  const written = (fx: ast.FxRate) => {
    const between = text.slice(fx.from.span.end, fx.to.span.start).replace(/[=\s]/g, '');
    return between.length <= longestShown && /^[\d.,_]+$/.test(between) ? between : formatNumber(fx.rate);
  };
  const fx = model.fxLines.get(code);
  if (!fx) return formatNumber(applied.toSignificantDigits(10));
  return fx.to.text === model.currency ? written(fx) : `1 ${md(model.currency)} = ${written(fx)} ${md(code)}`;
}

/** `2006-07-07`, `2008-Q1`, `2011` as written. */
export function dateText(date: ast.DateLit | undefined): string | undefined {
  return date?.text ? writtenShort(date.text) : undefined;
}

export function territories(list: ast.Territory[] | undefined): string | undefined {
  const names = (list ?? []).map((t) => t.text).filter(Boolean);
  return names.length ? names.map(md).join(', ') : undefined;
}

/** Paragraphs of a hover, leaving out empty ones. */
export function paragraphs(...parts: (string | undefined | false)[]): string {
  return parts.filter((p): p is string => !!p).join('\n\n');
}
