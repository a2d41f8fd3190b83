// A fault of ours, not of the file, in words a user can act on: one line, no stack trace, and a
// way to report it. DEAL_DEBUG=1 in the environment adds the stack, for whoever fixes it.
export interface Debugging {
  /** Whether to print the stack of an internal error (DEAL_DEBUG is set). */
  debug?: boolean;
}

/** `internal error: Maximum call stack size exceeded`: the first line of the error's message. */
export function internalErrorText(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return `internal error: ${message.split('\n')[0]}`;
}

/** The stack's lines when debugging, else nothing. */
export function stackLines(error: unknown, { debug }: Debugging): string[] {
  if (!debug || !(error instanceof Error) || !error.stack) return [];
  return error.stack.split('\n').slice(1).map((line) => line.trimEnd());
}
