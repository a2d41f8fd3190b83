// User text in Markdown. The one escaper for every Markdown the product writes (the export, the
// portfolio rollup, the hovers): a title shows as the text it is, never as markup, a link or a
// control character. Checked against VS Code's Markdown (hovers, preview) and GitHub's.
import { visibleText } from '../language/unusual-characters';

/** Markdown syntax and `~` (strikethrough). Not `$`: CommonMark gives it no meaning, and
 * `\$36,500,000` would show its backslash wherever Markdown is read as text. */
const markup = /[\\`*_[\]<>|#~]/g;
/** `&amp;`, `&#x202E;`: an entity would show as another character than the one written. */
const entity = /&(?=#?[A-Za-z0-9]+;)/g;
/** A run of text between spaces and the characters that end a bare link. */
const runs = /[^\s`|<>]+/g;

/** One line of user text, inert in Markdown: syntax escaped, line breaks as spaces, control and
 * invisible characters as marks (`\x1b`, `<U+202E>`), and bare links as code. */
export function mdText(text: string): string {
  const visible = visibleText(text.replace(/[\r\n]+/g, ' '));
  let out = '';
  let last = 0;
  for (const run of visible.matchAll(runs)) {
    if (!isLinkLike(run[0])) continue;
    out += `${escapeMarkup(visible.slice(last, run.index))}\`${run[0]}\``;
    last = run.index! + run[0].length;
  }
  return out + escapeMarkup(visible.slice(last));
}

function escapeMarkup(text: string): string {
  return text.replace(markup, (c) => `\\${c}`).replace(entity, '\\&');
}

/**
 * Text a Markdown reader would make a link of: a URL (`https://…`, `//…`), `www.…`, or an
 * e-mail address or mention (`@…`). Escaping does not stop them all (GitHub still links
 * `a\@b.com`; VS Code's preview links the `//evil.com` left after `https\:`), so such a run is
 * written as code, which no reader links. Plain string tests: a title may be long.
 */
function isLinkLike(run: string): boolean {
  return run.includes('//') || run.includes('@') || /www\./i.test(run);
}

/** A Markdown table; `numeric` columns right-aligned. Every cell goes through `mdText`. */
export function mdTable(header: string[], rows: string[][], numeric: number[] = []): string {
  const align = header.map((_, i) => (numeric.includes(i) ? '---:' : '---'));
  const line = (cells: string[]) => `| ${cells.map(mdText).join(' | ')} |`;
  return [line(header), `| ${align.join(' | ')} |`, ...rows.map(line)].join('\n');
}
