// Aligned plain-text tables for the terminal: first column left, figures right.

export function textTable(header: string[], rows: string[][], indent = '  '): string {
  const all = [header, ...rows];
  const widths = header.map((_, c) => all.reduce((widest, r) => Math.max(widest, (r[c] ?? '').length), 0));
  const line = (row: string[]) =>
    indent + row.map((cell, c) => (c === 0 ? (cell ?? '').padEnd(widths[c]) : (cell ?? '').padStart(widths[c]))).join('  ').trimEnd();
  return [line(header), indent + widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}
