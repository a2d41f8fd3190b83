// Runs the extension tests inside a real VS Code (`npm run test:vscode`; not part of `npm test`).
// Uses VSCODE_EXECUTABLE when given, else downloads VS Code stable (needs the network). On a
// machine with no display, run it under `xvfb-run -a npm run test:vscode`.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runTests } from '@vscode/test-electron';

const extensionDevelopmentPath = fileURLToPath(new URL('../../', import.meta.url));
const extensionTestsPath = fileURLToPath(new URL('./suite.cjs', import.meta.url));
const userDataDir = mkdtempSync(join(tmpdir(), 'deal-vscode-'));

const options = {
  extensionDevelopmentPath,
  extensionTestsPath,
  launchArgs: ['--disable-extensions', '--disable-workspace-trust', '--skip-welcome', `--user-data-dir=${userDataDir}`],
};
if (process.env.VSCODE_EXECUTABLE) options.vscodeExecutablePath = process.env.VSCODE_EXECUTABLE;
else options.version = 'stable';

try {
  const code = await runTests(options);
  process.exitCode = code;
} catch (error) {
  const source = process.env.VSCODE_EXECUTABLE ? `VS Code at ${process.env.VSCODE_EXECUTABLE}` : 'a downloaded VS Code';
  console.error(`The VS Code tests did not pass (with ${source}): ${error instanceof Error ? error.message : error}`);
  console.error('Without network access, set VSCODE_EXECUTABLE to a local VS Code (1.100 or later).');
  process.exitCode = 1;
} finally {
  rmSync(userDataDir, { recursive: true, force: true });
}
