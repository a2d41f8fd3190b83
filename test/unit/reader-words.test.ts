// The term sheet speaks its reader's language, not the file's: no keyword of the file in
// backticks, and no payment or option called by its name where it has a title — in the HTML
// term sheet of every example, and in its Markdown, which shares the words.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { analyzeDealText, type AnalyzedDocument } from '../../server/src/document/analyze';
import { renderHtml, renderMarkdown } from '../../server/src/exports';
import { kindOrder, kindLabel, kindTotalLabel } from '../../server/src/model/payment-kinds';
import { rollupScenario } from '../../server/src/engine/scenarios';
import { labelWords, rowWords } from '../../server/src/exports/reader-words';

const examples = new URL('../../examples/', import.meta.url);
const files = readdirSync(examples).filter((f) => f.endsWith('.deal')).sort();
const analyzed = (file: string) => analyzeDealText(readFileSync(new URL(file, examples), 'utf8'));

/** The text of the term sheet's rows, notes and list items (tags dropped, entities read). */
function rowsAndNotes(html: string): string[] {
  const article = html.slice(html.indexOf('<article'), html.lastIndexOf('</article>'));
  const parts = [...article.matchAll(/<(tr|p|li)\b[^>]*>(.*?)<\/\1>/g)].map((m) => m[2]);
  return parts.map((p) => p.replace(/<[^>]+>/g, ' ').replace(/&#39;/g, "'").replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&'));
}

/** Names of payments and options that have a title of their own, and are not words the sheet
 * uses anyway (a payment named `Royalties` titled "tiered royalties" shares its name with the
 * kind's label). */
function namesWithTitles(document: AnalyzedDocument): string[] {
  const words = new Set<string>();
  const addWords = (text: string | undefined) => { for (const w of (text ?? '').split(/[^A-Za-z0-9]+/)) if (w) words.add(w); };
  for (const kind of kindOrder) { addWords(kindLabel(kind)); addWords(kindTotalLabel(kind)); }
  const names: string[] = [];
  for (const { model } of document.deals) {
    const titled: { name?: string; title?: string }[] = [
      ...[...model.payments, ...model.exercisePayments].flatMap((p) => [p, ...(p.items ?? [])]).map((p) => ({ name: p.name, title: p.node.title?.value })),
      ...model.deal.options.map((o) => ({ name: o.name.text, title: o.title?.value })),
    ];
    for (const t of [...titled, ...model.deal.parties.map((p) => ({ title: p.title?.value })), ...(model.deal.programs ?? []).map((p) => ({ title: p.title?.value }))]) addWords(t.title);
    addWords(model.deal.title?.value);
    for (const l of model.deal.licenses) { addWords(l.title?.value); addWords(l.technology?.value); addWords(l.field?.value); }
    for (const s of model.deal.scenarios) addWords(s.title?.value);
    for (const t of titled) if (t.name && t.title && t.title !== t.name) names.push(t.name);
  }
  return names.filter((n) => !words.has(n));
}

describe('the term sheet in its reader\'s words', () => {
  for (const file of files) {
    it(`${file}: no backtick and no name where a title exists, in HTML and Markdown`, () => {
      const document = analyzed(file);
      const html = renderHtml(document);
      const lines = rowsAndNotes(html);
      assert.ok(lines.length > 10, `${lines.length} rows and notes`);
      assert.deepEqual(lines.filter((l) => l.includes('`')), [], 'backticks in the HTML term sheet');
      const markdown = renderMarkdown(document);
      assert.deepEqual(markdown.split('\n').filter((l) => l.includes('`')), [], 'backticks in the Markdown term sheet');
      const names = namesWithTitles(document);
      const named = (text: string) => names.filter((n) => new RegExp(`(^|[^A-Za-z0-9])${n}([^A-Za-z0-9]|$)`).test(text));
      assert.deepEqual(lines.filter((l) => named(l).length), [], `rows calling a payment or option by its name (${names.join(', ')})`);
      const mdRows = markdown.split('\n').filter((l) => l.startsWith('|') || l.startsWith('- ') || l.startsWith('_'));
      assert.deepEqual(mdRows.filter((l) => named(l).length), [], 'Markdown rows calling a payment or option by its name');
    });
  }

  it('the seed: the rows and notes name payments and options by their titles', () => {
    const html = renderHtml(analyzed('immunogen-biotest-2006.deal'));
    assert.match(html, /<li><span>Undisclosed rest of development and commercial milestones \(\$35,500,000 \(\$35\.5M\)\)<\/span><\/li>/);
    assert.match(html, /<p class="note">Listed, not counted: Royalties \(the royalty rate is undisclosed\)\.<\/p>/);
    assert.match(html, /Shared costs after exercising US co-development and co-commercialization: ImmunoGen, Inc\. 50%, Biotest AG 50% in US\./);
    assert.match(html, /<td data-label="Payment">Exercise fee: US co-development and co-commercialization<\/td>/);
    assert.match(html, /<dt>Options exercised<\/dt><dd>US co-development and co-commercialization at phase2<\/dd>/);
  });

  it('a group without a stage for its rest is said in words, in the terms and in the scenarios', () => {
    const html = renderHtml(analyzed('zymeworks-jazz-2022.deal'));
    assert.match(html, /<p class="note">Not counted: the undisclosed rest of commercial milestones, \$862,500,000 \(\$862\.5M\), as no stage is given by which it is earned\.<\/p>/);
    assert.match(renderHtml(analyzed('ac-immune-lilly-2018.deal')), /<p class="note">No stage is given by which the undisclosed rest is earned: scenarios list it without counting it\.<\/p>/);
  });

  it('turns the engine\'s row labels into words: royalty years, undisclosed rests, instalments, fees, programme counts', () => {
    const document = analyzed('kestrel-norland-2025.deal');
    const { model } = document.deals[0];
    const rows = model.deal.scenarios.flatMap((s) => rollupScenario(model, s).payments);
    const labels = new Set(rows.map((p) => `${p.label} → ${rowWords(model, p.label, p.item)}`));
    assert.ok(labels.has('Royalties royalty 2030 → Royalties') || [...labels].some((l) => / royalty \d{4} → /.test(l)), [...labels].join('\n'));
    for (const label of labels) assert.doesNotMatch(label.split(' → ')[1], / royalty \d{4}$| undisclosed rest$/, label);
    assert.equal(labelWords(model, 'no such payment'), 'no such payment');
  });
});
