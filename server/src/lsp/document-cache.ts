// The open documents and their analysis, computed once per version. Every feature reads the
// analysis from here, so typing re-parses once however many requests follow.
import { TextDocuments, type TextDocumentsConfiguration } from './language-server-library';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { analyzeDealText, type AnalyzedDocument } from '../document/analyze';
import { reanalyzeDealText } from '../document/reanalyze';

/** Changes apply only forward: a change for a version the document is already past (a client
 * sending out of order) is dropped, since its ranges refer to a text that no longer exists. */
const forwardOnly: TextDocumentsConfiguration<TextDocument> = {
  create: TextDocument.create,
  update: (document, changes, version) => (version > document.version ? TextDocument.update(document, changes, version) : document),
};

export class DealDocuments {
  readonly documents = new TextDocuments(forwardOnly);
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
