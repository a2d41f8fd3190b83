// textDocument/semanticTokens/full: what each name is, and which numbers are money,
// percentages and dates, on top of the TextMate colours. The core finds the tokens; their
// encoding (five integers each, relative to the token before) is the protocol's, built here.
import { SemanticTokensBuilder, type Connection, type SemanticTokens, type SemanticTokensLegend } from 'vscode-languageserver/node';
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

/** The tokens in the protocol's encoding. Tokens come in text order, on one line each. */
export function encodeSemanticTokens(document: AnalyzedDocument, tokens: readonly DealSemanticToken[]): number[] {
  const builder = new SemanticTokensBuilder();
  const positionOf = document.lines.positionsInOrder();
  for (const token of tokens) {
    const { line, character } = positionOf(token.span.start);
    const bits = token.modifiers.reduce((b, m) => b | (modifierBit.get(m) ?? 0), 0);
    builder.push(line, character, token.span.end - token.span.start, typeIndex.get(token.type) ?? 0, bits);
  }
  return builder.build().data;
}

export function registerSemanticTokens(connection: Connection, documents: DealDocuments): void {
  connection.languages.semanticTokens.on((params, token) => runSafe<SemanticTokens>(connection, 'Semantic tokens', token, { data: [] }, () => {
    const analysis = documents.analysisByUri(params.textDocument.uri);
    return { data: analysis ? encodeSemanticTokens(analysis, findSemanticTokens(analysis)) : [] };
  }));
}
