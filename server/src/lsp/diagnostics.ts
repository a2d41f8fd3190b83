// Diagnostics: published when a document opens and after every change, as soon as the edits
// already received are applied; a result for a version the user has already typed past is
// dropped; cleared on close. Checking is background work: documents due for a check wait their
// turn in one queue, smallest first, and each check starts only when every request the editor
// has sent is answered, so a hover on one file never waits behind the check of a long one.
import { DiagnosticSeverity, DiagnosticTag, type Connection, type Diagnostic } from './language-server-library';
import type { AnalyzedDocument } from '../document/analyze';
import type { DealDiagnostic, Severity } from '../model/diagnostic';
import { visibleText } from '../language/unusual-characters';
import { noActivity, whenIdle, type EditorActivity } from './activity';
import type { DealDocuments } from './document-cache';
import { keepingJson } from './json-into-buffer';
import { describeError } from './run-safe';
import { isRangeOf } from './spans';

const severities: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

/** How long to wait after a keystroke before checking: about half as long as the last check of
 * the document took. A short document is checked at once; for a long one, keystrokes that come
 * faster than it can be checked are coalesced into one check instead of queueing stale ones. */
function settleMs(lastCheckMs: number | undefined): number {
  return Math.min(150, Math.floor((lastCheckMs ?? 0) / 2));
}

/** A document never checked yet is expected to take about a millisecond per thousand characters. */
function expectedCheckMs(lastCheckMs: number | undefined, length: number): number {
  return lastCheckMs ?? length / 1000;
}

/** Whether a change at `now` comes after a pause: the document was checked before, and the
 * change before this one is older than that check took (and than the wait after a keystroke). */
export function afterPause(now: number, lastChangeAt: number | undefined, lastCheckMs: number | undefined): boolean {
  return lastCheckMs !== undefined && now - (lastChangeAt ?? -Infinity) > Math.max(lastCheckMs, settleMs(lastCheckMs));
}

/** Runs `run` after `ms`, or on the next turn of the event loop when there is nothing to wait
 * for (a timer of 0 ms waits a millisecond, a sixteenth of a frame); returns how to call it off. */
function after(ms: number, run: () => void): () => void {
  if (ms <= 0) {
    const immediate = setImmediate(run);
    return () => clearImmediate(immediate);
  }
  const timer = setTimeout(run, ms);
  return () => clearTimeout(timer);
}

export function toLspDiagnostic(analysis: AnalyzedDocument, diagnostic: DealDiagnostic): Diagnostic {
  const result: Diagnostic = {
    range: { start: analysis.lines.positionAt(diagnostic.span.start), end: analysis.lines.positionAt(diagnostic.span.end) },
    severity: severities[diagnostic.severity] ?? DiagnosticSeverity.Error,
    code: diagnostic.code,
    source: 'deal',
    // A message that quotes the file shows its control and invisible characters as marks.
    message: visibleText(diagnostic.message),
  };
  // An unused party is shown faded, as editors show unused code.
  if (diagnostic.code === 'unused-party') result.tags = [DiagnosticTag.Unnecessary];
  if (diagnostic.data) result.data = diagnostic.data;
  return result;
}

/** Each diagnostic of the checks' as it went to the editor, kept from one publication for the next. */
export type ConvertedDiagnostics = ReadonlyMap<DealDiagnostic, Diagnostic>;

/** The diagnostics for the protocol, taking over from the last published (`earlier`) each one the
 * checks kept (the same object: a payment the edit left alone, checked against what stands) whose
 * range starts and ends where it did: a long deal's hundreds of notes are not converted again
 * per keystroke. */
export function diagnosticsForProtocol(analysis: AnalyzedDocument, earlier?: ConvertedDiagnostics): { diagnostics: Diagnostic[]; converted: ConvertedDiagnostics } {
  const converted = new Map<DealDiagnostic, Diagnostic>();
  const diagnostics = keepingJson(analysis.diagnostics.map((diagnostic) => {
    const before = earlier?.get(diagnostic);
    const result = before && isRangeOf(analysis, diagnostic.span, before.range) ? before : toLspDiagnostic(analysis, diagnostic);
    converted.set(diagnostic, result);
    return result;
  }));
  return { diagnostics, converted };
}

export function registerDiagnostics(connection: Connection, documents: DealDocuments, activity: EditorActivity = noActivity): void {
  /** Per document, how to call off the check scheduled for it. */
  const pending = new Map<string, () => void>();
  const lastCheckMs = new Map<string, number>();
  /** What was last published for each document, for the next publication to take over. */
  const sent = new Map<string, ConvertedDiagnostics>();
  /** Documents whose check is due, waiting for the server to be free. */
  const due = new Set<string>();
  /** Documents changed after a pause: checked at once, with no wait for the editor to be quiet. */
  const prompt = new Set<string>();
  const lastChangeAt = new Map<string, number>();
  let checking = false;

  const publish = (uri: string) => {
    const document = documents.get(uri);
    if (!document) return;
    const version = document.version;
    prompt.delete(uri);
    try {
      const started = performance.now();
      const analysis = documents.analysisOf(document);
      lastCheckMs.set(uri, performance.now() - started);
      // The document may have moved on while this ran; its own check will follow.
      if (documents.get(uri)?.version !== version) return;
      const { diagnostics, converted } = diagnosticsForProtocol(analysis, sent.get(uri));
      sent.set(uri, converted);
      void connection.sendDiagnostics({ uri, version, diagnostics });
    } catch (error) {
      connection.console.error(`Checking ${uri} failed: ${describeError(error)}`);
    }
  };

  const lengthOf = (uri: string) => documents.get(uri)?.getText().length ?? 0;
  const expected = (uri: string) => expectedCheckMs(lastCheckMs.get(uri), lengthOf(uri));
  /** The due document quickest to check: a short file is not held up by a long one. */
  const nextDue = () => [...due].reduce((best, uri) => (expected(uri) < expected(best) ? uri : best));

  const checkDueDocuments = async () => {
    if (checking) return;
    checking = true;
    try {
      while (due.size > 0) {
        const next = nextDue();
        await whenIdle(activity, prompt.has(next) ? 0 : settleMs(expected(next)));
        if (due.size === 0) break;
        const uri = nextDue();
        due.delete(uri);
        publish(uri);
      }
    } catch (error) {
      connection.console.error(`Checking documents failed: ${describeError(error)}`);
    } finally {
      checking = false;
    }
  };

  const schedule = (uri: string, delay: number) => {
    pending.get(uri)?.();
    pending.set(uri, after(delay, () => {
      pending.delete(uri);
      due.add(uri);
      void checkDueDocuments();
    }));
  };

  // Opening fires a content change right after; the first check of a file is not delayed.
  const opening = new Set<string>();
  documents.documents.onDidOpen((event) => opening.add(event.document.uri));
  // A keystroke after a pause (longer than the document's last check took) is checked at once:
  // the waits are for coalescing keystrokes that come faster than checks, and there are none.
  documents.documents.onDidChangeContent((event) => {
    const uri = event.document.uri;
    const now = performance.now();
    const lastCheck = lastCheckMs.get(uri);
    const paused = afterPause(now, lastChangeAt.get(uri), lastCheck);
    lastChangeAt.set(uri, now);
    if (paused) prompt.add(uri);
    else prompt.delete(uri);
    schedule(uri, opening.delete(uri) || paused ? 0 : settleMs(lastCheck));
  });
  documents.documents.onDidClose((event) => {
    pending.get(event.document.uri)?.();
    pending.delete(event.document.uri);
    due.delete(event.document.uri);
    lastCheckMs.delete(event.document.uri);
    sent.delete(event.document.uri);
    lastChangeAt.delete(event.document.uri);
    prompt.delete(event.document.uri);
    void connection.sendDiagnostics({ uri: event.document.uri, diagnostics: [] });
  });
}
