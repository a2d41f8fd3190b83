// Small HTML building blocks. Every piece of text from a .deal file goes through `esc`: a deal
// title such as `<img src=x onerror=alert(1)>` must show as text, never become markup, and a
// control or invisible character shows as a mark (`\x1b`, `<U+202E>`), never raw.
import type Decimal from 'decimal.js';
import { visibleText } from '../language/unusual-characters';
import { formatAmount, formatShort } from '../model/money';
import { fitClasses, plainText, tableWidths, type FitText, type Html } from './html-fit';

export type { Html } from './html-fit';

/** Text (escaped) or markup already built from escaped parts. */
export type Cell = string | Html;

export function esc(text: string): string {
  return visibleText(text).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

export function raw(html: string): Html {
  return { html };
}

/** A figure in a table: `$36,500,000 ($36.5M)` where there is room, `$36,500,000` where less,
 * `$36.5M` where space is short (the full figure its tooltip). `paren: false` for a column shown
 * without the short form at its widest. */
export function figure(value: Decimal, currency: string, options: { paren?: boolean; negative?: boolean } = {}): Html {
  const full = formatAmount(value, currency);
  const short = formatShort(value, currency);
  // A figure with no short form reads the same in every layout: plain text.
  if (short === full) return { html: esc(full) };
  const paren = options.paren !== false;
  const html = `<span class="fig" title="${esc(full)}"><span class="mf">${esc(full)}</span>`
    + `${paren ? `<span class="mw"> (${esc(short)})</span>` : ''}<span class="mc">${esc(short)}</span></span>`;
  return { html, fit: { wide: paren ? `${full} (${short})` : full, full, short } };
}

/** Cells shown one after the other, as one: `$10M to $20M`. */
export function joined(...parts: Cell[]): Html {
  const text = (part: Cell, level: keyof FitText) => (typeof part === 'string' ? part : part.fit?.[level] ?? plainText(part.html));
  const levels = (level: keyof FitText) => parts.map((p) => text(p, level)).join('');
  return { html: parts.map(cell).join(''), fit: { wide: levels('wide'), full: levels('full'), short: levels('short') } };
}

/** A cell marked as a negative figure (set in the negative colour). */
export function negative(value: Cell): Html {
  return { html: el('span', 'neg', value), fit: typeof value === 'string' ? undefined : value.fit };
}

export function cell(value: Cell): string {
  return typeof value === 'string' ? esc(value) : value.html;
}

/** ` data-line="12"`: the 0-based source line a preview element reveals when clicked; '' without one. */
export function lineAttr(line: number | undefined): string {
  return line === undefined ? '' : ` data-line="${line}"`;
}

/** `<tag class="…">content</tag>`, the content escaped unless it is markup. */
export function el(tag: string, className: string | undefined, content: Cell, line?: number): string {
  const cls = className ? ` class="${esc(className)}"` : '';
  return `<${tag}${cls}${lineAttr(line)}>${cell(content)}</${tag}>`;
}

export interface TableOptions {
  /** Column indexes holding figures: right-aligned, tabular digits. */
  numeric?: number[];
  caption?: string;
  /** A total row, set apart at the foot. */
  foot?: Cell[];
  className?: string;
  /** Per row: a class for the row (e.g. `sub` for an itemized milestone under its group). */
  rowClasses?: (string | undefined)[];
  /** Per row: the source line it comes from (the preview reveals it on a click). */
  rowLines?: (number | undefined)[];
}

export function table(header: Cell[], rows: Cell[][], options: TableOptions = {}): string {
  const numeric = new Set(options.numeric ?? []);
  // Each cell after the first names its column, for the stacked layout of a narrow table.
  const labels = header.map((h) => (typeof h === 'string' ? h : h.fit?.full ?? ''));
  const label = (tag: 'td' | 'th', i: number) => (tag === 'td' && i > 0 && labels[i] ? ` data-label="${esc(labels[i])}"` : '');
  const td = (tag: 'td' | 'th', value: Cell, i: number) => `<${tag}${numeric.has(i) ? ' class="num"' : ''}${label(tag, i)}>${cell(value)}</${tag}>`;
  const caption = options.caption ? `<caption>${esc(options.caption)}</caption>` : '';
  const head = `<thead><tr>${header.map((h, i) => td('th', h, i)).join('')}</tr></thead>`;
  const body = rows.map((row, r) => {
    const cls = options.rowClasses?.[r];
    return `<tr${cls ? ` class="${esc(cls)}"` : ''}${lineAttr(options.rowLines?.[r])}>${row.map((c, i) => td('td', c, i)).join('')}</tr>`;
  }).join('');
  const foot = options.foot ? `<tfoot><tr>${options.foot.map((c, i) => td('td', c, i)).join('')}</tr></tfoot>` : '';
  const fit = fitClasses(tableWidths(header, rows, options.foot, numeric));
  const cls = ` class="${esc([options.className, fit].filter(Boolean).join(' '))}"`;
  return `<div class="table-wrap"><table${cls}>${caption}${head}<tbody>${body}</tbody>${foot}</table></div>`;
}

/** A definition list of the facts that are present (empty values are left out). */
export function facts(entries: [string, Cell | undefined][]): string {
  const shown = entries.filter(([, v]) => v !== undefined && v !== '');
  if (!shown.length) return '';
  return `<dl class="facts">${shown.map(([k, v]) => `<dt>${esc(k)}</dt><dd>${cell(v!)}</dd>`).join('')}</dl>`;
}

/** The source line of a span, in a preview with source links; never in an export. */
export type LineOf = (span: { start: number } | undefined) => number | undefined;

export const noLines: LineOf = () => undefined;

export function section(id: string, heading: string, content: string): string {
  if (!content) return '';
  return `<section class="${esc(id)}"><h2>${esc(heading)}</h2>${content}</section>`;
}
