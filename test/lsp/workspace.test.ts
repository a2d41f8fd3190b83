// The server indexes the workspace's .deal files once the client says it is ready, and says so
// with `deal/workspaceIndexed`.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-jsonrpc/node.js';
import { generateDeal } from '../generate-deal';
import { withTimeout } from './client';

const root = fileURLToPath(new URL('../../', import.meta.url));

describe('workspace indexing over stdio', () => {
  let dir: string;
  let serverPath: string;

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'deal-workspace-'));
    serverPath = join(dir, 'server.js');
    await build({
      entryPoints: [join(root, 'server/src/main.ts')], outfile: serverPath, bundle: true, platform: 'node', format: 'cjs',
      target: 'node20', mainFields: ['module', 'main'], logLevel: 'error',
    });
    mkdirSync(join(dir, 'portfolio', 'oncology'), { recursive: true });
    writeFileSync(join(dir, 'portfolio', 'a.deal'), generateDeal(1));
    writeFileSync(join(dir, 'portfolio', 'oncology', 'b.deal'), `${generateDeal(2)}\n${generateDeal(3)}`);
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('reports the files and deals it indexed under the workspace folder', async () => {
    const child = spawn(process.execPath, [serverPath, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
    const connection = createMessageConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
    const indexed = new Promise<{ files: number; deals: number; ms: number }>((resolve) => connection.onNotification('deal/workspaceIndexed', resolve));
    connection.listen();
    try {
      const folder = pathToFileURL(join(dir, 'portfolio')).href;
      await withTimeout(connection.sendRequest('initialize', {
        processId: process.pid, rootUri: folder, workspaceFolders: [{ uri: folder, name: 'portfolio' }], capabilities: {},
      }), 10_000, 'initialize');
      await connection.sendNotification('initialized', {});
      const result = await withTimeout(indexed, 10_000, 'deal/workspaceIndexed');
      assert.deepEqual([result.files, result.deals], [2, 3]);
      assert.equal(typeof result.ms, 'number');
    } finally {
      connection.dispose();
      child.kill();
    }
  });
});
