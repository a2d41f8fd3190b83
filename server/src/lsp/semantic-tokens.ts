// textDocument/semanticTokens/full: what each name is, and which numbers are money,
// percentages and dates, on top of the TextMate colours. The core finds the tokens; their
// encoding (five integers each, relative to the token before) is the protocol's, built here.
import { type Connection, type SemanticTokens, type SemanticTokensLegend } from 'vscode-languageserver/node';
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

export function registerSemanticTokens(connection: Connection, documents: DealDocuments): void {
  connection.languages.semanticTokens.on((params, token) => runSafe<SemanticTokens>(connection, 'Semantic tokens', token, { data: [] }, () => {
    const analysis = documents.analysisByUri(params.textDocument.uri);
    return { data: analysis ? encodeSemanticTokens(analysis, findSemanticTokens(analysis)) : [] };
  }));
}
