// Offsets ↔ line/character. Offsets are UTF-16 code units, as in JavaScript strings and the
// Language Server Protocol; lines end at \n, \r\n or a lone \r. Only there: VS Code and the
// protocol count no other line ends, so U+2028, U+2029 and U+0085 stay within a line here,
// and a position means what the editor shows (the lexer still ends a `//` comment at them).

export interface Position { line: number; character: number }

export class LineMap {
  private readonly starts: number[] = [0];

  constructor(private readonly text: string) {
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 13 /* \r */) {
        if (text.charCodeAt(i + 1) === 10) i++;
        this.starts.push(i + 1);
      } else if (c === 10 /* \n */) {
        this.starts.push(i + 1);
      }
    }
  }

  get lineCount(): number {
    return this.starts.length;
  }

  /** 0-based line and character of an offset (clamped into the text). */
  positionAt(offset: number): Position {
    const at = Math.max(0, Math.min(Number.isFinite(offset) ? offset : 0, this.text.length));
    let low = 0;
    let high = this.starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (this.starts[mid] <= at) low = mid;
      else high = mid - 1;
    }
    return { line: low, character: at - this.starts[low] };
  }

  /** Positions of offsets given in ascending order: one walk over the lines, not a search each. */
  positionsInOrder(): (offset: number) => Position {
    let line = 0;
    return (offset) => {
      if (offset < this.starts[line]) return this.positionAt(offset); // out of order: search
      while (line + 1 < this.starts.length && this.starts[line + 1] <= offset) line++;
      return { line, character: Math.min(offset, this.text.length) - this.starts[line] };
    };
  }

  /** Offset of a 0-based position (clamped to its line and to the text). */
  offsetAt(position: Position): number {
    if (position.line < 0) return 0;
    if (position.line >= this.starts.length) return this.text.length;
    const start = this.starts[position.line];
    const next = position.line + 1 < this.starts.length ? this.starts[position.line + 1] : this.text.length;
    let lineEnd = next;
    while (lineEnd > start && (this.text[lineEnd - 1] === '\n' || this.text[lineEnd - 1] === '\r')) lineEnd--;
    return Math.min(start + Math.max(0, position.character), lineEnd);
  }
}
