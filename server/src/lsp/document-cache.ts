// The open documents and their analysis, computed once per version. Every feature reads the
// analysis from here, so typing re-parses once however many requests follow.
import { TextDocuments } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { analyzeDealText, type AnalyzedDocument } from '../analysis/analyze';
import { reanalyzeDealText } from '../analysis/reanalyze';

export class DealDocuments {
  readonly documents = new TextDocuments(TextDocument);
  private readonly analyses = new Map<string, { version: number; analysis: AnalyzedDocument }>();

  constructor() {
    this.documents.onDidClose((event) => this.analyses.delete(event.document.uri));
  }

  get(uri: string): TextDocument | undefined {
    return this.documents.get(uri);
  }

  /** The analysis of the document's current version (computed now if not yet). */
  analysisOf(document: TextDocument): AnalyzedDocument {
    const cached = this.analyses.get(document.uri);
    if (cached && cached.version === document.version) return cached.analysis;
    // An edit to one deal of a long file re-analyses that deal only (the rest is reused).
    const text = document.getText();
    const analysis = cached ? reanalyzeDealText(cached.analysis, text) : analyzeDealText(text);
    this.analyses.set(document.uri, { version: document.version, analysis });
    return analysis;
  }

  /** The analysis of an open document by URI, if it is open. */
  analysisByUri(uri: string): AnalyzedDocument | undefined {
    const document = this.get(uri);
    return document ? this.analysisOf(document) : undefined;
  }
}
