// The language client, quiet about what is not a failure. The library reports every failed
// request as an error (in the Deal Terms output, and as "provider FAILED" in VS Code's log):
// - When a window reloads or closes, VS Code may still ask for code actions (the light bulb)
//   while the client is stopping; the request then finds no server ("Starting server failed").
//   Nothing went wrong: the answer is simply empty.
// - A rename the server refuses carries its reason, which VS Code shows in the rename box. It
//   is an answer to the user, not an error to log.
import { LanguageClient, ResponseError, State, type CancellationToken, type MessageSignature } from 'vscode-languageclient/node';
import { failedRequestOutcome } from './quiet-failures';

export class DealLanguageClient extends LanguageClient {
  override handleFailedRequest<T>(type: MessageSignature, token: CancellationToken | undefined, error: unknown, defaultValue: T, showNotification?: boolean): T {
    const outcome = failedRequestOutcome(type.method, this.state === State.Stopped, error instanceof ResponseError);
    if (outcome === 'answer-empty') return defaultValue;
    if (outcome === 'to-the-user') throw error;
    return super.handleFailedRequest(type, token, error, defaultValue, showNotification);
  }
}
