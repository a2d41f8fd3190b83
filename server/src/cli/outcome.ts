// What a command produces: text for standard output and standard error, and the exit code
// (0 fine, 1 the deal has errors, 2 the command could not run). Commands return this instead
// of writing, so main.ts owns the process and the commands stay easy to test.
import { jsonEscapedText, visibleText } from '../language/unusual-characters';

export interface Outcome {
  stdout: string;
  stderr: string[];
  exitCode: 0 | 1 | 2;
}

export function outcome(stdout = '', stderr: string[] = [], exitCode: 0 | 1 | 2 = 0): Outcome {
  return { stdout, stderr, exitCode };
}

/** The outcome as a terminal may show it: a control character (which the terminal would obey:
 * erase the line, set the window title) or an invisible one (which reorders or hides text) from
 * a file or a file name shows as `\x1b` or `<U+202E>`, never raw. JSON keeps the true text, with
 * those characters written as `\u` escapes. */
export function forTerminal(result: Outcome, json: boolean): Outcome {
  return {
    stdout: json ? jsonEscapedText(result.stdout) : visibleText(result.stdout),
    stderr: result.stderr.map(visibleText),
    exitCode: result.exitCode,
  };
}
