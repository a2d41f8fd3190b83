// The server the LSP suites talk to: each suite bundles the current sources (as `node esbuild.mjs`
// does for dist/server.js) into a temporary folder of its own, so a stale dist/ never answers and
// suites running side by side never share a bundle.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { startDealServer, type DealServer, type StartOptions } from './client';

const root = fileURLToPath(new URL('../../', import.meta.url));

export interface ServerBundle {
  /** The temporary folder holding the bundle; a suite may put its own files there too. */
  dir: string;
  serverPath: string;
  remove(): void;
}

/** Bundles server/src/main.ts into `<tmp>/<prefix>XXXXXX/server.js`. */
export async function bundleServer(prefix: string): Promise<ServerBundle> {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  const serverPath = join(dir, 'server.js');
  await build({
    entryPoints: [join(root, 'server/src/main.ts')], outfile: serverPath, bundle: true, platform: 'node', format: 'cjs',
    target: 'node20', mainFields: ['module', 'main'], logLevel: 'error',
  });
  return { dir, serverPath, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

export interface ServerSession {
  server: DealServer;
  bundle: ServerBundle;
  /** Stops the server and removes its bundle. */
  close(): Promise<void>;
}

/** A freshly bundled server, started over stdio and initialized. */
export async function startBundledServer(prefix: string, options: StartOptions = {}): Promise<ServerSession> {
  const bundle = await bundleServer(prefix);
  let server: DealServer;
  try {
    server = await startDealServer(bundle.serverPath, options);
  } catch (error) {
    bundle.remove();
    throw error;
  }
  return {
    server,
    bundle,
    close: async () => {
      try {
        await server.stop();
      } finally {
        bundle.remove();
      }
    },
  };
}
