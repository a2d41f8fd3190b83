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
  open(uri: string, text: string, version?: number): Promise<void>;
  change(uri: string, text: string, version: number): Promise<void>;
  close(uri: string): Promise<void>;
  hover(uri: string, position: Position): Promise<Hover | null>;
  request<R>(method: string, params: unknown): Promise<R>;
  /** Orderly shutdown; kills the process if it does not exit in time. */
  stop(): Promise<void>;
  stderr(): string;
}

/** `rootUri`: a workspace folder (a file: URI) for the server to index; none by default. */
export async function startDealServer(serverPath: string, options: { rootUri?: string } = {}): Promise<DealServer> {
  const child = spawn(process.execPath, [serverPath, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr!.on('data', (chunk) => { stderr += chunk; });
  const connection = createMessageConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));

  const received: PublishDiagnosticsParams[] = [];
  const waiters = new Set<() => void>();
  connection.onNotification('textDocument/publishDiagnostics', (params: PublishDiagnosticsParams) => {
    received.push(params);
    for (const wake of [...waiters]) wake();
  });
  connection.onNotification('window/logMessage', () => {});
  connection.listen();

  try {
    const initializeResult = await withTimeout(
      connection.sendRequest<InitializeResult>('initialize', {
        processId: process.pid, rootUri: options.rootUri ?? null, capabilities: {},
        workspaceFolders: options.rootUri ? [{ uri: options.rootUri, name: 'workspace' }] : null,
      }),
      10_000, 'initialize',
    );
    await connection.sendNotification('initialized', {});
    return {
      connection,
      initializeResult,
      diagnostics(uri, accept, timeoutMs = 10_000) {
        return withTimeout(new Promise<Diagnostic[]>((resolve) => {
          const check = () => {
            const match = received.find((d) => d.uri === uri && accept(d));
            if (!match) return;
            waiters.delete(check);
            resolve(match.diagnostics);
          };
          waiters.add(check);
          check();
        }), timeoutMs, `diagnostics for ${uri}`);
      },
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
