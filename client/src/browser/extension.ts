// The extension's browser entry (package.json `browser`), for vscode.dev,
// github.dev and any web extension host: the language server's browser build
// (server/out/browser/server.js) runs in a Web Worker and talks LSP over
// postMessage; everything else is activate.ts, shared with the Node entry.
import * as vscode from 'vscode';
import { BaseLanguageClient, BrowserMessageReader, BrowserMessageWriter, type LanguageClientOptions, type MessageTransports } from 'vscode-languageclient/browser';
import { LANGUAGE_ID } from '../associations';
import { activateClient, deactivateClient } from '../activate';

/**
 * A client whose server is a fresh Web Worker on every start: the browser
 * server never exits on its own (a worker has no process to end), so a
 * restart ends the old worker instead of talking to it again.
 */
class WorkerLanguageClient extends BaseLanguageClient {
  private worker: Worker | undefined;

  constructor(options: LanguageClientOptions, private readonly serverUrl: string) {
    super('productteam', 'Product Team Language Server', options);
  }

  protected createMessageTransports(): Promise<MessageTransports> {
    this.worker?.terminate();
    this.worker = new Worker(this.serverUrl);
    return Promise.resolve({ reader: new BrowserMessageReader(this.worker), writer: new BrowserMessageWriter(this.worker) });
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

export function activate(context: vscode.ExtensionContext): Promise<void> {
  const serverUrl = vscode.Uri.joinPath(context.extensionUri, 'server', 'out', 'browser', 'server.js').toString(true);
  return activateClient(context, {
    // Any scheme: github.dev's files are `vscode-vfs:`, vscode.dev's local folders `vscode-file:`/`file:`.
    documentSelector: [{ language: LANGUAGE_ID }],
    createClient: (options) => new WorkerLanguageClient(options, serverUrl),
  });
}

export const deactivate = deactivateClient;
