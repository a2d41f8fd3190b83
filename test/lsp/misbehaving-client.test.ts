// The language server against a client that gets things wrong: requests for documents it never
// opened, positions past the end, params missing or of the wrong shape, versions out of order,
// cancelled requests and a flood of changes. The server answers each (with an empty answer or an
// error response), logs what failed, and keeps serving the documents that are fine.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { CancellationTokenSource, ResponseError } from 'vscode-jsonrpc/node.js';
import type { Hover, MarkupContent } from 'vscode-languageserver-protocol';
import { withTimeout, type DealServer } from './client';
import { startBundledServer, type ServerSession } from './session';

const root = fileURLToPath(new URL('../../', import.meta.url));
const seed = readFileSync(join(root, 'examples', 'immunogen-biotest-2006.deal'), 'utf8');
const goodUri = 'file:///work/good.deal';
const nowhere = 'file:///work/never-opened.deal';
const far = { line: 99_999, character: 99_999 };

/** Each feature request the server declares, with params for `uri` at `position`. */
function featureRequests(uri: string, position: { line: number; character: number }): [string, unknown][] {
  const textDocument = { uri };
  const range = { start: position, end: position };
  return [
    ['textDocument/hover', { textDocument, position }],
    ['textDocument/completion', { textDocument, position }],
    ['textDocument/definition', { textDocument, position }],
    ['textDocument/references', { textDocument, position, context: { includeDeclaration: true } }],
    ['textDocument/documentHighlight', { textDocument, position }],
    ['textDocument/prepareRename', { textDocument, position }],
    ['textDocument/rename', { textDocument, position, newName: 'Renamed' }],
    ['textDocument/documentSymbol', { textDocument }],
    ['textDocument/foldingRange', { textDocument }],
    ['textDocument/selectionRange', { textDocument, positions: [position] }],
    ['textDocument/semanticTokens/full', { textDocument }],
    ['textDocument/formatting', { textDocument, options: { tabSize: 2, insertSpaces: true } }],
    ['textDocument/rangeFormatting', { textDocument, range, options: { tabSize: 2, insertSpaces: true } }],
    ['textDocument/codeAction', { textDocument, range, context: { diagnostics: [] } }],
    ['textDocument/codeLens', { textDocument }],
    ['textDocument/inlayHint', { textDocument, range: { start: { line: 0, character: 0 }, end: position } }],
    ['deal/scenarios', { uri }],
    ['deal/headlines', { uri }],
  ];
}

/** An empty answer: null, an empty list, or an empty structure (no figure for a missing file). */
function isEmptyAnswer(result: unknown): boolean {
  if (result === null || result === undefined) return true;
  if (Array.isArray(result)) return result.length === 0;
  if (typeof result === 'object') return Object.values(result as object).every((v) => isEmptyAnswer(v) || (typeof v === 'string'));
  return false;
}

describe('language server with a misbehaving client', () => {
  let session: ServerSession;
  let server: DealServer;
  const logged: string[] = [];

  before(async () => {
    session = await startBundledServer('deal-server-');
    server = session.server;
    server.connection.onNotification('window/logMessage', (params: { message: string }) => { logged.push(params.message); });
    await server.open(goodUri, seed, 1);
    await server.diagnostics(goodUri, (d) => d.version === 1);
  });

  after(() => session?.close());

  /** The server still works: a hover on the upfront payment of the open example gives its figure. */
  async function stillServes(): Promise<void> {
    const line = seed.split('\n').findIndex((l) => l.includes('upfront 1M on signing'));
    const hover = await server.hover(goodUri, { line, character: seed.split('\n')[line].indexOf('upfront') + 2 });
    assert.match((hover?.contents as MarkupContent).value, /\$1,000,000/);
  }

  it('answers every feature for a document it never saw with an empty answer, not an error', async () => {
    for (const [method, params] of featureRequests(nowhere, { line: 0, character: 0 })) {
      const result = await server.request<unknown>(method, params);
      assert.ok(isEmptyAnswer(result), `${method}: ${JSON.stringify(result)}`);
    }
    await assert.rejects(server.request('deal/render', { uri: nowhere, format: 'html' }), /never-opened\.deal is not open in the editor/);
    await stillServes();
  });

  it('answers every feature at a position past the end of the document', async () => {
    for (const [method, params] of featureRequests(goodUri, far)) {
      try {
        await server.request<unknown>(method, params);
      } catch (error) {
        // Renaming where there is no name is refused with a sentence the editor shows.
        assert.ok(method.endsWith('ename') && error instanceof ResponseError && /^Only names can be renamed/.test(error.message), `${method}: ${error}`);
      }
    }
    const hover = await server.hover(goodUri, far);
    assert.equal(hover, null);
    await stillServes();
  });

  it('answers requests with missing or malformed params with an error response, and carries on', async () => {
    const malformed: [string, unknown][] = [
      ['textDocument/hover', {}],
      ['textDocument/hover', { textDocument: { uri: goodUri } }],
      ['textDocument/completion', { textDocument: {}, position: { line: 'x', character: null } }],
      ['textDocument/documentSymbol', null],
      ['deal/render', { uri: goodUri, format: 'pdf' }],
      ['deal/render', null],
      ['deal/scenarios', 42],
    ];
    for (const [method, params] of malformed) {
      try {
        await server.request<unknown>(method, params);
      } catch (error) {
        assert.ok(error instanceof ResponseError, `${method}: ${error}`);
      }
    }
    await assert.rejects(server.request('deal/noSuchRequest', {}), (e: unknown) => e instanceof ResponseError && e.code === -32601);
    // A handler that failed on bad params said so in the log (one line, with what failed).
    assert.ok(logged.some((m) => /^Hover failed: /.test(m)), logged.join('\n'));
    await stillServes();
  });

  it('survives notifications about documents it never opened, and a document opened twice', async () => {
    const uri = 'file:///work/twice.deal';
    await server.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri: nowhere, version: 2 }, contentChanges: [{ text: 'deal X "x" {}' }],
    });
    await server.connection.sendNotification('textDocument/didClose', { textDocument: { uri: nowhere } });
    await server.connection.sendNotification('textDocument/didSave', { textDocument: { uri: nowhere } });
    await server.connection.sendNotification('deal/unknownNotification', { anything: true });
    await server.open(uri, 'deal A "a" {\n  currency QQQ\n}\n', 1);
    await server.open(uri, 'deal A "a" {\n  currency USD\n}\n', 2);
    const diagnostics = await server.diagnostics(uri, (d) => d.version === 2);
    assert.deepEqual(diagnostics, []);
    await server.close(uri);
    await stillServes();
  });

  it('drops a change older than the version it already has', async () => {
    const uri = 'file:///work/versions.deal';
    await server.open(uri, 'deal A "a" {\n  currency USD\n}\n', 5);
    await server.diagnostics(uri, (d) => d.version === 5);
    // Version 3 arrives after 5: its range refers to a text that no longer exists.
    await server.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri, version: 3 },
      contentChanges: [{ range: { start: { line: 1, character: 0 }, end: { line: 1, character: 0 } }, text: '  headline 5M\n' }],
    });
    await server.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri, version: 6 },
      contentChanges: [{ range: { start: { line: 1, character: 11 }, end: { line: 1, character: 14 } }, text: 'XYZ' }],
    });
    const diagnostics = await server.diagnostics(uri, (d) => d.version === 6);
    assert.deepEqual(diagnostics.map((d) => [d.code, d.range.start, d.range.end]), [
      ['unknown-reference', { line: 1, character: 11 }, { line: 1, character: 14 }],
    ]);
    assert.match(diagnostics[0].message, /Unknown currency 'XYZ'/);
    await server.close(uri);
  });

  it('applies an edit whose range runs past the end by clamping it to the end', async () => {
    const uri = 'file:///work/clamped.deal';
    await server.open(uri, 'deal A "a" {\n}\n', 1);
    await server.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri, version: 2 },
      contentChanges: [{ range: { start: { line: 50, character: 0 }, end: { line: 60, character: 10 } }, text: 'deal B "b" {\n  currency QQQ\n}\n' }],
    });
    const diagnostics = await server.diagnostics(uri, (d) => d.version === 2);
    assert.deepEqual(diagnostics.map((d) => [d.code, d.range.start.line]), [['unknown-reference', 3]]);
    await server.close(uri);
  });

  it('answers a cancelled request as cancelled or with its answer, and keeps serving', async () => {
    for (let i = 0; i < 20; i++) {
      const source = new CancellationTokenSource();
      const pending = server.connection.sendRequest<Hover | null>('textDocument/hover', { textDocument: { uri: goodUri }, position: { line: 20, character: 6 } }, source.token);
      source.cancel();
      try {
        await withTimeout(pending, 10_000, 'cancelled hover');
      } catch (error) {
        assert.ok(error instanceof ResponseError && error.code === -32800, `cancelled: ${error}`);
      }
    }
    await stillServes();
  });

  it('after a flood of 400 changes, the diagnostics of the last version are right', async () => {
    const uri = 'file:///work/flood.deal';
    await server.open(uri, seed, 1);
    await server.diagnostics(uri, (d) => d.version === 1);
    const versions: number[] = [];
    const lines = seed.split('\n');
    const headlineLine = lines.findIndex((l) => l.includes('headline 36.5M'));
    let last = 1;
    for (let version = 2; version <= 401; version++) {
      // Type a new headline figure character by character (replace the whole line each time).
      const figure = `${version}M`;
      await server.connection.sendNotification('textDocument/didChange', {
        textDocument: { uri, version },
        contentChanges: [{ range: { start: { line: headlineLine, character: 0 }, end: { line: headlineLine + 1, character: 0 } }, text: `  headline ${figure}\n` }],
      });
      last = version;
      versions.push(version);
    }
    // The last version is 401: headline $401M against $36.5M of terms.
    const seen = new Set<number>();
    const diagnostics = await server.diagnostics(uri, (d) => {
      if (d.version !== undefined && d.version > 1) seen.add(d.version);
      return d.version === last;
    }, 20_000);
    const mismatch = diagnostics.filter((d) => d.code === 'headline-mismatch');
    assert.equal(mismatch.length, 1);
    assert.match(mismatch[0].message, /The headline says \$401,000,000 \(\$401M\), but the terms add up to \$36,500,000/);
    assert.deepEqual(mismatch[0].range, { start: { line: headlineLine, character: 11 }, end: { line: headlineLine, character: 15 } });
    // Never a version the client has not sent, and the last one among those checked.
    assert.ok([...seen].every((v) => versions.includes(v)) && Math.max(...seen) === last);
    await server.close(uri);
    await stillServes();
  });

  it('is still the same process, with nothing fatal on its standard error', async () => {
    assert.doesNotMatch(server.stderr(), /Maximum call stack|FATAL|Unhandled|uncaught/i);
    await stillServes();
  });
});
