// The workspace index with what the portfolio and workspace symbols need of each file: every
// deal's portfolio summary (totals, parties, payments, fx lines) and every declaration with its
// range, kept as plain data so closed files are never re-read for a rollup or a symbol search.
// Changes on disk come in one at a time (`updateFromDisk`), after the first indexing; a reader
// awaits `settled()` to see them all.
import { sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { AnalyzedDocument } from '../document/analyze';
import { findWorkspaceSymbols } from '../features/document-symbols';
import { portfolioDealsOf, type PortfolioDeal } from '../engine/portfolio-deal';
import type { SymbolKind } from '../features/symbol-index';
import { readRegularFile } from '../files/regular-file';
import type { Position } from '../language/line-map';
import { analysisFailure, skippedFolders, WorkspaceIndex, type IndexedFile, type IndexingResult } from './workspace-index';

/** A declaration of an indexed file, as workspace symbols list it. */
export interface IndexedSymbol {
  name: string;
  kind: SymbolKind;
  containerName?: string;
  start: Position;
  end: Position;
}

export interface PortfolioFile {
  uri: string;
  deals: PortfolioDeal[];
  symbols: IndexedSymbol[];
}

export class PortfolioIndex extends WorkspaceIndex {
  private readonly portfolioFiles = new Map<string, PortfolioFile>();
  /** The first indexing, then each change from disk in the order they came. */
  private work: Promise<unknown> = Promise.resolve();

  override indexFolders(folders: string[]): Promise<IndexingResult> {
    const indexing = super.indexFolders(folders);
    this.work = this.work.then(() => indexing.catch(() => undefined));
    return indexing;
  }

  override setAnalysis(uri: string, analysis: AnalyzedDocument): IndexedFile {
    const entry = super.setAnalysis(uri, analysis);
    this.portfolioFiles.set(uri, portfolioFileOf(uri, analysis));
    return entry;
  }

  override remove(uri: string): void {
    super.remove(uri);
    this.portfolioFiles.delete(uri);
  }

  /** Resolves once the first indexing and every change reported so far are in. */
  settled(): Promise<void> {
    return this.work.then(() => undefined);
  }

  /** Re-reads a `.deal` file that was created, changed or deleted on disk (a deleted folder takes
   * its files with it). Files under node_modules and the like are left out, as on start. Resolves
   * to the reason when the file is there but left out (a FIFO, over 64 MB, the analysis failed). */
  updateFromDisk(uri: string, deleted: boolean): Promise<string | undefined> {
    const update = async (): Promise<string | undefined> => {
      if (!uri.startsWith('file:')) return;
      const path = fileURLToPath(uri);
      const key = pathToFileURL(path).href;
      if (deleted) {
        for (const file of this.all()) if (file.uri === key || file.uri.startsWith(`${key}/`)) this.remove(file.uri);
        return;
      }
      if (!path.endsWith('.deal') || path.split(sep).some((part) => skippedFolders.has(part))) return;
      // Gone again, unreadable or failing the analysis: it is not part of the portfolio.
      const read = await readRegularFile(path);
      if (!read.ok) {
        this.remove(key);
        return read.missing ? undefined : read.reason;
      }
      try {
        this.setText(key, read.text);
      } catch (error) {
        this.remove(key);
        return analysisFailure(error);
      }
      return undefined;
    };
    const done = this.work.then(update);
    this.work = done.catch(() => undefined);
    return done;
  }

  portfolioFile(uri: string): PortfolioFile | undefined {
    return this.portfolioFiles.get(uri);
  }

  portfolioFilesAll(): PortfolioFile[] {
    return this.all().map((file) => this.portfolioFiles.get(file.uri)).filter((f): f is PortfolioFile => !!f);
  }
}

export function portfolioFileOf(uri: string, analysis: AnalyzedDocument): PortfolioFile {
  const symbols = findWorkspaceSymbols([{ uri, document: analysis }], '').map((s): IndexedSymbol => ({
    name: s.name,
    kind: s.kind,
    ...(s.containerName ? { containerName: s.containerName } : {}),
    start: analysis.lines.positionAt(s.span.start),
    end: analysis.lines.positionAt(s.span.end),
  }));
  return { uri, deals: portfolioDealsOf(uri, analysis), symbols };
}
