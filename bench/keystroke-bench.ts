// One keystroke in the middle of a file, in one process: the server's own work for it (the
// analysis again, then each answer the editor asks for after it, converted for the protocol),
// and how large each answer is as JSON. Over stdio (request-bench.ts) the editor also waits for
// the answer to be written, sent and read: this table tells that part from the work.
import { middleEdit, withEdit, type Corpus } from './corpus';
import type { Subject } from './analysis-bench';
import { now, summarise, type Summary } from './stats';

export const keystrokeSteps = ['edit', 'semanticTokens', 'folding', 'documentSymbols', 'codeLens', 'codeLensResolve', 'inlayHints', 'hover'] as const;
export type KeystrokeStep = (typeof keystrokeSteps)[number];

export interface KeystrokeRow {
  size: string;
  shape: Corpus['shape'];
  lines: number;
  times: Record<KeystrokeStep, Summary>;
  /** Each answer as JSON, in KB (edit: the diagnostics published). */
  answerKb: Record<KeystrokeStep, number>;
}

export function benchKeystrokes(subject: Subject, corpus: Corpus, runs: number): KeystrokeRow {
  const edit = middleEdit(corpus.text);
  let text = corpus.text;
  let document = subject.analyzeDealText(text);
  const screenStart = Math.max(0, edit.offset - 2_000);
  const nameAt = text.indexOf('milestone ', text.lastIndexOf('\n', edit.offset)) + 'milestone '.length + 2;
  const answers = {} as Record<KeystrokeStep, unknown>;
  // As the server does, each answer's runs of semantic tokens, each outline entry and each
  // diagnostic as sent are handed to the next.
  let tokenRuns: ReturnType<Subject['encodeSemanticTokenRuns']>['runs'] | undefined;
  let sentOutline: ReturnType<Subject['outlineForProtocol']>['converted'] | undefined;
  let published: ReturnType<Subject['diagnosticsForProtocol']>['converted'] | undefined;
  const steps: Record<Exclude<KeystrokeStep, 'edit'>, () => unknown> = {
    semanticTokens: () => {
      const { data, runs } = subject.encodeSemanticTokenRuns(document, tokenRuns);
      tokenRuns = runs;
      return data;
    },
    folding: () => subject.findFoldingRanges(document),
    documentSymbols: () => {
      const { outline, converted } = subject.outlineForProtocol(document, sentOutline);
      sentOutline = converted;
      return outline;
    },
    codeLens: () => subject.findCodeLensesOnDemand(document),
    codeLensResolve: () => {
      const lens = subject.findCodeLensesOnDemand(document).find((l) => l.title === undefined);
      return lens ? subject.titleOfLens(document, lens) : undefined;
    },
    inlayHints: () => subject.findInlayHints(document, { start: screenStart, end: screenStart + 4_000 }),
    hover: () => subject.doHover(document, nameAt),
  };
  const samples = Object.fromEntries(keystrokeSteps.map((s) => [s, [] as number[]])) as Record<KeystrokeStep, number[]>;
  const warmup = 3;
  for (let i = 0; i < warmup + runs; i++) {
    text = withEdit(text, edit.offset, i % 2 === 0 ? edit.replacement : edit.original);
    let start = now();
    document = subject.reanalyzeDealText(document, text);
    const { diagnostics, converted } = subject.diagnosticsForProtocol(document, published);
    published = converted;
    if (i >= warmup) samples.edit.push(now() - start);
    answers.edit = diagnostics;
    for (const [step, run] of Object.entries(steps) as [Exclude<KeystrokeStep, 'edit'>, () => unknown][]) {
      start = now();
      answers[step] = run();
      if (i >= warmup) samples[step].push(now() - start);
    }
  }
  const kb = (value: unknown) => Math.round((JSON.stringify(value ?? null).length / 1024) * 10) / 10;
  return {
    size: corpus.name, shape: corpus.shape, lines: corpus.lines,
    times: Object.fromEntries(keystrokeSteps.map((s) => [s, summarise(samples[s])])) as Record<KeystrokeStep, Summary>,
    answerKb: Object.fromEntries(keystrokeSteps.map((s) => [s, kb(answers[s])])) as Record<KeystrokeStep, number>,
  };
}
