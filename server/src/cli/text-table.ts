// Aligned plain-text tables for the terminal: first column left, figures right. Control and
// invisible characters in a cell are marked (`\x1b`, `<U+202E>`) before the columns are measured.
import { visibleText } from '../language/unusual-characters';

export function textTable(header: string[], rows: string[][], indent = '  '): string {
  const all = [header, ...rows].map((row) => row.map((cell) => visibleText(cell ?? '')));
  const widths = header.map((_, c) => all.reduce((widest, r) => Math.max(widest, (r[c] ?? '').length), 0));
  const line = (row: string[]) =>
    indent + row.map((cell, c) => (c === 0 ? (cell ?? '').padEnd(widths[c]) : (cell ?? '').padStart(widths[c]))).join('  ').trimEnd();
  return [line(all[0]), indent + widths.map((w) => '-'.repeat(w)).join('  '), ...all.slice(1).map(line)].join('\n');
}
