// The server indexes the workspace's .deal files once the client says it is ready, and says so
// with `deal/workspaceIndexed`.
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import { generateDeal } from '../generate-deal';
import { startDealServer } from './client';
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
});
