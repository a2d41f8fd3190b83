// The stand-alone language server: `deal-language-server --stdio` (as editors start it, the
// VS Code extension too), `--node-ipc` or `--socket=PORT`. The transport is read from the command line.
import { startDealServer } from './lsp/server';
import { createDealConnection, namesTransport } from './lsp/transport';

const usage = 'Usage: deal-language-server --stdio | --node-ipc | --socket=PORT\n'
  + 'The Deal Terms language server speaks the Language Server Protocol; an editor starts it.\n';
const args = process.argv.slice(2);
const transport = namesTransport(args);

if (args.includes('--help') || args.includes('-h')) {
  process.stdout.write(usage);
} else if (!transport) {
  process.stderr.write(`deal-language-server: no transport given.\n${usage}`);
  process.exitCode = 2;
} else {
  const { connection, activity } = createDealConnection(args);
  startDealServer(connection, activity);
}
