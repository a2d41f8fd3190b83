// A bare LSP client for timing dist/server.js over stdio: it records when each notification
// arrives, so latencies are measured from the client's side of the pipe, as an editor sees them.
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node.js';
import type { InitializeResult, PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import { now } from './stats';

export interface BenchServer {
  connection: MessageConnection;
  child: ChildProcess;
  initializeResult: InitializeResult;
  /** Milliseconds from spawning the process to the `initialize` result. */
  readyMs: number;
  /** Resolves when diagnostics for `uri` at `version` arrive, with the arrival time. */
  diagnosticsFor(uri: string, version: number): Promise<number>;
  /** How many diagnostics notifications have arrived for `uri`. */
  published(uri: string): number;
  /** The diagnostics last published for `uri`. */
  lastDiagnostics(uri: string): PublishDiagnosticsParams['diagnostics'];
  /** Resolves with the params of the next `method` notification. */
  next<T>(method: string): Promise<T>;
  rssMb(): number;
  stop(): Promise<void>;
}

/** What VS Code tells the server it can do, for the parts the server reads: settings asked of
 * the client (answered with the defaults, as a user who changed nothing has them), a nested
 * outline, semantic tokens, line-only folding, CodeLens and inlay hints. */
const editorCapabilities = {
  workspace: { configuration: true },
  textDocument: {
    publishDiagnostics: { versionSupport: true },
    documentSymbol: { hierarchicalDocumentSymbolSupport: true },
    semanticTokens: { requests: { full: { delta: false } }, tokenTypes: [], tokenModifiers: [], formats: ['relative'] },
    foldingRange: { lineFoldingOnly: true },
    codeLens: {},
    inlayHint: {},
  },
};
const defaultDealSettings = { codeLens: { enabled: true }, inlayHints: { enabled: true }, format: { enabled: true } };

/** `editor`: announce VS Code's capabilities and answer its settings requests (see above);
 * without it the server is started as the earlier tables measured it. */
export async function startServer(serverPath: string, rootUri: string | null = null, editor = false, env?: NodeJS.ProcessEnv): Promise<BenchServer> {
  const started = now();
  const child = spawn(process.execPath, [serverPath, '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'], ...(env ? { env } : {}) });
  const connection = createMessageConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
  const arrivals = new Map<string, Map<number, number>>();
  const waiting = new Map<string, (at: number) => void>();
  const counts = new Map<string, number>();
  const latest = new Map<string, PublishDiagnosticsParams['diagnostics']>();
  connection.onNotification('textDocument/publishDiagnostics', (params: PublishDiagnosticsParams) => {
    const at = now();
    counts.set(params.uri, (counts.get(params.uri) ?? 0) + 1);
    latest.set(params.uri, params.diagnostics);
    if (params.version === undefined) return;
    let byVersion = arrivals.get(params.uri);
    if (!byVersion) arrivals.set(params.uri, (byVersion = new Map()));
    byVersion.set(params.version, at);
    const key = `${params.uri}#${params.version}`;
    waiting.get(key)?.(at);
    waiting.delete(key);
  });
  const nextWaiters = new Map<string, ((params: unknown) => void)[]>();
  const onAny = (method: string) => connection.onNotification(method, (params: unknown) => {
    const list = nextWaiters.get(method) ?? [];
    nextWaiters.delete(method);
    for (const resolve of list) resolve(params);
  });
  onAny('deal/workspaceIndexed');
  connection.onNotification('window/logMessage', () => {});
  connection.onRequest('workspace/configuration', (params: { items: { section?: string }[] }) =>
    params.items.map((item) => (item.section === 'deal' ? defaultDealSettings : null)));
  connection.onRequest('client/registerCapability', () => null);
  connection.onRequest('workspace/codeLens/refresh', () => null);
  connection.onRequest('workspace/inlayHint/refresh', () => null);
  connection.listen();

  const initializeResult = await connection.sendRequest<InitializeResult>('initialize', {
    processId: process.pid, rootUri, workspaceFolders: rootUri ? [{ uri: rootUri, name: 'portfolio' }] : null,
    capabilities: editor ? editorCapabilities : { textDocument: { publishDiagnostics: { versionSupport: true } } },
  });
  const readyMs = now() - started;

  return {
    connection, child, initializeResult, readyMs,
    diagnosticsFor(uri, version) {
      const already = arrivals.get(uri)?.get(version);
      if (already !== undefined) return Promise.resolve(already);
      return withTimeout(new Promise<number>((resolve) => waiting.set(`${uri}#${version}`, resolve)), 60_000, `diagnostics v${version}`);
    },
    published: (uri) => counts.get(uri) ?? 0,
    lastDiagnostics: (uri) => latest.get(uri) ?? [],
    next<T>(method: string) {
      return withTimeout(new Promise<T>((resolve) => {
        nextWaiters.set(method, [...(nextWaiters.get(method) ?? []), resolve as (p: unknown) => void]);
      }), 60_000, method);
    },
    rssMb: () => rssOf(child.pid!),
    async stop() {
      const exited = new Promise<void>((resolve) => (child.exitCode !== null ? resolve() : child.once('exit', () => resolve())));
      try {
        await withTimeout(connection.sendRequest('shutdown'), 5_000, 'shutdown');
        await connection.sendNotification('exit');
        await withTimeout(exited, 5_000, 'exit');
      } catch {
        child.kill();
        await exited;
      } finally {
        connection.dispose();
      }
    },
  };
}

/** Resident memory of a process in MB, from /proc (Linux). */
function rssOf(pid: number): number {
  try {
    const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) / 1024 : NaN;
  } catch {
    return NaN;
  }
}

function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`benchmark: timed out after ${ms} ms waiting for ${what}`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
