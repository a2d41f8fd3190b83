// The portfolio index: every `.deal` file under the workspace folders, analysed once and kept
// as a small per-file summary (deal names and where they are, totals, problem counts), so a
// portfolio rollup or a workspace symbol search never re-reads or re-parses a file. Open files
// are fed in from the editor's text as it changes; files on disk are read on start. A file that
// cannot be read (a FIFO, a device, over 64 MB) or that the analysis fails on is left out with
// the reason, and every other file is still indexed.
import type { Dirent } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { analyzeDealText, type AnalyzedDocument } from '../document/analyze';
import type { Severity } from '../model/diagnostic';
import { exact } from '../model/money';
import { readRegularFileSync } from '../files/regular-file';

/** One deal of an indexed file. Amounts are exact decimal strings in the deal's currency. */
export interface IndexedDeal {
  name: string;
  title?: string;
  currency: string;
  /** Where the deal's name is written (0-based line and character), for workspace symbols. */
  line: number;
  character: number;
  parties: string[];
  committed: string;
  contingent: string;
  headline: string;
}

export interface IndexedFile {
  uri: string;
  deals: IndexedDeal[];
  problems: Record<Severity, number>;
}

export interface IndexingResult {
  files: number;
  deals: number;
  /** Files left out, with the reason: not readable, not a regular file, too large, or the analysis failed on them. */
  unreadable: { uri: string; reason: string }[];
  ms: number;
}

/** Folders never searched for deals: tools' and dependencies' trees. */
export const skippedFolders: ReadonlySet<string> = new Set(['node_modules', '.git', '.hg', '.svn', 'out', 'dist', '.vscode-test']);

/** The analysis of a file's text; a test may pass one that fails on a given file. */
export type Analyse = (text: string) => AnalyzedDocument;

export class WorkspaceIndex {
  private readonly files = new Map<string, IndexedFile>();

  constructor(private readonly analyse: Analyse = analyzeDealText) {}

  /** Reads and analyses every `.deal` file under the folders (file-system paths), one file per
   * turn of the event loop so requests are answered while it runs. A file that cannot be read or
   * analysed is listed as unreadable; the others are indexed all the same. A file is read
   * synchronously, as the TypeScript server reads a project's files: a term sheet is read in tens
   * of microseconds, while the asynchronous reader's five trips to the thread pool per file
   * (stat, open, stat, read, close) cost the server more than the reading itself (about a
   * tenth of indexing a workspace). */
  async indexFolders(folders: string[]): Promise<IndexingResult> {
    const started = performance.now();
    const unreadable: IndexingResult['unreadable'] = [];
    let files = 0;
    for (const folder of folders) {
      for await (const path of dealFilesUnder(folder)) {
        const uri = pathToFileURL(path).href;
        const outcome = readRegularFileSync(path);
        if (!outcome.ok) {
          unreadable.push({ uri, reason: outcome.reason });
          continue;
        }
        try {
          this.setText(uri, outcome.text);
          files++;
        } catch (error) {
          this.remove(uri);
          unreadable.push({ uri, reason: analysisFailure(error) });
        }
        await new Promise<void>((resolve) => setImmediate(resolve));
      }
    }
    return { files, deals: this.dealCount(), unreadable, ms: performance.now() - started };
  }

  /** Indexes a file from its text (a file read from disk, or an open editor's contents). */
  setText(uri: string, text: string): IndexedFile {
    return this.setAnalysis(uri, this.analyse(text));
  }

  /** Indexes a file from an analysis already made (the open document's). */
  setAnalysis(uri: string, analysis: AnalyzedDocument): IndexedFile {
    const entry = summarise(uri, analysis);
    this.files.set(uri, entry);
    return entry;
  }

  remove(uri: string): void {
    this.files.delete(uri);
  }

  get(uri: string): IndexedFile | undefined {
    return this.files.get(uri);
  }

  /** Every indexed file, in URI order so results do not depend on the order of reading. */
  all(): IndexedFile[] {
    return [...this.files.values()].sort((a, b) => (a.uri < b.uri ? -1 : a.uri > b.uri ? 1 : 0));
  }

  dealCount(): number {
    let n = 0;
    for (const file of this.files.values()) n += file.deals.length;
    return n;
  }
}

export function summarise(uri: string, analysis: AnalyzedDocument): IndexedFile {
  const problems: Record<Severity, number> = { error: 0, warning: 0, info: 0, hint: 0 };
  for (const d of analysis.diagnostics) problems[d.severity]++;
  const deals = analysis.deals.map(({ model, totals }): IndexedDeal => {
    const deal = model.deal;
    const at = analysis.lines.positionAt(deal.name.span.start);
    return {
      name: deal.name.text,
      ...(deal.title ? { title: deal.title.value } : {}),
      currency: model.currency,
      line: at.line,
      character: at.character,
      parties: [...model.parties.keys()],
      committed: exact(totals.committed),
      contingent: exact(totals.contingent),
      headline: exact(totals.headline),
    };
  });
  return { uri, deals, problems };
}

/** Why a file the analysis failed on is left out: a fault of ours, in one line. */
export function analysisFailure(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return `could not be analysed (internal error: ${message.split('\n')[0]})`;
}

/** Paths of `.deal` files under a folder, depth first; unreadable folders are skipped. A FIFO or
 * a device named .deal is listed too, so that it is reported rather than silently missing;
 * symlinks are not followed. */
async function* dealFilesUnder(folder: string): AsyncGenerator<string> {
  let entries: Dirent[];
  try {
    entries = await readdir(folder, { withFileTypes: true });
  } catch {
    return;
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : 1));
  for (const entry of entries) {
    const path = join(folder, entry.name);
    if (entry.isDirectory() && !skippedFolders.has(entry.name)) yield* dealFilesUnder(path);
    else if (!entry.isDirectory() && !entry.isSymbolicLink() && entry.name.endsWith('.deal')) yield path;
  }
}
