// One run of the `deal` command, from its arguments to its output and exit code (0 fine, 1 the
// deal has errors, 2 the command could not run). Never throws: every failure becomes one line.
import { parseArgs, UsageError } from './args';
import { checkCommand } from './check-command';
import { helpText, version } from './help';
import { internalErrorText, stackLines, type Debugging } from './internal-error';
import { forTerminal, outcome, type Outcome } from './outcome';
import { renderCommand } from './render-command';
import { rollupCommand } from './rollup-command';
import { valueCommand } from './value-command';

export function runCli(argv: readonly string[], debugging: Debugging = {}): Outcome {
  try {
    const call = parseArgs(argv);
    switch (call.command) {
      case 'help': return outcome(`${helpText(call.topic)}\n`);
      case 'version': return outcome(`${version}\n`);
      case 'check': return forTerminal(checkCommand(call.files, call.json, debugging), call.json);
      case 'rollup': return forTerminal(rollupCommand(call.files[0], call.scenario, call.json), call.json);
      case 'value': return forTerminal(valueCommand(call.files[0], call.scenario, call.json), call.json);
      case 'render': return forTerminal(renderCommand(call.files[0], call.format ?? 'html', call.scenario, call.out), call.format === 'json');
    }
  } catch (error) {
    if (error instanceof UsageError) return forTerminal(outcome('', [`deal: ${error.message} (see deal --help)`], 2), false);
    // A fault of ours, not of the file: one line, no stack trace, and a way to report it.
    return forTerminal(outcome('', [`deal: ${internalErrorText(error)} (please report it with the file that caused it)`, ...stackLines(error, debugging)], 2), false);
  }
}
