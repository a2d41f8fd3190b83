// The command line, read into a command, its files and its flags. Flags may come before or
// after the files (`deal --json check a.deal`, `deal check a.deal --json`); `--` ends the flags.
import type { RenderFormat } from '../exports';

export class UsageError extends Error {}

export type Command = 'check' | 'rollup' | 'value' | 'render' | 'help' | 'version';
/** `deal render --format`: the renderers' formats. */
export type Format = RenderFormat;

export const formats: readonly Format[] = ['html', 'md', 'csv', 'json'];
const commands: readonly Command[] = ['check', 'rollup', 'value', 'render', 'help', 'version'];

export interface Invocation {
  command: Command;
  /** For `help`: the command asked about. */
  topic?: string;
  files: string[];
  json: boolean;
  scenario?: string;
  format?: Format;
  out?: string;
}

/** Flags that take a value, with the commands they belong to. */
const valueFlags: Record<string, readonly Command[]> = {
  '--scenario': ['rollup', 'value', 'render'],
  '--format': ['render'],
  '--out': ['render'],
};
const switchFlags: Record<string, readonly Command[]> = {
  '--json': ['check', 'rollup', 'value'],
};
const aliases: Record<string, string> = { '-o': '--out', '-f': '--format', '-s': '--scenario', '-h': '--help', '-V': '--version', '-v': '--version' };

export function parseArgs(argv: readonly string[]): Invocation {
  const positional: string[] = [];
  const values = new Map<string, string>();
  const switches = new Set<string>();
  let help = false;
  let version = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--') { for (const rest of argv.slice(i + 1)) positional.push(rest); break; }
    if (!arg.startsWith('-') || arg === '-') { positional.push(arg); continue; }
    const eq = arg.indexOf('=');
    const rawName = eq > 0 ? arg.slice(0, eq) : arg;
    const name = aliases[rawName] ?? rawName;
    if (name === '--help') { help = true; continue; }
    if (name === '--version') { version = true; continue; }
    if (name in valueFlags) {
      const value = eq > 0 ? arg.slice(eq + 1) : argv[++i];
      if (value === undefined || value === '' || (eq < 0 && value.startsWith('--'))) throw new UsageError(`${rawName} needs a value`);
      values.set(name, value);
      continue;
    }
    if (name in switchFlags && eq < 0) { switches.add(name); continue; }
    throw new UsageError(`unknown option ${rawName}`);
  }

  if (version) return { command: 'version', files: [], json: false };
  const [word, ...files] = positional;
  // `deal --json`: flags for a command that was never named.
  if (!help && word === undefined && (values.size || switches.size)) throw new UsageError('no command given (commands: check, rollup, value, render)');
  if (help || word === undefined) {
    return { command: 'help', topic: word === 'help' ? files[0] : word, files: [], json: false };
  }
  if (!commands.includes(word as Command)) throw new UsageError(`unknown command ${word} (commands: check, rollup, value, render)`);
  const command = word as Command;
  if (command === 'help' || command === 'version') return { command, topic: files[0], files: [], json: false };

  for (const flag of [...values.keys(), ...switches]) {
    const allowed = valueFlags[flag] ?? switchFlags[flag];
    if (!allowed.includes(command)) throw new UsageError(`${flag} does not apply to deal ${command}`);
  }
  if (files.length === 0) throw new UsageError(`deal ${command} needs a .deal file`);
  if (command !== 'check' && files.length > 1) throw new UsageError(`deal ${command} takes one file, not ${files.length}`);

  const format = values.get('--format') ?? formatFromName(values.get('--out'));
  if (format !== undefined && !formats.includes(format as Format)) {
    throw new UsageError(`unknown format ${format} (formats: ${formats.join(', ')})`);
  }
  return {
    command,
    files,
    json: switches.has('--json'),
    scenario: values.get('--scenario'),
    format: format as Format | undefined,
    out: values.get('--out'),
  };
}

/** `memo.md` → md: the format follows the output file's extension when none is given. */
function formatFromName(out: string | undefined): string | undefined {
  const ext = out?.match(/\.([A-Za-z]+)$/)?.[1]?.toLowerCase();
  if (ext === 'htm' || ext === 'html') return 'html';
  if (ext === 'md' || ext === 'markdown') return 'md';
  if (ext === 'csv' || ext === 'json') return ext;
  return undefined;
}
