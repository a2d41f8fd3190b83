// A minimal LSP client for tests: starts the bundled server over stdio, speaks JSON-RPC, and
// lets a test wait for the notifications it expects (with a time-out, never a sleep).
import { spawn, type ChildProcess } from 'node:child_process';
import {
  createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection,
} from 'vscode-jsonrpc/node.js';
import type {
  Diagnostic, Hover, InitializeResult, Position, PublishDiagnosticsParams,
} from 'vscode-languageserver-protocol';

export interface DealServer {
  connection: MessageConnection;
  initializeResult: InitializeResult;
  /** Resolves with the first diagnostics for `uri` that satisfy `accept` (already received or to come). */
  diagnostics(uri: string, accept: (d: PublishDiagnosticsParams) => boolean, timeoutMs?: number): Promise<Diagnostic[]>;
  /** Resolves with the params of the first `method` notification that satisfies `accept` (already received or to come). */
  notification<P>(method: string, accept?: (params: P) => boolean, timeoutMs?: number): Promise<P>;
  open(uri: string, text: string, version?: number): Promise<void>;
  change(uri: string, text: string, version: number): Promise<void>;
  close(uri: string): Promise<void>;
  hover(uri: string, position: Position): Promise<Hover | null>;
  request<R>(method: string, params: unknown): Promise<R>;
  /** Orderly shutdown; kills the process if it does not exit in time. */
  stop(): Promise<void>;
  stderr(): string;
}

export interface StartOptions {
  /** A workspace folder (a file: URI) for the server to index; none by default. */
  rootUri?: string;
  /** What the client says it can do; nothing by default. */
  capabilities?: object;
  /** The settings the client answers to every `workspace/configuration` item. */
  configuration?: unknown;
}

export async function startDealServer(serverPath: string, options: StartOptions = {}): Promise<DealServer> {
  const child = spawn(process.execPath, [serverPath, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr!.on('data', (chunk) => { stderr += chunk; });
  const connection = createMessageConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));

  // Every notification is kept from the start, so a test that asks after it arrived still sees it.
  const received: { method: string; params: unknown }[] = [];
  const waiters = new Set<() => void>();
  connection.onNotification((method: string, params: unknown) => {
    received.push({ method, params });
    for (const wake of [...waiters]) wake();
  });
  if (options.configuration !== undefined) {
    const settings = options.configuration;
    connection.onRequest('workspace/configuration', (params: { items: unknown[] }) => params.items.map(() => settings));
  }
  connection.listen();

  function firstNotification<P>(method: string, accept: (params: P) => boolean, timeoutMs: number, what: string): Promise<P> {
    return withTimeout(new Promise<P>((resolve) => {
      const check = () => {
        const match = received.find((n) => n.method === method && accept(n.params as P));
        if (!match) return;
        waiters.delete(check);
        resolve(match.params as P);
      };
      waiters.add(check);
      check();
    }), timeoutMs, what);
  }

  try {
    const initializeResult = await withTimeout(
      connection.sendRequest<InitializeResult>('initialize', {
        processId: process.pid, rootUri: options.rootUri ?? null, capabilities: options.capabilities ?? {},
        workspaceFolders: options.rootUri ? [{ uri: options.rootUri, name: 'workspace' }] : null,
      }),
      10_000, 'initialize',
    );
    await connection.sendNotification('initialized', {});
    return {
      connection,
      initializeResult,
      diagnostics: (uri, accept, timeoutMs = 10_000) =>
        firstNotification<PublishDiagnosticsParams>('textDocument/publishDiagnostics', (d) => d.uri === uri && accept(d), timeoutMs, `diagnostics for ${uri}`)
          .then((d) => d.diagnostics),
      notification: (method, accept = () => true, timeoutMs = 10_000) => firstNotification(method, accept, timeoutMs, method),
      open: (uri, text, version = 1) =>
        connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'deal', version, text } }),
      change: (uri, text, version) =>
        connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ text }] }),
      close: (uri) => connection.sendNotification('textDocument/didClose', { textDocument: { uri } }),
      hover: (uri, position) =>
        withTimeout(connection.sendRequest<Hover | null>('textDocument/hover', { textDocument: { uri }, position }), 10_000, 'hover'),
      request: <R>(method: string, params: unknown) => withTimeout(connection.sendRequest<R>(method, params), 10_000, method),
      stop: () => stop(connection, child),
      stderr: () => stderr,
    };
  } catch (error) {
    await stop(connection, child);
    throw new Error(`${error instanceof Error ? error.message : error}\n${stderr}`);
  }
}

async function stop(connection: MessageConnection, child: ChildProcess): Promise<void> {
  const exited = new Promise<void>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve();
    else child.once('exit', () => resolve());
  });
  try {
    await withTimeout(connection.sendRequest('shutdown'), 3_000, 'shutdown');
    await connection.sendNotification('exit');
    await withTimeout(exited, 3_000, 'exit');
  } catch {
    child.kill();
    await exited;
  } finally {
    connection.dispose();
  }
}

export function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`Timed out after ${ms} ms waiting for ${what}`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
