// The renderers: pure functions from an analysed document to a term sheet in one format.
import type { AnalyzedDocument } from '../document/analyze';
import { rollupJson } from './rollup-json';
import { jsonEscapedText } from '../language/unusual-characters';
import { renderCsv } from './csv';
import { renderHtml } from './html';
import { renderMarkdown } from './markdown';

export { renderHtml, type RenderHtmlOptions } from './html';
export { renderMarkdown } from './markdown';
export { renderCsv } from './csv';
export { dealHeadlines, type DealHeadline } from '../features/headline';

export type RenderFormat = 'html' | 'md' | 'csv' | 'json';

/** The rollup JSON (the same object as `deal rollup --json`), as text; control and invisible
 * characters as `\u` escapes, so the text is plain to read and parses to the same values. */
export function renderJson(document: AnalyzedDocument, options: { scenario?: string } = {}): string {
  return jsonEscapedText(`${JSON.stringify(rollupJson(document, options), null, 2)}\n`);
}

export function renderDocument(document: AnalyzedDocument, format: RenderFormat, options: { scenario?: string } = {}): string {
  switch (format) {
    case 'html': return renderHtml(document, options);
    case 'md': return renderMarkdown(document, options);
    case 'csv': return renderCsv(document, options);
    case 'json': return renderJson(document, options);
  }
}
