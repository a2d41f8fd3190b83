// The stand-alone language server: `deal-language-server --stdio` (or `--node-ipc`, as the
// VS Code extension starts it). The transport is chosen from the command line.
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { startDealServer } from './lsp/server';

startDealServer(createConnection(ProposedFeatures.all));
