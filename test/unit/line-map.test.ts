// Offsets ↔ positions after an edit: the line starts worked out from the previous text's (kept
// before the edit, moved after it, the edited stretch read again) are those of the new text.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { LineMap } from '../../server/src/language/line-map';
import { random } from '../seeded-random';

/** Every offset's position, and every line's offset. */
function positions(lines: LineMap, text: string): string {
  const out: string[] = [];
  for (let offset = 0; offset <= text.length; offset++) {
    const { line, character } = lines.positionAt(offset);
    out.push(`${line}:${character}`);
  }
  for (let line = 0; line <= lines.lineCount; line++) out.push(String(lines.offsetAt({ line, character: 0 })));
  return out.join(' ');
}

describe('line map after an edit', () => {
  const pieces = ['\n', '\r', '\r\n', 'a', 'ab', '', '\n\n', '\r\r\n', 'x\ny'];

  it('equals the map of the new text after 3,000 random edits around \\n, \\r and \\r\\n', () => {
    const next = random(11);
    for (let run = 0; run < 300; run++) {
      let text = Array.from({ length: 1 + Math.floor(next() * 12) }, () => pieces[Math.floor(next() * pieces.length)]).join('');
      let lines = new LineMap(text);
      for (let step = 0; step < 10; step++) {
        const start = Math.floor(next() * (text.length + 1));
        const end = Math.min(text.length, start + Math.floor(next() * 3));
        const insert = pieces[Math.floor(next() * pieces.length)];
        const edited = text.slice(0, start) + insert + text.slice(end);
        lines = LineMap.afterEdit(lines, edited, { start, end, delta: insert.length - (end - start) });
        text = edited;
        assert.equal(positions(lines, text), positions(new LineMap(text), text), `${JSON.stringify(text)} after ${JSON.stringify(insert)} at ${start}-${end}`);
      }
    }
  });

  it('tells whether an offset is at a position exactly as positionAt places it', () => {
    const next = random(12);
    for (let run = 0; run < 300; run++) {
      const text = Array.from({ length: 1 + Math.floor(next() * 12) }, () => pieces[Math.floor(next() * pieces.length)]).join('');
      const lines = new LineMap(text);
      for (let offset = -1; offset <= text.length + 1; offset++) {
        const at = lines.positionAt(offset);
        assert.equal(lines.isAt(offset, at), true, `${JSON.stringify(text)} at ${offset}`);
        for (const other of [{ line: at.line, character: at.character + 1 }, { line: at.line, character: at.character - 1 }, { line: at.line + 1, character: 0 }, { line: at.line - 1, character: at.character }, { line: -1, character: 0 }]) {
          assert.equal(lines.isAt(offset, other), false, `${JSON.stringify(text)} at ${offset}: not ${other.line}:${other.character}`);
        }
      }
    }
  });

  it('keeps the lines before the edit and moves those after it', () => {
    const text = 'deal A {\r\n  parties {\n  }\r}\n';
    const edited = text.replace('parties', 'parties  ');
    const lines = LineMap.afterEdit(new LineMap(text), edited, { start: text.indexOf('parties') + 7, end: text.indexOf('parties') + 7, delta: 2 });
    assert.deepEqual(lines.positionAt(edited.indexOf('}\r}')), { line: 2, character: 2 });
    assert.deepEqual(lines.positionAt(edited.length), { line: 4, character: 0 });
    assert.equal(lines.lineCount, 5);
  });
});
