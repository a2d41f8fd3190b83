// In-process comparison, per size: the deal analysis (lex, parse, analyse), JSON.parse of the
// deal's JSON export (the native floor), and vscode-json-languageservice on that same JSON.
// The three run interleaved in one process so machine noise hits them alike.
//
// The code under test is bundled with esbuild first, as dist/server.js is: tsx compiles with
// `keepNames`, which wraps every closure the parser's rules create in a naming helper and
// makes parsing about twice as slow as the shipped bundle.
import { build } from 'esbuild';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { Corpus, Shape } from './corpus';
import { now, summarise, type Summary } from './stats';

export type Subject = typeof import('./subject');

export interface AnalysisRow {
  size: string;
  shape: Shape;
  lines: number;
  dealChars: number;
  jsonChars: number;
  diagnostics: number;
  lexParse: Summary;
  analysis: Summary;
  jsonParse: Summary;
  jsonService: Summary;
  /** analysis ÷ JSON.parse and analysis ÷ JSON language service, on the medians. */
  ratioToJsonParse: number;
  ratioToJsonService: number;
}

export async function loadSubject(root: string): Promise<Subject> {
  const outfile = join(root, 'out', 'bench', 'subject.cjs');
  await build({
    entryPoints: [join(root, 'bench', 'subject.ts')], outfile, bundle: true, platform: 'node', format: 'cjs',
    target: 'node20', minify: true, mainFields: ['module', 'main'], logLevel: 'warning',
  });
  return createRequire(import.meta.url)(outfile) as Subject;
}

export async function benchAnalysis(subject: Subject, corpus: Corpus, runs: number): Promise<AnalysisRow> {
  const { text } = corpus;
  const json = subject.jsonExport(text);
  const diagnostics = subject.analyzeDealText(text).diagnostics.length;
  const lexParse: number[] = [];
  const analysis: number[] = [];
  const jsonParse: number[] = [];
  const jsonService: number[] = [];
  // Unrecorded runs first, as many as recorded ones and for at least a second: the figures are
  // those of a server that has been running, its code compiled by V8 (the first analyses of a
  // fresh process are slower, the deal analysis's more than the JSON service's, whose code is
  // smaller: at 270 lines, 1.3× it over the first 120 runs, 0.8× after; a hundred runs of a
  // small file take a fifth of a second, too few for V8 to optimise the functions called once
  // per deal). A fresh process's first analysis is *open → diagnostics*.
  const warmupAtLeastMs = 1_000;
  const warmupStarted = now();
  let warmup = runs;
  for (let i = 0; i < warmup + runs; i++) {
    if (i === warmup - 1 && now() - warmupStarted < warmupAtLeastMs) warmup++;
    const record = i >= warmup;
    let start = now();
    subject.parseDealText(text);
    if (record) lexParse.push(now() - start);
    start = now();
    subject.analyzeDealText(text);
    if (record) analysis.push(now() - start);
    start = now();
    JSON.parse(json);
    if (record) jsonParse.push(now() - start);
    start = now();
    await subject.jsonLanguageService(json, i);
    if (record) jsonService.push(now() - start);
  }
  const row = {
    size: corpus.name, shape: corpus.shape ?? 'portfolio', lines: corpus.lines, dealChars: text.length, jsonChars: json.length, diagnostics,
    lexParse: summarise(lexParse), analysis: summarise(analysis), jsonParse: summarise(jsonParse), jsonService: summarise(jsonService),
  };
  return {
    ...row,
    ratioToJsonParse: row.analysis.p50 / row.jsonParse.p50,
    ratioToJsonService: row.analysis.p50 / row.jsonService.p50,
  };
}
