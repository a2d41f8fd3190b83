// The shared examples, broken in every way a real file breaks: tokens deleted, duplicated,
// swapped and replaced, cut off at every position, random characters and bytes dropped in.
// Whatever the damage, the analysis answers with well-formed diagnostics inside the document.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { analyzeDealText } from '../../server/src/document/analyze';
import { reanalyzeDealText } from '../../server/src/document/reanalyze';
import { rollupJson } from '../../server/src/exports/rollup-json';
import { generateDeal } from '../generate-deal';
import { rng } from '../seeded-random';
import { checkAnyInput, checkFormatting } from './check-document';
import { baseSeed, settings } from './fuzz-settings';
import { mutate, mutateMany, mutationKinds, piecesOf } from './mutate';

const examplesDir = new URL('../../examples/', import.meta.url);
const examples = ['immunogen-biotest-2006.deal', 'acme-globex-2024.deal'].map((name) => ({
  name, text: readFileSync(new URL(name, examplesDir), 'utf8'),
}));

describe('mutated examples', () => {
  for (const { name, text } of examples) {
    const pieces = piecesOf(text);

    for (const kind of mutationKinds) {
      it(`${name}: ${settings.mutationsPerExample} × ${kind}`, () => {
        for (let i = 0; i < settings.mutationsPerExample; i++) {
          const seed = baseSeed + i * 7919 + kind.length;
          const mutated = mutate(text, pieces, kind, rng(seed));
          const document = checkAnyInput(mutated, `${name} ${kind} seed ${seed}`, { render: i % 25 === 0 });
          if (i % 10 === 0) checkFormatting(document, `${name} ${kind} seed ${seed}`);
        }
      });
    }

    it(`${name}: several mutations at once`, () => {
      for (let i = 0; i < settings.mutationsPerExample; i++) {
        const seed = baseSeed + 104729 + i;
        const r = rng(seed);
        checkAnyInput(mutateMany(text, r, r.int(2, 8)), `${name} many seed ${seed}`);
      }
    });

    it(`${name}: cut off every ${settings.truncationStep === 1 ? '' : `${settings.truncationStep}th `}position, with LF, CRLF and CR line ends`, () => {
      for (const [ending, variant] of [['LF', text], ['CRLF', text.replace(/\n/g, '\r\n')], ['CR', text.replace(/\n/g, '\r')]]) {
        for (let at = 0; at <= variant.length; at += settings.truncationStep) {
          checkAnyInput(variant.slice(0, at), `${name} ${ending} cut at ${at}`, { probes: [at] });
        }
      }
    });

    it(`${name}: a half-typed copy keeps the deals before it whole`, () => {
      // The example followed by the start of a second copy: the first deal reads exactly as alone.
      const alone = checkAnyInput(text, name);
      for (let at = 0; at < text.length; at += Math.max(1, settings.truncationStep * 7)) {
        const document = checkAnyInput(`${text}\n${text.slice(0, at).replace(/deal (\w+)/, 'deal $1Draft')}`, `${name} + draft cut at ${at}`);
        assert.equal(document.deals[0].totals.headline.toFixed(), alone.deals[0].totals.headline.toFixed(), `draft cut at ${at}`);
      }
    });
  }

  it('re-analysing after an edit (as the server does per keystroke) gives what a fresh analysis gives', () => {
    // Three deals, so an edit to one can be re-analysed on its own.
    const text = `${examples[0].text}\n${examples[1].text}\n${generateDeal(baseSeed)}`;
    const pieces = piecesOf(text);
    const view = (d: ReturnType<typeof analyzeDealText>) => ({
      diagnostics: d.diagnostics.map((x) => `${x.span.start}-${x.span.end} ${x.severity} ${x.code} ${x.message}`),
      json: rollupJson(d, {}),
    });
    for (let i = 0; i < settings.mutationsPerExample; i++) {
      const seed = baseSeed + 7_777 + i;
      const r = rng(seed);
      const mutated = mutate(text, pieces, r.pick(mutationKinds.filter((k) => k !== 'truncate')), r);
      let incremental;
      try {
        // The previous analysis is taken over by the re-analysis: a fresh one each time.
        incremental = reanalyzeDealText(analyzeDealText(text), mutated);
      } catch (error) {
        assert.fail(`seed ${seed}: re-analysis threw ${error instanceof Error ? error.stack : error}`);
      }
      assert.deepEqual(view(incremental), view(analyzeDealText(mutated)), `seed ${seed}`);
    }
  });

  it('re-analysing after an edit inside one long deal (a term read alone) gives what a fresh analysis gives', () => {
    const text = generateDeal(baseSeed, { payments: 150, notes: true });
    const pieces = piecesOf(text);
    const view = (d: ReturnType<typeof analyzeDealText>) => ({
      diagnostics: d.diagnostics.map((x) => `${x.span.start}-${x.span.end} ${x.severity} ${x.code} ${x.message}`),
      json: rollupJson(d, {}),
    });
    const runs = Math.ceil(settings.mutationsPerExample / 3);
    for (let i = 0; i < runs; i++) {
      const seed = baseSeed + 9_191 + i;
      const r = rng(seed);
      const mutated = mutate(text, pieces, r.pick(mutationKinds.filter((k) => k !== 'truncate')), r);
      assert.deepEqual(view(reanalyzeDealText(analyzeDealText(text), mutated)), view(analyzeDealText(mutated)), `seed ${seed}`);
    }
  });

  it(`${settings.mutatedGenerated} generated deals, each broken several times`, () => {
    for (let i = 0; i < settings.mutatedGenerated; i++) {
      const seed = baseSeed + 31337 + i;
      const r = rng(seed);
      checkAnyInput(mutateMany(generateDeal(seed), r, r.int(1, 5)), `generated ${seed} broken`);
    }
  });
});
