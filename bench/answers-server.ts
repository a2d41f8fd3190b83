// A language server that does no work: over the same transport as dist/server.js (the same
// connection, guard and writer), it answers each request with the answer it was handed for that
// method, and publishes the diagnostics it was handed for every version opened or changed. Timed
// like the real server (protocol-floor.ts), it shows what writing, sending and reading an
// answer of that size costs the editor by itself.
import { createDealConnection } from '../server/src/lsp/transport';

export interface HandedAnswers {
  /** What to answer per request method. */
  answers: Record<string, unknown>;
  diagnostics: unknown[];
}

const { connection } = createDealConnection(process.argv.slice(2));
let handed: HandedAnswers = { answers: {}, diagnostics: [] };
const publish = (params: { textDocument: { uri: string; version: number } }) =>
  connection.sendDiagnostics({ uri: params.textDocument.uri, version: params.textDocument.version, diagnostics: handed.diagnostics as [] });

connection.onInitialize(() => ({ capabilities: {} }));
connection.onNotification('bench/answers', (params: HandedAnswers) => { handed = params; });
connection.onDidOpenTextDocument(publish);
connection.onDidChangeTextDocument(publish);
connection.onRequest((method) => handed.answers[method] ?? null);
connection.listen();
