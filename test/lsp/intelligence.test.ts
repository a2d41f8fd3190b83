// Editor intelligence over the protocol, against the bundled server: each request with its
// exact answer on the seed example (definition, references, rename, completion, formatting,
// quick fixes, CodeLens, inlay hints, semantic tokens), and the settings that turn figures off.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type {
  CodeAction, CodeLens, CompletionItem, InlayHint, Location, SemanticTokens, SemanticTokensDelta, TextEdit, WorkspaceEdit,
} from 'vscode-languageserver-protocol';
import { LSPErrorCodes, type ResponseError } from 'vscode-languageserver-protocol';
import type { DealServer } from './client';
import { offsetOf as at, positionOf, rangeOf, seed, seedUri as uri } from './seed-example';
import { startBundledServer, type ServerSession } from './session';

const doc = { textDocument: { uri } };
/** The seed with its upfront in euros: the one amount that gets an inlay hint. */
const inEuros = seed.replace('currency USD', 'currency USD\n  fx EUR = 1.10 USD').replace('upfront 1M', 'upfront EUR 1M');
const eurosUri = uri.replace(/\.deal$/, '-eur.deal');

describe('editor intelligence over the protocol', () => {
  let session: ServerSession;
  let server: DealServer;

  before(async () => {
    session = await startBundledServer('deal-intelligence-');
    server = session.server;
    await server.open(uri, seed, 1);
  });

  after(() => session?.close());

  it('announces the features and the semantic token legend', () => {
    const capabilities = server.initializeResult.capabilities;
    assert.equal(capabilities.definitionProvider, true);
    assert.deepEqual(capabilities.renameProvider, { prepareProvider: true });
    assert.deepEqual(capabilities.semanticTokensProvider?.legend.tokenTypes, [
      'namespace', 'class', 'enumMember', 'variable', 'struct', 'function', 'event', 'interface', 'type', 'money', 'percentage', 'date', 'module',
    ]);
  });

  it('goes from `forfeit unearned Development` to the milestone group', async () => {
    const location = await server.request<Location>('textDocument/definition', { ...doc, position: positionOf(seed, at(seed, 'unearned Development', 'Development') + 3) });
    assert.deepEqual(location, { uri, range: rangeOf(seed, at(seed, 'milestones Development', 'Development'), 'Development'.length) });
  });

  it('finds the five places Biotest is named', async () => {
    const locations = await server.request<Location[]>('textDocument/references', {
      ...doc, position: positionOf(seed, at(seed, 'party Biotest', 'Biotest')), context: { includeDeclaration: true },
    });
    assert.equal(locations.length, 5);
    for (const location of locations) {
      const start = seed.split('\n').slice(0, location.range.start.line).join('\n').length + 1 + location.range.start.character;
      assert.equal(seed.slice(start, start + 7), 'Biotest');
    }
  });

  it('renames OptIn at its declaration and in the scenarios that exercise it', async () => {
    const edit = await server.request<WorkspaceEdit>('textDocument/rename', { ...doc, position: positionOf(seed, at(seed, 'option OptIn', 'OptIn')), newName: 'CoDev' });
    const exercised = at(seed, 'exercise OptIn', 'OptIn');
    assert.deepEqual(edit.changes?.[uri], [
      { range: rangeOf(seed, at(seed, 'option OptIn', 'OptIn'), 5), newText: 'CoDev' },
      { range: rangeOf(seed, exercised, 5), newText: 'CoDev' },
      // The second scenario that exercises it (OptInWithCosts).
      { range: rangeOf(seed, seed.indexOf('exercise OptIn', exercised) + 'exercise '.length, 5), newText: 'CoDev' },
    ]);
  });

  it('refuses to rename a party to a keyword, with the reason', async () => {
    await assert.rejects(
      server.request('textDocument/rename', { ...doc, position: positionOf(seed, at(seed, 'party Biotest', 'Biotest')), newName: 'royalty' }),
      (error: ResponseError<void>) => error.code === LSPErrorCodes.RequestFailed && error.message === "'royalty' is a keyword: choose another party name.",
    );
  });

  it('refuses to rename a built-in stage before the rename box opens, in a sentence the editor shows at the cursor', async () => {
    await assert.rejects(
      server.request('textDocument/prepareRename', { ...doc, position: positionOf(seed, at(seed, 'reach approval', 'approval') + 2) }),
      (error: ResponseError<void>) => error.code === LSPErrorCodes.RequestFailed
        && error.message === "'approval' is a built-in stage: to use other stage names, declare them in a `stages { ... }` block.",
    );
  });

  it('completes the parties after `from `', async () => {
    const items = await server.request<CompletionItem[]>('textDocument/completion', { ...doc, position: positionOf(seed, at(seed, 'payments from Biotest', 'Biotest')) });
    assert.deepEqual(items.map((i) => i.label), ['ImmunoGen', 'Biotest']);
    assert.deepEqual(items.map((i) => i.documentation), [
      { kind: 'markdown', value: 'A party of this deal: ImmunoGen, Inc.' },
      { kind: 'markdown', value: 'A party of this deal: Biotest AG.' },
    ]);
  });

  it('formats: the seed is canonical, so no edits; a squeezed line gets its layout back', async () => {
    assert.deepEqual(await server.request<TextEdit[]>('textDocument/formatting', { ...doc, options: { tabSize: 2, insertSpaces: true } }), []);
    const squeezedUri = 'file:///squeezed.deal';
    await server.open(squeezedUri, 'deal D { party A "a" licensor }', 1);
    const edits = await server.request<TextEdit[]>('textDocument/formatting', { textDocument: { uri: squeezedUri }, options: { tabSize: 2, insertSpaces: true } });
    assert.deepEqual(edits, [
      { range: rangeOf('deal D { party', 8, 1), newText: '\n  ' },
      { range: { start: { line: 0, character: 29 }, end: { line: 0, character: 30 } }, newText: '\n' },
      { range: { start: { line: 0, character: 31 }, end: { line: 0, character: 31 } }, newText: '\n' },
    ]);
  });

  it('offers the quick fix for a misspelt party', async () => {
    const misspelt = seed.replace('payments from Biotest', 'payments from Biotset');
    await server.change(uri, misspelt, 2);
    const start = at(misspelt, 'payments from Biotset', 'Biotset');
    const actions = await server.request<CodeAction[]>('textDocument/codeAction', {
      ...doc, range: rangeOf(misspelt, start, 7), context: { diagnostics: [] },
    });
    assert.deepEqual(actions.map((a) => a.title), ["Change to 'Biotest'", "Declare party 'Biotset'"]);
    assert.deepEqual(actions[0].edit?.changes?.[uri], [{ range: rangeOf(misspelt, start, 7), newText: 'Biotest' }]);
    await server.change(uri, seed, 3);
  });

  it('shows CodeLens totals and inlay hints', async () => {
    const found = await server.request<CodeLens[]>('textDocument/codeLens', doc);
    // A scenario's lenses need the scenario rolled up: their titles come when the editor shows them.
    assert.deepEqual(found.map((l) => l.command === undefined), [false, false, false, false, true, true, true, true, true]);
    const lenses = await Promise.all(found.map((l) => (l.command ? l : server.request<CodeLens>('codeLens/resolve', l))));
    assert.deepEqual(lenses.map((l) => l.command?.title), [
      'ImmunoGen receives $36.5M · pays $0',
      'Biotest receives $0 · pays $36.5M',
      'Biotest pays ImmunoGen $36.5M (committed $1M · contingent $35.5M) · 2 more without a fixed figure',
      'itemized $0 in 0 milestones of $35.5M · undisclosed $35.5M',
      'ImmunoGen receives $36.5M · pays $0 | Biotest receives $0 · pays $36.5M',
      'ImmunoGen receives $1M · pays $5M | Biotest receives $5M · pays $1M',
      'ImmunoGen receives $1M · pays $0 | Biotest receives $0 · pays $1M',
      'ImmunoGen receives $1M · pays $5M | Biotest receives $5M · pays $1M',
      'Value: ImmunoGen $36M · Biotest $114M',
    ]);
    assert.equal(lenses[0].command?.command, 'deal.showRollup');
    assert.deepEqual(lenses[4].command?.arguments, [uri, found[4].data.scenario]);
    // The group's itemized sum against its cap is its CodeLens: no inlay hint repeats it.
    const hints = await server.request<InlayHint[]>('textDocument/inlayHint', { ...doc, range: rangeOf(seed, 0, seed.length) });
    assert.deepEqual(hints, []);
    await server.open(eurosUri, inEuros, 1);
    const euroHints = await server.request<InlayHint[]>('textDocument/inlayHint', { textDocument: { uri: eurosUri }, range: rangeOf(inEuros, 0, inEuros.length) });
    const afterAmount = inEuros.indexOf('EUR 1M') + 'EUR 1M'.length;
    assert.deepEqual(euroHints.map((h) => [h.position, h.label]), [[positionOf(inEuros, afterAmount), '= $1.1M']]);
  });

  it('gives what changed in the semantic tokens since the last answer, as a delta', async () => {
    const deltaUri = uri.replace(/\.deal$/, '-delta.deal');
    const textDocument = { uri: deltaUri };
    await server.open(deltaUri, seed, 1);
    const first = await server.request<SemanticTokens>('textDocument/semanticTokens/full', { textDocument });
    assert.ok(first.resultId);
    // A party renamed where it is declared: one token one character longer, the rest as they were.
    const edited = seed.replace('party Biotest', 'party Biotests');
    await server.change(deltaUri, edited, 2);
    const delta = await server.request<SemanticTokensDelta>('textDocument/semanticTokens/full/delta', { textDocument, previousResultId: first.resultId });
    assert.notEqual(delta.resultId, first.resultId);
    const data = [...first.data];
    for (const edit of delta.edits) data.splice(edit.start, edit.deleteCount, ...(edit.data ?? []));
    const fresh = await server.request<SemanticTokens>('textDocument/semanticTokens/full', { textDocument });
    assert.deepEqual(data, fresh.data);
    assert.equal(delta.edits.length, 1);
    assert.ok(delta.edits[0].data!.length <= 5, `${delta.edits[0].data!.length} integers sent of ${fresh.data.length}`);
    // An answer the server no longer has: every token.
    const unknown = await server.request<SemanticTokens>('textDocument/semanticTokens/full/delta', { textDocument, previousResultId: 'gone' });
    assert.deepEqual(unknown.data, fresh.data);
    assert.deepEqual(server.initializeResult.capabilities.semanticTokensProvider?.full, { delta: true });
  });

  it('gives five integers per semantic token', async () => {
    const tokens = await server.request<SemanticTokens>('textDocument/semanticTokens/full', doc);
    assert.ok(tokens.data.length > 0);
    assert.equal(tokens.data.length % 5, 0);
    // The first token is the deal name, declared: line 12 of the seed, after `deal `.
    assert.deepEqual(tokens.data.slice(0, 5), [positionOf(seed, at(seed, 'ImmunoGenBiotest2006')).line, 5, 20, 0, 1]);
  });
});

describe('figures follow the settings', () => {
  it('gives no CodeLens and no inlay hints when the settings turn them off', async () => {
    const { server, close } = await startBundledServer('deal-settings-', {
      capabilities: { workspace: { configuration: true } },
      configuration: { codeLens: { enabled: false }, inlayHints: { enabled: false } },
    });
    try {
      await server.open(uri, seed, 1);
      await server.open(eurosUri, inEuros, 1);
      assert.deepEqual(await server.request('textDocument/codeLens', doc), []);
      assert.deepEqual(await server.request('textDocument/inlayHint', { textDocument: { uri: eurosUri }, range: rangeOf(inEuros, 0, inEuros.length) }), []);
      // Formatting is still on: it has its own setting.
      assert.deepEqual(await server.request('textDocument/formatting', { ...doc, options: { tabSize: 2, insertSpaces: true } }), []);
    } finally {
      await close();
    }
  });
});
