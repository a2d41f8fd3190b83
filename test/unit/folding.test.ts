// Folding ranges: blocks over several lines and comment runs, from the tokens.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyzeDealText } from '../../server/src/document/analyze';
import { findFoldingRanges } from '../../server/src/features/folding';

const lines = (text: string) => findFoldingRanges(analyzeDealText(text)).map((r) => `${r.kind} ${r.startLine}-${r.endLine}`);

describe('folding ranges', () => {
  it('folds each multi-line block, keeping its closing brace visible', () => {
    assert.deepEqual(lines([
      'deal D {',                                   // 0
      '  party A "a" { role licensor }',            // 1: one line, no fold
      '  payments from B to A {',                   // 2
      '    milestones G up to 5M {',                // 3
      '      milestone M 1M at phase1',             // 4
      '    }',                                      // 5
      '  }',                                        // 6
      '}',                                          // 7
    ].join('\n')), ['region 0-6', 'region 2-5', 'region 3-4']);
  });

  it('folds a run of line comments and a block comment, not a lone comment', () => {
    assert.deepEqual(lines([
      '// one',            // 0
      '// two',            // 1
      '// three',          // 2
      'deal D { }',        // 3
      '/* a',              // 4
      '   b */',           // 5
      '// alone',          // 6
    ].join('\n')), ['comment 0-2', 'comment 4-5']);
  });

  it('still folds a file with a syntax error', () => {
    assert.deepEqual(lines('deal D {\n  payments from {\n    upfront\n  }\n}'), ['region 0-3', 'region 1-2']);
  });

  it('keeps a trailing comment out of a run', () => {
    assert.deepEqual(lines('deal D { // a\n// b\n}'), ['region 0-1']);
  });
});
