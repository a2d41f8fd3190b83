// What the editor asks of the language server while the user types, timed over stdio against
// dist/server.js: a keystroke in the middle of the file until its diagnostics, then, on that
// new version, each request VS Code sends after an edit (semantic tokens, folding ranges,
// outline, CodeLens, inlay hints for the screen) and the two the user asks for (hover,
// completion). Every sample is on a fresh version, so nothing is answered from the previous
// version's work.
import { pathToFileURL } from 'node:url';
import { middleEdit, type Corpus, type Shape } from './corpus';
import { positionOf } from './lsp-bench';
import { startServer, type BenchServer } from './lsp-client';
import { now, round, summarise, type Summary } from './stats';

/** The requests, in the order they are sent after each edit. */
export const requestKinds = ['edit', 'semanticTokens', 'folding', 'documentSymbols', 'codeLens', 'codeLensResolve', 'inlayHints', 'hover', 'completion'] as const;
export type RequestKind = (typeof requestKinds)[number];

export const requestLabels: Record<RequestKind, string> = {
  edit: 'edit → diagnostics', semanticTokens: 'semantic tokens (full)', folding: 'folding ranges',
  documentSymbols: 'document symbols', codeLens: 'CodeLens', codeLensResolve: 'CodeLens resolve (a scenario\'s)', inlayHints: 'inlay hints (60 lines)',
  hover: 'hover', completion: 'completion',
};

export interface RequestRow {
  size: string;
  shape: Shape;
  /** The line count asked of the generator (`lines` is what it came to). */
  target: number;
  lines: number;
  chars: number;
  /** didOpen → first diagnostics. */
  openMs: number;
  /** What the server published for the opened file: the single deal should have no errors or warnings. */
  problems: { error: number; warning: number; info: number };
  times: Partial<Record<RequestKind, Summary>>;
  /** Requests that took longer than the slow limit: asked no more on this file (their figures
   * are the samples taken until then). */
  slow: RequestKind[];
  /** Requests with no answer within the request limit: the server was stopped and restarted. */
  timedOut: RequestKind[];
  /** How much each answer held on the last version (tokens, ranges, symbols, lenses, hints,
   * completion items; hover: characters), so a figure is never the time to answer nothing. */
  answered: Partial<Record<RequestKind, number>>;
  rssMb: number;
}

export interface RequestLimits {
  /** Edits per file after the unrecorded warm-up ones, each followed by every request once. */
  samples: number;
  warmup: number;
  /** Stop sampling a file after this long, once `minSamples` are taken. */
  budgetMs: number;
  minSamples: number;
  /** A request slower than this is not asked again on this file. */
  slowMs: number;
  /** A request with no answer after this long is given up: the server is stopped and restarted. */
  timeoutMs: number;
}

class RequestTimeout extends Error {}

export async function benchRequests(serverPath: string, corpora: Corpus[], limits: RequestLimits, log = (_: string) => {}): Promise<RequestRow[]> {
  const rows: RequestRow[] = [];
  const holder = { server: await startEditorServer(serverPath) };
  try {
    // The first file warms the server up (its code compiled and optimised) before anything is recorded.
    if (corpora.length) await benchOne(serverPath, holder, corpora[0], { ...limits, samples: 0, warmup: limits.warmup + 3 }, '-warm-up');
    for (const corpus of corpora) {
      log(`  ${corpus.name} (${corpus.lines} lines)`);
      rows.push(await benchOne(serverPath, holder, corpus, limits));
    }
  } finally {
    await holder.server.stop();
  }
  return rows;
}

async function startEditorServer(serverPath: string): Promise<BenchServer> {
  const server = await startServer(serverPath, null, true);
  await server.connection.sendNotification('initialized', {});
  return server;
}

/** `tag` keeps each pass over a file apart: the client matches diagnostics by URI and version. */
async function benchOne(serverPath: string, holder: { server: BenchServer }, corpus: Corpus, limits: RequestLimits, tag = ''): Promise<RequestRow> {
  const { text } = corpus;
  const uri = pathToFileURL(`/bench/${corpus.shape === 'single deal' ? 'deal' : 'portfolio'}-${corpus.lines}${tag}.deal`).href;
  const { edit, range, asks } = editorAsks(text, uri);
  const send = (method: string, params: unknown) => withTimeout(holder.server.connection.sendRequest<unknown>(method, params), limits.timeoutMs);
  let lenses: { command?: unknown }[] = [];
  const requests: Record<Exclude<RequestKind, 'edit'>, () => Promise<unknown>> = {
    semanticTokens: () => send(...asks.semanticTokens),
    folding: () => send(...asks.folding),
    documentSymbols: () => send(...asks.documentSymbols),
    codeLens: async () => (lenses = await send(...asks.codeLens) as { command?: unknown }[]),
    codeLensResolve: async () => {
      const lens = lensToResolve(lenses);
      return lens ? [await send('codeLens/resolve', lens)] : [];
    },
    inlayHints: () => send(...asks.inlayHints),
    hover: () => send(...asks.hover),
    completion: () => send(...asks.completion),
  };

  // Opens the file (again, after a restart) with the text of the current version.
  let version = 0;
  let current = text;
  const open = async () => {
    version++;
    const start = now();
    await holder.server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'deal', version, text: current } });
    return (await holder.server.diagnosticsFor(uri, version)) - start;
  };
  const restart = async () => {
    await holder.server.stop();
    holder.server = await startEditorServer(serverPath);
  };

  const openMs = await open();
  const problems = countProblems(holder.server.lastDiagnostics(uri));
  const samples = Object.fromEntries(requestKinds.map((kind) => [kind, [] as number[]])) as Record<RequestKind, number[]>;
  const answered: RequestRow['answered'] = {};
  const slow = new Set<RequestKind>();
  const timedOut = new Set<RequestKind>();
  const began = now();
  for (let i = 0; i < limits.warmup + limits.samples; i++) {
    if (i >= limits.warmup + limits.minSamples && now() - began > limits.budgetMs) break;
    const char = i % 2 === 0 ? edit.replacement : edit.original;
    current = current.slice(0, edit.offset) + char + current.slice(edit.offset + 1);
    version++;
    let start = now();
    await holder.server.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ range, text: char }] });
    let editMs: number;
    try {
      editMs = (await holder.server.diagnosticsFor(uri, version)) - start;
    } catch {
      timedOut.add('edit'); // without its diagnostics there is no version to ask about
      await restart();
      break;
    }
    // A check slower than the slow limit needs no warming up, and ends the file's samples
    // after this round: this round is recorded.
    const recording = i >= limits.warmup || editMs > limits.slowMs;
    const record = (kind: RequestKind, ms: number) => {
      if (recording || ms > limits.slowMs) samples[kind].push(ms);
      if (ms > limits.slowMs) slow.add(kind);
    };
    record('edit', editMs);
    for (const [kind, request] of Object.entries(requests) as [Exclude<RequestKind, 'edit'>, () => Promise<unknown>][]) {
      if (slow.has(kind) || timedOut.has(kind)) continue;
      start = now();
      try {
        answered[kind] = sizeOf(kind, await request());
        record(kind, now() - start);
      } catch (error) {
        if (!(error instanceof RequestTimeout)) throw error;
        timedOut.add(kind);
        await restart();
        await open();
      }
    }
    if (slow.has('edit')) break;
  }
  const rssMb = round(holder.server.rssMb(), 1);
  await holder.server.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
  const times: RequestRow['times'] = {};
  for (const kind of requestKinds) if (samples[kind].length) times[kind] = summarise(samples[kind]);
  return {
    size: corpus.name, shape: corpus.shape ?? 'portfolio', target: corpus.target ?? corpus.lines, lines: corpus.lines, chars: text.length, openMs: round(openMs), problems,
    times, slow: [...slow], timedOut: [...timedOut], answered, rssMb,
  };
}

/** A request the editor sends: its method and parameters. */
export type Ask = [method: string, params: object];

/** What the editor sends about `text`: the keystroke (one digit of a milestone amount after the
 * middle), the range it replaces, and each request after it, at the places a user would ask:
 * inlay hints for the 60 lines around the keystroke, hover on a milestone's name, completion
 * after ` at `. (CodeLens resolve is asked of a lens the CodeLens answer gave: see `lensToResolve`.) */
export function editorAsks(text: string, uri: string): {
  edit: ReturnType<typeof middleEdit>;
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
  asks: Record<Exclude<RequestKind, 'edit' | 'codeLensResolve'>, Ask>;
} {
  const edit = middleEdit(text);
  const at = positionOf(text, edit.offset);
  const range = { start: at, end: { line: at.line, character: at.character + 1 } };
  const lineStart = text.lastIndexOf('\n', edit.offset) + 1;
  const nameAt = positionOf(text, text.indexOf('milestone ', lineStart) + 'milestone '.length + 2);
  const stageAt = positionOf(text, text.indexOf(' at ', edit.offset) + ' at '.length + 2);
  const screen = { start: { line: Math.max(0, at.line - 30), character: 0 }, end: { line: at.line + 30, character: 0 } };
  const textDocument = { uri };
  return {
    edit, range,
    asks: {
      semanticTokens: ['textDocument/semanticTokens/full', { textDocument }],
      folding: ['textDocument/foldingRange', { textDocument }],
      documentSymbols: ['textDocument/documentSymbol', { textDocument }],
      codeLens: ['textDocument/codeLens', { textDocument }],
      inlayHints: ['textDocument/inlayHint', { textDocument, range: screen }],
      hover: ['textDocument/hover', { textDocument, position: nameAt }],
      completion: ['textDocument/completion', { textDocument, position: stageAt }],
    },
  };
}

/** A scenario's lens gets its title when it is on screen: the first one without, as the editor asks. */
export function lensToResolve(lenses: { command?: unknown }[] | null | undefined): { command?: unknown } | undefined {
  return (lenses ?? []).find((l) => !l.command);
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => { timer = setTimeout(() => reject(new RequestTimeout()), ms); });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

function countProblems(diagnostics: { severity?: number }[]): RequestRow['problems'] {
  const problems = { error: 0, warning: 0, info: 0 };
  for (const d of diagnostics) {
    if (d.severity === 1) problems.error++;
    else if (d.severity === 2) problems.warning++;
    else problems.info++;
  }
  return problems;
}

function sizeOf(kind: RequestKind, result: unknown): number {
  if (result === null || result === undefined) return 0;
  if (kind === 'semanticTokens') return ((result as { data: number[] }).data?.length ?? 0) / 5;
  if (kind === 'hover') return JSON.stringify((result as { contents: unknown }).contents ?? '').length;
  if (kind === 'completion') return Array.isArray(result) ? result.length : ((result as { items: unknown[] }).items?.length ?? 0);
  return Array.isArray(result) ? result.length : 0;
}
