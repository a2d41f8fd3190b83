// What features derive from a deal is kept on the deal and moved with it when an edit before it
// shifts it. Kept facets must never drift: after any chain of random edits, every feature read
// from the re-analysed document (whose untouched deals keep what was derived before the edit)
// equals the same feature read from a fresh analysis of the same text.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { analyzeDealText, type AnalyzedDocument } from '../../server/src/document/analyze';
import { dealTokens } from '../../server/src/document/deal-tokens';
import { reanalyzeDealText } from '../../server/src/document/reanalyze';
import { portfolioDealsOf } from '../../server/src/engine/portfolio-deal';
import { rollupJson } from '../../server/src/exports/rollup-json';
import { findCodeLenses } from '../../server/src/features/code-lens';
import { findDocumentSymbols } from '../../server/src/features/document-symbols';
import { findFoldingRanges } from '../../server/src/features/folding';
import { doHover } from '../../server/src/features/hover';
import { findInlayHints } from '../../server/src/features/inlay-hints';
import { findSelectionRanges } from '../../server/src/features/selection-ranges';
import { findSemanticTokens, semanticTokensOfDeal } from '../../server/src/features/semantic-tokens';
import { indexSymbols, occurrencesOf, symbolAt } from '../../server/src/features/symbol-index';
import { diagnosticsForProtocol, toLspDiagnostic, type ConvertedDiagnostics } from '../../server/src/lsp/diagnostics';
import { outlineForProtocol, toDocumentSymbol, type ConvertedSymbols } from '../../server/src/lsp/outline';
import { encodeSemanticTokenRuns, encodeSemanticTokens, type EncodedRuns } from '../../server/src/lsp/semantic-tokens';
import { shownDeal } from '../../server/src/model/shown-figures';
import { generateDeal } from '../generate-deal';
import { random } from '../seeded-random';

const fragments = ['1', '7', '0', ' ', 'x', 'M', '%', '\n', '{', '}', '"', '/*', '*/', '//', 'milestone ', 'Acme', ',', 'deal Z { }', '-', '\n\n'];

function randomEdit(text: string, next: () => number): string {
  const at = Math.floor(next() * text.length);
  const kind = next();
  if (kind < 0.45) return text.slice(0, at) + fragments[Math.floor(next() * 4)] + text.slice(at + 1);
  if (kind < 0.8) return text.slice(0, at) + fragments[Math.floor(next() * fragments.length)] + text.slice(at);
  return text.slice(0, at) + text.slice(at + 1 + Math.floor(next() * 12));
}

/** Maps written as their entries, in order (JSON writes a map as `{}`). */
const withMaps = (_: string, value: unknown) => (value instanceof Map ? [...value] : value);

/** Every feature that reads a facet, as plain data; `probes` are offsets for the per-position ones. */
function features(document: AnalyzedDocument, probes: number[]) {
  const text = document.text;
  const shown = (span: { start: number; end: number }) => `${span.start}-${span.end} ${text.slice(span.start, span.end)}`;
  return {
    semanticTokens: findSemanticTokens(document).map((t) => `${shown(t.span)} ${t.type} ${t.modifiers.join(',')}`),
    folding: findFoldingRanges(document),
    tokens: document.deals.map((deal) => {
      const { tokens, comments } = dealTokens(deal);
      return [...tokens, ...comments].map((t) => `${t.startOffset}-${t.endOffset} ${t.tokenType.name} ${t.image}`).join(' ');
    }),
    lenses: findCodeLenses(document).map((l) => `${shown(l.span)} ${l.title} ${l.scenario ?? ''}`),
    hints: findInlayHints(document),
    screenHints: findInlayHints(document, { start: Math.floor(text.length / 3), end: Math.floor(text.length / 3) + 2000 }),
    symbols: indexSymbols(document).symbols.map((s) => `${shown(s.span)} ${s.kind} ${s.deal} ${s.declaration}`),
    outline: JSON.stringify(findDocumentSymbols(document)),
    rollup: JSON.stringify(rollupJson(document)),
    portfolio: JSON.stringify(portfolioDealsOf('file:///p.deal', document)),
    lineCount: document.lines.lineCount,
    diagnostics: document.diagnostics.map((d) => `${shown(d.span)} ${d.severity} ${d.code} ${d.message}`),
    // What an edit inside the payments of a long deal works out from the previous model.
    models: document.deals.map(({ model, totals }) => ({
      byName: [...model.paymentsByName].map(([name, item]) => `${name} ${shown(item.node.span)}`).join('\n'),
      named: model.namedPayments,
      totals: JSON.stringify(totals, withMaps),
      shownTotals: JSON.stringify(shownDeal({ model, totals }).totals, withMaps),
    })),
    atProbes: probes.map((offset) => {
      const symbol = symbolAt(document, offset);
      return {
        symbol: symbol && `${shown(symbol.span)} ${occurrencesOf(document, symbol).map((s) => s.span.start).join(' ')}`,
        selection: findSelectionRanges(document, offset),
        position: document.lines.positionAt(offset),
        hover: doHover(document, offset)?.markdown,
      };
    }),
  };
}

/** How many entries of what one answer handed to the next are the very values of the one before. */
function handedOn<K, V>(earlier: ReadonlyMap<K, V> | undefined, now: ReadonlyMap<K, V>): number {
  let same = 0;
  for (const [key, value] of now) if (earlier?.get(key) === value) same++;
  return same;
}

/** The protocol's semantic tokens worked out run by run, copying what the answer before encoded
 * (`earlier`), must equal the whole encoding of a fresh analysis; `copied` counts the runs copied. */
function encodedTokens(document: AnalyzedDocument, fresh: AnalyzedDocument, earlier: EncodedRuns | undefined, where: string): { runs: EncodedRuns; copied: number } {
  const { data, runs } = encodeSemanticTokenRuns(document, earlier);
  assert.deepEqual(data, encodeSemanticTokens(fresh, findSemanticTokens(fresh)), `semantic tokens, ${where}`);
  return { runs, copied: handedOn(earlier, runs) };
}

/** The outline for the protocol, taking over symbols from the answer before (`earlier`), must
 * equal a fresh analysis's converted afresh; `takenOver` counts the symbols taken over. */
function protocolOutline(document: AnalyzedDocument, fresh: AnalyzedDocument, earlier: ConvertedSymbols | undefined, where: string): { converted: ConvertedSymbols; takenOver: number } {
  const { outline, converted } = outlineForProtocol(document, earlier);
  assert.deepEqual(outline, findDocumentSymbols(fresh).map((s) => toDocumentSymbol(fresh, s)), `outline, ${where}`);
  return { converted, takenOver: handedOn(earlier, converted) };
}

/** The diagnostics for the protocol, taking over from the publication before (`earlier`), must
 * equal a fresh analysis's converted afresh; `takenOver` counts those taken over. */
function protocolDiagnostics(document: AnalyzedDocument, fresh: AnalyzedDocument, earlier: ConvertedDiagnostics | undefined, where: string): { converted: ConvertedDiagnostics; takenOver: number } {
  const { diagnostics, converted } = diagnosticsForProtocol(document, earlier);
  assert.deepEqual(diagnostics, fresh.diagnostics.map((d) => toLspDiagnostic(fresh, d)), `diagnostics, ${where}`);
  return { converted, takenOver: handedOn(earlier, converted) };
}

describe('facets kept on deals', () => {
  const chains = process.env.FUZZ_LONG ? 200 : 10;
  it(`equal a fresh computation after ${chains} chains of 6 random edits`, () => {
    const next = random(77);
    const base = [11, 12, 13, 14].map((seed) => generateDeal(seed, { notes: true })).join('\n');
    for (let chain = 0; chain < chains; chain++) {
      let text = base;
      let document = analyzeDealText(text);
      let encoded = encodedTokens(document, document, undefined, 'opened');
      let sent = protocolOutline(document, document, undefined, 'opened');
      let published = protocolDiagnostics(document, document, undefined, 'opened');
      for (let step = 0; step < 6; step++) {
        const probes = [0, 1, 2, 3, 4].map(() => Math.floor(next() * text.length));
        features(document, probes); // derive everything, so the next edit has facets to keep and move
        text = randomEdit(text, next);
        document = reanalyzeDealText(document, text);
        const fresh = analyzeDealText(text);
        const where = `chain ${chain}, edit ${step}`;
        const probesAfter = probes.map((p) => Math.min(p, text.length));
        assert.deepEqual(features(document, probesAfter), features(fresh, probesAfter), where);
        encoded = encodedTokens(document, fresh, encoded.runs, where);
        sent = protocolOutline(document, fresh, sent.converted, where);
        published = protocolDiagnostics(document, fresh, published.converted, where);
      }
    }
  });

  it('are kept for every deal an edit does not touch, and found again for the one it does', () => {
    const text = [21, 22, 23].map((seed) => generateDeal(seed)).join('\n');
    const document = analyzeDealText(text);
    const before = [0, 1, 2].map((n) => semanticTokensOfDeal(document, n));
    const at = document.deals[1].model.deal.span.start + text.slice(document.deals[1].model.deal.span.start).indexOf('upfront ') + 'upfront '.length;
    const edited = reanalyzeDealText(document, `${text.slice(0, at)}  ${text.slice(at)}`);
    assert.equal(semanticTokensOfDeal(edited, 0), before[0]);
    assert.notEqual(semanticTokensOfDeal(edited, 1), before[1]);
    assert.equal(semanticTokensOfDeal(edited, 2), before[2]);
    // The third deal's tokens moved by the two spaces with it.
    assert.deepEqual(semanticTokensOfDeal(edited, 2).map((t) => edited.text.slice(t.span.start, t.span.end)),
      semanticTokensOfDeal(analyzeDealText(edited.text), 2).map((t) => edited.text.slice(t.span.start, t.span.end)));
  });
});

describe('no module-level caches', () => {
  const root = fileURLToPath(new URL('../../server/src/', import.meta.url));
  const files = (folder: string): string[] => readdirSync(folder).flatMap((entry) => {
    const path = join(folder, entry);
    return statSync(path).isDirectory() ? files(path) : entry.endsWith('.ts') ? [path] : [];
  });
  // Tables built once from constants (keywords, currency symbols) and the lexer and parser
  // instances are not caches of anything a document says.
  const constantTables = new Set(['noneDeclared', 'keywordTokens', 'wordKeywords', 'symbolOf', 'fullLexer', 'offsetLexer', 'shared', 'typeIndex', 'modifierBit']);

  it('keeps what it derives from documents on the documents, not in module-level maps', () => {
    const found: string[] = [];
    for (const file of files(root)) {
      for (const match of readFileSync(file, 'utf8').matchAll(/^(?:export )?(?:const|let) (\w+)(?:: [^=]+)? = new (?:Weak)?Map\b|^let (\w+)/gm)) {
        const name = match[1] ?? match[2];
        if (!constantTables.has(name)) found.push(`${file.slice(root.length)}: ${name}`);
      }
    }
    assert.deepEqual(found, []);
  });
});

describe('facets of one long deal edited inside its terms', () => {
  /** Typing inside a term: a digit retyped or added, a clause or a milestone added, a word broken. */
  const typed = ['1', '5', '0', ' at phase2', ' on signing', '\n      milestone M9 "added" 1M', 'x', '"'];
  const base = generateDeal(31, { payments: 80, notes: true });

  /** Chains of 5 edits, each analysis compared with a fresh one; how many were worked out from
   * the previous model of the deal (an edit inside its payments only). `edit` types at a place. */
  function editChains(seed: number, chains: number, edit: (text: string, next: () => number, step: number) => string): { fromPrevious: number; runsCopied: number; symbolsTakenOver: number; diagnosticsTakenOver: number } {
    const next = random(seed);
    let fromPrevious = 0;
    let runsCopied = 0;
    let symbolsTakenOver = 0;
    let diagnosticsTakenOver = 0;
    for (let chain = 0; chain < chains; chain++) {
      let text = base;
      let document = analyzeDealText(text);
      let encoded = encodedTokens(document, document, undefined, 'opened');
      let sent = protocolOutline(document, document, undefined, 'opened');
      let published = protocolDiagnostics(document, document, undefined, 'opened');
      for (let step = 0; step < 5; step++) {
        const probes = [0, 1, 2].map(() => Math.floor(next() * text.length));
        features(document, probes);
        text = edit(text, next, step);
        document = reanalyzeDealText(document, text);
        if (document.deals[0]?.model.edited) fromPrevious++;
        const fresh = analyzeDealText(text);
        const probesAfter = probes.map((p) => Math.min(p, text.length));
        assert.deepEqual(features(document, probesAfter), features(fresh, probesAfter), `chain ${chain}, edit ${step}`);
        encoded = encodedTokens(document, fresh, encoded.runs, `chain ${chain}, edit ${step}`);
        runsCopied += encoded.copied;
        sent = protocolOutline(document, fresh, sent.converted, `chain ${chain}, edit ${step}`);
        symbolsTakenOver += sent.takenOver;
        published = protocolDiagnostics(document, fresh, published.converted, `chain ${chain}, edit ${step}`);
        diagnosticsTakenOver += published.takenOver;
      }
    }
    return { fromPrevious, runsCopied, symbolsTakenOver, diagnosticsTakenOver };
  }

  const pick = <T>(list: readonly T[], next: () => number) => list[Math.floor(next() * list.length)];

  it('equal a fresh computation after 8 chains of 5 edits inside payments, milestones and scenarios', () => {
    const digits = [...base.matchAll(/\d/g)].map((m) => m.index);
    editChains(5, 8, (text, next, step) => {
      const at = Math.min(text.length - 1, pick(digits, next) + step);
      const piece = pick(typed, next);
      return next() < 0.3 ? text.slice(0, at) + piece + text.slice(at + 1) : text.slice(0, at) + piece + text.slice(at);
    });
  });

  it('keep the deal\'s tokens, moved in place, when an edited term gains or loses tokens', () => {
    // A milestone's title taken out (two tokens fewer) and put back (two more), at the start,
    // middle and end of the deal's milestones, each edit one after the other on the same tokens.
    const titled = [...base.matchAll(/^ *milestone \S+ ("[^"\n]*" )/gm)];
    const shown = (document: AnalyzedDocument) => document.deals.map((deal) => {
      const { tokens, comments } = dealTokens(deal);
      return [...tokens, ...comments].map((t) => `${t.startOffset}-${t.endOffset} ${t.tokenType.name} ${t.image}`).join(' ');
    });
    let text = base;
    let document = analyzeDealText(text);
    const grown: number[] = [];
    for (const line of [titled[0], titled[Math.floor(titled.length / 2)], titled[titled.length - 1]]) {
      const title = line.index + line[0].indexOf(line[1]);
      for (const change of ['out', 'back'] as const) {
        const before = dealTokens(document.deals[0]).tokens.length;
        // Each title is put back before the next is taken out: it stands where it did in `base`.
        text = change === 'out' ? text.slice(0, title) + text.slice(title + line[1].length) : text.slice(0, title) + line[1] + text.slice(title);
        document = reanalyzeDealText(document, text);
        assert.ok(document.deals[0].model.edited, `title ${change}: worked out from the previous model`);
        grown.push(dealTokens(document.deals[0]).tokens.length - before);
        assert.deepEqual(shown(document), shown(analyzeDealText(text)), `title ${change} at ${title}`);
      }
    }
    assert.deepEqual(grown, [-1, 1, -1, 1, -1, 1]);
  });

  it('equal a fresh computation after 10 chains of 5 edits inside milestones (amounts, names, payers), worked out from the previous model', () => {
    // A milestone's amount retyped (a digit changed or added), its name changed, its payer named.
    const { fromPrevious, runsCopied, symbolsTakenOver, diagnosticsTakenOver } = editChains(9, 10, (text, next) => {
      const line = pick([...text.matchAll(/^ *milestone (\S+) "[^"\n]*" [^\n]*$/gm)], next);
      const kind = next();
      if (kind < 0.2) return `${text.slice(0, line.index + line[0].length)} from Globex${text.slice(line.index + line[0].length)}`;
      if (kind < 0.4) {
        const name = line.index + line[0].indexOf(line[1]) + line[1].length;
        return `${text.slice(0, name)}${pick(['x', '2'], next)}${text.slice(name)}`;
      }
      const amount = line.index + line[0].indexOf('" ') + 2 + line[0].slice(line[0].indexOf('" ') + 2).search(/\d/);
      return next() < 0.5 ? `${text.slice(0, amount)}${pick(['1', '5', '9'], next)}${text.slice(amount + 1)}` : `${text.slice(0, amount)}${pick(['1', '5'], next)}${text.slice(amount)}`;
    });
    assert.ok(fromPrevious >= 20, `${fromPrevious} of 50 edits worked out from the previous model`);
    // The semantic tokens of every item but the edited one are copied from the answer before (the
    // deal has about 20 items; an edit that breaks the deal's reading leaves nothing to copy).
    assert.ok(runsCopied >= 400, `${runsCopied} runs of semantic tokens copied over 50 edits`);
    // So is every item's outline entry, as it went to the editor.
    assert.ok(symbolsTakenOver >= 400, `${symbolsTakenOver} outline entries taken over in 50 edits`);
    // And every diagnostic the checks kept, as it was published.
    assert.ok(diagnosticsTakenOver >= 250, `${diagnosticsTakenOver} diagnostics taken over in 50 edits`);
  });
});
