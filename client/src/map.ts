// The ownership map in VS Code (SPEC sections 6 and 10): the command
// `Product Team: Show Ownership Map` and a code lens on the first line of a
// root file open a webview beside the editor. The page comes from the
// language server (`productteam/map`), so the same code serves any client;
// this file adds only what a webview needs: a strict content security policy
// (nothing but the page's own nonce'd style and this script), the script that
// reports clicks, the refresh as the document changes, and revealing what
// was clicked in the editor.
import * as vscode from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import { LANGUAGE_ID } from './associations';

export const SHOW_MAP_COMMAND = 'productteam.showOwnershipMap';
const MAP_REQUEST = 'productteam/map';
/** Wait this long after the last keystroke before asking for a new map. */
const REFRESH_DELAY_MS = 300;

interface MapTarget {
  uri: string;
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
}

interface MapResult {
  version: number;
  html: string;
  targets: Record<string, MapTarget>;
}

/** A root file says `organization:` at the top level. */
const ROOT_FILE = /^organization[ \t]*:/m;

/** The webview's only script: clicks (and Enter) on a `data-target` element go to the extension; the scroll position survives a refresh. */
const SCRIPT = `(function () {
  const vscode = acquireVsCodeApi();
  const reveal = (el) => { const t = el && el.closest('[data-target]'); if (t) vscode.postMessage({ reveal: t.getAttribute('data-target') }); };
  document.addEventListener('click', (e) => reveal(e.target));
  document.addEventListener('keydown', (e) => { if (e.key === 'Enter') reveal(e.target); });
  addEventListener('scroll', () => vscode.setState({ y: scrollY }), { passive: true });
  addEventListener('DOMContentLoaded', () => {
    for (const el of document.querySelectorAll('[data-target]')) { el.setAttribute('tabindex', '0'); el.setAttribute('role', 'link'); }
    const s = vscode.getState();
    if (s && s.y) scrollTo(0, s.y);
  });
})();`;

function nonce(): string {
  const chars = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
  let out = '';
  for (let i = 0; i < 32; i++) out += chars.charAt(Math.floor(Math.random() * chars.length));
  return out;
}

/** One open map: its panel, the document it shows, and the latest places to reveal. */
interface MapView {
  panel: vscode.WebviewPanel;
  uri: vscode.Uri;
  targets: Record<string, MapTarget>;
  timer?: ReturnType<typeof setTimeout>;
  /** Bumped per request, so that a slow answer never replaces a newer one. */
  ticket: number;
}

export function registerOwnershipMap(
  context: vscode.ExtensionContext,
  getClient: () => BaseLanguageClient | undefined,
  ensureStarted: () => Promise<void>,
): void {
  const views = new Map<string, MapView>();

  const refresh = async (view: MapView): Promise<void> => {
    const client = getClient();
    if (!client) return;
    const ticket = ++view.ticket;
    await ensureStarted();
    const n = nonce();
    const csp = `default-src 'none'; style-src 'nonce-${n}'; script-src 'nonce-${n}';`;
    const head = `<meta http-equiv="Content-Security-Policy" content="${csp}"><script nonce="${n}">${SCRIPT}</script>`;
    const result = await client.sendRequest<MapResult | null>(MAP_REQUEST, { textDocument: { uri: view.uri.toString() }, head, nonce: n });
    if (!result || ticket !== view.ticket || !views.has(view.uri.toString())) return;
    view.targets = result.targets;
    view.panel.webview.html = result.html;
  };

  const reveal = async (view: MapView, key: string): Promise<void> => {
    const target = view.targets[key];
    if (!target) return;
    const uri = vscode.Uri.parse(target.uri);
    const range = new vscode.Range(target.range.start.line, target.range.start.character, target.range.end.line, target.range.end.character);
    const visible = vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === uri.toString());
    const column = visible?.viewColumn ?? (view.panel.viewColumn === vscode.ViewColumn.One ? vscode.ViewColumn.Two : vscode.ViewColumn.One);
    const editor = await vscode.window.showTextDocument(uri, {
      viewColumn: column,
      selection: new vscode.Range(range.start, range.start),
      preserveFocus: false,
    });
    editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  };

  const show = async (arg?: vscode.Uri): Promise<void> => {
    const uri = arg instanceof vscode.Uri ? arg : vscode.window.activeTextEditor?.document.uri;
    const doc = uri && vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
    if (!uri || (doc && doc.languageId !== LANGUAGE_ID)) {
      void vscode.window.showInformationMessage('Product Team: open a *.productteam.yaml file to see its ownership map.');
      return;
    }
    if (!doc) await vscode.workspace.openTextDocument(uri);
    const key = uri.toString();
    const open = views.get(key);
    if (open) {
      open.panel.reveal(vscode.ViewColumn.Beside, true);
      return;
    }
    const name = uri.path.slice(uri.path.lastIndexOf('/') + 1);
    const panel = vscode.window.createWebviewPanel(
      'productteam.ownershipMap',
      `Ownership map: ${name}`,
      { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true },
      { enableScripts: true, localResourceRoots: [] },
    );
    const view: MapView = { panel, uri, targets: {}, ticket: 0 };
    views.set(key, view);
    panel.onDidDispose(() => {
      clearTimeout(view.timer);
      views.delete(key);
    });
    panel.webview.onDidReceiveMessage((m: { reveal?: unknown }) => {
      if (typeof m?.reveal === 'string') void reveal(view, m.reveal);
    });
    await refresh(view);
  };

  const later = (view: MapView): void => {
    clearTimeout(view.timer);
    view.timer = setTimeout(() => void refresh(view).catch(() => undefined), REFRESH_DELAY_MS);
  };

  context.subscriptions.push(
    vscode.commands.registerCommand('productteam.showOwnershipMap', show),
    vscode.workspace.onDidChangeTextDocument((e) => {
      const view = views.get(e.document.uri.toString());
      if (view && e.contentChanges.length) later(view);
    }),
    vscode.languages.registerCodeLensProvider(
      { language: LANGUAGE_ID },
      {
        provideCodeLenses(doc) {
          if (!ROOT_FILE.test(doc.getText())) return [];
          return [new vscode.CodeLens(new vscode.Range(0, 0, 0, 0), { title: 'Show ownership map', command: SHOW_MAP_COMMAND, arguments: [doc.uri] })];
        },
      },
    ),
    { dispose: () => views.forEach((v) => v.panel.dispose()) },
  );
}
