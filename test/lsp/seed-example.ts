// The seed example as the LSP suites open it, and protocol positions in it counted independently
// of the server's line map (so a test checks the server's counting, not its own).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Position, Range } from 'vscode-languageserver-protocol';

const seedPath = fileURLToPath(new URL('../../examples/immunogen-biotest-2006.deal', import.meta.url));
export const seed = readFileSync(seedPath, 'utf8');
export const seedUri = pathToFileURL(seedPath).href;

/** 0-based position of an offset. */
export function positionOf(text: string, offset: number): Position {
  const before = text.slice(0, offset).split(/\r\n|\r|\n/);
  return { line: before.length - 1, character: before[before.length - 1].length };
}

export function rangeOf(text: string, start: number, length: number): Range {
  return { start: positionOf(text, start), end: positionOf(text, start + length) };
}

/** Offset of `marker` inside the first occurrence of `context` after the seed's deal starts. */
export function offsetOf(text: string, context: string, marker = context): number {
  const at = text.indexOf(context, text.indexOf('deal ImmunoGenBiotest2006'));
  assert.ok(at >= 0, `${context} not found`);
  return at + context.indexOf(marker);
}
