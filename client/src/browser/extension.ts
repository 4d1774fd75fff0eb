// The extension's browser entry (package.json `browser`), for vscode.dev,
// github.dev and any web extension host: the language server's browser build
// (server/out/browser/server.js) runs in a Web Worker and talks LSP over
// postMessage; everything else is activate.ts, shared with the Node entry.
import * as vscode from 'vscode';
import {
  BaseLanguageClient,
  BrowserMessageReader,
  BrowserMessageWriter,
  type LanguageClientOptions,
  type MessageTransports,
} from 'vscode-languageclient/browser';
import { LANGUAGE_ID } from '../associations';
import { activateClient, deactivateClient } from '../activate';

/**
 * A client whose server is a fresh Web Worker on every start: the browser
 * server never exits on its own (a worker has no process to end), so a
 * restart ends the old worker instead of talking to it again.
 */
class WorkerLanguageClient extends BaseLanguageClient {
  private worker: Worker | undefined;

  constructor(
    options: LanguageClientOptions,
    private readonly server: vscode.Uri,
  ) {
    super('productteam', 'Product Team Language Server', options);
  }

  protected async createMessageTransports(): Promise<MessageTransports> {
    this.worker?.terminate();
    const worker = await startWorker(this.server);
    this.worker = worker;
    return { reader: new BrowserMessageReader(worker), writer: new BrowserMessageWriter(worker) };
  }

  async restart(): Promise<void> {
    await this.stop();
    await this.start();
  }

  override async stop(timeout?: number): Promise<void> {
    try {
      await super.stop(timeout);
    } finally {
      this.worker?.terminate();
      this.worker = undefined;
    }
  }
}

/**
 * A Web Worker running the server script. vscode.dev and github.dev serve an
 * extension's files over https, which a worker loads directly; VS Code refuses
 * a worker from a `vscode-remote:` url (an extension installed on a server,
 * as code-server does: "Creating workers from remote extensions is currently
 * not supported"), so there the script is read through the file system and
 * started from a blob: url.
 */
async function startWorker(script: vscode.Uri): Promise<Worker> {
  try {
    return new Worker(script.toString(true));
  } catch {
    const code = await vscode.workspace.fs.readFile(script);
    return new Worker(URL.createObjectURL(new Blob([new TextDecoder().decode(code)], { type: 'text/javascript' })));
  }
}

export function activate(context: vscode.ExtensionContext): Promise<void> {
  const server = vscode.Uri.joinPath(context.extensionUri, 'server', 'out', 'browser', 'server.js');
  return activateClient(context, {
    // Any scheme: github.dev's files are `vscode-vfs:`, vscode.dev's local folders `vscode-file:`/`file:`.
    documentSelector: [{ language: LANGUAGE_ID }],
    createClient: (options) => new WorkerLanguageClient(options, server),
  });
}

export const deactivate = deactivateClient;
