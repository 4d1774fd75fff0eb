// Activation shim: starts the language server and wires it to VS Code.
// All language smarts live in the server (server/src); nothing here knows
// about product teams beyond the language id and the diagnostic source.
import * as path from 'node:path';
import * as vscode from 'vscode';
import {
  LanguageClient,
  type LanguageClientOptions,
  type ServerOptions,
  TransportKind,
} from 'vscode-languageclient/node';

const LANGUAGE_ID = 'productteam';
const DIAGNOSTIC_SOURCE = 'productteam';

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const serverModule = context.asAbsolutePath(path.join('server', 'out', 'server.js'));
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc },
    debug: {
      module: serverModule,
      transport: TransportKind.ipc,
      options: { execArgv: ['--nolazy', '--inspect=6009'] },
    },
  };

  // The client reads `productteam.trace.server` itself to pick the trace level;
  // a separate channel keeps protocol traffic out of the server's own log.
  const outputChannel = vscode.window.createOutputChannel('Product Team');
  const traceOutputChannel = vscode.window.createOutputChannel('Product Team (Trace)');
  context.subscriptions.push(outputChannel, traceOutputChannel);

  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { scheme: 'file', language: LANGUAGE_ID },
      { scheme: 'untitled', language: LANGUAGE_ID },
    ],
    synchronize: { configurationSection: 'productteam' },
    outputChannel,
    traceOutputChannel,
  };

  client = new LanguageClient('productteam', 'Product Team Language Server', serverOptions, clientOptions);

  context.subscriptions.push(
    vscode.commands.registerCommand('productteam.restartServer', async () => {
      if (client) await client.restart();
    }),
    vscode.commands.registerCommand('productteam.showOutput', () => {
      outputChannel.show(true);
    }),
  );

  registerStatusBar(context);

  await client.start();
}

export async function deactivate(): Promise<void> {
  if (client) {
    const stopping = client;
    client = undefined;
    await stopping.stop();
  }
}

function registerStatusBar(context: vscode.ExtensionContext): void {
  const item = vscode.window.createStatusBarItem('productteam.findings', vscode.StatusBarAlignment.Right, 100);
  item.name = 'Product Team Findings';
  item.tooltip = 'Product Team findings in this file';
  item.command = 'workbench.actions.view.problems';

  const update = (): void => {
    const document = vscode.window.activeTextEditor?.document;
    if (!document || document.languageId !== LANGUAGE_ID) {
      item.hide();
      return;
    }
    const counts = countFindings(vscode.languages.getDiagnostics(document.uri));
    item.text = `$(error) ${counts.error} $(warning) ${counts.warning} $(info) ${counts.info}`;
    item.show();
  };

  context.subscriptions.push(
    item,
    vscode.languages.onDidChangeDiagnostics((event) => {
      const active = vscode.window.activeTextEditor?.document.uri.toString();
      if (active && event.uris.some((uri) => uri.toString() === active)) update();
    }),
    vscode.window.onDidChangeActiveTextEditor(update),
    // A document's language can change while it stays the active editor.
    vscode.workspace.onDidOpenTextDocument((document) => {
      if (document === vscode.window.activeTextEditor?.document) update();
    }),
  );
  update();
}

interface FindingCounts { error: number; warning: number; info: number }

// Hints are left out: the Problems panel does not list them either, so the
// counts match what a click on the item shows.
function countFindings(diagnostics: readonly vscode.Diagnostic[]): FindingCounts {
  const counts: FindingCounts = { error: 0, warning: 0, info: 0 };
  for (const d of diagnostics) {
    if (d.source !== DIAGNOSTIC_SOURCE) continue;
    if (d.severity === vscode.DiagnosticSeverity.Error) counts.error++;
    else if (d.severity === vscode.DiagnosticSeverity.Warning) counts.warning++;
    else if (d.severity === vscode.DiagnosticSeverity.Information) counts.info++;
  }
  return counts;
}
