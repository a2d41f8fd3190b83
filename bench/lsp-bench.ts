// The language server as an editor drives it, over stdio against dist/server.js: start-up,
// keystroke → diagnostics, hover and completion, indexing a workspace, memory.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { codeCacheVariable } from '../server/src/boot/code-cache';
import { middleEdit, type Corpus } from './corpus';
import { startServer } from './lsp-client';
import { now, round, summarise, type Summary } from './stats';

export interface EditingRow {
  size: string;
  lines: number;
  /** didOpen → first diagnostics. */
  openMs: number;
  /** One-character edit at the middle → its diagnostics, waiting for each before the next. */
  edit: Summary;
  /** Ten edits sent back to back: time to the last one's diagnostics, and how many checks were published. */
  burst: { edits: number; lastMs: number; published: number };
  hover: Summary;
  completion?: Summary;
  rssMb: number;
}

export interface WorkspaceRow { files: number; deals: number; indexMs: number; serverMs: number; rssMb: number }

/** Start-up as users meet it: `later`, every start but the first, from the code cache the first
 * wrote (boot/code-cache.ts); `first`, the first start after installing or updating, which
 * compiles the bundle (each such start here is given a cache folder of its own, empty). */
export interface StartupTimes { later: Summary; first: Summary }

export async function benchStartup(serverPath: string, runs: number): Promise<StartupTimes> {
  const folder = mkdtempSync(join(tmpdir(), 'deal-bench-code-cache-'));
  try {
    const ready = async (cacheFolder: string) => {
      const server = await startServer(serverPath, null, false, { ...process.env, [codeCacheVariable]: cacheFolder });
      await server.stop();
      return server.readyMs;
    };
    const first: number[] = [];
    const later: number[] = [];
    await ready(join(folder, 'later'));
    for (let i = 0; i < runs; i++) {
      first.push(await ready(join(folder, `first-${i}`)));
      later.push(await ready(join(folder, 'later')));
    }
    return { later: summarise(later), first: summarise(first) };
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

export async function benchEditing(serverPath: string, corpora: Corpus[], edits: number, requests: number): Promise<EditingRow[]> {
  const server = await startServer(serverPath);
  await server.connection.sendNotification('initialized', {});
  const canComplete = !!server.initializeResult.capabilities.completionProvider;
  const rows: EditingRow[] = [];
  try {
    for (const corpus of corpora) {
      const uri = pathToFileURL(`/bench/portfolio-${corpus.lines}.deal`).href;
      const text = corpus.text;
      const edit = middleEdit(text);
      const at = positionOf(text, edit.offset);
      const range = { start: at, end: { line: at.line, character: at.character + 1 } };
      let version = 1;
      const change = (char: string) => server.connection.sendNotification('textDocument/didChange', {
        textDocument: { uri, version: ++version }, contentChanges: [{ range, text: char }],
      });

      let start = now();
      await server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'deal', version, text } });
      const openMs = (await server.diagnosticsFor(uri, version)) - start;

      const editSamples: number[] = [];
      for (let i = 0; i < edits; i++) {
        start = now();
        await change(i % 2 === 0 ? edit.replacement : edit.original);
        editSamples.push((await server.diagnosticsFor(uri, version)) - start);
      }

      const burstEdits = 10;
      const publishedBefore = server.published(uri);
      start = now();
      for (let i = 0; i < burstEdits; i++) await change(i % 2 === 0 ? edit.replacement : edit.original);
      const lastMs = (await server.diagnosticsFor(uri, version)) - start;
      await pause(50);
      const burst = { edits: burstEdits, lastMs: round(lastMs), published: server.published(uri) - publishedBefore };

      // Hover on the edited amount's milestone name, completion on its stage (`at phase2`).
      const lineStart = text.lastIndexOf('\n', edit.offset) + 1;
      const nameAt = positionOf(text, text.indexOf('milestone ', lineStart) + 'milestone '.length + 2);
      const stageAt = positionOf(text, text.indexOf(' at ', edit.offset) + ' at '.length + 2);
      const hover = await timeRequests(requests, () => server.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: nameAt }));
      const completion = canComplete
        ? await timeRequests(requests, () => server.connection.sendRequest('textDocument/completion', { textDocument: { uri }, position: stageAt }))
        : undefined;
      const rssMb = round(server.rssMb(), 1);
      await server.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
      rows.push({ size: corpus.name, lines: corpus.lines, openMs: round(openMs), edit: summarise(editSamples), burst, hover, completion, rssMb });
    }
  } finally {
    await server.stop();
  }
  return rows;
}

export async function benchWorkspace(serverPath: string, folder: string, files: number): Promise<WorkspaceRow> {
  const server = await startServer(serverPath, pathToFileURL(folder).href);
  try {
    const indexed = server.next<{ files: number; deals: number; ms: number }>('deal/workspaceIndexed');
    const start = now();
    await server.connection.sendNotification('initialized', {});
    const result = await indexed;
    const indexMs = now() - start;
    if (result.files !== files) throw new Error(`benchmark: the server indexed ${result.files} files, not ${files}`);
    await pause(200); // let the collector settle, as it would while the user reads
    return { files: result.files, deals: result.deals, indexMs: round(indexMs), serverMs: result.ms, rssMb: round(server.rssMb(), 1) };
  } finally {
    await server.stop();
  }
}

async function timeRequests(runs: number, request: () => Promise<unknown>): Promise<Summary> {
  const samples: number[] = [];
  for (let i = 0; i < runs + 3; i++) {
    const start = now();
    await request();
    if (i >= 3) samples.push(now() - start);
  }
  return summarise(samples);
}

export function positionOf(text: string, offset: number): { line: number; character: number } {
  let line = 0;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, character: offset - lineStart };
}

export const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
