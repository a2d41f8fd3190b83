// The extension bundle replaces client features the server never uses with inert stand-ins
// (scripts/client-stand-ins.mjs). These tests keep that safe: the server announces none of the
// left-out capabilities, each stand-in module exports what the real module exports, and a
// stand-in asks the server for nothing and speaks up if a server offers its capability.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
// @ts-expect-error: a plain ES module without type declarations
import { clientStandIns, leftOutCapabilities, leftOutFeatures } from '../../scripts/client-stand-ins.mjs';
import type { DealServer } from './client';
import { startBundledServer, type ServerSession } from './session';

const root = fileURLToPath(new URL('../../', import.meta.url));
const clientCommon = join(root, 'node_modules/vscode-languageclient/lib/common');
const features = leftOutFeatures as Record<string, Record<string, string>>;

interface StandIn {
  fillClientCapabilities(capabilities: object): void;
  initialize(capabilities: object): void;
  getState(): { kind: string };
  clear(): void;
}
type StandInClass = new (client: { warn(message: string): void }) => StandIn;

/** The stand-in modules as the extension bundle has them, loaded through the same plugin. */
async function loadStandIns(): Promise<Record<string, StandInClass | object>> {
  const requires = Object.keys(features).map((module) => `...require('./${module}')`).join(', ');
  const bundled = await build({
    stdin: { contents: `module.exports = { ${requires} };`, resolveDir: clientCommon, loader: 'js' },
    bundle: true, platform: 'node', format: 'cjs', write: false, logLevel: 'error', plugins: [clientStandIns],
  });
  const module = { exports: {} as Record<string, StandInClass | object> };
  new Function('module', 'exports', 'require', bundled.outputFiles[0].text)(module, module.exports, () => {
    throw new Error('a stand-in requires nothing real');
  });
  return module.exports;
}

describe('client feature stand-ins', () => {
  let session: ServerSession;
  let server: DealServer;

  before(async () => {
    session = await startBundledServer('deal-stand-ins-');
    server = session.server;
  });

  after(() => session?.close());

  it('the server announces none of the capabilities the client leaves out', () => {
    const capabilities = server.initializeResult.capabilities;
    const offered = (leftOutCapabilities as string[])
      .filter((path) => path.split('.').reduce<unknown>((at, key) => (at as Record<string, unknown> | undefined)?.[key], capabilities) !== undefined);
    assert.deepEqual(offered, []);
    // The capabilities the client keeps are still announced (the check above reads the right object).
    assert.equal(capabilities.hoverProvider, true);
    assert.equal(capabilities.definitionProvider, true);
  });

  it('each stand-in module exports exactly what the real module exports', async () => {
    const standIns = await loadStandIns();
    for (const [module, classes] of Object.entries(features)) {
      const real = readFileSync(join(clientCommon, `${module}.js`), 'utf8');
      const exported = [...real.matchAll(/^exports\.(\w+) = (\w+);$|\(exports\.(\w+) = \w+ = \{\}\)/gm)]
        .map((m) => m[1] ?? m[3]).sort();
      const expected = module === 'diagnostic' ? [...Object.keys(classes), 'DiagnosticPullMode', 'vsdiag'] : Object.keys(classes);
      assert.deepEqual(exported, expected.sort(), `${module}.js`);
      for (const name of exported) assert.ok(name in standIns, `${module}: ${name}`);
    }
    assert.deepEqual(standIns.DiagnosticPullMode, { onType: 'onType', onSave: 'onSave' });
  });

  it('a stand-in asks the server for nothing and names a capability the server offers anyway', async () => {
    const standIns = await loadStandIns();
    const warnings: string[] = [];
    const CallHierarchy = standIns.CallHierarchyFeature as StandInClass;
    const WillRename = standIns.WillRenameFilesFeature as StandInClass;
    const callHierarchy = new CallHierarchy({ warn: (message) => warnings.push(message) });
    const willRename = new WillRename({ warn: (message) => warnings.push(message) });

    const asked = {};
    callHierarchy.fillClientCapabilities(asked);
    willRename.fillClientCapabilities(asked);
    assert.deepEqual(asked, {});
    assert.deepEqual(callHierarchy.getState(), { kind: 'static' });

    callHierarchy.initialize({ hoverProvider: true });
    willRename.initialize({ workspace: { fileOperations: { didRename: { filters: [] } } } });
    assert.deepEqual(warnings, []);
    callHierarchy.initialize({ callHierarchyProvider: true });
    willRename.initialize({ workspace: { fileOperations: { willRename: { filters: [] } } } });
    assert.deepEqual(warnings, [
      'The server offers callHierarchyProvider, which this build of the Deal Terms client leaves out.',
      'The server offers workspace.fileOperations.willRename, which this build of the Deal Terms client leaves out.',
    ]);
  });
});
