// One deal, five renderings, the same facts: for the seed, Kestrel (both with a valuation) and
// AC Immune (CHF with a US-dollar note), one table of facts is derived from the deal model —
// each payment's amount, the totals and each scenario's, each option with its fee range, the
// exchange rates, the rNPV figures — and the text rollup, the JSON, the CSV, the Markdown and
// the HTML are each read back to show every fact with the same figure, to the cent.
// The CSV is the payment schedule: it carries the payments (a group as its milestones and its
// undisclosed rest, funding as its instalments), the totals as the sums of its rows, and each
// converted payment's written amount, which the exchange rate turns into the deal's figure, and
// each row's rNPV; the option fee ranges and the rates themselves are not schedule rows.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import type Decimal from 'decimal.js';
import { analyzeDealText, type AnalyzedDocument } from '../../server/src/document/analyze';
import type { DealModel, PaymentItem } from '../../server/src/model/deal-model';
import { formatAmount, Money, toCents, ZERO } from '../../server/src/model/money';
import { paymentLabel } from '../../server/src/model/describe';
import { optionFeeRange } from '../../server/src/model/options';
import { timesCounted } from '../../server/src/model/programs';
import { committedKinds, contingentKinds } from '../../server/src/model/totals';
import { rnpvDeal } from '../../server/src/engine/rnpv';
import { scenarioRollups } from '../../server/src/engine/scenario-rollups';
import { rollupTable } from '../../server/src/cli/rollup-table';
import { rollupJson, type PaymentJson } from '../../server/src/exports/rollup-json';
import { renderCsv, renderHtml, renderMarkdown } from '../../server/src/exports';

const example = (name: string) => readFileSync(new URL(`../../examples/${name}`, import.meta.url), 'utf8');
const withValuation = (text: string, asOf: string) => text.replace(/^(deal \w+ .*\{)$/m, `$1\n  valuation { as of ${asOf}  discount 10% }`);

const deals: Record<string, string> = {
  seed: withValuation(example('immunogen-biotest-2006.deal'), '2006-07-07'),
  kestrel: withValuation(example('kestrel-norland-2025.deal'), '2025-01-01'),
  'AC Immune': example('ac-immune-lilly-2018.deal'),
};

interface PaymentFact { label: string; item: PaymentItem; amount: Decimal; rest?: boolean; onExercise?: boolean; cap?: boolean }
interface Fact { label: string; amount: Decimal }
interface Facts {
  model: DealModel;
  payments: PaymentFact[];
  totals: Fact[];
  scenarios: Fact[];
  options: { label: string; min: Decimal; max: Decimal }[];
  fx: string[];
  rnpv?: { terms: Fact[]; parties: Fact[]; scenarios: Fact[] };
}

/** The facts, from the model: what every rendering must show. */
function factsOf(document: AnalyzedDocument): Facts {
  const { model, totals } = document.deals[0];
  const payments: PaymentFact[] = [];
  const add = (item: PaymentItem, onExercise: boolean) => {
    if (item.amount !== undefined) payments.push({ label: paymentLabel(item), item, amount: item.amount, onExercise, cap: !!item.items });
    for (const m of item.items ?? []) if (m.amount !== undefined) payments.push({ label: paymentLabel(m), item: m, amount: m.amount, onExercise });
    // A group with milestones has its undisclosed rest beside them (without, the rest is the group).
    if (item.items?.length && item.undisclosedRest?.gt(0)) payments.push({ label: `${paymentLabel(item)} (undisclosed rest)`, item, amount: item.undisclosedRest, rest: true, onExercise });
  };
  for (const item of model.payments) add(item, false);
  for (const item of model.exercisePayments) add(item, true);
  const rollups = scenarioRollups(model).rollups;
  const rnpv = rnpvDeal(model);
  return {
    model,
    payments,
    totals: [
      { label: 'Committed', amount: totals.committed }, { label: 'Contingent', amount: totals.contingent },
      { label: 'Headline', amount: totals.headline }, ...(model.exercisePayments.length ? [{ label: 'On exercise', amount: totals.onExercise }] : []),
    ],
    scenarios: rollups.map((r) => ({ label: r.scenario.name.text, amount: r.total })),
    options: model.deal.options.flatMap((option) => {
      const range = optionFeeRange(option, model);
      return range.min && range.max ? [{ label: option.name.text, min: range.min, max: range.max }] : [];
    }),
    fx: model.deal.fx.map((fx) => `1 ${fx.from.text} = ${fx.rate.toFixed()} ${fx.to.text}`),
    ...(rnpv ? {
      rnpv: {
        terms: [{ label: 'Total', amount: rnpv.total }, { label: 'Committed', amount: rnpv.committed }, { label: 'Contingent', amount: rnpv.contingent }],
        parties: [...rnpv.parties].map(([id, p]) => ({ label: model.parties.get(id)?.title?.value ?? id, amount: p.net })),
        scenarios: rollups.filter((r) => r.rnpv).map((r) => ({ label: r.scenario.name.text, amount: r.rnpv! })),
      },
    } : {}),
  };
}

const shown = (model: DealModel, amount: Decimal) => formatAmount(toCents(amount), model.currency);
const cents = (a: Decimal | string) => toCents(new Money(a)).toFixed(2);
const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** The figure, whole: `$50,000,000` in `$50,000,000 ($50M)`, not in `$50,000,000.5` or `$150,000,000`. */
const figure = (model: DealModel, amount: Decimal) => new RegExp(`(^|[^\\d,.])${escape(shown(model, amount))}(?![\\d,]|\\.\\d)`);

/** Rows of a rendering as cell lists: some row must have the label in one cell and the figure. */
function assertRow(rows: string[][], label: string, model: DealModel, amount: Decimal, what: string): void {
  const wanted = figure(model, amount);
  const found = rows.some((row) => row.some((cell) => cell.includes(label)) && row.some((cell) => wanted.test(cell)));
  assert.ok(found, `${what}: no row with "${label}" and ${shown(model, amount)}`);
}

function textRows(text: string): string[][] {
  return text.split('\n').map((line) => [line]);
}

/** A table's rows, and each cell beside its column's heading (a summary row: Committed | $1M). */
function withHeadings(table: string[][]): string[][] {
  const [heading, ...rows] = table;
  return [...table, ...rows.flatMap((row) => row.map((cell, i) => [heading?.[i] ?? '', cell]))];
}

function markdownRows(md: string): string[][] {
  const rows: string[][] = [];
  let table: string[][] = [];
  for (const line of md.split('\n')) {
    if (line.startsWith('|')) {
      if (!/^\| ?-+:?/.test(line)) table.push(line.slice(1, -1).split(/(?<!\\)\|/).map((c) => c.trim().replace(/\\(.)/g, '$1')));
      continue;
    }
    rows.push(...withHeadings(table), [line]);
    table = [];
  }
  return [...rows, ...withHeadings(table)];
}

function htmlRows(html: string): string[][] {
  const text = (s: string) => s.replace(/<[^>]+>/g, ' ').replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&#39;|&#x27;/g, "'").replace(/&quot;/g, '"').replace(/\s+/g, ' ').trim();
  const rows = [...html.matchAll(/<table[\s\S]*?<\/table>/g)].flatMap((t) => withHeadings(
    [...t[0].matchAll(/<tr[^>]*>([\s\S]*?)<\/tr>/g)].map((m) => [...m[1].matchAll(/<t[hd][^>]*>([\s\S]*?)<\/t[hd]>/g)].map((c) => text(c[1])))));
  // Cards, facts and headings: each element's text, one row per label and the value after it.
  const blocks = html.replace(/<tr[\s\S]*?<\/tr>/g, '').split(/<\/(?:div|dd|dt|h\d|p|li|strong)>/).map(text).filter(Boolean);
  for (let i = 0; i < blocks.length; i++) rows.push([blocks[i], blocks[i + 1] ?? '']);
  return rows;
}

/** RFC 4180, as the CSV export writes it. */
function csvRows(csv: string): Record<string, string>[] {
  const records: string[][] = [];
  let field = '';
  let record: string[] = [];
  let quoted = false;
  for (let i = 0; i < csv.length; i++) {
    const c = csv[i];
    if (quoted) {
      if (c === '"' && csv[i + 1] === '"') { field += '"'; i++; } else if (c === '"') quoted = false; else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') { record.push(field); field = ''; }
    else if (c === '\r' && csv[i + 1] === '\n') { record.push(field); records.push(record); record = []; field = ''; i++; }
    else field += c;
  }
  const [header, ...rest] = records;
  return rest.map((r) => Object.fromEntries(header.map((h, i) => [h, r[i]])));
}

for (const [name, text] of Object.entries(deals)) {
  describe(`${name}: every output shows the same facts`, () => {
    const document = analyzeDealText(text);
    assert.deepEqual(document.diagnostics.filter((d) => d.severity === 'error').map((d) => d.message), []);
    const facts = factsOf(document);
    const { model } = facts;

    it('has the facts it is checked on', () => {
      assert.ok(facts.payments.length >= 2, 'payments');
      if (name !== 'AC Immune') assert.ok(facts.options.length >= 1 && facts.scenarios.length >= 2, 'options with a fee, scenarios');
      if (name !== 'AC Immune') assert.ok(facts.rnpv && facts.rnpv.terms[0].amount.gt(0), 'the rNPV');
      if (name !== 'seed') assert.ok(facts.fx.length === 1, 'an exchange rate');
    });

    for (const [format, rows] of [
      ['text rollup', () => textRows(rollupTable(document))],
      ['Markdown', () => markdownRows(renderMarkdown(document))],
      ['HTML', () => htmlRows(renderHtml(document))],
    ] as const) {
      it(`${format}: payments, totals, scenarios, options, exchange rates and rNPV`, () => {
        const all = rows();
        for (const p of facts.payments) assertRow(all, p.rest ? (format === 'text rollup' ? 'undisclosed rest' : 'Undisclosed rest') : p.label, model, p.amount, `${p.label}`);
        for (const t of facts.totals) assertRow(all, t.label, model, t.amount, `total ${t.label}`);
        for (const s of facts.scenarios) assertRow(all, s.label, model, s.amount, `scenario ${s.label}`);
        for (const o of facts.options) {
          // After the option's title, before the next option's: its fee range, low and high.
          const option = model.deal.options.find((x) => x.name.text === o.label)!;
          const flat = all.map((row) => row.join(' | ')).join('\n');
          const title = format === 'text rollup' ? `(${o.label})` : option.title?.value ?? o.label;
          const after = flat.slice(flat.indexOf(title));
          const next = model.deal.options.filter((x) => x !== option).map((x) => after.indexOf(format === 'text rollup' ? `(${x.name.text})` : x.title?.value ?? x.name.text, 1)).filter((i) => i > 0);
          const own = after.slice(0, Math.min(after.length, ...next));
          assert.ok(flat.includes(title), `option ${o.label}`);
          const range = o.min.eq(o.max) ? figure(model, o.min) : new RegExp(`${figure(model, o.min).source}[^\n]*? to ${escape(shown(model, o.max))}(?![\\d,]|\\.\\d)`);
          assert.match(own, range, `option ${o.label}: its fee range`);
        }
        for (const fx of facts.fx) assert.ok(all.some((row) => row.some((cell) => cell.includes(fx))), `exchange rate ${fx}`);
        if (facts.rnpv) {
          // The terminal lists them one a line; the term sheets in one: "rNPV of the deal terms $X (committed $Y, contingent $Z)".
          for (const t of facts.rnpv.terms) assertRow(all, format === 'text rollup' ? t.label : 'rNPV of the deal terms', model, t.amount, `rNPV ${t.label}`);
          for (const p of facts.rnpv.parties) assertRow(all, p.label, model, p.amount, `rNPV of ${p.label}`);
          for (const s of facts.rnpv.scenarios) assertRow(all, s.label, model, s.amount, `rNPV of scenario ${s.label}`);
        }
      });
    }

    it('JSON: payments, totals, scenarios, options, exchange rates and rNPV', () => {
      const json = rollupJson(document).deals[0];
      const flat: PaymentJson[] = [];
      const walk = (p: PaymentJson) => { flat.push(p); for (const m of p.milestones ?? []) walk(m); };
      for (const p of json.payments) walk(p);
      for (const o of json.options) for (const p of o.onExercise ?? []) walk(p);
      for (const p of facts.payments) {
        const id = p.item.name;
        const entry = flat.find((j) => (j.title ?? j.name) === (p.item.node.title?.value ?? id) && j.kind === p.item.kind && (id === undefined || j.name === id));
        assert.ok(entry, `payment ${p.label}`);
        assert.equal(cents(p.rest ? entry.undisclosedRest! : entry.amount!), cents(p.amount), `payment ${p.label}`);
      }
      const totals: Record<string, string> = { Committed: json.totals.committed, Contingent: json.totals.contingent, Headline: json.totals.headline, 'On exercise': json.totals.onExercise };
      for (const t of facts.totals) assert.equal(cents(totals[t.label]), cents(t.amount), `total ${t.label}`);
      for (const s of facts.scenarios) assert.equal(cents(json.scenarios[s.label].total), cents(s.amount), `scenario ${s.label}`);
      for (const o of facts.options) {
        const option = json.options.find((x) => x.id === o.label)!;
        assert.deepEqual([cents(option.feeRange!.min), cents(option.feeRange!.max)], [cents(o.min), cents(o.max)], `option ${o.label}`);
      }
      assert.deepEqual((json.fx ?? []).map((fx) => `1 ${fx.from} = ${fx.rate} ${fx.to}`), facts.fx);
      if (facts.rnpv) {
        const rnpv = json.rnpv!;
        assert.deepEqual([rnpv.total, rnpv.committed, rnpv.contingent].map(cents), facts.rnpv.terms.map((t) => cents(t.amount)));
        const byTitle = (title: string) => Object.entries(json.parties).find(([, p]) => (p.name ?? '') === title)?.[0] ?? title;
        for (const p of facts.rnpv.parties) assert.equal(cents(rnpv.parties[byTitle(p.label)].net), cents(p.amount), `rNPV of ${p.label}`);
        for (const s of facts.rnpv.scenarios) assert.equal(cents(rnpv.scenarios[s.label].total), cents(s.amount), `rNPV of scenario ${s.label}`);
      }
    });

    it('CSV: each payment, the totals as the sums of the rows, each scenario, and the written amounts at the exchange rate', () => {
      const rows = csvRows(renderCsv(document));
      const terms = rows.filter((r) => r.scenario === '');
      const count = (r: Record<string, string>) => Number(/\(each of (\d+) programmes\)/.exec(r.name)?.[1] ?? 1);
      const rowsOf = (p: PaymentFact) => terms.filter((r) => {
        const name = r.name.replace(/ \(each of \d+ programmes\)/, '').replace(/ \(on exercise of \w+\)/, '');
        return r.kind === p.item.kind && (name === p.label || name.startsWith(`${p.label} (`) && /\(\d+ of \d+\)$/.test(name));
      });
      for (const p of facts.payments) {
        if (p.cap) {
          // A group is its milestones and its undisclosed rest.
          const parts = terms.filter((r) => (p.item.items ?? []).some((m) => paymentLabel(m) === r.name) || r.name.startsWith(`${p.label} (undisclosed rest)`));
          assert.equal(cents(parts.reduce((t, r) => t.plus(r.amount), ZERO)), cents(p.amount), `group ${p.label}`);
          continue;
        }
        const mine = rowsOf(p);
        assert.ok(mine.length, `payment ${p.label}`);
        assert.equal(cents(mine.reduce((s, r) => s.plus(r.amount), ZERO)), cents(p.amount), `payment ${p.label}`);
      }
      const counted = (kinds: readonly string[]) => cents(terms.filter((r) => kinds.includes(r.kind) && !r.name.includes('(on exercise of '))
        .reduce((s, r) => s.plus(new Money(r.amount).times(count(r))), ZERO));
      const committed = facts.totals.find((t) => t.label === 'Committed')!.amount;
      const contingent = facts.totals.find((t) => t.label === 'Contingent')!.amount;
      assert.equal(counted(committedKinds), cents(committed), 'committed');
      assert.equal(counted(contingentKinds), cents(contingent), 'contingent');
      for (const s of facts.scenarios) {
        assert.equal(cents(rows.filter((r) => r.scenario === s.label).reduce((t, r) => t.plus(r.amount), ZERO)), cents(s.amount), `scenario ${s.label}`);
      }
      // The rNPV column: the terms' rows (one programme each) add up to the rNPV of the terms, a scenario's to its own.
      if (facts.rnpv) {
        const valued = terms.filter((r) => !r.name.includes('(on exercise of ')).reduce((t, r) => t.plus(new Money(r.rnpv || 0).times(count(r))), ZERO);
        assert.equal(cents(valued), cents(facts.rnpv.terms[0].amount), 'rNPV of the terms');
        for (const s of facts.rnpv.scenarios) {
          assert.equal(cents(rows.filter((r) => r.scenario === s.label).reduce((t, r) => t.plus(r.rnpv || 0), ZERO)), cents(s.amount), `rNPV of scenario ${s.label}`);
        }
      } else assert.ok(rows.every((r) => r.rnpv === ''), 'no rNPV without a valuation');
      // A payment has one name: each scenario row (but an option fee) names a payment of the terms.
      const bare = (n: string) => n.replace(/ × \d+$/, '').replace(/ \(each of \d+ programmes\)/, '').replace(/ \(on exercise of \w+\)/, '');
      const names = new Set(terms.map((r) => bare(r.name)));
      for (const r of rows.filter((x) => x.scenario !== '' && x.kind !== 'option-fee')) assert.ok(names.has(bare(r.name)), `scenario ${r.scenario} row "${r.name}" names a payment of the terms`);
      // Every payment written in another currency gives its written amount, which its rate turns into the deal's figure.
      for (const p of facts.payments.filter((q) => q.item.written && q.item.writtenCurrency !== model.currency && !q.rest && q.item.node.type !== 'Funding')) {
        const [row] = rowsOf(p);
        assert.equal(row.original_amount, new Money(p.item.written!.value).toFixed(), `written ${p.label}`);
        assert.equal(row.original_currency, p.item.writtenCurrency);
        const converted = model.convert({ ...p.item.written!, value: new Money(row.original_amount) });
        assert.equal(cents(converted!), cents(row.amount), `${p.label} at the rate`);
      }
      assert.equal(timesCounted(model, facts.payments[0].item), 1);
    });
  });
}
