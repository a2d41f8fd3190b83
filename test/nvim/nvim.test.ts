// The stand-alone language server under Neovim, a second and independent LSP client.
// Needs `nvim` (Debian's neovim 0.7); in CI the suite must run, elsewhere it is skipped when
// Neovim is missing.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';

const repo = fileURLToPath(new URL('../../', import.meta.url));
const hasNvim = spawnSync('nvim', ['--version'], { encoding: 'utf8' }).status === 0;
const skip = !hasNvim && !process.env.CI ? 'nvim is not installed (apt-get install neovim)' : false;

test('Neovim: diagnostics, hover, definition and completion from dist/server.js', { skip, timeout: 60_000 }, () => {
  const seed = readFileSync(join(repo, 'examples/immunogen-biotest-2006.deal'), 'utf8');
  const broken = seed.replace('payments from Biotest to ImmunoGen', 'payments from Biotes to ImmunoGen');
  assert.notEqual(broken, seed, 'the example has the payments line the test misspells');
  const dir = mkdtempSync(join(tmpdir(), 'deal-nvim-'));
  const file = join(dir, 'broken.deal');
  writeFileSync(file, broken);

  const run = spawnSync('nvim', ['--headless', '--clean', '-c', `luafile ${join(repo, 'test/nvim/lsp-check.lua')}`], {
    encoding: 'utf8',
    timeout: 50_000,
    env: { ...process.env, DEAL_SERVER: join(repo, 'dist/server.js'), DEAL_FILE: file },
  });
  const output = `${run.stdout}${run.stderr}`;
  const lines = output.split(/\r?\n/).filter((l) => /^(ok|FAIL) /.test(l));
  assert.deepEqual(lines.filter((l) => l.startsWith('FAIL')), [], output);
  for (const check of ['server started', 'diagnostics arrive', 'unknown-reference diagnostic', 'diagnostic range on the misspelt name',
    'hover on the group shows $35,500,000', 'hover on the deal shows the headline $36,500,000',
    'definition of a forfeited group is its declaration', 'completion after `from` offers the parties']) {
    assert.ok(lines.includes(`ok ${check}`), `missing check "${check}" in:\n${output}`);
  }
  assert.equal(run.status, 0, output);
});
