// Characters that are not what they seem. Control characters (C0 but tab and line ends, DEL,
// C1) are obeyed by a terminal: `\x1b[2K` erases a line, `\x1b]0;…\x07` sets the window title.
// Invisible characters reorder text on screen (bidi controls, the "trojan source" trick: "Evil
// \u202Egnp.exe" shows as "Evil exe.png") or hide in it (zero-width characters). The checker
// points at each one; every output shows it as a visible mark instead: `\x1b`, `<U+202E>`.

export type UnusualKind = 'control' | 'bidi' | 'zero-width' | 'line-break';

export interface UnusualCharacter {
  kind: UnusualKind;
  /** As every output shows it: `\x1b`, `<U+202E>`. */
  mark: string;
  /** Its name, when it has one people know: `escape`, `right-to-left override`. */
  name?: string;
}

const controlNames: Record<number, string> = {
  0x00: 'null', 0x07: 'bell', 0x08: 'backspace', 0x0b: 'vertical tab', 0x0c: 'form feed', 0x0d: 'carriage return',
  0x1b: 'escape', 0x7f: 'delete', 0x85: 'next line', 0x9b: 'control sequence introducer', 0x9d: 'operating system command',
};

const invisibleNames: Record<number, [UnusualKind, string]> = {
  0x061c: ['bidi', 'Arabic letter mark'],
  0x200b: ['zero-width', 'zero-width space'],
  0x200c: ['zero-width', 'zero-width non-joiner'],
  0x200d: ['zero-width', 'zero-width joiner'],
  0x200e: ['bidi', 'left-to-right mark'],
  0x200f: ['bidi', 'right-to-left mark'],
  0x2028: ['line-break', 'line separator'],
  0x2029: ['line-break', 'paragraph separator'],
  0x202a: ['bidi', 'left-to-right embedding'],
  0x202b: ['bidi', 'right-to-left embedding'],
  0x202c: ['bidi', 'pop directional formatting'],
  0x202d: ['bidi', 'left-to-right override'],
  0x202e: ['bidi', 'right-to-left override'],
  0x2060: ['zero-width', 'word joiner'],
  0x2066: ['bidi', 'left-to-right isolate'],
  0x2067: ['bidi', 'right-to-left isolate'],
  0x2068: ['bidi', 'first strong isolate'],
  0x2069: ['bidi', 'pop directional isolate'],
  0xfeff: ['zero-width', 'zero-width no-break space'],
};

/** Every unusual character: control characters but tab, \n and \r; the invisible ones above. */
const unusualClass = String.raw`[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u061c\u200b-\u200f\u2028-\u202e\u2060\u2066-\u2069\ufeff]`;

/** What the checker looks for (a new RegExp per use: `g` patterns carry state). */
export const unusualCharacters = (): RegExp => new RegExp(unusualClass, 'g');
const anyUnusual = new RegExp(unusualClass);

/** What outputs mark: the unusual characters, and a \r that does not end a line (\r\n). */
const markedPattern = new RegExp(`${unusualClass}|\r(?!\n)`, 'g');
const anyMarked = new RegExp(`${unusualClass}|\r(?!\n)`);

/** Whether a text holds any unusual character. */
export function hasUnusualCharacter(text: string): boolean {
  return anyUnusual.test(text);
}

const hex = (code: number, digits: number) => code.toString(16).toUpperCase().padStart(digits, '0');

/** What a character is, or undefined for an ordinary one (tab, \n and \r are ordinary). */
export function unusualCharacter(char: string): UnusualCharacter | undefined {
  const code = char.charCodeAt(0);
  if (code <= 0x1f || (code >= 0x7f && code <= 0x9f)) {
    if (code === 0x09 || code === 0x0a || code === 0x0d) return undefined;
    return { kind: 'control', mark: `\\x${hex(code, 2).toLowerCase()}`, name: controlNames[code] };
  }
  const invisible = invisibleNames[code];
  return invisible ? { kind: invisible[0], mark: `<U+${hex(code, 4)}>`, name: invisible[1] } : undefined;
}

/** `\x1b, escape` or `<U+202E>, right-to-left override`: the character as messages name it. */
export function characterLabel(character: UnusualCharacter): string {
  return character.name ? `${character.mark}, ${character.name}` : character.mark;
}

/** Text with each control character as `\x1b` and each invisible one as `<U+202E>`; tab and
 * line ends stay (a lone \r, which would return to the start of the line, is marked). */
export function visibleText(text: string): string {
  if (!anyMarked.test(text)) return text;
  return text.replace(markedPattern, (c) => unusualCharacter(c)?.mark ?? `\\x${hex(c.charCodeAt(0), 2).toLowerCase()}`);
}

/** JSON text with every unusual character inside its strings written as a `\u` escape: the
 * same values, and nothing a terminal obeys or that reorders text. (Outside strings, JSON holds
 * only spaces and line ends, which are left as they are.) */
export function jsonEscapedText(json: string): string {
  if (!anyMarked.test(json)) return json;
  return json.replace(markedPattern, jsonUnicodeEscape);
}

/** A character (one UTF-16 unit) as JSON writes it escaped: `\u202e`. */
export function jsonUnicodeEscape(character: string): string {
  return `\\u${hex(character.charCodeAt(0), 4).toLowerCase()}`;
}
