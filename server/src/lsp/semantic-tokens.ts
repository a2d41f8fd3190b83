// textDocument/semanticTokens/full: what each name is, and which numbers are money,
// percentages and dates, on top of the TextMate colours; /full/delta: what changed since the
// last answer. The core finds the tokens; their encoding (five integers each, relative to the
// token before) and the delta are the protocol's, built here.
import {
  type Connection, type SemanticTokens, type SemanticTokensDelta, type SemanticTokensEdit, type SemanticTokensLegend,
} from 'vscode-languageserver/node';
import type { AnalyzedDocument } from '../document/analyze';
import {
  findSemanticTokens, semanticTokenModifiers, semanticTokenTypes, type DealSemanticToken,
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
    let bits = 0;
    for (const modifier of token.modifiers) bits |= modifierBit.get(modifier) ?? 0;
    data[at++] = line - previousLine;
    data[at++] = line === previousLine ? character - previousCharacter : character;
    data[at++] = token.span.end - token.span.start;
    data[at++] = typeIndex.get(token.type) ?? 0;
    data[at++] = bits;
    previousLine = line;
    previousCharacter = character;
  }
  return data;
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
  const answered = new Map<string, { resultId: string; data: number[] }>();
  let results = 0;
  documents.documents.onDidClose((event) => answered.delete(event.document.uri));
  const answer = (uri: string) => {
    const analysis = documents.analysisByUri(uri);
    const data = analysis ? encodeSemanticTokens(analysis, findSemanticTokens(analysis)) : [];
    const resultId = String(++results);
    if (analysis) answered.set(uri, { resultId, data });
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
