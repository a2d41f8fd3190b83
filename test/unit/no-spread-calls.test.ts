// A long list spread into a call (`push(...items)`, `Math.max(...figures)`) puts every item on
// the call stack: a file with ~125,000 parties, milestones or stray braces overflowed it and the
// user got "Maximum call stack size exceeded" instead of diagnostics. No source spreads an array
// into a call unless the spread is bounded and a comment on the line (or the line above) says
// `bounded:` and why.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

const root = fileURLToPath(new URL('../../', import.meta.url));

function sources(folder: string, out: string[] = []): string[] {
  for (const entry of readdirSync(folder)) {
    const path = join(folder, entry);
    if (statSync(path).isDirectory()) sources(path, out);
    else if (/\.tsx?$/.test(entry)) out.push(path);
  }
  return out;
}

/** `file:line  code` of every spread argument in a call or `new` that no `bounded:` comment explains. */
export function unboundedSpreads(fileName: string, text: string): string[] {
  const source = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, true);
  const lines = text.split('\n');
  const found: string[] = [];
  const visit = (node: ts.Node) => {
    if (ts.isSpreadElement(node) && (ts.isCallExpression(node.parent) || ts.isNewExpression(node.parent))) {
      const line = source.getLineAndCharacterOfPosition(node.getStart()).line;
      if (!/\bbounded:/.test(lines[line]) && !/\/\/.*\bbounded:/.test(lines[line - 1] ?? '')) {
        found.push(`${fileName}:${line + 1}  ${lines[line].trim()}`);
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

describe('no unbounded list is spread into a call', () => {
  it('the check finds push(...x), Math.max(...x) and new Set(...x), and accepts a bounded one', () => {
    const text = [
      'out.push(...items);',
      'const top = Math.max(...figures);',
      'const s = String.fromCharCode(...codes);',
      'new Foo(a, ...rest);',
      'const all = [...items, ...more]; const o = { ...p };',
      'function f(...names: string[]) { return names; }',
      'g(a, ...pair); // bounded: always two',
    ].join('\n');
    assert.deepEqual(unboundedSpreads('x.ts', text), [
      'x.ts:1  out.push(...items);',
      'x.ts:2  const top = Math.max(...figures);',
      'x.ts:3  const s = String.fromCharCode(...codes);',
      'x.ts:4  new Foo(a, ...rest);',
    ]);
  });

  for (const folder of ['server/src', 'client/src']) {
    it(`none in ${folder}`, () => {
      const found = sources(join(root, folder)).flatMap((file) => unboundedSpreads(relative(root, file), readFileSync(file, 'utf8')));
      assert.deepEqual(found, []);
    });
  }
});
