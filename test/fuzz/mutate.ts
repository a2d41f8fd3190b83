// Mutations of a valid .deal text, the way real files go wrong: tokens deleted, duplicated,
// swapped or replaced (a half-finished edit, a bad paste), the text cut off anywhere (a file
// being typed), and random characters or bytes dropped in (a PDF paste, a binary file).
import { dealLexer } from '../../server/src/language/tokens';
import type { Rng } from '../seeded-random';

interface Piece { start: number; end: number; image: string }

/** The tokens and comments of a text, in order (the lexer's view, so mutations hit whole tokens). */
export function piecesOf(text: string): Piece[] {
  const lexed = dealLexer.tokenize(text);
  return [...lexed.tokens, ...(lexed.groups.comments ?? [])]
    .map((t) => ({ start: t.startOffset, end: t.startOffset + t.image.length, image: t.image }))
    .sort((a, b) => a.start - b.start);
}

/** Characters that stress positions and the lexer: line breaks of every kind, tabs, BOM,
 * astral and combining characters, quotes, braces, controls and replacement characters. */
const nasty = ['\r', '\n', '\r\n', '\t', '\ufeff', '😀', '𝒜', 'é', 'e\u0301', '"', '\\', '{', '}', '/*', '//', '%', '$', '€',
  '\u0000', '\u0007', '\ufffd', '\u2028', '1e9', '-', ',', '_', ':', '=', ' '];

export type MutationKind = 'delete' | 'duplicate' | 'swap' | 'replace' | 'truncate' | 'insert' | 'bytes';
export const mutationKinds: readonly MutationKind[] = ['delete', 'duplicate', 'swap', 'replace', 'truncate', 'insert', 'bytes'];

export function mutate(text: string, pieces: Piece[], kind: MutationKind, r: Rng): string {
  if (pieces.length === 0 || text.length === 0) return text + r.pick(nasty);
  const piece = r.pick(pieces);
  switch (kind) {
    case 'delete':
      return text.slice(0, piece.start) + text.slice(piece.end);
    case 'duplicate':
      return text.slice(0, piece.end) + ' ' + piece.image + text.slice(piece.end);
    case 'swap': {
      const other = r.pick(pieces);
      const [a, b] = piece.start <= other.start ? [piece, other] : [other, piece];
      if (a.end > b.start) return text;
      return text.slice(0, a.start) + b.image + text.slice(a.end, b.start) + a.image + text.slice(b.end);
    }
    case 'replace':
      return text.slice(0, piece.start) + r.pick(pieces).image + text.slice(piece.end);
    case 'truncate':
      return text.slice(0, r.int(0, text.length));
    case 'insert': {
      const at = r.int(0, text.length);
      return text.slice(0, at) + r.pick(nasty) + text.slice(at);
    }
    case 'bytes': {
      const at = r.int(0, text.length);
      const bytes = Buffer.from(Array.from({ length: r.int(1, 16) }, () => r.int(0, 255)));
      return text.slice(0, at) + bytes.toString('latin1') + text.slice(at);
    }
  }
}

/** Several mutations in a row: most broken files are broken in more than one place. */
export function mutateMany(text: string, r: Rng, count: number): string {
  let out = text;
  for (let i = 0; i < count; i++) out = mutate(out, piecesOf(out), r.pick(mutationKinds), r);
  return out;
}
