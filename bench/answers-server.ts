// A language server that does no work: over the same transport as dist/server.js (the same
// connection, guard and writer), it answers each request with the answer it was handed for that
// method, and publishes the diagnostics it was handed for every version opened or changed. Timed
// like the real server (protocol-floor.ts), it shows what writing, sending and reading an
// answer of that size costs the editor by itself.
import { keepingJson } from '../server/src/lsp/json-into-buffer';
import { createDealConnection } from '../server/src/lsp/transport';

export interface HandedAnswers {
  /** What to answer per request method. */
  answers: Record<string, unknown>;
  diagnostics: unknown[];
}

const { connection } = createDealConnection(process.argv.slice(2));
let handed: HandedAnswers = { answers: {}, diagnostics: [] };

/** The lists the real server marks as kept from answer to answer (its writer keeps their
 * elements' JSON), marked here too: the same answers, written the same way. */
function markedAsTheServerMarksThem(answers: HandedAnswers): HandedAnswers {
  const outline = (symbols: { children?: object[] }[]): object[] => {
    for (const symbol of symbols) if (symbol.children) keepingJson(outline(symbol.children as { children?: object[] }[]));
    return keepingJson(symbols);
  };
  const symbols = answers.answers['textDocument/documentSymbol'];
  if (Array.isArray(symbols)) outline(symbols);
  const lenses = answers.answers['textDocument/codeLens'];
  if (Array.isArray(lenses)) keepingJson(lenses);
  keepingJson(answers.diagnostics as object[]);
  return answers;
}
const publish = (params: { textDocument: { uri: string; version: number } }) =>
  connection.sendDiagnostics({ uri: params.textDocument.uri, version: params.textDocument.version, diagnostics: handed.diagnostics as [] });

connection.onInitialize(() => ({ capabilities: {} }));
connection.onNotification('bench/answers', (params: HandedAnswers) => { handed = markedAsTheServerMarksThem(params); });
connection.onDidOpenTextDocument(publish);
connection.onDidChangeTextDocument(publish);
connection.onRequest((method) => handed.answers[method] ?? null);
connection.listen();
