// The `deal` command: check, roll up and render .deal files with the same analysis the editor
// uses. This file only touches the process; run.ts does the work.
import { runCli } from './run';

function main(): void {
  const result = runCli(process.argv.slice(2), { debug: !!process.env.DEAL_DEBUG && process.env.DEAL_DEBUG !== '0' });
  // Write and let Node exit on its own once stdout drains: process.exit() can cut off piped output.
  if (result.stdout) process.stdout.write(result.stdout);
  for (const line of result.stderr) process.stderr.write(`${line}\n`);
  process.exitCode = result.exitCode;
}

// Closed pipes (`deal rollup x.deal | head`) are not an error.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code !== 'EPIPE') process.stderr.write(`deal: cannot write the output (${error.code ?? error.message})\n`);
  process.exit(error.code === 'EPIPE' ? Number(process.exitCode ?? 0) : 2);
});

main();
