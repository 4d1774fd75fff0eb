// Shared by the VS Code API tests: open example copies, wait for diagnostics.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';

export const EXTENSION_ID = 'productteam.productteam';

export async function activateExtension(): Promise<void> {
  const ext = vscode.extensions.getExtension(EXTENSION_ID);
  assert.ok(ext, `extension ${EXTENSION_ID} is not installed`);
  await ext.activate();
}

/** The text of examples/<name>.productteam.yaml, found in the first workspace folder. */
export async function exampleText(name: string): Promise<string> {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'no workspace folder open: open a copy of examples/');
  const uri = vscode.Uri.joinPath(folder.uri, `${name}.productteam.yaml`);
  return new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
}

const opened: vscode.TextDocument[] = [];

/**
 * Opens a copy of an example as an untitled productteam document: tests may
 * edit it, and the files on disk (which the UI test uses) stay as they are.
 */
export async function openExampleCopy(name: string): Promise<vscode.TextDocument> {
  const doc = await vscode.workspace.openTextDocument({ language: 'productteam', content: await exampleText(name) });
  opened.push(doc);
  return doc;
}

/** Reverts and closes every copy, so that its findings leave the Problems panel too. */
export async function closeCopies(): Promise<void> {
  for (const doc of opened.splice(0)) {
    if (doc.isClosed) continue;
    await vscode.window.showTextDocument(doc);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  }
}

export function codeOf(d: vscode.Diagnostic): string | undefined {
  const c = d.code;
  if (c === undefined) return undefined;
  return typeof c === 'object' ? String(c.value) : String(c);
}

export function ours(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'productteam');
}

/** Resolves with the document's productteam diagnostics once `ready` holds for them. */
export function waitForDiagnostics(
  uri: vscode.Uri,
  ready: (ds: vscode.Diagnostic[]) => boolean = (ds) => ds.length > 0,
  timeoutMs = 15_000,
): Promise<vscode.Diagnostic[]> {
  return new Promise((resolve, reject) => {
    const check = (): boolean => {
      const ds = ours(uri);
      if (!ready(ds)) return false;
      cleanup();
      resolve(ds);
      return true;
    };
    const sub = vscode.languages.onDidChangeDiagnostics((e) => {
      if (e.uris.some((u) => u.toString() === uri.toString())) check();
    });
    const timer = setTimeout(() => {
      cleanup();
      const ds = ours(uri);
      reject(new Error(`timed out after ${timeoutMs} ms waiting for diagnostics on ${uri.toString()} (have ${ds.length}: ${ds.map(codeOf).join(', ')})`));
    }, timeoutMs);
    const cleanup = (): void => {
      clearTimeout(timer);
      sub.dispose();
    };
    check();
  });
}

/** A 0-based position from a 1-based line and column. */
export function pos(line: number, column: number): vscode.Position {
  return new vscode.Position(line - 1, column - 1);
}

export function hoverText(hovers: vscode.Hover[]): string {
  return hovers
    .flatMap((h) => h.contents)
    .map((c) => (typeof c === 'string' ? c : c.value))
    .join('\n');
}
