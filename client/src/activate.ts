// What the extension does in VS Code, whichever way its server runs: the
// Node entry (client/src/extension.ts) starts the server as a Node process,
// the browser entry (client/src/browser/extension.ts) in a Web Worker; both
// hand their client to activateClient. All language smarts live in the server
// (server/src); the client adds what only VS Code has: the language status
// item, the new-file command, the stance picker, the per-folder on/off switch
// and the files.associations check. No Node module here: the browser bundle
// takes this file too.
import * as vscode from 'vscode';
import type { BaseLanguageClient, DocumentSelector, LanguageClientOptions, Middleware } from 'vscode-languageclient';
import { LANGUAGE_ID, hidingAssociations, withOurAssociations } from './associations';
import { registerOwnershipMap } from './map';
import { answerFileRequests } from './fileRequests';

const SECTION = 'productteam';
/** Sent by the server after each analysis (server/src/lsp/status.ts). */
const STATUS_NOTIFICATION = 'productteam/status';
const ASSOCIATION_WARNING_SHOWN = 'productteam.associationWarningShown';

interface Status {
  uri: string;
  version: number;
  /** Null when the file declares none and no setting gives one. */
  stance: string | null;
  stanceSource: 'option' | 'file' | 'default';
  findings: number;
  ms: number;
}

/** A language client that can also start its server over (both entries' clients can). */
export type RestartableClient = BaseLanguageClient & { restart(): Promise<void> };

let client: RestartableClient | undefined;
/** Set once the server has been started: it starts with the first Product Team document, not before. */
let started: Promise<void> | undefined;

function ensureStarted(): Promise<void> {
  if (!client) return Promise.resolve();
  started ??= client.start();
  return started;
}

/** How one entry runs the server: which documents it serves and how its client is made. */
export interface ServerHost {
  documentSelector: DocumentSelector;
  createClient(options: LanguageClientOptions): RestartableClient;
}

export async function activateClient(context: vscode.ExtensionContext, host: ServerHost): Promise<void> {
  // The client reads `productteam.trace.server` itself to pick the trace level;
  // a separate channel keeps protocol traffic out of the server's own log.
  const outputChannel = vscode.window.createOutputChannel('Product Team');
  const traceOutputChannel = vscode.window.createOutputChannel('Product Team (Trace)');
  context.subscriptions.push(outputChannel, traceOutputChannel);

  const statuses = new Map<string, Status>();
  const clientOptions: LanguageClientOptions = {
    documentSelector: host.documentSelector,
    synchronize: { configurationSection: SECTION },
    outputChannel,
    traceOutputChannel,
    middleware: enableMiddleware(),
  };

  client = host.createClient(clientOptions);
  // The browser build's server has no file system and asks for files through us.
  context.subscriptions.push(...answerFileRequests(client));
  const languageStatus = registerLanguageStatus(context, statuses);
  client.onNotification(STATUS_NOTIFICATION, (status: Status) => {
    statuses.set(status.uri, status);
    languageStatus.update();
  });

  // VS Code consults `firstLine` only for files no name or extension claims, so a
  // plain `.yaml` file (claimed by YAML) is switched here when it starts with `# productteam`.
  const manifest = context.extension.packageJSON as { contributes: { languages: { firstLine?: string }[] } };
  const firstLine = new RegExp(manifest.contributes.languages[0].firstLine ?? '^#\\s*productteam\\b');
  const onOpen = (doc: vscode.TextDocument): void => {
    if (doc.languageId === 'yaml' && doc.lineCount > 0 && firstLine.test(doc.lineAt(0).text)) {
      void vscode.languages.setTextDocumentLanguage(doc, LANGUAGE_ID);
    } else if (doc.languageId === LANGUAGE_ID) {
      ensureStarted().catch((err: unknown) => outputChannel.appendLine(`[error] starting the server: ${String(err)}`));
    }
  };

  context.subscriptions.push(
    vscode.workspace.onDidOpenTextDocument(onOpen),
    vscode.commands.registerCommand('productteam.restartServer', async () => {
      if (started && client) await client.restart();
      else await ensureStarted();
    }),
    vscode.commands.registerCommand('productteam.showOutput', () => {
      outputChannel.show(true);
    }),
    vscode.commands.registerCommand('productteam.newFile', () => newOrganisationFile(context)),
    // The server's source.fixAll.productteam action, applied to the active file (as vscode-eslint's "Fix all auto-fixable problems").
    vscode.commands.registerCommand('productteam.fixAll', () =>
      vscode.commands.executeCommand('editor.action.codeAction', { kind: 'source.fixAll.productteam', apply: 'first' }),
    ),
    vscode.commands.registerCommand('productteam.selectStance', () => selectStance(context)),
    // `productteam.enable` decides which documents the server sees: start over when it changes.
    vscode.workspace.onDidChangeConfiguration(async (e) => {
      if (e.affectsConfiguration(`${SECTION}.enable`) && client && started) {
        statuses.clear();
        await client.restart();
        languageStatus.update();
      }
      if (e.affectsConfiguration('files.associations')) void checkAssociations(context);
    }),
    vscode.workspace.onDidCloseTextDocument((d) => statuses.delete(d.uri.toString())),
  );

  registerOwnershipMap(context, () => client, ensureStarted);
  void checkAssociations(context);
  for (const doc of vscode.workspace.textDocuments) onOpen(doc);
}

export async function deactivateClient(): Promise<void> {
  if (client && started) {
    const stopping = client;
    client = undefined;
    await stopping.stop();
  }
}

// ---- productteam.enable: the server never sees a document of a folder that turned it off

function enabledFor(uri: vscode.Uri): boolean {
  return vscode.workspace.getConfiguration(SECTION, uri).get<boolean>('enable', true) !== false;
}

function enableMiddleware(): Middleware {
  return {
    didOpen: (doc, next) => (enabledFor(doc.uri) ? next(doc) : Promise.resolve()),
    didChange: (e, next) => (enabledFor(e.document.uri) ? next(e) : Promise.resolve()),
    didSave: (doc, next) => (enabledFor(doc.uri) ? next(doc) : Promise.resolve()),
    didClose: (doc, next) => (enabledFor(doc.uri) ? next(doc) : Promise.resolve()),
    // The server also reads the workspace's files from disk (multi-file organisations): a disabled folder shows none of their findings.
    handleDiagnostics: (uri, diagnostics, next) => next(uri, enabledFor(uri) ? diagnostics : []),
  };
}

// ---- the language status item: the stance in force and where it comes from, or that none is declared

function registerLanguageStatus(context: vscode.ExtensionContext, statuses: Map<string, Status>): { update(): void } {
  const item = vscode.languages.createLanguageStatusItem('productteam.stance', { language: LANGUAGE_ID });
  item.name = 'Product Team Stance';
  item.command = { title: 'Change', command: 'productteam.selectStance', tooltip: 'Choose the stance on the PM/PO debate for this folder' };

  const update = (): void => {
    const doc = vscode.window.activeTextEditor?.document;
    if (!doc || doc.languageId !== LANGUAGE_ID) return;
    if (!enabledFor(doc.uri)) {
      item.busy = false;
      item.text = 'Product Team: off';
      item.detail = 'productteam.enable is false for this folder';
      item.command = { title: 'Settings', command: 'workbench.action.openSettings', arguments: [`${SECTION}.enable`] };
      return;
    }
    item.command = { title: 'Change', command: 'productteam.selectStance', tooltip: 'Choose the stance on the PM/PO debate for this folder' };
    const s = statuses.get(doc.uri.toString());
    if (!s) {
      item.text = 'Stance: …';
      item.detail = 'waiting for the first analysis';
      item.busy = true;
      return;
    }
    item.busy = false;
    if (s.stance === null || s.stanceSource === 'default') {
      // SPEC revision 3: with no stance declared, no rule judges the PM/PO arrangement (role-split does not run).
      item.text = 'Stance: none declared';
      item.detail = 'the PM/PO arrangement is not judged';
      item.accessibilityInformation = { label: `Product Team: the file declares no stance, so ${item.detail}` };
      return;
    }
    item.text = `Stance: ${s.stance}`;
    item.detail = s.stanceSource === 'option' ? 'from the productteam.stance setting' : 'from the file (organization.stance)';
    item.accessibilityInformation = { label: `Product Team stance ${s.stance}, ${item.detail}` };
  };

  context.subscriptions.push(item, vscode.window.onDidChangeActiveTextEditor(update));
  update();
  return { update };
}

// ---- commands ----------------------------------------------------------------------

interface Snippet {
  body: string[];
  isFileTemplate?: boolean;
}

/** An untitled Product Team document filled with the organisation snippet (tab stops to fill in). */
async function newOrganisationFile(context: vscode.ExtensionContext): Promise<void> {
  // Through vscode.workspace.fs, which reads the extension's own files in the browser too.
  const file = vscode.Uri.joinPath(context.extensionUri, 'snippets', 'productteam.code-snippets');
  const snippets = JSON.parse(new TextDecoder().decode(await vscode.workspace.fs.readFile(file))) as Record<string, Snippet>;
  const template = Object.values(snippets).find((s) => s.isFileTemplate);
  if (!template) throw new Error(`no file template in ${file.toString(true)}`);
  const doc = await vscode.workspace.openTextDocument({ language: LANGUAGE_ID, content: '' });
  const editor = await vscode.window.showTextDocument(doc);
  await editor.insertSnippet(new vscode.SnippetString(template.body.join('\n')), new vscode.Position(0, 0));
}

interface StanceItem extends vscode.QuickPickItem {
  value: string;
}

/** Writes `productteam.stance` for the active file's folder (or the user settings when it has none). */
async function selectStance(context: vscode.ExtensionContext): Promise<void> {
  const uri = vscode.window.activeTextEditor?.document.uri;
  const folder = uri ? vscode.workspace.getWorkspaceFolder(uri) : undefined;
  const config = vscode.workspace.getConfiguration(SECTION, folder?.uri ?? uri);
  const current = config.get<string>('stance', 'file');
  const schema = (
    context.extension.packageJSON as { contributes: { configuration: { properties: Record<string, { enum: string[]; enumDescriptions: string[] }> } } }
  ).contributes.configuration.properties[`${SECTION}.stance`];
  const items: StanceItem[] = schema.enum.map((value, i) => ({
    value,
    label: value === current ? `$(check) ${value}` : value,
    detail: schema.enumDescriptions[i]?.replace(/`/g, ''),
  }));
  const pick = await vscode.window.showQuickPick(items, {
    title: folder ? `Stance on the PM/PO debate for ${folder.name}` : 'Stance on the PM/PO debate',
    placeHolder: `In force: ${current}`,
  });
  if (!pick) return;
  await config.update('stance', pick.value, folder ? vscode.ConfigurationTarget.WorkspaceFolder : vscode.ConfigurationTarget.Global);
}

// ---- files.associations that hide productteam files ----------------------------------

/** Warns once when a user association (e.g. `"*.yaml": "yaml"`) takes productteam files away; offers to fix it. */
async function checkAssociations(context: vscode.ExtensionContext): Promise<void> {
  if (context.globalState.get<boolean>(ASSOCIATION_WARNING_SHOWN)) return;
  const files = vscode.workspace.getConfiguration('files');
  const hiding = hidingAssociations(files.get<Record<string, string>>('associations'));
  if (hiding.length === 0) return;
  await context.globalState.update(ASSOCIATION_WARNING_SHOWN, true);
  const inspected = files.inspect<Record<string, string>>('associations');
  const inWorkspace = hidingAssociations(inspected?.workspaceValue).length > 0;
  const target = inWorkspace ? vscode.ConfigurationTarget.Workspace : vscode.ConfigurationTarget.Global;
  const current = inWorkspace ? inspected?.workspaceValue : inspected?.globalValue;
  const add = 'Add files.associations';
  const choice = await vscode.window.showWarningMessage(
    `Product Team: your files.associations (${hiding.map((p) => `"${p}"`).join(', ')}) open *.productteam.yaml files as another language, so they are not linted. Add "*.productteam.yaml": "productteam" to your ${inWorkspace ? 'workspace' : 'user'} settings?`,
    add,
  );
  if (choice === add) await files.update('associations', withOurAssociations(current), target);
}
