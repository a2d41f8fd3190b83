// The language server end to end over stdio: diagnostics as the user types, hovers, and the
// custom requests the VS Code client uses.
import assert from 'node:assert/strict';
import { fork, spawnSync } from 'node:child_process';
import { after, before, describe, it } from 'node:test';
import { createMessageConnection, IPCMessageReader, IPCMessageWriter } from 'vscode-jsonrpc/node.js';
import type { Hover, InitializeResult, MarkupContent } from 'vscode-languageserver-protocol';
import { withTimeout, type DealServer } from './client';
import { offsetOf, positionOf, rangeOf, seed, seedUri as uri } from './seed-example';
import { startBundledServer, type ServerSession } from './session';

function markdown(hover: Hover | null): string {
  assert.ok(hover, 'expected a hover');
  const contents = hover.contents as MarkupContent;
  assert.equal(contents.kind, 'markdown');
  return contents.value;
}

describe('language server over stdio', () => {
  let session: ServerSession;
  let server: DealServer;

  before(async () => {
    session = await startBundledServer('deal-server-');
    server = session.server;
  });

  after(() => session?.close());

  it('speaks over Node IPC too, as VS Code starts it', async () => {
    const child = fork(session.bundle.serverPath, ['--node-ipc'], { silent: true });
    const connection = createMessageConnection(new IPCMessageReader(child), new IPCMessageWriter(child));
    connection.listen();
    try {
      const result = await withTimeout(connection.sendRequest<InitializeResult>('initialize', { processId: process.pid, rootUri: null, capabilities: {} }), 10_000, 'initialize');
      assert.equal(result.capabilities.hoverProvider, true);
      await withTimeout(connection.sendRequest('shutdown'), 5_000, 'shutdown');
      const exited = new Promise((resolve) => child.once('exit', resolve));
      await connection.sendNotification('exit');
      await withTimeout(exited, 5_000, 'exit');
    } finally {
      connection.dispose();
      if (child.exitCode === null) child.kill();
    }
  });

  it('explains its usage when started with no transport', () => {
    const run = spawnSync(process.execPath, [session.bundle.serverPath], { encoding: 'utf8' });
    assert.equal(run.status, 2);
    assert.equal(run.stderr, 'deal-language-server: no transport given.\n'
      + 'Usage: deal-language-server --stdio | --node-ipc | --socket=PORT\n'
      + 'The Deal Terms language server speaks the Language Server Protocol; an editor starts it.\n');
  });

  it('announces incremental text sync and hover', () => {
    const capabilities = server.initializeResult.capabilities;
    assert.deepEqual(capabilities.textDocumentSync, { openClose: true, change: 2 });
    assert.equal(capabilities.hoverProvider, true);
  });

  it('checks the seed example on open with no errors', async () => {
    await server.open(uri, seed, 1);
    const diagnostics = await server.diagnostics(uri, (d) => d.version === 1);
    assert.deepEqual(diagnostics.filter((d) => d.severity === 1), []);
    for (const d of diagnostics) assert.equal(d.source, 'deal');
  });

  it('reports a misspelt party at its exact range after a change', async () => {
    const at = offsetOf(seed, 'payments from Biotest', 'Biotest');
    const changed = `${seed.slice(0, at)}Biotset${seed.slice(at + 'Biotest'.length)}`;
    await server.change(uri, changed, 2);
    const diagnostics = await server.diagnostics(uri, (d) => d.version === 2);
    const errors = diagnostics.filter((d) => d.severity === 1);
    assert.equal(errors.length, 1, JSON.stringify(errors));
    assert.equal(errors[0].code, 'unknown-reference');
    assert.equal(errors[0].source, 'deal');
    assert.deepEqual(errors[0].range, rangeOf(changed, at, 'Biotset'.length));
    assert.match(errors[0].message, /Biotset/);
    assert.match(errors[0].message, /Biotest/);

    await server.change(uri, seed, 3);
    const fixed = await server.diagnostics(uri, (d) => d.version === 3);
    assert.deepEqual(fixed.filter((d) => d.severity === 1), []);
  });

  it('applies an edit sent as a range, as editors send keystrokes', async () => {
    const at = offsetOf(seed, 'payments from Biotest', 'Biotest');
    const edit = (version: number, text: string) => server.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri, version }, contentChanges: [{ range: rangeOf(seed, at + 4, 3), text }],
    });
    await edit(4, 'set');
    const errors = (await server.diagnostics(uri, (d) => d.version === 4)).filter((d) => d.severity === 1);
    assert.deepEqual(errors.map((e) => [e.code, e.range]), [['unknown-reference', rangeOf(seed, at, 'Biotset'.length)]]);
    await edit(5, 'est');
    assert.deepEqual((await server.diagnostics(uri, (d) => d.version === 5)).filter((d) => d.severity === 1), []);
  });

  it('hovers on the milestone group with its cap and undisclosed rest', async () => {
    const start = offsetOf(seed, 'milestones Development', 'Development');
    const hover = await server.hover(uri, positionOf(seed, start + 3));
    const text = markdown(hover);
    assert.match(text, /\*\*Milestone group Development\*\*/);
    assert.ok(text.includes('- Cap (up to): $35,500,000 ($35.5M)'), text);
    assert.ok(text.includes('- Undisclosed rest: $35,500,000 ($35.5M)'), text);
    assert.deepEqual(hover!.range, rangeOf(seed, start, 'Development'.length));
  });

  it('hovers on the deal name with the headline and each party', async () => {
    const start = offsetOf(seed, 'deal ImmunoGenBiotest2006', 'ImmunoGen');
    const text = markdown(await server.hover(uri, positionOf(seed, start)));
    assert.ok(text.includes('Headline **$36,500,000 ($36.5M)** = committed $1,000,000 ($1M) + contingent $35,500,000 ($35.5M)'), text);
    assert.ok(text.includes('- ImmunoGen: receives $36,500,000 ($36.5M) · pays $0 · net $36,500,000 ($36.5M)'), text);
    assert.ok(text.includes('- Biotest: receives $0 · pays $36,500,000 ($36.5M) · net -$36,500,000 (-$36.5M)'), text);
  });

  it('answers no hover on blank space or an unknown document', async () => {
    const blank = seed.indexOf('\n\n', seed.indexOf('headline 36.5M'));
    assert.equal(await server.hover(uri, positionOf(seed, blank + 1)), null);
    assert.equal(await server.hover('file:///nowhere.deal', { line: 0, character: 0 }), null);
  });

  it('lists the scenarios for the rollup picker', async () => {
    const scenarios = await server.request<{ deal: string; name: string; title?: string }[]>('deal/scenarios', { uri });
    assert.deepEqual(scenarios, [
      { deal: 'ImmunoGenBiotest2006', name: 'Partnered', title: 'Biotest develops alone; product approved' },
      { deal: 'ImmunoGenBiotest2006', name: 'OptInAtPhase2', title: 'ImmunoGen opts in at phase 2' },
      { deal: 'ImmunoGenBiotest2006', name: 'StopsInPhase2', title: 'programme ends in phase 2' },
      { deal: 'ImmunoGenBiotest2006', name: 'OptInWithCosts', title: 'ImmunoGen opts in at phase 2; illustrative sales and costs' },
    ]);
  });

  it('renders the preview as HTML with the webview\'s CSP nonce, and as Markdown and JSON', async () => {
    const html = await server.request<string>('deal/render', { uri, format: 'html', cspNonce: 'n0nce', cspSource: 'vscode-resource:' });
    assert.match(html, /<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src vscode-resource: 'nonce-n0nce';/);
    assert.match(html, /<style nonce="n0nce">/);
    assert.ok(html.includes('$36,500,000'), 'headline in the preview');
    assert.doesNotMatch(html, /<script/);
    const md = await server.request<string>('deal/render', { uri, format: 'md' });
    assert.ok(md.includes('$36,500,000'), md);
    const json = JSON.parse(await server.request<string>('deal/render', { uri, format: 'json', scenario: 'OptInAtPhase2' }));
    const { committed, contingent, headline } = json.deals[0].totals;
    assert.deepEqual({ committed, contingent, headline }, { committed: '1000000', contingent: '35500000', headline: '36500000' });
    assert.deepEqual(json.deals[0].scenarios.OptInAtPhase2.parties.ImmunoGen, { receives: '1000000', pays: '5000000', net: '-4000000' });
  });

  it('answers a render request it cannot serve with a clear error', async () => {
    await assert.rejects(server.request('deal/render', { uri, format: 'pdf' }), /Unknown render format 'pdf': use html, md, csv or json\./);
    await assert.rejects(server.request('deal/render', { uri: 'file:///nowhere.deal', format: 'html' }), /is not open in the editor/);
  });

  it('clears the diagnostics when the document closes', async () => {
    const at = offsetOf(seed, 'payments from Biotest', 'Biotest');
    await server.change(uri, `${seed.slice(0, at)}Biotset${seed.slice(at + 'Biotest'.length)}`, 6);
    await server.diagnostics(uri, (d) => d.version === 6 && d.diagnostics.length > 0);
    await server.close(uri);
    const cleared = await server.diagnostics(uri, (d) => d.version === undefined && d.diagnostics.length === 0);
    assert.deepEqual(cleared, []);
  });
});
