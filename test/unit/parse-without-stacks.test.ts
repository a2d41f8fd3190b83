// The parser recovers from each syntax error by throwing and catching an exception; recording
// each one's stack cost a file of 100,000 errors a quarter of its parse. Parsing records none,
// and leaves the process's stack trace limit as it found it, also when the parse throws.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { reanalyzeDealText } from '../../server/src/document/reanalyze';
import { analyzeDealText } from '../../server/src/document/analyze';
import { parseDealText, withoutStackTraces } from '../../server/src/language/parse';

/** How many stacks the parser's exceptions asked for while `run` ran, and how many of them were
 * recorded with frames (the stack trace limit above 0). */
function stacksDuring(run: () => void): { asked: number; recorded: number } {
  const original = Error.captureStackTrace;
  let asked = 0;
  let recorded = 0;
  Error.captureStackTrace = (target: object, constructor?: Function) => {
    asked++;
    if (Error.stackTraceLimit > 0) recorded++;
    original(target, constructor);
  };
  try {
    run();
  } finally {
    Error.captureStackTrace = original;
  }
  return { asked, recorded };
}

const deal = (payments: string) => `deal X {\n  currency USD\n  party A licensor\n  party B licensee\n  payments from B to A {\n${payments}  }\n}\n`;

describe('parsing without stack traces', () => {
  it('records no stack for the 50 errors of a pasted table, and reports them all', () => {
    let parsed: ReturnType<typeof parseDealText> | undefined;
    const stacks = stacksDuring(() => { parsed = parseDealText(deal('    upfront on signing\n'.repeat(50))); });
    assert.equal(parsed!.syntaxErrors.filter((e) => e.message.startsWith("Unexpected 'on' after 'upfront'")).length, 50);
    assert.ok(stacks.asked >= 50, `${stacks.asked} exceptions`);
    assert.equal(stacks.recorded, 0);
  });

  it('records none when one term is read again after a keystroke', () => {
    const text = deal('    upfront 5M on signing\n    milestone M "first patient" 10M at phase1\n');
    const before = analyzeDealText(text);
    const stacks = stacksDuring(() => { reanalyzeDealText(before, text.replace('10M at phase1', '10M at')); });
    assert.ok(stacks.asked > 0, 'the edit leaves a term the parser must recover from');
    assert.equal(stacks.recorded, 0);
  });

  it('puts the stack trace limit back when the parse throws', () => {
    const limit = Error.stackTraceLimit;
    assert.throws(() => withoutStackTraces(() => { throw new Error('inside'); }), /inside/);
    assert.equal(Error.stackTraceLimit, limit);
    assert.match(new Error('outside').stack ?? '', /\n\s+at /);
  });
});
