// Large answers over the wire: a long deal's outline, semantic tokens, folding ranges, CodeLens
// and diagnostics asked for all at once, as the editor does after a keystroke, each arrive whole
// and equal to what the server works out in one process (the messages share one write buffer);
// an outline's leaves carry no empty `children`.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Diagnostic, DocumentSymbol, SemanticTokens } from 'vscode-languageserver-protocol';
import { analyzeDealText } from '../../server/src/document/analyze';
import { findDocumentSymbols } from '../../server/src/features/document-symbols';
import { toLspDiagnostic } from '../../server/src/lsp/diagnostics';
import { toDocumentSymbol } from '../../server/src/lsp/outline';
import { generateDeal } from '../generate-deal';
import type { DealServer } from './client';
import { startBundledServer, type ServerSession } from './session';

const uri = 'file:///large-answers/platform.deal';
const textDocument = { uri };
/** A platform deal of about 1,200 lines with amounts in euros; its payment blocks are named with arrows. */
const long = generateDeal(31, { payments: 1_000, notes: true });

function count(symbols: DocumentSymbol[]): number {
  return symbols.reduce((n, s) => n + 1 + count(s.children ?? []), 0);
}

function leaves(symbols: DocumentSymbol[]): DocumentSymbol[] {
  return symbols.flatMap((s) => (s.children ? leaves(s.children) : [s]));
}

describe('large answers over the protocol', () => {
  let session: ServerSession;
  let server: DealServer;

  before(async () => {
    session = await startBundledServer('deal-large-answers-');
    server = session.server;
  });

  after(() => session?.close());

  it('sends a long deal\'s answers, asked all at once, each whole and as worked out in one process', async () => {
    assert.match(long, /€/);
    const opened = server.diagnostics(uri, () => true);
    await server.open(uri, long, 1);
    await opened;
    const edited = long.replace(/upfront (\S+)/, 'upfront EUR 12,345,678');
    assert.notEqual(edited, long);
    const published = server.diagnostics(uri, (d) => d.version === 2);
    await server.change(uri, edited, 2);
    const [outline, tokens, folding, lenses, again, diagnostics] = await Promise.all([
      server.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument }),
      server.request<SemanticTokens>('textDocument/semanticTokens/full', { textDocument }),
      server.request<unknown[]>('textDocument/foldingRange', { textDocument }),
      server.request<unknown[]>('textDocument/codeLens', { textDocument }),
      server.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument }),
      published,
    ]);
    const analysis = analyzeDealText(edited);
    const expectedOutline = findDocumentSymbols(analysis).map((s) => toDocumentSymbol(analysis, s));
    assert.deepEqual(outline, expectedOutline);
    assert.deepEqual(again, expectedOutline);
    assert.ok(count(outline) > 1_000, `${count(outline)} symbols`);
    assert.ok(outline[0].children!.some((c) => c.name.includes('→')), 'a payments block is named with an arrow');
    assert.deepEqual(diagnostics, analysis.diagnostics.map((d) => toLspDiagnostic(analysis, d)) as Diagnostic[]);
    // Asked again one at a time, each answer is the same.
    assert.deepEqual((await server.request<SemanticTokens>('textDocument/semanticTokens/full', { textDocument })).data, tokens.data);
    assert.deepEqual(await server.request<unknown[]>('textDocument/foldingRange', { textDocument }), folding);
    assert.deepEqual(await server.request<unknown[]>('textDocument/codeLens', { textDocument }), lenses);
    assert.ok(tokens.data.length > 15_000, `${tokens.data.length} integers`);
  });

  it('leaves out `children` on a leaf of the outline, and never sends an empty list', async () => {
    const outline = await server.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument });
    const all = leaves(outline);
    assert.ok(all.length > 600, `${all.length} leaves`);
    for (const leaf of all) assert.equal('children' in leaf, false, leaf.name);
    const parents = (symbols: DocumentSymbol[]): DocumentSymbol[] => symbols.flatMap((s) => (s.children ? [s, ...parents(s.children)] : []));
    for (const parent of parents(outline)) assert.ok(parent.children!.length > 0, parent.name);
    const upfront = all.find((s) => s.name === 'upfront')!;
    assert.equal(upfront.detail, '$13.58M', 'EUR 12,345,678 at the deal\'s rate');
  });

  it('after edits of every kind, answers made from what the answer before held equal answers worked out afresh', async () => {
    // Within a line, a line added and taken out again, a group's title, a deal-wide change (the
    // rate): the outline, the diagnostics and the lenses of the edited file against those of a
    // file opened fresh with the same text (each under a URI of its own, so nothing is taken over).
    const edits: ((text: string) => string)[] = [
      (text) => text.replace('milestone Reg1_2 "phase2 event 2" 3M', 'milestone Reg1_2 "phase2 event 2" 4M'),
      (text) => text.replace('      milestone Reg1_3 ', '      milestone Reg1_2b "added" $1,000,000 at phase2\n      milestone Reg1_3 '),
      (text) => text.replace('milestones Reg1 "Reg milestones"', 'milestones Reg1 "Regulatory milestones"'),
      (text) => text.replace('      milestone Reg1_2b "added" $1,000,000 at phase2\n', ''),
      (text) => text.replace(/fx EUR = [\d.]+ USD/, 'fx EUR = 1.25 USD'),
    ];
    const editedUri = 'file:///large-answers/edited.deal';
    let text = long;
    let version = 1;
    const opened = server.diagnostics(editedUri, () => true);
    await server.open(editedUri, text, version);
    await opened;
    const answers = async (at: string) => ({
      outline: await server.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri: at } }),
      lenses: JSON.stringify(await server.request<unknown[]>('textDocument/codeLens', { textDocument: { uri: at } })).replaceAll(at, '<uri>'),
    });
    let before = await answers(editedUri);
    let lensesChanged = 0;
    for (const [step, edit] of edits.entries()) {
      const next = edit(text);
      assert.notEqual(next, text, `edit ${step} changes the text`);
      text = next;
      version++;
      const published = server.diagnostics(editedUri, (d) => d.version === version);
      await server.change(editedUri, text, version);
      const diagnostics = await published;
      const edited = await answers(editedUri);
      const freshUri = `file:///large-answers/fresh-${step}.deal`;
      const freshPublished = server.diagnostics(freshUri, () => true);
      await server.open(freshUri, text, 1);
      assert.deepEqual(diagnostics, await freshPublished, `diagnostics after edit ${step}`);
      const fresh = await answers(freshUri);
      await server.close(freshUri);
      assert.deepEqual(edited.outline, fresh.outline, `outline after edit ${step}`);
      assert.equal(edited.lenses, fresh.lenses, `lenses after edit ${step}`);
      if (edited.lenses !== before.lenses) lensesChanged++;
      before = edited;
    }
    assert.ok(lensesChanged >= 3, `the figures changed: ${lensesChanged} of the edits changed the lenses`);
  });
});
