// The page of the browser-worker test (test/browser-worker.test.ts): starts
// the language server's browser build in a real Web Worker and speaks LSP to
// it over postMessage with vscode-jsonrpc's browser reader and writer, the
// same pair vscode-languageclient/browser uses. The test drives it through
// `globalThis.lsp`. Bundled by the test with esbuild; typechecked by
// tsconfig.browser.json.
import { BrowserMessageReader, BrowserMessageWriter, createMessageConnection } from 'vscode-jsonrpc/browser';

interface Received {
  method: string;
  params: unknown;
}

const worker = new Worker('/server.js');
const errors: string[] = [];
worker.addEventListener('error', (e) => errors.push(e.message || 'worker error'));

const connection = createMessageConnection(new BrowserMessageReader(worker), new BrowserMessageWriter(worker));
const notifications: Received[] = [];
const serverRequests: Received[] = [];
connection.onNotification((method, params) => {
  notifications.push({ method, params });
});
connection.onRequest((method, params) => {
  serverRequests.push({ method, params });
  return null;
});
connection.listen();

Object.assign(globalThis, {
  lsp: {
    request: (method: string, params: unknown) => connection.sendRequest(method, params),
    notify: (method: string, params: unknown) => connection.sendNotification(method, params),
    notifications,
    serverRequests,
    errors,
  },
});
