// The files the `deal` command reads and writes: it never writes over a .deal file or its input
// (by name, through a symlink or a hard link), writes through a temporary file so a failure
// leaves no half file, reads only regular files up to 64 MB (never waiting on a FIFO or reading
// /dev/zero forever), and one file that fails never hides the others.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import {
  closeSync, linkSync, lstatSync, mkdirSync, mkdtempSync, openSync, readdirSync, readFileSync, realpathSync, rmSync, statSync,
  symlinkSync, truncateSync, writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { analyzeDealText } from '../../server/src/document/analyze';
import { UsageError } from '../../server/src/cli/args';
import { checkCommand } from '../../server/src/cli/check-command';
import { writeOutput } from '../../server/src/cli/write-output';

const root = fileURLToPath(new URL('../../', import.meta.url));
const acmeText = readFileSync(join(root, 'examples', 'acme-globex-2024.deal'), 'utf8');
const broken = 'deal Broken {\n  currency QQQ\n}\n';
const posix = process.platform !== 'win32';

interface Run { status: number | null; stdout: string; stderr: string }

let dir: string;
let cli: string;

/** The command in the test folder; a run that hangs fails after 20 s instead of hanging the suite. */
function deal(args: string[], options: { input?: string; stdin?: number; env?: NodeJS.ProcessEnv } = {}): Run {
  const result = spawnSync(process.execPath, [cli, ...args], {
    cwd: dir, encoding: 'utf8', input: options.input, timeout: 20_000, maxBuffer: 64 * 1024 * 1024,
    stdio: [options.stdin ?? 'pipe', 'pipe', 'pipe'], env: options.env ?? process.env,
  });
  assert.equal(result.error, undefined, `deal ${args.join(' ')} did not finish: ${result.error}`);
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

function file(name: string, content: string | Buffer): string {
  writeFileSync(join(dir, name), content);
  return name;
}

const at = (name: string) => join(dir, name);
const leftovers = (folder: string) => readdirSync(folder).filter((name) => name.endsWith('.tmp'));

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'deal-cli-files-'));
  cli = join(dir, 'cli.js');
  // The current sources, bundled as `node esbuild.mjs` bundles dist/cli.js.
  await build({
    entryPoints: [join(root, 'server/src/cli/main.ts')], outfile: cli, bundle: true, platform: 'node', format: 'cjs',
    target: 'node20', mainFields: ['module', 'main'], logLevel: 'error',
  });
});

after(() => rmSync(dir, { recursive: true, force: true }));

describe('deal render --out never writes over a term sheet', () => {
  it('refuses to write a .deal file, the input included, and leaves it as it was', () => {
    file('x.deal', acmeText);
    const run = deal(['render', 'x.deal', '--out', 'x.deal']);
    assert.deepEqual(run, {
      status: 2, stdout: '',
      stderr: 'deal: x.deal: is a .deal file, and deal render never writes over a term sheet: give --out another name (see deal --help)\n',
    });
    assert.equal(readFileSync(at('x.deal'), 'utf8'), acmeText);
    const other = deal(['render', 'x.deal', '--format', 'md', '--out', 'Other.DEAL']);
    assert.equal(other.status, 2);
    assert.equal(other.stderr, 'deal: Other.DEAL: is a .deal file, and deal render never writes over a term sheet: give --out another name (see deal --help)\n');
    assert.deepEqual(readdirSync(dir).filter((name) => /^other/i.test(name)), []);
  });

  it('refuses a symlink that leads to a .deal file, and leaves both as they were', { skip: !posix }, () => {
    file('y.deal', acmeText);
    symlinkSync('y.deal', at('sheet.html'));
    const run = deal(['render', 'x.deal', '--out', 'sheet.html']);
    assert.equal(run.status, 2);
    assert.equal(run.stderr,
      `deal: sheet.html: leads to the .deal file ${realpathSync(at('y.deal'))}, and deal render never writes over a term sheet: give --out another name (see deal --help)\n`);
    assert.equal(readFileSync(at('y.deal'), 'utf8'), acmeText);
    assert.ok(lstatSync(at('sheet.html')).isSymbolicLink());
    // A dangling symlink to a .deal name is refused too: it would create the .deal file.
    symlinkSync('not-yet.deal', at('later.html'));
    assert.equal(deal(['render', 'x.deal', '--out', 'later.html']).status, 2);
    assert.deepEqual(readdirSync(dir).filter((name) => name === 'not-yet.deal'), []);
  });

  it('refuses to write over the input whatever it is called: through a symlink or a hard link', { skip: !posix }, () => {
    file('terms.txt', acmeText);
    symlinkSync('terms.txt', at('terms-link.html'));
    linkSync(at('terms.txt'), at('terms-hard.html'));
    for (const out of ['terms-link.html', 'terms-hard.html']) {
      const run = deal(['render', 'terms.txt', '--out', out]);
      assert.deepEqual(run, {
        status: 2, stdout: '',
        stderr: `deal: ${out}: is terms.txt, the file being rendered, and deal render never writes over its input: give --out another name (see deal --help)\n`,
      });
    }
    assert.equal(readFileSync(at('terms.txt'), 'utf8'), acmeText);
  });

  it('writes through a symlink to another file, keeping the link, the file\'s permissions and no temporary file', { skip: !posix }, () => {
    mkdirSync(at('shared'));
    writeFileSync(at('shared/sheet.csv'), 'old\n', { mode: 0o640 });
    symlinkSync('shared/sheet.csv', at('sheet.csv'));
    const run = deal(['render', 'x.deal', '--out', 'sheet.csv']);
    assert.deepEqual(run, { status: 0, stdout: '', stderr: '' });
    assert.ok(lstatSync(at('sheet.csv')).isSymbolicLink());
    assert.match(readFileSync(at('shared/sheet.csv'), 'utf8'), /^deal,scenario,year,kind,name,payer,payee,amount/);
    assert.equal(statSync(at('shared/sheet.csv')).mode & 0o777, 0o640);
    assert.deepEqual([...leftovers(dir), ...leftovers(at('shared'))], []);
  });

  it('--out - is standard output, and a device such as /dev/null is written as it is', { skip: !posix }, () => {
    const plain = deal(['render', 'x.deal', '--format', 'md']);
    const dash = deal(['render', 'x.deal', '--format', 'md', '--out', '-']);
    assert.equal(dash.status, 0);
    assert.equal(dash.stdout, plain.stdout);
    assert.match(dash.stdout, /^# Acme Bio \/ Globex Pharma oncology collaboration$/m);
    assert.ok(!readdirSync(dir).includes('-'));
    assert.deepEqual(deal(['render', 'x.deal', '--out', '/dev/null']), { status: 0, stdout: '', stderr: '' });
  });

  it('a write that fails halfway leaves the existing output untouched and no half file', () => {
    const folder = mkdtempSync(join(dir, 'out-'));
    const out = join(folder, 'sheet.html');
    writeFileSync(out, '<p>the sheet sent yesterday</p>');
    const failHalfway = (path: string, text: string) => {
      writeFileSync(path, text.slice(0, text.length / 2));
      throw Object.assign(new Error('no space left on device'), { code: 'ENOSPC' });
    };
    assert.throws(() => writeOutput(out, '<p>today</p>'.repeat(1000), [at('x.deal')], failHalfway),
      (error: unknown) => error instanceof UsageError && error.message === `${out}: cannot be written (ENOSPC)`);
    assert.equal(readFileSync(out, 'utf8'), '<p>the sheet sent yesterday</p>');
    assert.deepEqual(readdirSync(folder), ['sheet.html']);
  });
});

describe('deal reads only regular files, up to 64 MB', () => {
  it('a symlink to /dev/zero is one line, and the other files are still checked', { skip: !posix }, () => {
    file('broken.deal', broken);
    symlinkSync('/dev/zero', at('zero.deal'));
    const run = deal(['check', 'zero.deal', 'broken.deal']);
    assert.equal(run.status, 2);
    assert.equal(run.stderr, 'zero.deal: is not a regular file (a device)\n');
    assert.equal(run.stdout, 'broken.deal:2:12 error unknown-reference Unknown currency \'QQQ\'. Write an ISO 4217 code (USD, EUR, GBP, JPY, CHF…) or a symbol ($ US$ € £ ¥).\n');
  });

  it('a FIFO is never opened: one line, no wait, for each command', { skip: !posix }, () => {
    assert.equal(spawnSync('mkfifo', [at('pipe.deal')]).status, 0);
    const check = deal(['check', 'pipe.deal', 'broken.deal']);
    assert.equal(check.status, 2);
    assert.equal(check.stderr, 'pipe.deal: is not a regular file (a FIFO)\n');
    assert.match(check.stdout, /^broken\.deal:2:12 error unknown-reference/);
    for (const command of ['rollup', 'render']) {
      assert.deepEqual(deal([command, 'pipe.deal']), {
        status: 2, stdout: '', stderr: 'deal: pipe.deal: is not a regular file (a FIFO) (see deal --help)\n',
      });
    }
  });

  it('a file over 64 MB is one line, without reading it', () => {
    file('huge.deal', '');
    truncateSync(at('huge.deal'), 70 * 1024 * 1024);
    const run = deal(['check', 'huge.deal', 'broken.deal']);
    assert.equal(run.status, 2);
    assert.equal(run.stderr, 'huge.deal: is 70 MB; the limit is 64 MB\n');
    assert.match(run.stdout, /^broken\.deal:2:12 error unknown-reference/);
  });

  it('standard input stops at 64 MB too', { skip: !posix }, () => {
    const zero = openSync('/dev/zero', 'r');
    try {
      const run = deal(['check', '-'], { stdin: zero });
      assert.deepEqual(run, { status: 2, stdout: '', stderr: '-: is more than 64 MB; the limit is 64 MB\n' });
    } finally {
      closeSync(zero);
    }
    const piped = deal(['check', '-'], { input: broken });
    assert.equal(piped.status, 1);
    assert.match(piped.stdout, /^-:2:12 error unknown-reference/);
  });
});

describe('one file that fails never hides the others', () => {
  it('checks every other file when one is 125,000 closing braces', () => {
    file('braces.deal', '}'.repeat(125_000));
    const run = deal(['check', 'broken.deal', 'braces.deal', 'x.deal']);
    assert.notEqual(run.status, 0);
    assert.match(run.stdout, /^broken\.deal:2:12 error unknown-reference/m);
    assert.match(run.stdout, /^x\.deal:\d+:\d+ info /m);
    assert.doesNotMatch(run.stderr, /\n\s+at |node:internal/);
    assert.ok(run.stderr.split('\n').filter(Boolean).length <= 1, run.stderr);
  });

  const failingOn = (marker: string) => (text: string) => {
    if (text.includes(marker)) throw new RangeError('Maximum call stack size exceeded');
    return analyzeDealText(text);
  };

  it('an analysis that fails on one file: one line for it, the others printed, exit 2', () => {
    file('fails.deal', 'deal Fails { }\n');
    const files = [at('broken.deal'), at('fails.deal'), at('x.deal')];
    const result = checkCommand(files, true, { analyse: failingOn('Fails') });
    assert.equal(result.exitCode, 2);
    assert.deepEqual(result.stderr, [
      `${at('fails.deal')}: could not be checked (internal error: Maximum call stack size exceeded); please report it with this file`,
    ]);
    const checked = JSON.parse(result.stdout) as { file: string; code: string }[];
    assert.deepEqual([...new Set(checked.map((d) => d.file))], [at('broken.deal'), at('x.deal')]);
  });

  it('gives the stack only when asked (DEAL_DEBUG)', () => {
    const result = checkCommand([at('fails.deal')], false, { analyse: failingOn('Fails'), debug: true });
    assert.equal(result.stderr[0], `${at('fails.deal')}: could not be checked (internal error: Maximum call stack size exceeded); please report it with this file`);
    assert.ok(result.stderr.length > 1);
    assert.match(result.stderr[1], /^\s+at /);
    // Through the command: DEAL_DEBUG set or not, a usage error stays one line.
    assert.equal(deal(['rollup', 'missing.deal'], { env: { ...process.env, DEAL_DEBUG: '1' } }).stderr, 'deal: missing.deal: no such file (see deal --help)\n');
  });
});
