// Running the language server's bundle from the code V8 compiled for it at an earlier start.
// Compiling the 650 KB bundle is the largest part of the server's start after Node's own (about
// 40 ms of 190 on a virtual machine); V8's code cache for it takes that to a few milliseconds, as
// Node's own compile cache does from version 22 on. The first start compiles as usual and, when
// the server exits, keeps what V8 compiled (the start-up and every function the session ran) in
// the user's cache folder; V8 checks that the cache fits this bundle and this Node, and refuses it
// otherwise, in which case the start compiles as usual and the cache is written again.
//
// Only Node's built-in modules here: this is the whole of dist/server.js, and runs before the bundle.
import { mkdirSync, readdirSync, readFileSync, renameSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { homedir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { Script } from 'node:vm';

/** `DEAL_TERMS_CODE_CACHE`: a folder for the cache, or `off` for none. */
export const codeCacheVariable = 'DEAL_TERMS_CODE_CACHE';

/** Where the cache is kept: the platform's folder for a user's caches, unless the environment
 * names one (or `off`). */
export function codeCacheFolder(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string | undefined {
  const chosen = env[codeCacheVariable];
  if (chosen === 'off') return undefined;
  if (chosen) return chosen;
  try {
    if (platform === 'win32') return env.LOCALAPPDATA ? join(env.LOCALAPPDATA, 'deal-terms', 'code-cache') : undefined;
    if (platform === 'darwin') return join(homedir(), 'Library', 'Caches', 'deal-terms');
    return join(env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'deal-terms');
  } catch {
    return undefined; // no home folder: the server starts without a cache
  }
}

/** The cache's file for this bundle (its size and time of writing) under this Node. */
function cacheFileOf(bundlePath: string, folder: string, prefix: string): string {
  const stats = statSync(bundlePath);
  return join(folder, `${prefix}${stats.size}-${Math.trunc(stats.mtimeMs)}.cache`);
}

/** Caches of other builds of the same bundle under this Node start so; one replaces the others. */
function cachePrefix(bundlePath: string): string {
  return `${basename(bundlePath, '.js')}-${process.version}-${process.arch}-`;
}

/** What a start made of the cache: `found` none, one V8 `used`, or one it `refused` (another
 * build's or another Node's, or damaged); and whether the cache is to be written when the
 * process exits (whenever one is wanted and none was used). */
export interface CacheUse { found: 'none' | 'used' | 'refused'; writtenAtExit: boolean }

/** Runs a CommonJS bundle as `require` would, compiled from the cache in `folder` when there is one
 * that fits (no folder: no cache). */
export function runBundle(bundlePath: string, folder: string | undefined): CacheUse {
  const source = readFileSync(bundlePath, 'utf8');
  const prefix = cachePrefix(bundlePath);
  let file: string | undefined;
  let cachedData: Buffer | undefined;
  try {
    file = folder === undefined ? undefined : cacheFileOf(bundlePath, folder, prefix);
    cachedData = file === undefined ? undefined : readFileSync(file);
  } catch {
    // no cache yet, or none can be read: this start compiles the bundle
  }
  // The wrapper is Node's own for a CommonJS module, on the bundle's first line so that line and
  // column numbers in stack traces stay the bundle's.
  const script = new Script(`(function (exports, require, module, __filename, __dirname) {${source}\n})`, { filename: bundlePath, cachedData });
  const found = cachedData === undefined ? 'none' : script.cachedDataRejected ? 'refused' : 'used';
  const cacheFile = file;
  const writtenAtExit = cacheFile !== undefined && found !== 'used';
  if (writtenAtExit) process.once('exit', () => writeCache(script, cacheFile, prefix));
  const module = { exports: {} };
  (script.runInThisContext() as (...args: unknown[]) => void).call(module.exports, module.exports, createRequire(bundlePath), module, bundlePath, dirname(bundlePath));
  return { found, writtenAtExit };
}

/** Writes the cache whole or not at all (another server may be reading or writing it), and
 * removes the caches of earlier builds. A cache that cannot be written only costs the next start
 * its compilation. */
function writeCache(script: Script, file: string, prefix: string): void {
  try {
    const folder = dirname(file);
    mkdirSync(folder, { recursive: true, mode: 0o700 });
    const partial = `${file}.${process.pid}.partial`;
    writeFileSync(partial, script.createCachedData(), { mode: 0o600 });
    renameSync(partial, file);
    for (const name of readdirSync(folder)) {
      if (name.startsWith(prefix) && name.endsWith('.cache') && join(folder, name) !== file) unlinkSync(join(folder, name));
    }
  } catch {
    // read-only or full disk: nothing to keep
  }
}
