// The server indexes the workspace's .deal files once the client says it is ready, and says so
// with `deal/workspaceIndexed`.
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import { CancellationTokenSource, ResponseError } from 'vscode-jsonrpc/node.js';
import type { PortfolioResult } from '../../server/src/lsp/protocol';
import { generateDeal } from '../generate-deal';
import { startDealServer, withTimeout } from './client';
import { bundleServer, type ServerBundle } from './session';

describe('workspace indexing over stdio', () => {
  let bundle: ServerBundle;

  before(async () => {
    bundle = await bundleServer('deal-workspace-');
    mkdirSync(join(bundle.dir, 'portfolio', 'oncology'), { recursive: true });
    writeFileSync(join(bundle.dir, 'portfolio', 'a.deal'), generateDeal(1));
    writeFileSync(join(bundle.dir, 'portfolio', 'oncology', 'b.deal'), `${generateDeal(2)}\n${generateDeal(3)}`);
  });
  after(() => bundle?.remove());

  it('reports the files and deals it indexed under the workspace folder', async () => {
    const server = await startDealServer(bundle.serverPath, { rootUri: pathToFileURL(join(bundle.dir, 'portfolio')).href });
    try {
      const result = await server.notification<{ files: number; deals: number; ms: number }>('deal/workspaceIndexed');
      assert.deepEqual([result.files, result.deals], [2, 3]);
      assert.equal(typeof result.ms, 'number');
    } finally {
      await server.stop();
    }
  });

  for (const rootUri of ['file://host/share', 'file:///a%2fb']) {
    it(`starts on a workspace folder it cannot read as a local folder (${rootUri}), indexing nothing`, async () => {
      const server = await startDealServer(bundle.serverPath, { rootUri });
      try {
        assert.equal(server.initializeResult.serverInfo?.name, 'deal-language-server');
        const result = await server.notification<{ files: number; deals: number }>('deal/workspaceIndexed');
        assert.deepEqual([result.files, result.deals], [0, 0]);
      } finally {
        await server.stop();
      }
    });
  }
});

describe('workspace files with 125,000 stray braces', () => {
  let bundle: ServerBundle;
  const folder = () => join(bundle.dir, 'portfolio');
  const uri = (name: string) => pathToFileURL(join(folder(), name)).href;
  const braces = '}'.repeat(125_000);
  // Enough of them that the index is still being built when the request and its cancellation
  // arrive: the server reads one message per turn of its event loop and indexes one file per turn,
  // and on a loaded machine the two messages may come a few files late.
  const bracesFiles = ['b1', 'b2', 'b3', 'b4', 'b5', 'b6', 'b7', 'b8'].map((name) => `${name}-braces.deal`);

  before(async () => {
    bundle = await bundleServer('deal-workspace-braces-');
    mkdirSync(folder());
    for (const name of bracesFiles) writeFileSync(join(folder(), name), braces);
    writeFileSync(join(folder(), 'c-good.deal'), generateDeal(1).replace(/deal (\w+)/, 'deal Good'));
  });
  after(() => bundle?.remove());

  it('are indexed with the others, and get their diagnostics when opened', async () => {
    const server = await startDealServer(bundle.serverPath, { rootUri: pathToFileURL(folder()).href });
    try {
      // Asked while the index is still being built, and cancelled: answered as cancelled at once,
      // not once the whole workspace is read.
      const events: string[] = [];
      const source = new CancellationTokenSource();
      const cancelled = server.connection.sendRequest('deal/portfolio', {}, source.token).then(
        () => events.push('portfolio answered'),
        (error: unknown) => events.push(error instanceof ResponseError ? `portfolio error ${error.code}` : String(error)),
      );
      source.cancel();
      const indexed = await server.notification<{ files: number; deals: number }>('deal/workspaceIndexed', () => true, 60_000);
      events.push('indexed');
      await withTimeout(cancelled, 10_000, 'the cancelled portfolio request');
      assert.deepEqual(events, ['portfolio error -32800', 'indexed']);
      assert.deepEqual([indexed.files, indexed.deals], [bracesFiles.length + 1, 1]);

      const { portfolio } = await server.request<PortfolioResult>('deal/portfolio', {});
      assert.deepEqual(portfolio.deals.map((d) => [d.id, d.uri]), [['Good', uri('c-good.deal')]]);

      await server.open(uri(bracesFiles[0]), braces);
      const diagnostics = await server.diagnostics(uri(bracesFiles[0]), () => true, 60_000);
      assert.equal(diagnostics.length, 500);
      assert.deepEqual([diagnostics[0].range, diagnostics[0].message], [
        { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } },
        "This '}' closes nothing: every block before it is already closed. Remove it.",
      ]);
      assert.deepEqual([diagnostics[499].range.start, diagnostics[499].message], [
        { line: 0, character: 499 },
        '124501 more syntax errors from here on are not listed. Is this a .deal file? Fix the errors above first.',
      ]);
    } finally {
      await server.stop();
    }
  });
});
