// dist/server.js runs the server's bundle from V8's code cache of an earlier start. Each start here
// is a process of its own (the cache is written when the process exits), running a small bundle
// through the loader as dist/server.js runs dist/language-server.js.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { appendFileSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildSync } from 'esbuild';
import { codeCacheFolder, codeCacheVariable, type CacheUse } from '../../server/src/boot/code-cache';

describe('the code cache of the server bundle', () => {
  let dir: string;
  let loader: string;
  let bundle: string;

  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'deal-code-cache-'));
    loader = join(dir, 'code-cache.js');
    buildSync({ entryPoints: [join(import.meta.dirname, '../../server/src/boot/code-cache.ts')], outfile: loader, bundle: true, platform: 'node', format: 'cjs', logLevel: 'warning' });
    bundle = join(dir, 'bundle.js');
    // Enough code that V8 has something to cache, and what a CommonJS module sees of itself.
    const functions = Array.from({ length: 200 }, (_, i) => `function f${i}(x) { return x * ${i} + ${i}; }`).join('\n');
    writeFileSync(bundle, `${functions}
let sum = 0; for (let i = 0; i < 200; i++) sum += eval('f' + i)(1);
process.stdout.write(JSON.stringify({ sum, filename: __filename, dirname: __dirname, exportsIsThis: this === module.exports, join: typeof require('node:path').join, argv: process.argv.slice(1) }));
`);
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  /** One start: what the bundle printed and what the loader made of the cache. */
  function start(folder: string | undefined): { ran: Record<string, unknown>; use: CacheUse; status: number | null; stderr: string } {
    const script = `const use = require(${JSON.stringify(loader)}).runBundle(${JSON.stringify(bundle)}, ${folder === undefined ? 'undefined' : JSON.stringify(folder)}); process.stderr.write(JSON.stringify(use));`;
    const result = spawnSync(process.execPath, ['-e', script, '--', '--stdio'], { encoding: 'utf8' });
    return { ran: JSON.parse(result.stdout), use: JSON.parse(result.stderr), status: result.status, stderr: result.stderr };
  }
  const cacheFiles = (folder: string) => readdirSync(folder).filter((name) => name.endsWith('.cache'));

  it('runs the bundle as require would, writes the cache at the first exit and compiles from it after', () => {
    const folder = join(dir, 'cache');
    const first = start(folder);
    assert.equal(first.status, 0);
    assert.deepEqual(first.use, { found: 'none', writtenAtExit: true });
    assert.deepEqual(first.ran, { sum: 39800, filename: bundle, dirname: dir, exportsIsThis: true, join: 'function', argv: ['--stdio'] });
    const files = cacheFiles(folder);
    assert.equal(files.length, 1);
    assert.match(files[0], new RegExp(`^bundle-${process.version.replace(/\./g, '\\.')}-${process.arch}-${statSync(bundle).size}-\\d+\\.cache$`));
    if (process.platform !== 'win32') {
      assert.equal(statSync(folder).mode & 0o777, 0o700, 'the folder is the user\'s alone');
      assert.equal(statSync(join(folder, files[0])).mode & 0o777, 0o600, 'the cache is the user\'s alone');
    }
    assert.ok(statSync(join(folder, files[0])).size > 1000, 'the cache holds compiled code');

    const second = start(folder);
    assert.deepEqual(second.use, { found: 'used', writtenAtExit: false });
    assert.deepEqual(second.ran, first.ran);
    assert.deepEqual(cacheFiles(folder), files);
  });

  it('compiles afresh from a damaged cache and writes it again', () => {
    const folder = join(dir, 'damaged');
    start(folder);
    const [file] = cacheFiles(folder);
    writeFileSync(join(folder, file), Buffer.alloc(4096, 7));
    const damaged = start(folder);
    assert.deepEqual(damaged.use, { found: 'refused', writtenAtExit: true });
    assert.equal(damaged.ran.sum, 39800);
    assert.deepEqual(start(folder).use, { found: 'used', writtenAtExit: false });
  });

  it('keeps one cache per bundle: a new build replaces the earlier build\'s cache', () => {
    const folder = join(dir, 'rebuilt');
    start(folder);
    const [before] = cacheFiles(folder);
    const original = readFileSync(bundle, 'utf8');
    appendFileSync(bundle, '\n// a new build\n');
    try {
      assert.deepEqual(start(folder).use, { found: 'none', writtenAtExit: true });
      const after = cacheFiles(folder);
      assert.equal(after.length, 1);
      assert.notEqual(after[0], before);
      assert.deepEqual(start(folder).use, { found: 'used', writtenAtExit: false });
    } finally {
      writeFileSync(bundle, original);
    }
  });

  it('starts all the same without a cache, or where none can be written', () => {
    const none = start(undefined);
    assert.deepEqual(none.use, { found: 'none', writtenAtExit: false });
    assert.equal(none.ran.sum, 39800);
    const blocker = join(dir, 'a-file');
    writeFileSync(blocker, 'not a folder');
    const unwritable = start(join(blocker, 'cache'));
    assert.equal(unwritable.status, 0);
    assert.deepEqual(unwritable.use, { found: 'none', writtenAtExit: true });
    assert.equal(unwritable.ran.sum, 39800);
  });

  it('keeps the cache in the user\'s cache folder, or where the environment says, or nowhere', () => {
    assert.equal(codeCacheFolder({ [codeCacheVariable]: 'off' }, 'linux'), undefined);
    assert.equal(codeCacheFolder({ [codeCacheVariable]: '/srv/cache' }, 'linux'), '/srv/cache');
    assert.equal(codeCacheFolder({ XDG_CACHE_HOME: '/home/ana/.xdg-cache' }, 'linux'), join('/home/ana/.xdg-cache', 'deal-terms'));
    assert.ok(codeCacheFolder({}, 'linux')!.endsWith(join('.cache', 'deal-terms')));
    assert.ok(codeCacheFolder({}, 'darwin')!.endsWith(join('Library', 'Caches', 'deal-terms')));
    assert.equal(codeCacheFolder({ LOCALAPPDATA: 'C:\\Users\\ana\\AppData\\Local' }, 'win32'), join('C:\\Users\\ana\\AppData\\Local', 'deal-terms', 'code-cache'));
    assert.equal(codeCacheFolder({}, 'win32'), undefined);
  });
});
