// Messages to the editor as JSON written into one buffer kept from message to message. The
// library's encoder makes a fresh buffer per message; for a long deal the outline or the
// diagnostics are megabytes per keystroke, and filling fresh memory costs more than writing the
// bytes (about 4 ms a megabyte on a virtual machine, against 0.5 ms into memory already used).
//
// What an answer after a keystroke mostly repeats is not written again: each element of a list
// marked as made of kept objects (`keepingJson`: the diagnostics, the symbols of the outline)
// keeps its JSON. After a keystroke most of such an answer is the very objects the answer before
// held (the server takes over what an edit did not touch), and their JSON is written from what
// was kept. The protocol objects are never changed once made, so an object's JSON stays its JSON.
// Other lists, made afresh per answer, are written at once by `JSON.stringify`.
//
// The kept JSON is ASCII: every other character is written as a `\uXXXX` escape, which any JSON
// reader turns back into the same text. Text with an arrow or a middle dot is a string of two-byte
// characters in V8, and writing it as UTF-8 costs ten times copying ASCII; the editor also
// decodes ASCII bytes about twice as fast.
//
// Reusing the buffer is safe because the stream writer sends one message at a time: the next
// message is encoded only once the previous one's write has called back, that is once the
// stream no longer holds the bytes.
import type { ContentTypeEncoder } from './language-server-library';
import { jsonUnicodeEscape } from '../language/unusual-characters';

/** Larger messages get a buffer of their own, so one huge answer is not kept for the session. */
const keptBytesAtMost = 16 * 1024 * 1024;

export function jsonIntoReusedBuffer(): ContentTypeEncoder {
  let kept = Buffer.allocUnsafe(64 * 1024);
  const pieces = new KeptJson();
  return {
    name: 'application/json',
    encode(message) {
      const parts = pieces.parts(message);
      // Room for the longest UTF-8 the parts can have (three bytes for each UTF-16 unit), so the
      // bytes are written in one pass: counting them first is a second pass over the text.
      let room = 0;
      for (const part of parts) room += part.length * 3;
      let buffer = kept;
      if (room > kept.length) {
        if (room > keptBytesAtMost) {
          room = 0;
          for (const part of parts) room += Buffer.byteLength(part, 'utf-8');
        }
        if (room > keptBytesAtMost) buffer = Buffer.allocUnsafe(room);
        else if (room > kept.length) buffer = kept = Buffer.allocUnsafe(Math.min(keptBytesAtMost, Math.max(room, kept.length * 2)));
      }
      // Each part straight into the buffer: joining them first would make a string as long as
      // the message, in memory the process has not used yet.
      let at = 0;
      for (const part of parts) at += buffer.write(part, at, 'utf-8');
      return Promise.resolve(buffer.subarray(0, at));
    },
  };
}

/** What marks a list whose elements keep their JSON. */
const keptElements = Symbol('elements keep their JSON');

/** Marks a list of protocol objects as kept from answer to answer (see above); returns it. */
export function keepingJson<T extends object>(list: T[]): T[] {
  Object.defineProperty(list, keptElements, { value: true });
  return list;
}

/** Marked lists are looked for this many objects and lists deep: in the outline of one long deal,
 * the message, its list of deals, the deal, its children, a payments block and its children. */
const searchDepth = 6;

/** A marked list at least this long is written element by element (see holdsKeptList). */
const longList = 16;

/** An element's JSON above this length is kept in its pieces: joined, a payments block of a long
 * deal would be copied whole into fresh memory after every keystroke that changes one payment. */
const joinedAtMost = 64 * 1024;

/** The JSON of a value, as `JSON.stringify` writes it, with the JSON of each object in a marked
 * list kept, in ASCII, for as long as the object lives. The pieces are gathered in one list and
 * written one after another, never joined into the whole message. */
class KeptJson {
  private readonly elements = new WeakMap<object, string | readonly string[]>();

  /** The JSON, in pieces to be written one after another. A message that holds a marked list is
   * written in ASCII throughout, so that the editor reads all of it as ASCII; any other is
   * `JSON.stringify`'s text. */
  parts(value: unknown): string[] {
    if (value === null || typeof value !== 'object' || !holdsKeptList(value, 0)) return [JSON.stringify(value) ?? 'null'];
    const out: string[] = [];
    this.writeHolding(value, out);
    return out;
  }

  private write(value: unknown, out: string[]): void {
    if (value === null || typeof value !== 'object' || !holdsKeptList(value, 0)) out.push(ascii(JSON.stringify(value) ?? 'null'));
    else this.writeHolding(value, out);
  }

  /** A value that is or holds a marked list (holdsKeptList said so). */
  private writeHolding(value: object, out: string[]): void {
    if (Array.isArray(value)) {
      // A marked list: holdsKeptList says so of no other list.
      out.push('[');
      for (let i = 0; i < value.length; i++) {
        if (i > 0) out.push(',');
        this.element(value[i], out);
      }
      out.push(']');
    } else {
      this.object(value as Record<string, unknown>, out);
    }
  }

  private element(value: unknown, out: string[]): void {
    if (value === null || typeof value !== 'object') {
      out.push(ascii(JSON.stringify(value) ?? 'null'));
      return;
    }
    let kept = this.elements.get(value);
    if (kept === undefined) {
      const parts: string[] = [];
      this.write(value, parts);
      let length = 0;
      for (const part of parts) length += part.length;
      kept = parts.length === 1 ? parts[0] : length <= joinedAtMost ? parts.join('') : parts;
      this.elements.set(value, kept);
    }
    if (typeof kept === 'string') out.push(kept);
    else for (const part of kept) out.push(part);
  }

  /** An object written key by key, so that the marked lists it holds are written element by element. */
  private object(value: Record<string, unknown>, out: string[]): void {
    let first = true;
    out.push('{');
    for (const key of Object.keys(value)) {
      const property = value[key];
      if (property === undefined || typeof property === 'function' || typeof property === 'symbol') continue;
      out.push(`${first ? '' : ','}${ascii(JSON.stringify(key))}:`);
      first = false;
      this.write(property, out);
    }
    out.push('}');
  }
}

/** Whether the value is or holds, within the search depth, a marked list worth writing element
 * by element: a long one, or one whose elements hold such lists (an outline is a list of deals,
 * each holding lists of many symbols). A short list of objects that hold none (a milestone
 * group's few milestones) is written at once with the object that holds it, as a call of
 * `JSON.stringify` costs more than writing a few hundred characters. Unmarked lists are not
 * searched: that would read every element of every answer (a long deal's semantic tokens are
 * hundreds of thousands of numbers). */
function holdsKeptList(value: object, depth: number): boolean {
  if (depth > searchDepth) return false;
  if (Array.isArray(value)) {
    if ((value as { [keptElements]?: true })[keptElements] !== true) return false;
    return value.length >= longList || value.some((element) => element !== null && typeof element === 'object' && holdsKeptList(element, depth + 1));
  }
  if (!isPlainObject(value)) return false;
  for (const key of Object.keys(value)) {
    const property = value[key];
    if (property !== null && typeof property === 'object' && holdsKeptList(property, depth + 1)) return true;
  }
  return false;
}

/** An object `JSON.stringify` writes key by key: not an array, and with no `toJSON` of its own. */
function isPlainObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value) && typeof (value as { toJSON?: unknown }).toJSON !== 'function';
}

const nonAscii = /[^\x00-\x7f]/;
const nonAsciiEverywhere = /[^\x00-\x7f]/g;

/** JSON with every character beyond ASCII written as an escape (outside strings JSON has none). */
function ascii(json: string): string {
  if (!nonAscii.test(json)) return json;
  // The escaped text is ASCII, but V8 keeps a string made from one of two-byte characters in two
  // bytes a character, which is slow to join and to write out: copied once into one byte each.
  return Buffer.from(json.replace(nonAsciiEverywhere, jsonUnicodeEscape), 'latin1').toString('latin1');
}
