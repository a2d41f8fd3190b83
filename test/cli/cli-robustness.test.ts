// The `deal` command on whatever it is given: files it cannot read, directories, binary and
// empty files, byte-order marks, standard input, outputs it cannot write, a reader that stops
// early. Every failure is one line on standard error and a non-zero exit, never a stack trace;
// with --json, standard output is valid JSON whenever there is any.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { generateDeal } from '../generate-deal';

const root = fileURLToPath(new URL('../../', import.meta.url));
const immunogen = join(root, 'examples', 'immunogen-biotest-2006.deal');

interface Run { status: number | null; stdout: string; stderr: string }

let dir: string;
let cli: string;

function deal(args: string[], input?: string): Run {
  const result = spawnSync(process.execPath, [cli, ...args], { cwd: dir, encoding: 'utf8', input, maxBuffer: 64 * 1024 * 1024 });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Exit 2, nothing on standard output, one line on standard error that starts `deal: `. */
function assertOneLineFailure(run: Run, message: RegExp): void {
  const lines = run.stderr.split('\n').filter(Boolean);
  assert.equal(run.status, 2, JSON.stringify(run));
  assert.equal(run.stdout, '');
  assert.equal(lines.length, 1, run.stderr);
  assert.match(lines[0], message);
  assert.doesNotMatch(run.stderr, /\n\s+at |Error:|node:internal/);
}

function file(name: string, content: string | Buffer): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return name;
}

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'deal-cli-robust-'));
  cli = join(dir, 'cli.js');
  // The current sources, bundled as `node esbuild.mjs` bundles dist/cli.js.
  await build({
    entryPoints: [join(root, 'server/src/cli/main.ts')], outfile: cli, bundle: true, platform: 'node', format: 'cjs',
    target: 'node20', mainFields: ['module', 'main'], logLevel: 'error',
  });
});

after(() => rmSync(dir, { recursive: true, force: true }));

describe('deal on files it cannot use', () => {
  it('a path through a file (not a directory) is one line and exit 2', () => {
    file('plain.deal', 'deal A "a" {}\n');
    assertOneLineFailure(deal(['rollup', 'plain.deal/inner.deal']), /^deal: plain\.deal\/inner\.deal: cannot be read \(ENOTDIR\)/);
  });

  it('a directory, for each command', () => {
    for (const command of ['rollup', 'render']) assertOneLineFailure(deal([command, '.']), /^deal: \.: is a directory, not a \.deal file/);
    const check = deal(['check', '.']);
    assert.equal(check.status, 2);
    // check reports a file it cannot read the way it reports a problem: starting with the file.
    assert.equal(check.stderr, '.: is a directory, not a .deal file\n');
  });

  it('an unreadable file, when permissions apply (not as root)', (t) => {
    if (process.getuid?.() === 0) { t.skip('root reads every file'); return; }
    const name = file('secret.deal', 'deal A "a" {}\n');
    spawnSync('chmod', ['000', join(dir, name)]);
    assertOneLineFailure(deal(['rollup', name]), /^deal: secret\.deal: permission denied/);
  });

  it('an output it cannot write is one line and exit 2', () => {
    file('blocker', 'a file where a folder should be');
    assertOneLineFailure(deal(['render', immunogen, '--out', 'blocker/term-sheet.html']), /^deal: blocker\/term-sheet\.html: cannot be written \((ENOTDIR|EEXIST)\)/);
  });

  it('no arguments at all prints the help and exits 0; a flag alone names what is missing', () => {
    const help = deal([]);
    assert.equal(help.status, 0);
    assert.match(help.stdout, /deal check FILE/);
    assertOneLineFailure(deal(['check']), /^deal: deal check needs a \.deal file/);
    assertOneLineFailure(deal(['--json']), /^deal: no command given \(commands: check, rollup, value, render\)/);
    assertOneLineFailure(deal(['check', '--json=yes', immunogen]), /^deal: unknown option --json/);
    assertOneLineFailure(deal(['render', immunogen, '--format']), /^deal: --format needs a value/);
    assertOneLineFailure(deal(['check', '-x', immunogen]), /^deal: unknown option -x/);
  });
});

describe('deal on odd files', () => {
  it('an empty file: check passes with a note that it holds no deal, rollup --json is an empty list of deals', () => {
    file('empty.deal', '');
    const check = deal(['check', '--json', 'empty.deal']);
    assert.equal(check.status, 0);
    assert.deepEqual(JSON.parse(check.stdout), [{
      file: 'empty.deal', line: 1, column: 1, endLine: 1, endColumn: 1, severity: 'info', code: 'no-deal',
      message: 'No deal in this file: write `deal Name "Title" { … }`.',
    }]);
    assert.deepEqual(JSON.parse(deal(['rollup', '--json', 'empty.deal']).stdout), { deals: [] });
  });

  it('a binary file: exit 1, at most 500 problems, valid JSON, no stack trace', () => {
    let seed = 11;
    file('binary.deal', Buffer.from(Array.from({ length: 100_000 }, () => (seed = (seed * 1103515245 + 12345) >>> 0) >>> 24)));
    const check = deal(['check', '--json', 'binary.deal']);
    assert.equal(check.status, 1);
    const problems = JSON.parse(check.stdout);
    assert.ok(problems.length > 0 && problems.length <= 500);
    assert.equal(check.stderr, '');
    for (const command of [['rollup', '--json'], ['render', '--format', 'json'], ['render', '--format', 'html'], ['render', '--format', 'csv']]) {
      const run = deal([...command, 'binary.deal']);
      assert.equal(run.status, 1, command.join(' '));
      assert.doesNotMatch(run.stderr, /\n\s+at |node:internal/);
      if (command.includes('json')) JSON.parse(run.stdout);
    }
  });

  it('a byte-order mark does not shift columns on the first line', () => {
    file('bom.deal', '\ufeffdeal A "a" { currency QQQ }\n');
    file('nobom.deal', 'deal A "a" { currency QQQ }\n');
    const [withBom, without] = ['bom.deal', 'nobom.deal'].map((name) => JSON.parse(deal(['check', '--json', name]).stdout));
    assert.deepEqual(withBom.map((d: { column: number }) => d.column), [23]);
    assert.deepEqual(withBom.map((d: { column: number }) => d.column), without.map((d: { column: number }) => d.column));
  });

  it('CRLF and lone CR line ends give the same lines and columns as LF', () => {
    const text = 'deal A "a" {\n  currency QQQ\n}\n';
    const positions = (name: string) => JSON.parse(deal(['check', '--json', name]).stdout)
      .map((d: { line: number; column: number; endLine: number; endColumn: number }) => [d.line, d.column, d.endLine, d.endColumn]);
    file('lf.deal', text);
    file('crlf.deal', text.replace(/\n/g, '\r\n'));
    file('cr.deal', text.replace(/\n/g, '\r'));
    assert.deepEqual(positions('lf.deal'), [[2, 12, 2, 15]]);
    assert.deepEqual(positions('crlf.deal'), [[2, 12, 2, 15]]);
    assert.deepEqual(positions('cr.deal'), [[2, 12, 2, 15]]);
  });

  it('reads standard input for -', () => {
    const run = deal(['check', '--json', '-'], 'deal A "a" {\n  currency QQQ\n}\n');
    assert.equal(run.status, 1);
    assert.deepEqual(JSON.parse(run.stdout).map((d: { file: string; code: string }) => [d.file, d.code]), [['-', 'unknown-reference']]);
  });

  it('check --json with readable and unreadable files: the JSON of the readable, one line per unreadable, exit 2', () => {
    file('bad.deal', 'deal A "a" {\n  currency QQQ\n}\n');
    const run = deal(['check', '--json', 'bad.deal', 'missing.deal', '.']);
    assert.equal(run.status, 2);
    assert.deepEqual(JSON.parse(run.stdout).map((d: { file: string }) => d.file), ['bad.deal']);
    assert.deepEqual(run.stderr.split('\n').filter(Boolean), ['missing.deal: no such file', '.: is a directory, not a .deal file']);
  });
});

describe('deal and the reader of its output', () => {
  it('stops quietly when the reader closes the pipe early', () => {
    file('big.deal', generateDeal(3, { payments: 600 }));
    const run = spawnSync('bash', ['-c', `set -o pipefail; node ${JSON.stringify(cli)} render big.deal --format html | head -c 100 > /dev/null; echo "exit \${PIPESTATUS[0]}"`], { cwd: dir, encoding: 'utf8' });
    assert.match(run.stdout, /^exit [01]\n$/);
    assert.equal(run.stderr, '');
  });

  it('writes the same JSON as the examples to a file that is not .deal by name', () => {
    file('term-sheet.txt', readFileSync(immunogen, 'utf8'));
    const run = deal(['rollup', '--json', 'term-sheet.txt']);
    assert.equal(run.status, 0);
    assert.equal(JSON.parse(run.stdout).deals[0].totals.headline, '36500000');
  });
});

describe('deal on numbers far beyond any deal', () => {
  /** The run, stopped after 30 s: these used to take minutes, or never end. */
  const timed = (args: string[]): Run & { ms: number } => {
    const start = Date.now();
    const result = spawnSync(process.execPath, [cli, ...args], { cwd: dir, encoding: 'utf8', timeout: 30_000, maxBuffer: 256 * 1024 * 1024 });
    return { status: result.status, stdout: result.stdout, stderr: result.stderr, ms: Date.now() - start };
  };
  const dealWith = (line: string, headline = '') => `deal D {\n  signed 2024-01-01\n${headline}  party A licensor\n  party B licensee\n  payments from B to A {\n    ${line}\n  }\n}\n`;
  const tooLarge = 'error invalid-value This amount is larger than any deal figure (the most is 999,999,999,999,999,999): check its digits and scale. Totals that include it are not exact.';

  it('rollup of a 40,000-digit amount: the error, and the figures cut short', () => {
    file('forty-thousand.deal', dealWith(`upfront ${'1'.repeat(40_000)} on signing`));
    const run = timed(['rollup', 'forty-thousand.deal']);
    assert.equal(run.status, 1, `${run.ms} ms`);
    assert.equal(run.stderr, `forty-thousand.deal:6:13 ${tooLarge}\n`);
    assert.ok(run.stdout.includes('  Upfront  $1,111,111…(40,000 digits)\n'), run.stdout);
    assert.ok(run.stdout.length < 2000);
  });

  it('check of a 100,000-digit headline: one error on it', () => {
    file('headline.deal', dealWith('upfront 1M on signing', `  headline ${'1'.repeat(100_000)}\n`));
    const run = timed(['check', 'headline.deal']);
    assert.equal(run.status, 1, `${run.ms} ms`);
    assert.equal(run.stdout, `headline.deal:3:12 ${tooLarge}\n`);
  });

  it('check, rollup and render of a 5 MB number end, with the error', () => {
    file('five-megabytes.deal', dealWith(`upfront ${'7'.repeat(5_000_000)} on signing`));
    const check = timed(['check', 'five-megabytes.deal']);
    assert.equal(check.status, 1, `${check.ms} ms`);
    assert.equal(check.stdout, `five-megabytes.deal:6:13 ${tooLarge}\n`);
    for (const command of [['rollup'], ['render', '--format', 'md'], ['render', '--format', 'html']]) {
      const run = timed([...command, 'five-megabytes.deal']);
      assert.equal(run.status, 1, `${command.join(' ')}: ${run.ms} ms ${run.stderr.slice(0, 200)}`);
      assert.ok(run.stdout.includes('$77,777,777…(5,000,000 digits)'), command.join(' '));
      assert.ok(run.stdout.length < 30_000, `${command.join(' ')}: ${run.stdout.length} characters`);
    }
  });
});
