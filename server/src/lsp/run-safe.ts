// Every handler runs through `runSafe`: a cancelled request is answered as cancelled, and an
// exception is logged and answered with a safe fallback instead of taking the server down.
import { LSPErrorCodes, ResponseError, type CancellationToken, type Connection } from './language-server-library';

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

const cancelledResponse = () => new ResponseError<void>(LSPErrorCodes.RequestCancelled, 'Request cancelled');

/** As `runSafe`, for work that goes over many files a turn of the event loop at a time: the work
 * reads the token between files and stops early once the request is cancelled. */
export async function runSafeAsync<T>(
  connection: Connection,
  what: string,
  token: CancellationToken | undefined,
  fallback: T,
  work: () => Promise<T>,
): Promise<T | ResponseError<void>> {
  await nextTurn();
  if (token?.isCancellationRequested) return cancelledResponse();
  try {
    const result = await work();
    return token?.isCancellationRequested ? cancelledResponse() : result;
  } catch (error) {
    connection.console.error(`${what} failed: ${describeError(error)}`);
    return fallback;
  }
}

/** A turn of the event loop: requests that came in meanwhile are answered before going on. */
export function nextTurn(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/** Resolves once `work` is done or the request is cancelled, whichever comes first (a request
 * waiting for the workspace index is not held until the whole workspace is read). */
export function doneOrCancelled(work: Promise<unknown>, token: CancellationToken | undefined): Promise<void> {
  // A request cancelled before it started has a token that tells only on a timer: ask it now.
  if (token?.isCancellationRequested) return Promise.resolve();
  return new Promise((resolve) => {
    const listener = token?.onCancellationRequested(() => resolve());
    const finish = () => {
      listener?.dispose();
      resolve();
    };
    work.then(finish, finish);
  });
}
