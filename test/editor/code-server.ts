// Starts VS Code in the browser (code-server) with the packaged extension installed, on
// loopback, with its own settings, data and extensions folders.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface RunningCodeServer {
  url: string; folder: string; stop(): Promise<void>; log(): string;
  /** VS Code's own logs (extension hosts, the server), one folder per session. */
  logs: string;
}

export function codeServerBin(repo: string): string {
  return join(repo, '.cache/code-server/node_modules/.bin/code-server');
}

/** Installs code-server unless it is there; false when it cannot be installed here. */
export function ensureCodeServer(repo: string): boolean {
  if (existsSync(join(repo, '.cache/code-server/.installed'))) return true;
  const run = spawnSync('bash', [join(repo, 'scripts/install-code-server.sh')], { stdio: 'inherit' });
  return run.status === 0;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

async function waitForHttp(url: string, child: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`code-server exited with ${child.exitCode}`);
    try {
      const response = await fetch(url, { redirect: 'manual' });
      if (response.status < 500) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`code-server did not answer at ${url} within ${timeoutMs} ms`);
}

export async function startCodeServer(repo: string, vsix: string, files: Record<string, string>): Promise<RunningCodeServer> {
  const base = mkdtempSync(join(tmpdir(), 'deal-code-server-'));
  const dirs = { user: join(base, 'user'), extensions: join(base, 'extensions'), folder: join(base, 'workspace'), xdg: join(base, 'xdg') };
  for (const dir of Object.values(dirs)) mkdirSync(dir, { recursive: true });
  mkdirSync(join(dirs.user, 'User'), { recursive: true });
  writeFileSync(join(dirs.user, 'User/settings.json'), JSON.stringify({
    'security.workspace.trust.enabled': false,
    'workbench.startupEditor': 'none',
    'workbench.tips.enabled': false,
    'extensions.ignoreRecommendations': true,
    'telemetry.telemetryLevel': 'off',
    'update.mode': 'none',
    'editor.hover.delay': 150,
    'window.commandCenter': false,
    'chat.commandCenter.enabled': false,
  }, null, 2));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dirs.folder, name), text);

  const env = { ...process.env, XDG_CONFIG_HOME: join(dirs.xdg, 'config'), XDG_DATA_HOME: join(dirs.xdg, 'data') };
  const common = ['--user-data-dir', dirs.user, '--extensions-dir', dirs.extensions];
  const install = spawnSync(codeServerBin(repo), [...common, '--install-extension', vsix], { encoding: 'utf8', env, timeout: 60_000 });
  if (install.status !== 0) throw new Error(`installing the extension failed:\n${install.stdout}${install.stderr}`);

  const port = await freePort();
  let output = '';
  const child = spawn(codeServerBin(repo), [
    ...common, '--bind-addr', `127.0.0.1:${port}`, '--auth', 'none', '--disable-telemetry',
    '--disable-update-check', '--disable-workspace-trust', '--disable-getting-started-override', dirs.folder,
  ], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout!.on('data', (d) => { output += d; });
  child.stderr!.on('data', (d) => { output += d; });
  const url = `http://127.0.0.1:${port}/`;
  try {
    await waitForHttp(url, child, 30_000);
  } catch (error) {
    child.kill('SIGKILL');
    throw new Error(`${(error as Error).message}\n${output}`);
  }
  return {
    url: `${url}?folder=${encodeURIComponent(dirs.folder)}`,
    folder: dirs.folder,
    log: () => output,
    logs: join(dirs.user, 'logs'),
    stop: () => new Promise<void>((resolve) => {
      if (child.exitCode !== null) return resolve();
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
      setTimeout(() => child.kill('SIGKILL'), 3000).unref();
    }),
  };
}
