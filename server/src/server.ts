// The productteam language server for Node: picks the transport from argv
// (`--stdio`, `--node-ipc`, `--socket=N`, `--pipe=NAME`; with none given it
// speaks stdio, so `productteam-language-server` works as is from any editor)
// and starts the server of lsp/start.ts on it.
import { ProposedFeatures, createConnection } from 'vscode-languageserver/node';
import { startServer } from './lsp/start';
import { findProductTeamFiles, readFileUri } from './nodeFiles';
import { PACKAGE_VERSION } from './version';

const TRANSPORT_FLAGS = /^--(stdio|node-ipc|socket(=|$)|pipe(=|$))/;
if (!process.argv.some((a) => TRANSPORT_FLAGS.test(a))) process.argv.push('--stdio');

const { logError } = startServer(createConnection(ProposedFeatures.all), { version: PACKAGE_VERSION, readFile: readFileUri, findFiles: findProductTeamFiles });

// A bug in one handler must not take the editor's language features down.
process.on('uncaughtException', (err) => logError('uncaught exception', err));
process.on('unhandledRejection', (err) => logError('unhandled rejection', err));
