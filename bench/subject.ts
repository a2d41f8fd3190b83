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
