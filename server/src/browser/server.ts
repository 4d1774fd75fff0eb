// The productteam language server for the browser (vscode.dev, github.dev):
// bundled as a classic script (server/out/browser/server.js) that a Web Worker
// loads. It starts the server of lsp/start.ts over the worker's postMessage
// channel and reads files that are not open through the client. No Node
// built-in is reachable from here (tsconfig.browser.json typechecks it
// against the WebWorker library alone).
import { BrowserMessageReader, BrowserMessageWriter, createConnection } from 'vscode-languageserver/browser';
import { startServer } from '../lsp/start';
import { PACKAGE_VERSION } from '../version';
import { filesThroughClient } from './clientFiles';

declare const self: DedicatedWorkerGlobalScope;

const connection = createConnection(new BrowserMessageReader(self), new BrowserMessageWriter(self));
const { logError } = startServer(connection, { version: PACKAGE_VERSION, ...filesThroughClient(connection) });

// A bug in one handler must not take the editor's language features down.
self.addEventListener('error', (e: ErrorEvent) => logError('uncaught exception', e.error ?? e.message));
self.addEventListener('unhandledrejection', (e: PromiseRejectionEvent) => logError('unhandled rejection', e.reason));
