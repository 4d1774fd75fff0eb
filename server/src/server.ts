// The productteam language server: the connection, its capabilities and the
// document cache. Everything a feature knows lives in lsp/<feature>.ts over
// the pure engine; this file only wires requests to them.
//
// Transport comes from argv (`--stdio`, `--node-ipc`, `--socket=N`,
// `--pipe=NAME`); with none given it speaks stdio, so
// `productteam-language-server` works as is from any editor.
import {
  CodeActionKind,
  type CancellationToken,
  type Connection,
  DidChangeConfigurationNotification,
  type InitializeParams,
  type InitializeResult,
  ProposedFeatures,
  ResponseError,
  ErrorCodes,
  TextDocumentSyncKind,
  TextDocuments,
  createConnection,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { analyze, ParseCache, type Analysis, type Model } from './engine';
import { codeActions } from './lsp/codeActions';
import { completionsAt } from './lsp/completion';
import { FIX_ALL_KIND, toCompletionItem, toDiagnostic, toDocumentSymbol, toHover, toLocation, toRange, toWorkspaceEdit, type EditTarget } from './lsp/convert';
import { hoverAt } from './lsp/hover';
import { definitionOf, invalidIdReason, referencesOf, renameSpans, targetAt } from './lsp/navigation';
import { SETTINGS_SECTION, normalizeSettings, parseInitOptions, settingsKey, type EditorSettings, type InitOptions } from './lsp/settings';
import { reportAnalysis } from './lsp/status';
import { documentSymbols } from './lsp/symbols';

const TRANSPORT_FLAGS = /^--(stdio|node-ipc|socket(=|$)|pipe(=|$))/;
if (!process.argv.some((a) => TRANSPORT_FLAGS.test(a))) process.argv.push('--stdio');

const connection: Connection = createConnection(ProposedFeatures.all);
const documents = new TextDocuments(TextDocument);

// ---- logging and crash safety ------------------------------------------------

function describeError(err: unknown): string {
  return err instanceof Error ? (err.stack ?? err.message) : String(err);
}

function logError(where: string, err: unknown): void {
  try {
    connection.console.error(`[productteam] ${where}: ${describeError(err)}`);
  } catch {
    // The connection itself is gone; there is nobody left to tell.
  }
}

// A bug in one handler must not take the editor's language features down.
process.on('uncaughtException', (err) => logError('uncaught exception', err));
process.on('unhandledRejection', (err) => logError('unhandled rejection', err));

/**
 * Wraps a request handler: an exception becomes a logged error and an empty
 * result. ResponseErrors (a refused rename) still reach the client as errors.
 */
function guard<P, R>(name: string, empty: R, handler: (params: P, token: CancellationToken) => R | Promise<R>) {
  return async (params: P, token: CancellationToken): Promise<R> => {
    try {
      return await handler(params, token);
    } catch (err) {
      if (err instanceof ResponseError) throw err;
      logError(name, err);
      return empty;
    }
  };
}

// ---- settings ----------------------------------------------------------------

let init: InitOptions = parseInitOptions(undefined);
let canPullConfiguration = false;
let canRegisterConfiguration = false;
let versionedEdits = false;
/** Settings pushed with didChangeConfiguration, for clients that cannot answer workspace/configuration. */
let pushedSettings: EditorSettings | undefined;
/** Per document: the settings asked for with workspace/configuration (scoped to the document). */
const settingsCache = new Map<string, Promise<EditorSettings>>();

function settingsFor(uri: string): Promise<EditorSettings> {
  if (!canPullConfiguration) return Promise.resolve(pushedSettings ?? init.settings);
  let pending = settingsCache.get(uri);
  if (!pending) {
    pending = connection.workspace.getConfiguration({ scopeUri: uri, section: SETTINGS_SECTION }).then(
      (value: unknown) => ({ ...init.settings, ...normalizeSettings(value) }),
      (err: unknown) => {
        logError('workspace/configuration', err);
        return init.settings;
      },
    );
    settingsCache.set(uri, pending);
  }
  return pending;
}

// ---- the document cache: one analysis per uri, version and settings --------

interface Entry {
  version: number;
  settingsKey: string;
  analysis: Analysis;
}

const cache = new Map<string, Entry>();
/** Per document: its parsed chunks, so that a keystroke parses one entry again, not the whole file. */
const parseCaches = new Map<string, ParseCache>();

function parseCacheFor(uri: string): ParseCache {
  let c = parseCaches.get(uri);
  if (!c) parseCaches.set(uri, (c = new ParseCache()));
  return c;
}
/** Per document, the last model from a text that parsed: completion falls back to it mid-edit. */
const lastParsedModel = new Map<string, Model>();

async function analysisFor(doc: TextDocument): Promise<Entry> {
  // Snapshot now: TextDocuments updates the same object in place on didChange.
  const { uri, version } = doc;
  const text = doc.getText();
  const settings = await settingsFor(uri);
  const key = settingsKey(settings);
  const cached = cache.get(uri);
  if (cached && cached.version === version && cached.settingsKey === key) return cached;
  const options = init.today ? { ...settings, today: init.today } : settings;
  const entry: Entry = { version, settingsKey: key, analysis: analyze(text, { ...options, parseCache: parseCacheFor(uri) }) };
  const latest = documents.get(uri);
  if (latest && latest.version === version) {
    cache.set(uri, entry);
    if (entry.analysis.doc.errors.length === 0) lastParsedModel.set(uri, entry.analysis.model);
  }
  return entry;
}

/** The analysis for a request's document, or undefined when the document is not open. */
async function current(uri: string): Promise<Entry | undefined> {
  const doc = documents.get(uri);
  return doc ? analysisFor(doc) : undefined;
}

function editTarget(uri: string, version: number): EditTarget {
  return { uri, version, versioned: versionedEdits };
}

// ---- diagnostics: debounced, versioned, never stale ---------------------------

const timers = new Map<string, NodeJS.Timeout>();
/** Bumped on every change, close and settings change: a run that finds a newer ticket publishes nothing. */
const tickets = new Map<string, number>();
const publishedVersion = new Map<string, number>();
const justOpened = new Set<string>();

function nextTicket(uri: string): number {
  const t = (tickets.get(uri) ?? 0) + 1;
  tickets.set(uri, t);
  return t;
}

function scheduleValidation(uri: string, delay: number): void {
  clearTimeout(timers.get(uri));
  const ticket = nextTicket(uri);
  timers.set(
    uri,
    setTimeout(() => {
      timers.delete(uri);
      validate(uri, ticket).catch((err: unknown) => logError(`validating ${uri}`, err));
    }, delay),
  );
}

async function validate(uri: string, ticket: number): Promise<void> {
  const doc = documents.get(uri);
  if (!doc) return;
  const startedAt = performance.now();
  const { version, analysis } = await analysisFor(doc);
  // Drop a result that is no longer the document's: a newer change, close or settings change came in.
  if (tickets.get(uri) !== ticket || documents.get(uri)?.version !== version) return;
  if ((publishedVersion.get(uri) ?? -Infinity) > version) return;
  publishedVersion.set(uri, version);
  const diagnostics = analysis.problems.map((p) => toDiagnostic(analysis, p, version));
  await connection.sendDiagnostics({ uri, version, diagnostics });
  reportAnalysis(connection, uri, version, analysis, startedAt);
}

documents.onDidOpen((e) => {
  justOpened.add(e.document.uri);
});

documents.onDidChangeContent((e) => {
  try {
    const uri = e.document.uri;
    // A freshly opened file is linted at once; typing waits for a pause.
    scheduleValidation(uri, justOpened.delete(uri) ? 0 : init.debounceMs);
  } catch (err) {
    logError('didChange', err);
  }
});

documents.onDidClose((e) => {
  try {
    const uri = e.document.uri;
    clearTimeout(timers.get(uri));
    timers.delete(uri);
    nextTicket(uri);
    justOpened.delete(uri);
    cache.delete(uri);
    parseCaches.delete(uri);
    lastParsedModel.delete(uri);
    settingsCache.delete(uri);
    publishedVersion.delete(uri);
    void connection.sendDiagnostics({ uri, diagnostics: [] });
  } catch (err) {
    logError('didClose', err);
  }
});

function revalidateAll(): void {
  for (const doc of documents.all()) scheduleValidation(doc.uri, 0);
}

// ---- lifecycle -----------------------------------------------------------------

connection.onInitialize((params: InitializeParams): InitializeResult => {
  init = parseInitOptions(params.initializationOptions);
  const caps = params.capabilities;
  canPullConfiguration = !!caps.workspace?.configuration;
  canRegisterConfiguration = !!caps.workspace?.didChangeConfiguration?.dynamicRegistration;
  versionedEdits = !!caps.workspace?.workspaceEdit?.documentChanges;
  const literalActions = !!caps.textDocument?.codeAction?.codeActionLiteralSupport;
  const prepareRename = !!caps.textDocument?.rename?.prepareSupport;
  return {
    capabilities: {
      textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
      hoverProvider: true,
      completionProvider: { triggerCharacters: [':', ' ', '[', ',', '-'], resolveProvider: false },
      definitionProvider: true,
      referencesProvider: true,
      renameProvider: prepareRename ? { prepareProvider: true } : true,
      documentSymbolProvider: { label: 'Product Team' },
      codeActionProvider: literalActions ? { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND], resolveProvider: false } : true,
    },
    serverInfo: { name: 'productteam-language-server', version: '0.1.0' },
  };
});

connection.onInitialized(() => {
  if (canRegisterConfiguration) {
    connection.client
      .register(DidChangeConfigurationNotification.type, { section: SETTINGS_SECTION })
      .catch((err: unknown) => logError('registering for configuration changes', err));
  }
});

connection.onDidChangeConfiguration((change) => {
  try {
    if (!canPullConfiguration) {
      const pushed = (change.settings as Record<string, unknown> | null | undefined)?.[SETTINGS_SECTION];
      if (pushed !== undefined) pushedSettings = { ...init.settings, ...normalizeSettings(pushed) };
    }
    settingsCache.clear();
    revalidateAll();
  } catch (err) {
    logError('didChangeConfiguration', err);
  }
});

// ---- features ------------------------------------------------------------------

connection.onHover(
  guard('hover', null, async ({ textDocument, position }) => {
    const entry = await current(textDocument.uri);
    if (!entry) return null;
    const { analysis } = entry;
    const result = hoverAt(analysis, analysis.lines.offsetAt(position));
    return result ? toHover(analysis, result.markdown, result.span) : null;
  }),
);

connection.onCompletion(
  guard('completion', null, async ({ textDocument, position }) => {
    const entry = await current(textDocument.uri);
    if (!entry) return null;
    const { analysis } = entry;
    const offset = analysis.lines.offsetAt(position);
    const fallback = lastParsedModel.get(textDocument.uri);
    const models = fallback && fallback !== analysis.model ? [analysis.model, fallback] : [analysis.model];
    const items = completionsAt(analysis.text, offset, models).map((e) => toCompletionItem(analysis, e));
    return { isIncomplete: false, items };
  }),
);

connection.onCodeAction(
  guard('codeAction', [], async ({ textDocument, context }) => {
    const entry = await current(textDocument.uri);
    if (!entry) return [];
    return codeActions(entry.analysis, editTarget(textDocument.uri, entry.version), context);
  }),
);

connection.onDefinition(
  guard('definition', null, async ({ textDocument, position }) => {
    const entry = await current(textDocument.uri);
    if (!entry) return null;
    const { analysis } = entry;
    const span = definitionOf(analysis, analysis.lines.offsetAt(position));
    return span ? toLocation(analysis, textDocument.uri, span) : null;
  }),
);

connection.onReferences(
  guard('references', [], async ({ textDocument, position, context }) => {
    const entry = await current(textDocument.uri);
    if (!entry) return [];
    const { analysis } = entry;
    return referencesOf(analysis, analysis.lines.offsetAt(position), context.includeDeclaration).map((s) =>
      toLocation(analysis, textDocument.uri, s),
    );
  }),
);

connection.onPrepareRename(
  guard('prepareRename', null, async ({ textDocument, position }) => {
    const entry = await current(textDocument.uri);
    if (!entry) return null;
    const { analysis } = entry;
    const target = targetAt(analysis, analysis.lines.offsetAt(position));
    if (!target) return null;
    return { range: toRange(analysis, target.span), placeholder: target.id };
  }),
);

connection.onRenameRequest(
  guard('rename', null, async ({ textDocument, position, newName }) => {
    const entry = await current(textDocument.uri);
    if (!entry) return null;
    const { analysis } = entry;
    const target = targetAt(analysis, analysis.lines.offsetAt(position));
    if (!target) throw new ResponseError(ErrorCodes.InvalidRequest, 'Only person and team ids can be renamed');
    const reason = invalidIdReason(analysis, target, newName);
    if (reason) throw new ResponseError(ErrorCodes.InvalidParams, reason);
    const edits = newName === target.id ? [] : renameSpans(analysis, target).map((s) => ({ ...s, newText: newName }));
    return toWorkspaceEdit(analysis, editTarget(textDocument.uri, entry.version), edits);
  }),
);

connection.onDocumentSymbol(
  guard('documentSymbol', [], async ({ textDocument }) => {
    const entry = await current(textDocument.uri);
    if (!entry) return [];
    return documentSymbols(entry.analysis).map((s) => toDocumentSymbol(entry.analysis, s));
  }),
);

documents.listen(connection);
connection.listen();
