// The connection to the editor over the transport named on the command line (`--stdio`,
// `--node-ipc`, `--socket=PORT`, `--pipe=NAME`), read through the protocol guard. When a frame
// cannot be read the server says why on stderr and exits with code 1: an editor's client starts
// a server that stopped again (VS Code's does), which beats one that is alive and deaf.
import { Console } from 'node:console';
import {
  createConnection, createServerPipeTransport, createServerSocketTransport, IPCMessageReader, IPCMessageWriter, ProposedFeatures,
  StreamMessageReader, StreamMessageWriter, type Connection, type MessageReader, type MessageWriter,
} from './language-server-library';
import { MessageTally, type EditorActivity } from './activity';
import { jsonIntoReusedBuffer } from './json-into-buffer';
import { ProtocolGuard } from './protocol-guard';

/** Whether the arguments name a transport. */
export function namesTransport(args: string[]): boolean {
  return args.some((a) => a === '--stdio' || a === '--node-ipc' || a === '--socket' || a === '--pipe' || a.startsWith('--socket=') || a.startsWith('--pipe='));
}

function optionValue(args: string[], name: string): string | undefined {
  const at = args.indexOf(name);
  if (at >= 0) return args[at + 1];
  return args.find((a) => a.startsWith(`${name}=`))?.slice(name.length + 1);
}

function transportOf(args: string[]): [MessageReader, MessageWriter] {
  if (args.includes('--stdio')) {
    return [new StreamMessageReader(process.stdin), new StreamMessageWriter(process.stdout, { contentTypeEncoder: jsonIntoReusedBuffer() })];
  }
  if (args.includes('--node-ipc')) return [new IPCMessageReader(process), new IPCMessageWriter(process)];
  const port = optionValue(args, '--socket');
  if (port !== undefined) return createServerSocketTransport(Number.parseInt(port, 10));
  return createServerPipeTransport(optionValue(args, '--pipe') ?? '');
}

function describe(error: Error): string {
  return error.message.split('\n')[0];
}

/** The connection, and what the editor has sent that is not yet handled. */
export function createDealConnection(args: string[]): { connection: Connection; activity: EditorActivity } {
  const [reader, writer] = transportOf(args);
  const tally = new MessageTally();
  const guard = new ProtocolGuard(reader, writer, (error) => {
    process.stderr.write(`deal-language-server: a message from the editor could not be read (${describe(error)}); stopping so that the editor starts the server again.\n`,
      () => process.exit(1));
  }, () => tally.messageReceived());
  if (args.includes('--stdio')) {
    // stdout carries the protocol: anything a library prints goes to stderr instead.
    globalThis.console = new Console(process.stderr, process.stderr);
    // The editor closed our stdin: it is gone, or done with us.
    const ended = () => process.exit(guard.shutdownRequested ? 0 : 1);
    process.stdin.on('end', ended);
    process.stdin.on('close', ended);
  }
  const connection = createConnection(ProposedFeatures.all, guard, writer, {
    messageStrategy: {
      handleMessage: (message, handle) => {
        tally.messageHandled();
        handle(message);
      },
    },
  });
  return { connection, activity: tally };
}
