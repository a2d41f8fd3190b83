// textDocument/semanticTokens/full: what each name is, and which numbers are money,
// percentages and dates, on top of the TextMate colours.
import type { Connection, SemanticTokens, SemanticTokensLegend } from 'vscode-languageserver/node';
import {
  encodeSemanticTokens, findSemanticTokens, semanticTokenModifiers, semanticTokenTypes,
} from '../features/semantic-tokens';
import type { DealDocuments } from './document-cache';
import { runSafe } from './run-safe';

export const semanticTokensLegend: SemanticTokensLegend = {
  tokenTypes: [...semanticTokenTypes],
  tokenModifiers: [...semanticTokenModifiers],
};

export function registerSemanticTokens(connection: Connection, documents: DealDocuments): void {
  connection.languages.semanticTokens.on((params, token) => runSafe<SemanticTokens>(connection, 'Semantic tokens', token, { data: [] }, () => {
    const analysis = documents.analysisByUri(params.textDocument.uri);
    return { data: analysis ? encodeSemanticTokens(analysis, findSemanticTokens(analysis)) : [] };
  }));
}
