// The repository stands alone: a fresh clone with nothing beside it passes its tests, so no test,
// benchmark or script may read a file outside it. Every relative path written in those files is
// resolved from the file's own folder and must stay inside the repository.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';

const self = fileURLToPath(import.meta.url);
const root = resolve(dirname(self), '..', '..');

function sources(folder: string, out: string[] = []): string[] {
  for (const entry of readdirSync(folder)) {
    if (entry === 'node_modules' || entry.startsWith('.')) continue;
    const path = join(folder, entry);
    if (statSync(path).isDirectory()) sources(path, out);
    else if (/\.(ts|mts|cts|js|mjs|cjs|lua|sh|json)$/.test(entry)) out.push(path);
  }
  return out;
}

/** Relative paths climbing out of a folder: '../x' and "../../x" (from the file's folder), and
 * join(base, '..', 'x') pieces (from the file's folder, or from the root when the base is it). */
function climbingPaths(text: string): { path: string; fromRoot: boolean }[] {
  const found: { path: string; fromRoot: boolean }[] = [];
  for (const match of text.matchAll(/['"`]((?:\.\.\/)+[^'"`\s]*)['"`]/g)) found.push({ path: match[1], fromRoot: false });
  for (const match of text.matchAll(/(\w+)\s*,\s*((?:['"`]\.\.['"`]\s*,\s*)+)['"`]([^'"`]+)['"`]/g)) {
    const ups = (match[2].match(/['"`]\.\.['"`]/g) ?? []).length;
    found.push({ path: '../'.repeat(ups) + match[3], fromRoot: /^(repoRoot|root)$/.test(match[1]) });
  }
  return found;
}

/** `<folder beside>/examples`, `/tools` or `/seed`, written anywhere in a file. */
const besideFolder = new RegExp(`\\b${['sha', 'red'].join('')}[/\\\\]+(examples|tools|seed)\\b`);

const inside = (path: string) => path === root || path.startsWith(root + sep);

describe('the repository stands alone', () => {
  it('finds a path that climbs out (the check can fail)', () => {
    const file = join(root, 'test', 'unit', 'x.test.ts');
    // The folder beside the repository, spelt in pieces so this file itself names no such path.
    const beside = ['sha', 'red'].join('');
    const found = climbingPaths(`new URL('../../../${beside}/examples/a.deal', import.meta.url); join(repoRoot, '..', '${beside}')`);
    assert.deepEqual(found.map(({ path, fromRoot }) => inside(resolve(fromRoot ? root : dirname(file), path))), [false, false]);
  });

  for (const folder of ['test', 'bench', 'scripts']) {
    it(`nothing under ${folder}/ reads outside the repository`, () => {
      const outside: string[] = [];
      // This file is left out: its first test writes an escaping path on purpose.
      for (const file of sources(join(root, folder)).filter((f) => f !== self)) {
        const text = readFileSync(file, 'utf8');
        for (const { path, fromRoot } of climbingPaths(text)) {
          if (!inside(resolve(fromRoot ? root : dirname(file), path))) outside.push(`${relative(root, file)}: ${path}`);
        }
        if (besideFolder.test(text)) outside.push(`${relative(root, file)}: names the folder beside the repository`);
      }
      assert.deepEqual(outside, []);
    });
  }
});
