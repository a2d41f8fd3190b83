// textDocument/semanticTokens/full: what each name is, and which numbers are money,
// percentages and dates, on top of the TextMate colours; /full/delta: what changed since the
// last answer. The core finds the tokens; their encoding (five integers each, relative to the
// token before) and the delta are the protocol's, built here.
import {
  type Connection, type SemanticTokens, type SemanticTokensDelta, type SemanticTokensEdit, type SemanticTokensLegend,
} from './language-server-library';
import type { AnalyzedDocument } from '../document/analyze';
import {
  semanticTokenModifiers, semanticTokenRuns, semanticTokenTypes, type DealSemanticToken,
} from '../features/semantic-tokens';
import type { DealDocuments } from './document-cache';
import { runSafe } from './run-safe';

export const semanticTokensLegend: SemanticTokensLegend = {
  tokenTypes: [...semanticTokenTypes],
  tokenModifiers: [...semanticTokenModifiers],
};

const typeIndex = new Map<string, number>(semanticTokenTypes.map((type, i) => [type, i]));
const modifierBit = new Map<string, number>(semanticTokenModifiers.map((modifier, i) => [modifier, 1 << i]));

/** The tokens in the protocol's encoding: five integers each, line and start relative to the
 * token before (as SemanticTokensBuilder writes them), into an array of the final length made
 * once: a long deal has hundreds of thousands of tokens. Tokens come in text order, on one line each. */
export function encodeSemanticTokens(document: AnalyzedDocument, tokens: readonly DealSemanticToken[]): number[] {
  const data = new Array<number>(tokens.length * 5);
  const positionOf = document.lines.positionsInOrder();
  let previousLine = 0;
  let previousCharacter = 0;
  let at = 0;
  for (const token of tokens) {
    const { line, character } = positionOf(token.span.start);
    data[at++] = line - previousLine;
    data[at++] = line === previousLine ? character - previousCharacter : character;
    data[at++] = token.span.end - token.span.start;
    data[at++] = typeIndex.get(token.type) ?? 0;
    data[at++] = modifierBits(token);
    previousLine = line;
    previousCharacter = character;
  }
  return data;
}

function modifierBits(token: DealSemanticToken): number {
  let bits = 0;
  for (const modifier of token.modifiers) bits |= modifierBit.get(modifier) ?? 0;
  return bits;
}

/** A run of tokens (see `TokenRuns`), or a deal's runs joined, encoded on its own: five integers
 * per token, each token after the first relative to the one before it. The first token's line
 * and start depend on the token before it, so the join writes them (the two integers stored are
 * no answer's); `lines` and `lastCharacter` say where the last token is from the first (the
 * character from the first token's when both are on one line, else from its line's start).
 * Nothing in it depends on where the tokens are in the document, so it holds as long as the run
 * (or the deal's runs) is the same list. */
export interface EncodedRun {
  data: number[];
  lines: number;
  lastCharacter: number;
}

/** Encodings kept from one answer for the next, by run and by a deal's list of runs. */
export type EncodedRuns = ReadonlyMap<object, EncodedRun>;

interface Position { line: number; character: number }
interface Piece { first: Position; encoded: EncodedRun }

/** The document's tokens in the protocol's encoding, and the encodings to hand to the next
 * answer: a deal whose runs are the answer before's, or a run that is, is copied rather than
 * worked out again (a keystroke leaves every deal but one, and every item of a long deal but one,
 * as it was). Equal to `encodeSemanticTokens` of the tokens in one list. */
export function encodeSemanticTokenRuns(document: AnalyzedDocument, earlier?: EncodedRuns): { data: number[]; runs: EncodedRuns } {
  const kept = new Map<object, EncodedRun>();
  const positionOf = document.lines.positionsInOrder();
  const deals: Piece[] = [];
  let fresh: EncodedRun | undefined;
  for (const runs of semanticTokenRuns(document)) {
    const nonEmpty = runs.filter((run) => run.length > 0);
    if (nonEmpty.length === 0) continue;
    const first = positionOf(nonEmpty[0][0].span.start);
    let encoded = earlier?.get(runs);
    if (!encoded) {
      encoded = joined(nonEmpty.map((run, n) => {
        const at = n === 0 ? first : positionOf(run[0].span.start);
        const own = earlier?.get(run) ?? encodeRun(run, at, positionOf);
        kept.set(run, own);
        return { first: at, encoded: own };
      }));
      fresh = encoded;
    }
    kept.set(runs, encoded);
    deals.push({ first, encoded });
  }
  if (deals.length === 0) return { data: [], runs: kept };
  // One deal encoded just now is the answer as it is; anything kept from before is copied, as
  // the answer before may still be read (a delta is worked out from it).
  const data = deals.length === 1 && deals[0].encoded === fresh ? fresh.data : joined(deals).data;
  data[0] = deals[0].first.line;
  data[1] = deals[0].first.character;
  return { data, runs: kept };
}

/** Pieces in text order as one encoding (a new list): each piece's first token written relative
 * to the last token of the piece before. */
function joined(pieces: readonly Piece[]): EncodedRun {
  const data = concatenated(pieces.map((piece) => piece.encoded.data));
  let at = 0;
  let previous: Position | undefined;
  for (const { first, encoded } of pieces) {
    const from = encoded.data;
    if (previous) {
      data[at] = first.line - previous.line;
      data[at + 1] = first.line === previous.line ? first.character - previous.character : first.character;
    }
    at += from.length;
    previous = lastOf(first, encoded);
  }
  const start = pieces[0].first;
  const end = previous!;
  return { data, lines: end.line - start.line, lastCharacter: end.line === start.line ? end.character - start.character : end.character };
}

function lastOf(first: Position, encoded: EncodedRun): Position {
  return { line: first.line + encoded.lines, character: encoded.lines === 0 ? first.character + encoded.lastCharacter : encoded.lastCharacter };
}

/** The lists one after another, as one list without holes. The integers are pushed (a run's list)
 * or concatenated (the answer), never written into an array made at its final length: V8 keeps
 * such an array as one that may have holes, and JSON.stringify writes one of a long deal's
 * 700,000 integers five to ten times slower (about 25 ms against 5 here). */
export function concatenated(lists: readonly number[][]): number[] {
  // `concat` takes the lists as arguments and makes one array at once; beyond 16,384 lists (a
  // deal of 50,000 lines has about 8,300 runs) they are joined in parts, under the engine's
  // limit on arguments.
  const most = 16_384;
  // bounded: at most 16,384 lists, 128 KB of arguments on a stack of about 1 MB.
  if (lists.length <= most) return ([] as number[]).concat(...lists);
  const parts: number[][] = [];
  for (let i = 0; i < lists.length; i += most) parts.push(concatenated(lists.slice(i, i + most)));
  return concatenated(parts);
}

function encodeRun(run: readonly DealSemanticToken[], first: Position, positionOf: (offset: number) => Position): EncodedRun {
  const data: number[] = [];
  let previous = first;
  for (const [n, token] of run.entries()) {
    const position = n === 0 ? first : positionOf(token.span.start);
    data.push(
      position.line - previous.line,
      position.line === previous.line ? position.character - previous.character : position.character,
      token.span.end - token.span.start,
      typeIndex.get(token.type) ?? 0,
      modifierBits(token),
    );
    previous = position;
  }
  const lines = previous.line - first.line;
  return { data, lines, lastCharacter: lines === 0 ? previous.character - first.character : previous.character };
}

/** What changed from one answer to the next: the integers both share at the start and at the
 * end are kept, the rest replaced. A keystroke inside one term changes a few integers of a long
 * deal's hundreds of thousands (each token is written relative to the one before it). */
export function semanticTokensEdits(previous: readonly number[], data: readonly number[]): SemanticTokensEdit[] {
  const shorter = Math.min(previous.length, data.length);
  let start = 0;
  while (start < shorter && previous[start] === data[start]) start++;
  let end = 0;
  while (end < shorter - start && previous[previous.length - 1 - end] === data[data.length - 1 - end]) end++;
  if (start === previous.length && start === data.length) return [];
  return [{ start, deleteCount: previous.length - start - end, data: data.slice(start, data.length - end) }];
}

export function registerSemanticTokens(connection: Connection, documents: DealDocuments): void {
  // The last answer for each open document: an editor that asks for a delta gets what changed
  // since then (a few integers after a keystroke) instead of every token again.
  // Each run's encoding is kept too, for the next answer to copy what the keystroke left alone.
  const answered = new Map<string, { resultId: string; data: number[]; runs: EncodedRuns }>();
  let results = 0;
  documents.documents.onDidClose((event) => answered.delete(event.document.uri));
  const answer = (uri: string) => {
    const analysis = documents.analysisByUri(uri);
    const resultId = String(++results);
    if (!analysis) return { resultId, data: [] };
    const { data, runs } = encodeSemanticTokenRuns(analysis, answered.get(uri)?.runs);
    answered.set(uri, { resultId, data, runs });
    return { resultId, data };
  };
  connection.languages.semanticTokens.on((params, token) => runSafe<SemanticTokens>(connection, 'Semantic tokens', token, { data: [] }, () =>
    answer(params.textDocument.uri)));
  connection.languages.semanticTokens.onDelta((params, token) => runSafe<SemanticTokens | SemanticTokensDelta>(connection, 'Semantic tokens', token, { data: [] }, () => {
    const previous = answered.get(params.textDocument.uri);
    const next = answer(params.textDocument.uri);
    if (!previous || previous.resultId !== params.previousResultId) return next;
    return { resultId: next.resultId, edits: semanticTokensEdits(previous.data, next.data) };
  }));
}
