// What the in-process benchmark measures, bundled by esbuild exactly as dist/ is (see
// analysis-bench.ts for why it is not run through tsx): the deal analysis, the rollup JSON
// export, and the reference JSON language service.
import { getLanguageService, TextDocument } from 'vscode-json-languageservice';
import { analyzeDealText } from '../server/src/document/analyze';
import { renderDocument } from '../server/src/exports';
import { parseDealText } from '../server/src/language/parse';
import { tokenizeForParser } from '../server/src/language/tokens';

export { analyzeDealText, parseDealText, tokenizeForParser };

/** `deal render --format json` of a text. */
export function jsonExport(text: string): string {
  return renderDocument(analyzeDealText(text), 'json', {});
}

const jsonService = getLanguageService({});

/** What VS Code's JSON language server does on every change: parse to an AST, then validate. */
export async function jsonLanguageService(json: string, version: number): Promise<number> {
  const document = TextDocument.create('file:///deal.json', 'json', version, json);
  const parsed = jsonService.parseJSONDocument(document);
  const diagnostics = await jsonService.doValidation(document, parsed);
  return diagnostics.length;
}

// One keystroke inside a document and what the editor asks after it, as the server works them
// out (keystroke-bench.ts): the same functions the language server calls, with the protocol's
// conversions, but no transport.
export { reanalyzeDealText } from '../server/src/document/reanalyze';
export { findSemanticTokens } from '../server/src/features/semantic-tokens';
export { encodeSemanticTokenRuns, encodeSemanticTokens } from '../server/src/lsp/semantic-tokens';
export { findFoldingRanges } from '../server/src/features/folding';
export { findDocumentSymbols } from '../server/src/features/document-symbols';
export { outlineForProtocol, toDocumentSymbol } from '../server/src/lsp/outline';
export { findCodeLensesOnDemand, titleOfLens } from '../server/src/features/code-lens';
export { findInlayHints } from '../server/src/features/inlay-hints';
export { doHover } from '../server/src/features/hover';
export { diagnosticsForProtocol } from '../server/src/lsp/diagnostics';
