// Every handler runs through `runSafe`: a cancelled request is answered as cancelled, and an
// exception is logged and answered with a safe fallback instead of taking the server down.
import { LSPErrorCodes, ResponseError, type CancellationToken, type Connection } from 'vscode-languageserver/node';

export function runSafe<T>(
  connection: Connection,
  what: string,
  token: CancellationToken | undefined,
  fallback: T,
  work: () => T,
): Promise<T | ResponseError<void>> {
  return new Promise((resolve) => {
    // Yield first so a cancellation that arrived with the request is seen before the work.
    setImmediate(() => {
      if (token?.isCancellationRequested) {
        resolve(new ResponseError(LSPErrorCodes.RequestCancelled, 'Request cancelled'));
        return;
      }
      try {
        const result = work();
        resolve(token?.isCancellationRequested ? new ResponseError(LSPErrorCodes.RequestCancelled, 'Request cancelled') : result);
      } catch (error) {
        connection.console.error(`${what} failed: ${describeError(error)}`);
        resolve(fallback);
      }
    });
  });
}

export function describeError(error: unknown): string {
  if (error instanceof Error) return error.stack ?? error.message;
  return String(error);
}
