// The extension's Node entry (package.json `main`): runs the language server
// as a Node process over IPC; everything else is activate.ts, shared with the
// browser entry (client/src/browser/extension.ts).
import * as path from 'node:path';
import type * as vscode from 'vscode';
import { LanguageClient, type ServerOptions, TransportKind } from 'vscode-languageclient/node';
import { LANGUAGE_ID } from './associations';
import { activateClient, deactivateClient } from './activate';
import { SERVER_EXEC_ARGV } from '../../server/src/lsp/nodeOptions';

export function activate(context: vscode.ExtensionContext): Promise<void> {
  const serverModule = context.asAbsolutePath(path.join('server', 'out', 'server.js'));
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: [...SERVER_EXEC_ARGV] } },
    debug: {
      module: serverModule,
      transport: TransportKind.ipc,
      options: { execArgv: [...SERVER_EXEC_ARGV, '--nolazy', '--inspect=6009'] },
    },
  };
  return activateClient(context, {
    documentSelector: [
      { scheme: 'file', language: LANGUAGE_ID },
      { scheme: 'untitled', language: LANGUAGE_ID },
    ],
    createClient: (options) => new LanguageClient('productteam', 'Product Team Language Server', serverOptions, options),
  });
}

export const deactivate = deactivateClient;
