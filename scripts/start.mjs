// `npm start` (after the build): shows the `deal` command on the ImmunoGen / Biotest example —
// checks it, prints its rollup and what it is worth to each party, and writes the term sheet to out/immunogen-biotest-2006.html.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const cli = join(root, 'dist', 'cli.js');
const example = join('examples', 'immunogen-biotest-2006.deal');
const out = join('out', 'immunogen-biotest-2006.html');

if (!existsSync(cli)) {
  console.error(`${relative(process.cwd(), cli)} is missing: run \`npm run build\` first (npm start does it).`);
  process.exit(1);
}

function deal(title, args) {
  console.log(`\n$ deal ${args.join(' ')}    # ${title}`);
  const result = spawnSync(process.execPath, [cli, ...args], { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) {
    console.error(`deal ${args[0]} exited with ${result.status}`);
    process.exit(result.status ?? 1);
  }
}

deal('problems in the file: nothing printed means none', ['check', example]);
deal('what the deal adds up to, per party, kind and scenario', ['rollup', example]);
deal('what it is worth to each party where a scenario gives its costs', ['value', example, '--scenario', 'OptInWithCosts']);
deal('the term sheet as a stand-alone page', ['render', example, '--format', 'html', '--out', out]);
console.log(`\nWrote ${join(root, out)}: open it in a browser.`);
