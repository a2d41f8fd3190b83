// Inline SVG charts of a scenario's schedule: each party's cumulative net position over the
// years (a line per party, or bars side by side for one or two years, where a line would be two
// dots), and one bar per year stacked by kind of payment, with the payments that have no year in
// a column of their own. Labels are drawn at 15 units of a 640-unit-wide chart: 11.7 px when the
// chart is shown 500 px wide. Pure functions producing markup: every
// text goes through `esc`, colours come from CSS classes (the stylesheet maps them to VS Code's
// chart colours), and no style attribute is written, so a webview's strict policy allows them.
// Amounts stay Decimal; only pixel positions are plain numbers.
import type Decimal from 'decimal.js';
import type { DealModel, PaymentKind } from '../model/deal-model';
import { formatMoney, formatShort, Money, ZERO } from '../model/money';
import type { ScenarioRollup } from '../engine/scenarios';
import { partyName } from '../model/describe';
import { kindOrder, kindTotalLabel, paymentKinds } from '../model/payment-kinds';
import { esc } from './html-kit';

const width = 640;
const height = 260;
const margin = { left: 84, right: 12, top: 12, bottom: 34 };
const plotWidth = width - margin.left - margin.right;
const plotHeight = height - margin.top - margin.bottom;

/** The years from the first scheduled payment to the last, gaps included so time reads true. */
export function chartYears(rollup: ScenarioRollup): number[] {
  const years = rollup.payments.flatMap((p) => (p.year === 'unscheduled' ? [] : [p.year]));
  if (!years.length) return [];
  const first = years.reduce((a, b) => Math.min(a, b));
  const last = years.reduce((a, b) => Math.max(a, b));
  return Array.from({ length: last - first + 1 }, (_, i) => first + i);
}

/** Round tick values spanning lo..hi: about five steps of 1, 2, 2.5 or 5 times a power of ten. */
export function ticks(lo: Decimal, hi: Decimal): Decimal[] {
  const span = hi.minus(lo);
  if (span.isZero()) return [lo];
  const rough = span.div(5);
  const power = new Money(10).pow(Math.floor(Math.log10(rough.toNumber())));
  const step = [1, 2, 2.5, 5, 10].map((m) => power.times(m)).find((s) => s.gte(rough)) ?? power.times(10);
  const first = lo.div(step).floor().times(step);
  const out: Decimal[] = [];
  for (let v = first; out.length < 12; v = v.plus(step)) {
    out.push(v);
    if (v.gte(hi)) break;
  }
  return out;
}

interface Scale { y(value: Decimal): number; x(index: number): number; band: number; ticks: Decimal[] }

export function scale(values: Decimal[], count: number): Scale {
  const lo = values.reduce((m, v) => (v.lt(m) ? v : m), ZERO as Decimal);
  const hi = values.reduce((m, v) => (v.gt(m) ? v : m), ZERO as Decimal);
  const marks = ticks(lo, hi.eq(lo) ? lo.plus(1) : hi);
  const bottom = marks[0];
  const top = marks[marks.length - 1];
  const range = top.minus(bottom);
  const band = plotWidth / count;
  return {
    y: (value) => margin.top + plotHeight - value.minus(bottom).div(range).toNumber() * plotHeight,
    x: (index) => margin.left + band * (index + 0.5),
    band,
    ticks: marks,
  };
}

export const px = (n: number) => n.toFixed(1);

/** Gridlines with amount labels, and the year labels under the plot (a label may be words:
 * `no year`). */
export function axes(s: Scale, years: readonly (number | string)[], currency: string): string {
  const grid = s.ticks.map((t) => {
    const y = px(s.y(t));
    return `<line class="grid${t.isZero() ? ' zero' : ''}" x1="${margin.left}" x2="${width - margin.right}" y1="${y}" y2="${y}"/>`
      + `<text class="tick" x="${margin.left - 6}" y="${y}" text-anchor="end" dominant-baseline="middle">${esc(formatShort(t, currency))}</text>`;
  }).join('');
  // Label every year while they fit, else every other (or every fifth) one.
  const every = years.length <= 12 ? 1 : years.length <= 24 ? 2 : 5;
  const labels = years.map((year, i) => (i % every && typeof year === 'number'
    ? ''
    : `<text class="tick" x="${px(s.x(i))}" y="${height - 8}" text-anchor="middle">${year}</text>`)).join('');
  return grid + labels;
}

export function svg(label: string, content: string): string {
  return `<svg class="chart" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img">`
    + `<title>${esc(label)}</title>${content}</svg>`;
}

export function legend(entries: { className: string; label: string }[]): string {
  return `<ul class="legend">${entries.map((e) => `<li><span class="swatch ${esc(e.className)}"></span>${esc(e.label)}</li>`).join('')}</ul>`;
}

/** `2016 to 2024`, or `in 2016` for a single year. */
export function span(years: number[]): string {
  return years.length === 1 ? `in ${years[0]}` : `${years[0]} to ${years[years.length - 1]}`;
}

/** Lines one chart can tell apart: the stylesheet has this many party colours. */
export const chartedParties = 6;

/** Each party's net position (received minus paid) summed year after year. With more parties
 * than colours, the ones with the largest net positions are drawn, and the caption says so. */
export function cumulativeChart(model: DealModel, rollup: ScenarioRollup): string {
  const years = chartYears(rollup);
  if (!years.length) return '';
  const declared = [...model.parties.keys()];
  const yearly = netByPartyAndYear(rollup, declared);
  const all = declared.map((party) => ({ party, values: runningTotals(yearly.get(party)!, years) }));
  const drawn = all.length <= chartedParties ? all : largestLast(all, chartedParties);
  const label = `Cumulative net position per party, ${span(years)}`;
  const which = drawn.length < all.length
    ? `; the ${drawn.length} of ${all.length} parties with the largest net positions, the others are in the table above` : '';
  return partyLinesChart(model, years, drawn, label, `received minus paid${which}`, (v) => formatMoney(v, model.currency));
}

/** Each party's net per year (received minus paid), in one pass over the scheduled payments;
 * `add` puts more into it (a party's profit or costs). */
export function netByPartyAndYear(rollup: ScenarioRollup, parties: readonly string[]): PartyYears {
  const yearly = new PartyYears(parties);
  for (const p of rollup.payments) {
    if (p.year === 'unscheduled') continue;
    yearly.add(p.payee, p.year, p.amount);
    yearly.add(p.payer, p.year, p.amount.negated());
  }
  return yearly;
}

/** Amounts per party and year, for the parties given (others are left out). */
export class PartyYears extends Map<string, Map<number, Decimal>> {
  constructor(parties: readonly string[]) {
    super(parties.map((party) => [party, new Map<number, Decimal>()]));
  }

  add(party: string | undefined, year: number, amount: Decimal): void {
    const own = party === undefined ? undefined : this.get(party);
    if (own) own.set(year, (own.get(year) ?? ZERO).plus(amount));
  }
}

/** A party's yearly amounts summed year after year, over `years`. */
export function runningTotals(yearly: ReadonlyMap<number, Decimal>, years: readonly number[]): Decimal[] {
  let total: Decimal = ZERO;
  return years.map((year) => (total = total.plus(yearly.get(year) ?? ZERO)));
}

/** Up to this many years, positions are drawn as bars: a line of one or two points reads as nothing. */
export const fewYears = 2;

/** One line per party over the years, with a dot and its figure at each year, and a legend;
 * for one or two years, a bar per party and year instead. */
export function partyLinesChart(
  model: DealModel, years: readonly number[], drawn: readonly { party: string; values: Decimal[] }[],
  label: string, caption: string, figure: (value: Decimal) => string,
): string {
  const s = scale(drawn.flatMap((d) => d.values), years.length);
  const tip = (party: string, i: number, v: Decimal) => `<title>${esc(`${partyName(model, party)}, end of ${years[i]}: ${figure(v)}`)}</title>`;
  if (years.length <= fewYears) {
    // One or two years: each party's position as a bar, side by side within the year.
    const group = Math.min(s.band * 0.8, drawn.length * 48);
    const barWidth = group / Math.max(1, drawn.length);
    const bars = drawn.map(({ party, values }, k) => values.map((v, i) => {
      const top = s.y(v.gt(0) ? v : ZERO);
      const bottom = s.y(v.gt(0) ? ZERO : v);
      return `<rect class="bar p${k % 6}" x="${px(s.x(i) - group / 2 + k * barWidth + 1)}" y="${px(top)}" width="${px(Math.max(1, barWidth - 2))}" `
        + `height="${px(Math.max(0.5, bottom - top))}">${tip(party, i, v)}</rect>`;
    }).join('')).join('');
    return `<figure class="chart-box">${svg(label, axes(s, [...years], model.currency) + bars)}`
      + `<figcaption>${esc(label)} (${esc(caption)})</figcaption>`
      + legend(drawn.map((d, k) => ({ className: `p${k % 6}`, label: partyName(model, d.party) })))
      + '</figure>';
  }
  const lines = drawn.map(({ party, values }, k) => {
    const points = values.map((v, i) => `${px(s.x(i))},${px(s.y(v))}`).join(' ');
    const dots = values.map((v, i) => `<circle class="dot p${k % 6}" cx="${px(s.x(i))}" cy="${px(s.y(v))}" r="3">${tip(party, i, v)}</circle>`).join('');
    return `<polyline class="line p${k % 6}" points="${points}"/>${dots}`;
  }).join('');
  return `<figure class="chart-box">${svg(label, axes(s, [...years], model.currency) + lines)}`
    + `<figcaption>${esc(label)} (${esc(caption)})</figcaption>`
    + legend(drawn.map((d, k) => ({ className: `p${k % 6}`, label: partyName(model, d.party) })))
    + '</figure>';
}

/** The `count` series ending furthest from zero, in the order given. */
function largestLast<T extends { values: Decimal[] }>(series: T[], count: number): T[] {
  const size = (t: T) => t.values[t.values.length - 1].abs();
  const kept = new Set([...series].sort((a, b) => size(b).comparedTo(size(a))).slice(0, count));
  return series.filter((t) => kept.has(t));
}

/** One bar per year, stacked by kind of payment, whoever pays; the payments with no year in a
 * last column of their own, `no year`. */
export function yearlyBarsChart(model: DealModel, rollup: ScenarioRollup): string {
  const years = chartYears(rollup);
  const amount = new Map<string, Decimal>();
  const charted = new Set<PaymentKind>();
  for (const p of rollup.payments) {
    const key = `${p.year}|${p.kind}`;
    amount.set(key, (amount.get(key) ?? ZERO).plus(p.amount));
    charted.add(p.kind);
  }
  const unscheduled = rollup.payments.some((p) => p.year === 'unscheduled' && !p.amount.isZero());
  const columns: (number | 'unscheduled')[] = [...years, ...(unscheduled ? ['unscheduled' as const] : [])];
  if (!columns.length) return '';
  const kinds = kindOrder.filter((k) => charted.has(k) && columns.some((c) => !(amount.get(`${c}|${k}`) ?? ZERO).isZero()));
  const totals = columns.map((column) => kinds.reduce((sum, k) => sum.plus(amount.get(`${column}|${k}`) ?? ZERO), ZERO as Decimal));
  const s = scale(totals, columns.length);
  const barWidth = Math.max(2, Math.min(40, s.band * 0.7));
  const named = (column: number | 'unscheduled') => (column === 'unscheduled' ? 'No year' : String(column));
  const bars = columns.map((column, i) => {
    let base: Decimal = ZERO;
    return kinds.map((kind) => {
      const value = amount.get(`${column}|${kind}`);
      if (!value || value.isZero()) return '';
      const top = base.plus(value);
      const y = s.y(top);
      const rect = `<rect class="bar ${paymentKinds[kind].style.className}" x="${px(s.x(i) - barWidth / 2)}" y="${px(y)}" width="${px(barWidth)}" `
        + `height="${px(Math.max(0.5, s.y(base) - y))}"><title>${esc(`${named(column)}, ${kindTotalLabel(kind)}: ${formatMoney(value, model.currency)}`)}</title></rect>`;
      base = top;
      return rect;
    }).join('');
  }).join('');
  // The column of payments with no year stands apart from the years, after a dashed line.
  const apart = unscheduled && years.length
    ? `<line class="grid apart" x1="${px(s.x(years.length) - s.band / 2)}" x2="${px(s.x(years.length) - s.band / 2)}" y1="${margin.top}" y2="${height - margin.bottom}"/>`
    : '';
  const labels = columns.map((c) => (c === 'unscheduled' ? 'no year' : c));
  const label = `Payments per year by kind, ${years.length ? span(years) : 'none dated'}${unscheduled ? ', and those with no year' : ''}`;
  return `<figure class="chart-box">${svg(label, axes(s, labels, model.currency) + apart + bars)}`
    + `<figcaption>${esc(label)}</figcaption>`
    + legend(kinds.map((k) => ({ className: paymentKinds[k].style.className, label: kindTotalLabel(k) })))
    + '</figure>';
}

/** Both charts side by side, with a note for what the cumulative chart leaves out. */
export function scheduleCharts(model: DealModel, rollup: ScenarioRollup): string {
  const charts = cumulativeChart(model, rollup) + yearlyBarsChart(model, rollup);
  if (!charts) return '';
  const unscheduled = rollup.byYear.get('unscheduled');
  const note = unscheduled && !unscheduled.isZero()
    ? `<p class="note">${esc(chartYears(rollup).length
      ? `Payments with no year, ${formatMoney(unscheduled, model.currency)}, are the last column of the bars; the cumulative positions leave them out.`
      : `Payments with no year, ${formatMoney(unscheduled, model.currency)}, are drawn in a column of their own.`)}</p>`
    : '';
  return `<div class="charts">${charts}</div>${note}`;
}
