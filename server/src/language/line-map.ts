// Offsets ↔ line/character. Offsets are UTF-16 code units, as in JavaScript strings and the
// Language Server Protocol; lines end at \n, \r\n or a lone \r. Only there: VS Code and the
// protocol count no other line ends, so U+2028, U+2029 and U+0085 stay within a line here,
// and a position means what the editor shows (the lexer still ends a `//` comment at them).
import { replaceInPlace } from './replace-in-place';

export interface Position { line: number; character: number }

export class LineMap {
  private readonly starts: number[];

  constructor(private readonly text: string, starts?: number[]) {
    if (starts) {
      this.starts = starts;
      return;
    }
    this.starts = [0];
    lineStartsIn(text, 0, text.length, this.starts);
  }

  /**
   * The lines of `text`, the text of `previous` with [start, end) replaced and grown by `delta`:
   * the lines before the edit are kept, those after it moved, and only the edited stretch is
   * read (a long file is not read again line by line per keystroke).
   */
  static afterEdit(previous: LineMap, text: string, edit: { start: number; end: number; delta: number }): LineMap {
    const old = previous.starts;
    // A line start depends on the character before it and, after a \r, on the one at it: starts
    // before the edit stand, starts more than one character past it only move.
    const keep = firstAtOrAfter(old, edit.start);
    const edited = keep === 0 ? [0] : [];
    lineStartsIn(text, Math.max(0, edit.start - 1), edit.end + edit.delta, edited);
    // The list copied whole (one block copy) with the edited stretch put in its place, not pushed
    // start by start into a list that grows again and again.
    const starts = old.slice();
    const moved = replaceInPlace(starts, keep, firstAtOrAfter(old, edit.end + 1), edited);
    if (edit.delta !== 0) for (let i = moved; i < starts.length; i++) starts[i] += edit.delta;
    return new LineMap(text, starts);
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

  /** Whether `positionAt(offset)` is `position`, told without a search: the offset must lie on
   * that line, that many characters in. */
  isAt(offset: number, position: Position): boolean {
    const { line, character } = position;
    if (!(line >= 0 && line < this.starts.length)) return false;
    const at = Math.max(0, Math.min(Number.isFinite(offset) ? offset : 0, this.text.length));
    return at - this.starts[line] === character && (line + 1 === this.starts.length || at < this.starts[line + 1]);
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

/** Pushes the start of every line that begins after a line end at [from, to) of `text`. */
function lineStartsIn(text: string, from: number, to: number, starts: number[]): void {
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 /* \n */ || (c === 13 /* \r */ && text.charCodeAt(i + 1) !== 10)) starts.push(i + 1);
  }
}

/** The index of the first of ascending `values` at or after `value`. */
function firstAtOrAfter(values: readonly number[], value: number): number {
  let low = 0;
  let high = values.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (values[mid] < value) low = mid + 1;
    else high = mid;
  }
  return low;
}
