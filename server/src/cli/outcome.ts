// What a command produces: text for standard output and standard error, and the exit code
// (0 fine, 1 the deal has errors, 2 the command could not run). Commands return this instead
// of writing, so main.ts owns the process and the commands stay easy to test.
export interface Outcome {
  stdout: string;
  stderr: string[];
  exitCode: 0 | 1 | 2;
}

export function outcome(stdout = '', stderr: string[] = [], exitCode: 0 | 1 | 2 = 0): Outcome {
  return { stdout, stderr, exitCode };
}
