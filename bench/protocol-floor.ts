// The protocol's share of each request: the real server's answers after a keystroke, handed to a
// server that does no work (answers-server.ts) and asked for again as the editor asks, over the
// same transport. What the editor waits for beyond these figures is the server's work; these are
// writing, sending and reading answers of that size, which no work saved can shorten.
import { build } from 'esbuild';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { HandedAnswers } from './answers-server';
import { withEdit, type Corpus, type Shape } from './corpus';
import { startServer, type BenchServer } from './lsp-client';
import { editorAsks, lensToResolve, requestKinds, type Ask, type RequestKind } from './request-bench';
import { now, summarise, type Summary } from './stats';

export interface FloorRow {
  size: string;
  shape: Shape;
  lines: number;
  times: Partial<Record<RequestKind, Summary>>;
  /** Each answer as JSON, in KB (edit: the diagnostics published). */
  answerKb: Partial<Record<RequestKind, number>>;
}

export async function bundleAnswersServer(root: string): Promise<string> {
  const outfile = join(root, 'out', 'bench', 'answers-server.js');
  await build({
    entryPoints: [join(root, 'bench', 'answers-server.ts')], outfile, bundle: true, platform: 'node', format: 'cjs',
    target: 'node20', minify: true, mainFields: ['module', 'main'], logLevel: 'warning',
  });
  return outfile;
}

async function editorServer(path: string): Promise<BenchServer> {
  const server = await startServer(path, null, true);
  await server.connection.sendNotification('initialized', {});
  return server;
}

/** The real server's answers to every request after one keystroke in the middle of the file. */
async function realAnswers(serverPath: string, corpus: Corpus, uri: string, { edit, range, asks }: ReturnType<typeof editorAsks>): Promise<{ handed: HandedAnswers; resolve?: object }> {
  const server = await editorServer(serverPath);
  try {
    await server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'deal', version: 1, text: corpus.text } });
    await server.diagnosticsFor(uri, 1);
    await server.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ range, text: edit.replacement }] });
    await server.diagnosticsFor(uri, 2);
    const answers: Record<string, unknown> = {};
    for (const [method, params] of Object.values(asks)) answers[method] = await server.connection.sendRequest(method, params);
    const resolve = lensToResolve(answers['textDocument/codeLens'] as { command?: unknown }[]);
    if (resolve) answers['codeLens/resolve'] = await server.connection.sendRequest('codeLens/resolve', resolve);
    return { handed: { answers, diagnostics: server.lastDiagnostics(uri) }, resolve };
  } finally {
    await server.stop();
  }
}

const kb = (value: unknown) => Math.round((JSON.stringify(value ?? null).length / 1024) * 10) / 10;

export async function benchProtocolFloor(serverPath: string, answersServerPath: string, corpora: Corpus[], samples: number, log = (_: string) => {}): Promise<FloorRow[]> {
  const rows: FloorRow[] = [];
  for (const corpus of corpora) {
    log(`  ${corpus.name} (${corpus.lines} lines)`);
    const uri = pathToFileURL(`/bench/floor-${corpus.lines}.deal`).href;
    const { edit, range, asks } = editorAsks(corpus.text, uri);
    const { handed, resolve } = await realAnswers(serverPath, corpus, uri, { edit, range, asks });
    const methods: Partial<Record<RequestKind, Ask>> = { ...asks, ...(resolve ? { codeLensResolve: ['codeLens/resolve', resolve] as Ask } : {}) };
    const server = await editorServer(answersServerPath);
    const taken = Object.fromEntries(requestKinds.map((kind) => [kind, [] as number[]])) as Record<RequestKind, number[]>;
    try {
      await server.connection.sendNotification('bench/answers', handed);
      let text = corpus.text;
      let version = 1;
      await server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'deal', version, text } });
      await server.diagnosticsFor(uri, version);
      const warmup = 3;
      for (let i = 0; i < warmup + samples; i++) {
        const char = i % 2 === 0 ? edit.replacement : edit.original;
        text = withEdit(text, edit.offset, char);
        version++;
        let start = now();
        await server.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ range, text: char }] });
        const editMs = (await server.diagnosticsFor(uri, version)) - start;
        if (i >= warmup) taken.edit.push(editMs);
        for (const kind of requestKinds) {
          const ask = methods[kind];
          if (!ask) continue;
          start = now();
          await server.connection.sendRequest(...ask);
          if (i >= warmup) taken[kind].push(now() - start);
        }
      }
    } finally {
      await server.stop();
    }
    const times: FloorRow['times'] = {};
    const answerKb: FloorRow['answerKb'] = { edit: kb(handed.diagnostics) };
    for (const kind of requestKinds) {
      if (taken[kind].length) times[kind] = summarise(taken[kind]);
      const method = methods[kind]?.[0];
      if (method) answerKb[kind] = kb(handed.answers[method]);
    }
    rows.push({ size: corpus.name, shape: corpus.shape ?? 'portfolio', lines: corpus.lines, times, answerKb });
  }
  return rows;
}
