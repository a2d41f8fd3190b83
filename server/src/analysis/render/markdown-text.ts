// User text in Markdown. The one escaper for every Markdown the product writes (the export, the
// portfolio rollup, the hovers): a title shows as the text it is, never as markup or a control
// character.
import { visibleText } from '../../language/unusual-characters';

/** Markdown syntax, `$` (math in some renderers) and `~` (strikethrough). */
const markup = /[\\`*_[\]<>|#$~]/g;
/** `&amp;`, `&#x202E;`: an entity would show as another character than the one written. */
const entity = /&(?=#?[A-Za-z0-9]+;)/g;

/** One line of user text, inert in Markdown: syntax escaped, line breaks as spaces, control and
 * invisible characters as marks (`\x1b`, `<U+202E>`). */
export function mdText(text: string): string {
  return visibleText(text.replace(/[\r\n]+/g, ' ')).replace(markup, (c) => `\\${c}`).replace(entity, '\\&');
}
