// Tables that fit the width they are shown at, as a Markdown preview's do. Each table is laid out
// in the first of these that fits its box:
//   1. wide: every figure in full with its short form, `$36,500,000 ($36.5M)`;
//   2. full: the full figure alone, `$36,500,000`;
//   3. compact (screens only): the short form, `$36.5M`, the full figure as its tooltip;
//   4. stacked: one block per row, each value under its column's name, figures in full.
// On paper there is no tooltip, so a printed table goes from full to stacked. Which layout fits
// is decided by the browser (CSS container queries on the table's box) from the widths each
// layout needs, estimated here from the text of the cells: one figure, several renderings.
/** A figure's text at each layout: wide, full, compact. */
export interface FitText { wide: string; full: string; short: string }

/** Markup that is already safe (built in html-kit.ts from escaped parts); a figure's carries its
 * text at each layout of a table. */
export interface Html { html: string; fit?: FitText }

/** The text of a cell at each layout (markup stripped; a figure's as it shows there). */
function cellText(value: string | Html): FitText {
  if (typeof value === 'string') return { wide: value, full: value, short: value };
  if (value.fit) return value.fit;
  const text = plainText(value.html);
  return { wide: text, full: text, short: text };
}

export function plainText(html: string): string {
  return html.replace(/<br\s*\/?>/g, ' ').replace(/<[^>]*>/g, '')
    .replace(/&(amp|lt|gt|quot|#39);/g, (_, e: string) => ({ amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'" })[e]!);
}

/** The width of a text in em, a little generous (measured on a wide sans-serif: DejaVu Sans). */
export function textWidth(text: string, bold = false): number {
  let width = 0;
  for (const c of text) {
    if (/[0-9$€£¥%+#?]/.test(c)) width += 0.64;
    else if (/[ .,:;'!|il]/.test(c)) width += 0.34;
    else if (/[()[\]{}\-–—/]/.test(c)) width += 0.42;
    else if (/[mwMW]/.test(c)) width += 0.98;
    else if (/[A-Z]/.test(c)) width += 0.74;
    else if (/[a-z]/.test(c)) width += 0.62;
    else width += 1;
  }
  return bold ? width * 1.1 : width;
}

/** The narrowest a cell can be: its longest word, or all of it where it does not wrap. */
function minWidth(text: string, nowrap: boolean, bold: boolean): number {
  const words = nowrap ? [text] : text.split(/\s+/);
  return words.reduce((widest, w) => Math.max(widest, textWidth(w, bold)), 0);
}

/** Padding and border of a cell, in em (8 px each side and a 1 px border, at 13 px type). */
const cellEdges = 1.4;

/** The width in em a table needs at each layout, from its cells. */
export function tableWidths(header: (string | Html)[], rows: (string | Html)[][], foot: (string | Html)[] | undefined, numeric: ReadonlySet<number>): Record<keyof FitText, number> {
  const all = foot ? [...rows, foot] : rows;
  const columns = all.reduce((most, r) => Math.max(most, r.length), header.length);
  const need = { wide: 0, full: 0, short: 0 };
  for (let i = 0; i < columns; i++) {
    const nowrap = numeric.has(i);
    const head = header[i] === undefined ? 0 : minWidth(cellText(header[i]).full, false, true);
    for (const level of ['wide', 'full', 'short'] as const) {
      const width = (row: (string | Html)[], bold: boolean) => (row[i] === undefined ? 0 : minWidth(cellText(row[i])[level], nowrap, bold));
      const body = rows.reduce((widest, r) => Math.max(widest, width(r, false)), foot ? width(foot, true) : 0);
      need[level] += Math.max(head, body) + cellEdges;
    }
  }
  return need;
}

/** Widths in em where a table changes layout: one rule per step in the stylesheet. */
const step = 4;
const narrowest = 8;
const widest = 120;

function bucket(width: number): string {
  if (width > widest) return 'all';
  return String(Math.max(narrowest, Math.ceil(width / step) * step));
}

/** The classes of a table naming the widths below which it changes layout: `fit f48 c40 s28`. */
export function fitClasses(widths: Record<keyof FitText, number>): string {
  return `fit f${bucket(widths.wide)} c${bucket(widths.full)} s${bucket(widths.short)}`;
}

function thresholds(): string[] {
  const out: string[] = [];
  for (let w = narrowest; w <= widest; w += step) out.push(String(w));
  return [...out, 'all'];
}

/** Below its width, a table switches its layout on: `--fo` (full figures only), `--cmp` (compact
 * figures), `--stk` (stacked rows). A switch is off while `initial` and on while empty, and the
 * properties below read them through `var()` fallbacks, so each rule sets one switch. */
function layoutRules(): string {
  const at = (width: string, rules: string) => (width === 'all' ? rules : `@container (width < ${width}em){${rules}}`);
  const full = thresholds().map((w) => at(w, `table.f${w}{--fo: }`)).join('\n');
  const screen = thresholds().map((w) => at(w, `table.c${w}{--cmp: }table.s${w}{--stk: }`)).join('\n');
  // On paper there is no tooltip: a table that does not fit in full is stacked.
  const paper = thresholds().map((w) => at(w, `table.c${w}{--stk: }`)).join('\n');
  return `${full}\n@media screen{\n${screen}\n}\n@media print{\n${paper}\n}`;
}

/** The stylesheet part that lays out tables marked `fit` (see html-style.ts for the rest). */
export const fitCss = `
.table-wrap { container-type: inline-size; }
table.fit {
  --fo: initial; --cmp: initial; --stk: initial;
  --f-none: var(--fo) none; --c-none: var(--cmp) none; --c-inline: var(--cmp) inline;
  --s-block: var(--stk) block; --s-none: var(--stk) none; --s-inline: var(--stk) inline; --s-label: var(--stk) inline-block;
  --s-row: var(--stk) 1px solid var(--border); --s-wrap: var(--stk) normal; --s-left: var(--stk) left;
  --s-pad: var(--stk) 2px; --s-zero: var(--stk) 0; --s-gap: var(--stk) 6px; --s-bold: var(--stk) 600;
  display: var(--s-block, table);
}
.fig .mf { display: var(--s-inline, var(--c-none, inline)); }
.fig .mw { display: var(--f-none, inline); }
.fig .mc { display: var(--s-none, var(--c-inline, none)); }
.fit > thead { display: var(--s-none, table-header-group); }
.fit > tbody { display: var(--s-block, table-row-group); }
.fit > tfoot { display: var(--s-block, table-footer-group); }
.fit > caption { display: var(--s-block, table-caption); }
.fit tr { display: var(--s-block, table-row); border: var(--s-row, none); margin-bottom: var(--s-gap, 0); }
.fit td { display: var(--s-block, table-cell); padding-block: var(--s-pad, 5px); }
.fit td, .fit tfoot td { border-width: var(--s-zero, 1px); }
.fit tbody td:first-child { font-weight: var(--s-bold, inherit); }
.fit td[data-label]::before { content: attr(data-label); display: var(--s-label, none); width: 42%; padding-right: 8px; vertical-align: top; color: var(--muted); font-weight: normal; font-style: normal; white-space: normal; }
.fit td:empty { display: var(--s-none, table-cell); }
.fit td.num { white-space: var(--s-wrap, nowrap); text-align: var(--s-left, right); }
${layoutRules()}
`;
