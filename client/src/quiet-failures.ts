// What the language client does with a request that failed (see deal-client.ts), decided from
// plain facts so that it can be checked without VS Code.

/** `answer-empty`: the client is stopping, nothing went wrong (the answer is simply empty);
 * `to-the-user`: a refusal the editor shows where it was asked (the rename box), not logged;
 * `report`: a failure, reported as the library does. */
export type FailedRequestOutcome = 'answer-empty' | 'to-the-user' | 'report';

const renameMethods = new Set(['textDocument/rename', 'textDocument/prepareRename']);

export function failedRequestOutcome(method: string, clientStopped: boolean, isResponseError: boolean): FailedRequestOutcome {
  if (clientStopped) return 'answer-empty';
  if (renameMethods.has(method) && isResponseError) return 'to-the-user';
  return 'report';
}
