// Bundles the extension client, the language server and the `deal` CLI to CommonJS in dist/.
//   node esbuild.mjs               one build, with source maps
//   node esbuild.mjs --production  minified
//   node esbuild.mjs --watch       rebuild on change
import * as esbuild from 'esbuild';
import { chmodSync } from 'node:fs';
import { clientStandIns } from './scripts/client-stand-ins.mjs';
import { lazyCrypto } from './scripts/lazy-crypto.mjs';

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');

const shared = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  sourcemap: true,
  minify: production,
  logLevel: 'warning',
  // Chevrotain ships ES modules only; bundling makes it CommonJS like the rest.
  mainFields: ['module', 'main'],
};

const builds = [
  { entryPoints: ['client/src/extension.ts'], outfile: 'dist/extension.js', external: ['vscode'], plugins: [clientStandIns] },
  // What editors start (dist/server.js) is a few lines that run the server's bundle from V8's code cache.
  { entryPoints: ['server/src/boot/start-server.ts'], outfile: 'dist/server.js', banner: { js: '#!/usr/bin/env node' } },
  { entryPoints: ['server/src/main.ts'], outfile: 'dist/language-server.js', plugins: [lazyCrypto] },
  { entryPoints: ['server/src/cli/main.ts'], outfile: 'dist/cli.js', banner: { js: '#!/usr/bin/env node' } },
];

const markExecutable = {
  name: 'mark-executable',
  setup(build) {
    build.onEnd((result) => {
      const out = build.initialOptions.outfile;
      if (result.errors.length === 0 && out && build.initialOptions.banner) chmodSync(out, 0o755);
    });
  },
};

const contexts = await Promise.all(builds.map((b) => esbuild.context({ ...shared, ...b, plugins: [...(b.plugins ?? []), markExecutable] })));
if (watch) {
  await Promise.all(contexts.map((c) => c.watch()));
  console.log('watching for changes…');
} else {
  await Promise.all(contexts.map((c) => c.rebuild()));
  await Promise.all(contexts.map((c) => c.dispose()));
}
