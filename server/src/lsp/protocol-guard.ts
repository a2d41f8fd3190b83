// What the protocol asks of a server that vscode-languageserver leaves out, as a wrapper round
// the message reader:
// - a frame that cannot be read (a header without a usable Content-Length, a body that is not
//   JSON) leaves the stream out of step for good, since where the next message starts is lost:
//   `unreadable` is told, once, and nothing more is passed on (the library would go on silently
//   misreading);
// - before `initialize`, a request is answered with ServerNotInitialized (-32002) and a
//   notification other than `exit` is dropped.
// Every message passed on is counted as received (see activity.ts).
import {
  AbstractMessageReader, ErrorCodes, Message, type DataCallback, type Disposable, type MessageReader, type MessageWriter,
  type NotificationMessage, type RequestMessage, type ResponseMessage,
} from './language-server-library';

export class ProtocolGuard extends AbstractMessageReader implements MessageReader {
  private initializing = false;
  private stopped = false;
  /** A `shutdown` request has come: the editor means to stop the server. */
  shutdownRequested = false;

  constructor(
    private readonly reader: MessageReader,
    private readonly writer: MessageWriter,
    private readonly unreadable: (error: Error) => void,
    private readonly received: () => void = () => {},
  ) {
    super();
  }

  listen(callback: DataCallback): Disposable {
    this.reader.onError((error) => {
      if (this.stopped) return;
      this.stopped = true;
      this.unreadable(error);
    });
    this.reader.onClose(() => this.fireClose());
    this.reader.onPartialMessage((info) => this.firePartialMessage(info));
    const pass = (message: Message) => {
      this.received();
      callback(message);
    };
    return this.reader.listen((message) => {
      if (this.stopped) return;
      if (Message.isRequest(message)) {
        if (message.method === 'initialize') this.initializing = true;
        if (!this.initializing) return this.notInitialized(message);
        if (message.method === 'shutdown') this.shutdownRequested = true;
        pass(message);
      } else if (this.initializing || !Message.isNotification(message) || (message as NotificationMessage).method === 'exit') {
        pass(message);
      }
    });
  }

  override dispose(): void {
    super.dispose();
    this.reader.dispose();
  }

  private notInitialized(request: RequestMessage): void {
    const response: ResponseMessage = {
      jsonrpc: '2.0',
      id: request.id,
      error: { code: ErrorCodes.ServerNotInitialized, message: 'The server is not initialized yet: the editor must send initialize first.' },
    };
    void this.writer.write(response);
  }
}
