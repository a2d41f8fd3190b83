// The glue between the analysis and the protocol, without a server process: how a deal
// diagnostic becomes an LSP diagnostic, and how runSafe answers cancellation and failure.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  CancellationTokenSource, LSPErrorCodes, ResponseError, type Connection, type DidOpenTextDocumentParams,
} from 'vscode-languageserver/node.js';
import { analyzeDealText } from '../../server/src/document/analyze';
import { toLspDiagnostic } from '../../server/src/lsp/diagnostics';
import { DealDocuments } from '../../server/src/lsp/document-cache';
import { analysesOf } from '../../server/src/lsp/portfolio';
import { doneOrCancelled, runSafe, runSafeAsync } from '../../server/src/lsp/run-safe';

function fakeConnection(logged: string[]): Connection {
  return { console: { error: (message: string) => logged.push(message) } } as unknown as Connection;
}

describe('toLspDiagnostic', () => {
  it('maps severity, code, source and the range on the offending text', () => {
    const text = 'deal D "d" {\r\n  headline 2M\r\n  party A "A" licensor\r\n  party B "B" licensee\r\n'
      + '  payments from B to A { upfront 1M on signing }\r\n}\r\n';
    const analysis = analyzeDealText(text);
    const mismatch = analysis.diagnostics.find((d) => d.code === 'headline-mismatch');
    assert.ok(mismatch, JSON.stringify(analysis.diagnostics));
    const lsp = toLspDiagnostic(analysis, mismatch);
    assert.equal(lsp.severity, 2);
    assert.equal(lsp.code, 'headline-mismatch');
    assert.equal(lsp.source, 'deal');
    assert.equal(lsp.message, mismatch.message);
    // `2M` on line 1, counted past a CRLF line end.
    assert.deepEqual(lsp.range, { start: { line: 1, character: 11 }, end: { line: 1, character: 13 } });
  });

  it('shows control and invisible characters a message quotes as marks, never raw', () => {
    const text = 'deal D "d" {\n  party A "A" licensor\n  party B "B" licensee\n'
      + '  payments from B to A { royalty R 5% on net_sales territory US }\n'
      + '  option O { holder B exercise at phase2 fee 2M on exercise { forfeit R in "EU\u200b\u202e" } }\n}\n';
    const analysis = analyzeDealText(text);
    const forfeit = analysis.diagnostics.find((d) => d.code === 'territory-not-covered');
    assert.ok(forfeit, JSON.stringify(analysis.diagnostics));
    assert.equal(toLspDiagnostic(analysis, forfeit).message,
      "Royalty 'R' applies only in US, not in EU<U+200B><U+202E>: forfeiting it there gives nothing up. Check the territory, or the payment meant.");
  });

  it('maps every severity the analysis uses', () => {
    const analysis = analyzeDealText('');
    const span = { start: 0, end: 0 };
    const severities = (['error', 'warning', 'info', 'hint'] as const)
      .map((severity) => toLspDiagnostic(analysis, { code: 'syntax-error', severity, message: 'm', span }).severity);
    assert.deepEqual(severities, [1, 2, 3, 4]);
  });
});

describe('runSafe', () => {
  it('answers a cancelled request as cancelled without doing the work', async () => {
    const source = new CancellationTokenSource();
    source.cancel();
    let ran = false;
    const result = await runSafe(fakeConnection([]), 'Hover', source.token, null, () => { ran = true; return 'x'; });
    assert.ok(result instanceof ResponseError);
    assert.equal(result.code, LSPErrorCodes.RequestCancelled);
    assert.equal(ran, false);
  });

  it('logs a failure and answers the fallback', async () => {
    const logged: string[] = [];
    const result = await runSafe(fakeConnection(logged), 'Hover', undefined, null, () => { throw new Error('boom'); });
    assert.equal(result, null);
    assert.equal(logged.length, 1);
    assert.match(logged[0], /^Hover failed: Error: boom/);
  });

  it('answers the work\'s result', async () => {
    assert.equal(await runSafe(fakeConnection([]), 'Hover', new CancellationTokenSource().token, null, () => 'figures'), 'figures');
  });
});

describe('work over many open files', () => {
  const documents = new DealDocuments();
  const uris = ['a', 'b', 'c', 'd'].map((name) => `file:///work/${name}.deal`);
  // Opened as the editor opens them, through the handlers TextDocuments registers.
  let didOpen: (params: DidOpenTextDocumentParams) => void = () => {};
  const ignore = () => ({ dispose: () => {} });
  documents.documents.listen({
    onDidOpenTextDocument: (handler: typeof didOpen) => { didOpen = handler; return ignore(); },
    onDidChangeTextDocument: ignore, onDidCloseTextDocument: ignore, onWillSaveTextDocument: ignore,
    onWillSaveTextDocumentWaitUntil: ignore, onDidSaveTextDocument: ignore,
  } as unknown as Connection);
  for (const [i, uri] of uris.entries()) didOpen({ textDocument: { uri, languageId: 'deal', version: 1, text: `deal D${i} "d" {\n  currency QQQ\n}\n` } });

  it('analyses each document, and none once the request is cancelled', async () => {
    const all = await analysesOf(documents, uris, new CancellationTokenSource().token);
    assert.deepEqual(all.map((d) => d.analysis.deals[0].model.deal.name.text), ['D0', 'D1', 'D2', 'D3']);
    const source = new CancellationTokenSource();
    source.cancel();
    assert.deepEqual(await analysesOf(documents, uris, source.token), []);
  });

  it('answers a request cancelled during the work as cancelled, having stopped the work, and logs nothing', async () => {
    const logged: string[] = [];
    const source = new CancellationTokenSource();
    let analysed = 0;
    const result = await runSafeAsync(fakeConnection(logged), 'Rolling up the portfolio', source.token, [], async () => {
      const first = await analysesOf(documents, uris.slice(0, 1), source.token);
      source.cancel();
      const rest = await analysesOf(documents, uris.slice(1), source.token);
      analysed = first.length + rest.length;
      return rest;
    });
    assert.ok(result instanceof ResponseError);
    assert.equal(result.code, LSPErrorCodes.RequestCancelled);
    assert.equal(analysed, 1);
    assert.deepEqual(logged, []);
  });

  it('waits for the index no longer than until the request is cancelled, even cancelled before it began', async () => {
    const never = new Promise<void>(() => {});
    const source = new CancellationTokenSource();
    source.cancel();
    await doneOrCancelled(never, source.token);
    const later = new CancellationTokenSource();
    const waiting = doneOrCancelled(never, later.token);
    later.cancel();
    await waiting;
  });
});
