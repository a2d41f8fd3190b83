// The server against bytes on its stdin that are not what the protocol says: a header with no
// usable Content-Length leaves the stream out of step, so the server says why on stderr and
// exits with code 1 (the editor's client starts a fresh server) instead of going silent; a
// request sent before `initialize` is answered with ServerNotInitialized (-32002).
import assert from 'node:assert/strict';
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { after, before, describe, it } from 'node:test';
import { withTimeout } from './client';
import { bundleServer, type ServerBundle } from './session';

/** A server spoken to byte by byte: raw frames in, parsed messages out. */
interface RawServer {
  child: ChildProcessWithoutNullStreams;
  send(bytes: string): void;
  /** The next message the server writes, parsed. */
  next(): Promise<Record<string, unknown>>;
  exited: Promise<number | null>;
  stderr(): string;
}

function startRaw(serverPath: string): RawServer {
  const child = spawn(process.execPath, [serverPath, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (chunk) => { stderr += chunk; });
  let buffered = Buffer.alloc(0);
  const messages: Record<string, unknown>[] = [];
  let wake: (() => void) | undefined;
  child.stdout.on('data', (chunk: Buffer) => {
    buffered = Buffer.concat([buffered, chunk]);
    for (;;) {
      const end = buffered.indexOf('\r\n\r\n');
      if (end < 0) break;
      const length = Number(/Content-Length: (\d+)/i.exec(buffered.subarray(0, end).toString('ascii'))?.[1]);
      if (buffered.length < end + 4 + length) break;
      messages.push(JSON.parse(buffered.subarray(end + 4, end + 4 + length).toString('utf8')));
      buffered = buffered.subarray(end + 4 + length);
    }
    wake?.();
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const next = async (): Promise<Record<string, unknown>> => {
    while (messages.length === 0) await new Promise<void>((resolve) => { wake = resolve; });
    return messages.shift()!;
  };
  return {
    child,
    send: (bytes) => child.stdin.write(bytes),
    next: () => withTimeout(next(), 10_000, 'a message from the server'),
    exited,
    stderr: () => stderr,
  };
}

/** A well-formed frame: the body's length in bytes, as the protocol asks. */
const frame = (message: object) => {
  const body = JSON.stringify({ jsonrpc: '2.0', ...message });
  return `Content-Length: ${Buffer.byteLength(body, 'utf8')}\r\n\r\n${body}`;
};
const initialize = (id: number) => frame({ id, method: 'initialize', params: { processId: null, rootUri: null, capabilities: {} } });
const hover = (id: number) => frame({ id, method: 'textDocument/hover', params: { textDocument: { uri: 'file:///a.deal' }, position: { line: 0, character: 0 } } });

describe('bytes that are not a well-formed message', () => {
  let bundle: ServerBundle;
  before(async () => { bundle = await bundleServer('deal-raw-frames-'); });
  after(() => bundle?.remove());

  const body = JSON.stringify({ jsonrpc: '2.0', id: 2, method: 'shutdown' });
  const badHeaders: [string, string][] = [
    ['no Content-Length', `Content-Type: application/vscode-jsonrpc; charset=utf-8\r\n\r\n${body}`],
    ['Content-Length abc', `Content-Length: abc\r\n\r\n${body}`],
    ['Content-Length -5', `Content-Length: -5\r\n\r\n${body}`],
    ['Content-Length 0', `Content-Length: 0\r\n\r\n${body}`],
    ['Content-Length 1e3', `Content-Length: 1e3\r\n\r\n${body}`],
    ['a header line with no colon', `Content-Length ${body.length}\r\n\r\n${body}`],
  ];
  for (const [what, bytes] of badHeaders) {
    it(`${what}: the server says why on stderr and exits with code 1`, async () => {
      const server = startRaw(bundle.serverPath);
      try {
        server.send(initialize(1));
        assert.equal((await server.next()).id, 1);
        server.send(bytes);
        server.send(hover(3));
        assert.equal(await withTimeout(server.exited, 10_000, 'the server to exit'), 1);
        assert.match(server.stderr(), /^deal-language-server: a message from the editor could not be read \(.+\); stopping so that the editor starts the server again\.\n$/);
      } finally {
        server.child.kill();
      }
    });
  }

  it('a request before initialize is answered with ServerNotInitialized, then initialize works', async () => {
    const server = startRaw(bundle.serverPath);
    try {
      server.send(hover(1));
      server.send(frame({ method: 'textDocument/didOpen', params: { textDocument: { uri: 'file:///a.deal', languageId: 'deal', version: 1, text: 'deal A "a" {\n  currency QQQ\n}\n' } } }));
      assert.deepEqual(await server.next(), {
        jsonrpc: '2.0', id: 1,
        error: { code: -32002, message: 'The server is not initialized yet: the editor must send initialize first.' },
      });
      server.send(initialize(2));
      const result = await server.next();
      assert.equal(result.id, 2);
      assert.equal((result.result as { serverInfo: { name: string } }).serverInfo.name, 'deal-language-server');
      // The document sent before initialize was dropped, as the protocol asks: no hover on it.
      server.send(hover(3));
      assert.deepEqual(await server.next(), { jsonrpc: '2.0', id: 3, result: null });
      server.send(frame({ id: 4, method: 'shutdown' }));
      assert.deepEqual(await server.next(), { jsonrpc: '2.0', id: 4, result: null });
      server.send(frame({ method: 'exit' }));
      assert.equal(await withTimeout(server.exited, 10_000, 'the server to exit'), 0);
      assert.equal(server.stderr(), '');
    } finally {
      server.child.kill();
    }
  });
});
